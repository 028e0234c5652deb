package org.qdlaser.pipeline.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an {@link Executor} achieved.
 *
 * @param state how far the run got
 * @param outcomes outcomes by task id in plan order ({@link State#COMPLETED} only, else empty)
 * @param jobs submitted jobs by role ({@code array_job}, {@code merge_job}), empty for local runs
 */
public record ExecutionResult(State state, Map<String, TaskOutcome> outcomes, Map<String, String> jobs) {
  public enum State {
    /** Every task ran in this process; the caller writes lock and provenance. */
    COMPLETED,
    /** A merge job ran and wrote lock and provenance. */
    MERGED,
    /** Jobs were submitted and are still running (detached); {@code qdlaser collect} finishes. */
    SUBMITTED
  }

  public ExecutionResult {
    Objects.requireNonNull(state, "state");
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    jobs = Collections.unmodifiableSortedMap(new TreeMap<>(jobs));
  }

  public static ExecutionResult completed(Map<String, TaskOutcome> outcomes) {
    return new ExecutionResult(State.COMPLETED, outcomes, new TreeMap<>());
  }
}
