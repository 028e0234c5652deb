package org.qdlaser.stages.numerics.ode;

/** A computation failure of an integrator (step-size underflow, NaN, no Newton convergence). */
public class IntegrationException extends RuntimeException {
  private final double time;

  public IntegrationException(String message, double time) {
    super(message + " (at t = " + time + ")");
    this.time = time;
  }

  /** Time at which the failure happened, in the system's time unit. */
  public double time() {
    return time;
  }
}
