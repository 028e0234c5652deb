package org.qdlaser.pipeline.plan;

import java.util.Map;

/** The work of a task: a pure function from its input artifacts to its output artifacts. */
@FunctionalInterface
public interface TaskAction {
  /**
   * @param inputs the upstream tasks' artifacts, by relative path
   * @return output artifacts by relative path (the pipeline writes them atomically)
   */
  Map<String, byte[]> run(TaskInputs inputs) throws Exception;
}
