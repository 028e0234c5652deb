package org.qdlaser.stages.numerics.ode;

/**
 * Outcome of one integration.
 *
 * @param t final time reached
 * @param y final state (a copy owned by this record)
 * @param stoppedEarly true if a {@link StopCondition} ended the integration before tEnd
 * @param stats work counters
 */
public record IntegrationResult(double t, double[] y, boolean stoppedEarly, IntegratorStats stats) {
  public IntegrationResult {
    y = y.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }
}
