package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The Oregonator model of the Belousov-Zhabotinskii reaction (OREGO); no analytic Jacobian
 * (integrators use finite differences). Immutable; allocation-free.
 */
public final class Oregonator implements OdeSystem {
  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    f[0] = 77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1]));
    f[1] = (y[2] - (1 + y[0]) * y[1]) / 77.27;
    f[2] = 0.161 * (y[0] - y[2]);
  }
}
