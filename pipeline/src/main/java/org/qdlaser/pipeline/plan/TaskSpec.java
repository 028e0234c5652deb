package org.qdlaser.pipeline.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of a study's plan: a stage applied to one label (model run), with its parameters and
 * the tasks whose artifacts it consumes. Its key (computed when the inputs exist) is the SHA-256
 * of the canonical JSON of stage, version, label, parameters and the inputs' hashes.
 *
 * @param id unique id, {@code stage/label}
 * @param stage stage name
 * @param stageVersion bumped whenever the stage's output for the same inputs changes
 * @param label model-run label (or "all")
 * @param parameters canonical parameters (JSON-serialisable values)
 * @param dependsOn ids of upstream tasks
 */
public record TaskSpec(
    String id, String stage, int stageVersion, String label, Map<String, Object> parameters, List<String> dependsOn) {
  public TaskSpec {
    parameters = new TreeMap<>(parameters);
    dependsOn = List.copyOf(dependsOn);
  }

  public static TaskSpec of(String stage, int version, String label, Map<String, Object> parameters, List<String> dependsOn) {
    return new TaskSpec(stage + "/" + label, stage, version, label, parameters, dependsOn);
  }
}
