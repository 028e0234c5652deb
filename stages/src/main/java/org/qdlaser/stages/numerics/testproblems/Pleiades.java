package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The Pleiades problem (PLEI) of the Test Set for IVP Solvers: seven point masses m_j = j in the
 * plane under mutual gravitation (G = 1), as a first-order system of 28 equations, y = (x_1..x_7,
 * y_1..y_7, x_1'..x_7', y_1'..y_7'):
 *
 * <pre>  x_i'' = sum_{j != i} m_j (x_j - x_i) / r_ij^3,  r_ij^2 = (x_i - x_j)^2 + (y_i - y_j)^2</pre>
 *
 * and likewise for y_i, over [0, 3]. Not stiff (it is in the set as a non-stiff reference with close
 * encounters). Analytic Jacobian. Immutable; allocation-free.
 */
public final class Pleiades implements OdeSystem {
  private static final int BODIES = 7;

  @Override
  public int dimension() {
    return 4 * BODIES;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    for (int i = 0; i < BODIES; i++) {
      double ax = 0;
      double ay = 0;
      for (int j = 0; j < BODIES; j++) {
        if (j != i) {
          final double dx = y[j] - y[i];
          final double dy = y[j + BODIES] - y[i + BODIES];
          final double r2 = dx * dx + dy * dy;
          final double r3 = r2 * Math.sqrt(r2);
          final double mj = j + 1;
          ax += mj * dx / r3;
          ay += mj * dy / r3;
        }
      }
      f[i + 2 * BODIES] = ax;
      f[i + 3 * BODIES] = ay;
    }
    System.arraycopy(y, 2 * BODIES, f, 0, 2 * BODIES);
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] jac) {
    final int n = 4 * BODIES;
    Arrays.fill(jac, 0, n * n, 0.0);
    for (int i = 0; i < 2 * BODIES; i++) {
      jac[i * n + 2 * BODIES + i] = 1.0;
    }
    // d(a_x,i)/d(x_j) = m_j (1/r^3 - 3 dx^2/r^5), d(a_x,i)/d(y_j) = -3 m_j dx dy / r^5, and the
    // diagonal blocks are minus the sums over j of the off-diagonal ones.
    final int ax = 2 * BODIES;
    final int ay = 3 * BODIES;
    for (int i = 0; i < BODIES; i++) {
      for (int j = 0; j < BODIES; j++) {
        if (j == i) {
          continue;
        }
        final double dx = y[j] - y[i];
        final double dy = y[j + BODIES] - y[i + BODIES];
        final double r2 = dx * dx + dy * dy;
        final double r3 = r2 * Math.sqrt(r2);
        final double r5 = r3 * r2;
        final double mj = j + 1;
        final double xx = mj * (1 / r3 - 3 * dx * dx / r5);
        final double yy = mj * (1 / r3 - 3 * dy * dy / r5);
        final double xy = -3 * mj * dx * dy / r5;
        jac[(ax + i) * n + j] = xx;
        jac[(ax + i) * n + BODIES + j] = xy;
        jac[(ay + i) * n + j] = xy;
        jac[(ay + i) * n + BODIES + j] = yy;
        jac[(ax + i) * n + i] -= xx;
        jac[(ax + i) * n + BODIES + i] -= xy;
        jac[(ay + i) * n + i] -= xy;
        jac[(ay + i) * n + BODIES + i] -= yy;
      }
    }
  }
}
