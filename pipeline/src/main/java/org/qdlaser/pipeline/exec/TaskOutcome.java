package org.qdlaser.pipeline.exec;

import java.time.Instant;
import java.util.List;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.store.ArtifactRef;

/**
 * What happened to one task.
 *
 * @param spec the task
 * @param key SHA-256 of its canonical inputs
 * @param artifacts its output artifacts
 * @param reused whether previous artifacts were reused
 * @param reason why it ran or was reused
 */
public record TaskOutcome(
    TaskSpec spec, String key, List<ArtifactRef> artifacts, boolean reused, String reason, Instant start, Instant end) {
  public TaskOutcome {
    artifacts = List.copyOf(artifacts);
  }
}
