package org.qdlaser.stages.numerics.ode;

/**
 * Decides after an accepted step whether integration stops there (for example the equilibrium
 * criterion of App. A). Arrays belong to the integrator and are valid only during the call.
 */
@FunctionalInterface
public interface StopCondition {
  boolean shouldStop(double t, double[] y, double[] yDot);

  StopCondition NEVER = (t, y, yDot) -> false;
}
