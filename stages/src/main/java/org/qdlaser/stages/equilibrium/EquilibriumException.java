package org.qdlaser.stages.equilibrium;

/** A steady state or threshold could not be computed (a computation failure, exit code 1). */
public class EquilibriumException extends RuntimeException {
  public EquilibriumException(String message) {
    super(message);
  }
}
