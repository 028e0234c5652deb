package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * Van der Pol oscillator in the test set's scaling (VDPOL): y1' = y2, y2' = ((1 - y1^2) y2 - y1)/eps;
 * no analytic Jacobian (integrators use finite differences). Immutable; allocation-free.
 */
public final class VanDerPol implements OdeSystem {
  /** The test set's stiffness parameter. */
  public static final double TEST_SET_EPSILON = 1e-6;

  private final double eps;

  /** @param eps stiffness parameter, positive */
  public VanDerPol(double eps) {
    if (!(eps > 0 && eps < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("eps must be positive and finite, got " + eps);
    }
    this.eps = eps;
  }

  public double epsilon() {
    return eps;
  }

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    f[0] = y[1];
    f[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
  }
}
