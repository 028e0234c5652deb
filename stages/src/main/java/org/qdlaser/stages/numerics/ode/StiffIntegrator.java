package org.qdlaser.stages.numerics.ode;

/**
 * Integrator for stiff initial value problems.
 *
 * <p>Implementations are workspaces (not thread safe); create one per thread.
 */
public interface StiffIntegrator {

  /**
   * Integrates from (t0, y0) to tEnd, or until {@code stop} says so.
   *
   * @param y0 initial state, read only (copied)
   * @throws IntegrationException if the step size underflows, Newton fails repeatedly or a
   *     non-finite value appears; the message names the time and the cause
   */
  IntegrationResult integrate(
      OdeSystem system, double t0, double[] y0, double tEnd, StepObserver observer, StopCondition stop);
}
