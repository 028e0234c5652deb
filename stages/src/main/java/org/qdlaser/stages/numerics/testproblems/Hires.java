package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * HIRES, the high irradiance response of photomorphogenesis (8 equations), with analytic
 * Jacobian. Invariant y7 + y8. Immutable; allocation-free.
 */
public final class Hires implements OdeSystem {
  @Override
  public int dimension() {
    return 8;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    f[1] = 1.71 * y[0] - 8.75 * y[1];
    f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    f[4] = -1.745 * y[4] + 0.43 * (y[5] + y[6]);
    f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
    f[7] = -f[6];
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] j) {
    final int n = 8;
    Arrays.fill(j, 0, n * n, 0.0);
    j[0] = -1.71;
    j[1] = 0.43;
    j[2] = 8.32;
    j[n] = 1.71;
    j[n + 1] = -8.75;
    j[2 * n + 2] = -10.03;
    j[2 * n + 3] = 0.43;
    j[2 * n + 4] = 0.035;
    j[3 * n + 1] = 8.32;
    j[3 * n + 2] = 1.71;
    j[3 * n + 3] = -1.12;
    j[4 * n + 4] = -1.745;
    j[4 * n + 5] = 0.43;
    j[4 * n + 6] = 0.43;
    j[5 * n + 3] = 0.69;
    j[5 * n + 4] = 1.71;
    j[5 * n + 5] = -280 * y[7] - 0.43;
    j[5 * n + 6] = 0.69;
    j[5 * n + 7] = -280 * y[5];
    j[6 * n + 5] = 280 * y[7];
    j[6 * n + 6] = -1.81;
    j[6 * n + 7] = 280 * y[5];
    j[7 * n + 5] = -280 * y[7];
    j[7 * n + 6] = 1.81;
    j[7 * n + 7] = -280 * y[5];
  }
}
