package org.qdlaser.stages.numerics.jacobian;

import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/** Dense central-difference Jacobians of nonlinear systems (accuracy ~eps^(2/3) relative). */
public final class FiniteDifferences {
  /** eps^(1/3): balances truncation (h^2) against rounding (eps/h) for central differences. */
  private static final double CENTRAL_STEP = Math.cbrt(Math.ulp(1.0));

  private FiniteDifferences() {}

  /**
   * jac[i][j] = dF_i/dx_j by central differences with step CENTRAL_STEP * (|x_j| + floor).
   *
   * @param x point, restored on return
   * @param jac caller-owned n x n output
   */
  public static void jacobianCentral(NonlinearSystem system, double[] x, double floor, double[][] jac) {
    jacobianCentral(system, x, floor, 1.0, jac);
  }

  /**
   * The same with the increments multiplied by {@code stepFactor}: the Jacobian from two step sizes
   * differs by its truncation (h^2) and rounding (eps/h) errors, an estimate of its accuracy.
   *
   * @param stepFactor positive multiplier of the increments (1: the balanced step)
   */
  public static void jacobianCentral(NonlinearSystem system, double[] x, double floor, double stepFactor, double[][] jac) {
    if (!(stepFactor > 0) || Double.isInfinite(stepFactor)) {
      throw new IllegalArgumentException("step factor must be positive and finite, got " + stepFactor);
    }
    int n = system.dimension();
    double[] fp = new double[n];
    double[] fm = new double[n];
    for (int j = 0; j < n; j++) {
      double xj = x[j];
      double h = stepFactor * CENTRAL_STEP * (Math.abs(xj) + floor);
      x[j] = xj + h;
      double hp = x[j] - xj;
      system.residual(x, fp);
      x[j] = xj - h;
      double hm = xj - x[j];
      system.residual(x, fm);
      x[j] = xj;
      double inv = 1.0 / (hp + hm);
      for (int i = 0; i < n; i++) {
        jac[i][j] = (fp[i] - fm[i]) * inv;
      }
    }
  }

  /** Central-difference Jacobian of an ODE right-hand side at (t, y). */
  public static void jacobianCentral(OdeSystem system, double t, double[] y, double floor, double[][] jac) {
    jacobianCentral(system, t, y, floor, 1.0, jac);
  }

  /** Central-difference Jacobian of an ODE right-hand side with increments times {@code stepFactor}. */
  public static void jacobianCentral(OdeSystem system, double t, double[] y, double floor, double stepFactor, double[][] jac) {
    jacobianCentral(
        new NonlinearSystem() {
          @Override
          public int dimension() {
            return system.dimension();
          }

          @Override
          public void residual(double[] x, double[] out) {
            system.rhs(t, x, out);
          }
        },
        y, floor, stepFactor, jac);
  }
}
