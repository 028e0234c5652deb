package org.qdlaser.pipeline.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.store.CanonicalJson;

/**
 * One kind of task: a pure function of its typed parameters and its input artifacts. The planner
 * hashes exactly the parameters record it passes here (its canonical JSON is the task's
 * {@code parameters}), so what is hashed is what is used: implementations hold no state (they are
 * enum singletons) and read nothing else.
 *
 * @param <P> the parameters record (canonical JSON = the task key's parameters)
 */
public interface StageTask<P> {
  /** Stage name: sampling, integration, equilibrium, fitting or report. */
  String stage();

  /** The stage's version, bumped whenever its output for the same inputs changes ({@link StageVersions}). */
  int version();

  /**
   * @param label the model run (part of the key; names the artifacts)
   * @param params the task's parameters, as hashed
   * @param in the upstream tasks' artifacts
   * @return output artifacts by run-relative path
   */
  Map<String, byte[]> run(String label, P params, TaskInputs in) throws Exception;

  /**
   * This task for one label: its spec holds the canonical JSON of {@code params} (hashed into the
   * key) and its action runs this task on the same {@code params}.
   */
  default PlannedTask plan(String label, P params, List<String> dependsOn) {
    Map<String, Object> json = CanonicalJson.mapper().convertValue(params, JSON_OBJECT);
    return new PlannedTask(TaskSpec.of(stage(), version(), label, json, dependsOn), in -> run(label, params, in));
  }

  /** The type of a parameters record's JSON. */
  TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
}
