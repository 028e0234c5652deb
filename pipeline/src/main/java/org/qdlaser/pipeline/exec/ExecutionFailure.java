package org.qdlaser.pipeline.exec;

/**
 * A run that could not complete for a reason other than bad input or a failed computation inside
 * a task: a shard failed, tasks are missing at the merge, a job could not be submitted (exit 1).
 * The message says what happened, where to look and what to do.
 */
public class ExecutionFailure extends RuntimeException {
  public ExecutionFailure(String message) {
    super(message);
  }

  public ExecutionFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
