package org.qdlaser.stages.equilibrium;

/** A steady state or threshold could not be computed (a computation failure, exit code 1). */
public class EquilibriumException extends RuntimeException {
  public EquilibriumException(String message) {
    super(message);
  }

  /** A failure of a computation below (an integration), with its message. */
  public EquilibriumException(String message, Throwable cause) {
    super(message, cause);
  }
}
