package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * Robertson's chemical kinetics (ROBER): y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 -
 * 3e7 y2^2, y3' = 3e7 y2^2, with analytic Jacobian. Invariant y1 + y2 + y3. Immutable; allocation-free.
 */
public final class Rober implements OdeSystem {
  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    f[2] = 3e7 * y[1] * y[1];
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] j) {
    j[0] = -0.04;
    j[1] = 1e4 * y[2];
    j[2] = 1e4 * y[1];
    j[3] = 0.04;
    j[4] = -1e4 * y[2] - 6e7 * y[1];
    j[5] = -1e4 * y[1];
    j[6] = 0.0;
    j[7] = 6e7 * y[1];
    j[8] = 0.0;
  }
}
