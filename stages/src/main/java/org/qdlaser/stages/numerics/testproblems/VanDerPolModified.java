package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * Van der Pol oscillator in the unscaled form of the Test Set's VDPOLM ("Van der Pol modified"):
 * y1' = y2, y2' = mu (1 - y1^2) y2 - y1 with mu = 1000, over [0, 2000] (one relaxation period is
 * about 1614 time units, so the interval holds a full cycle and both fast jumps). Analytic
 * Jacobian. Immutable; allocation-free.
 */
public final class VanDerPolModified implements OdeSystem {
  /** The test set's damping parameter. */
  public static final double MU = 1000.0;

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    f[0] = y[1];
    f[1] = MU * (1 - y[0] * y[0]) * y[1] - y[0];
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] j) {
    j[0] = 0.0;
    j[1] = 1.0;
    j[2] = -2 * MU * y[0] * y[1] - 1.0;
    j[3] = MU * (1 - y[0] * y[0]);
  }
}
