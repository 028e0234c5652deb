package org.qdlaser.pipeline.cli;

/** A run or check that failed for a reason other than bad input (exit code 1). */
public class ComputationFailure extends RuntimeException {
  public ComputationFailure(String message) {
    super(message);
  }

  public ComputationFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
