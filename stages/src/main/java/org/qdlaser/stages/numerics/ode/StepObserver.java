package org.qdlaser.stages.numerics.ode;

/** Called after every accepted step. Arrays belong to the integrator and are valid only during the call. */
@FunctionalInterface
public interface StepObserver {
  void stepAccepted(double t, double[] y, double[] yDot);

  StepObserver NONE = (t, y, yDot) -> { };
}
