package org.qdlaser.stages.numerics.jacobian;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * Dense forward-difference Jacobian of an ODE right-hand side, for systems without an analytic
 * one. Accuracy ~sqrt(eps) relative, plenty for a Newton iteration matrix. Costs n right-hand
 * side evaluations; allocation-free after construction.
 */
public final class FiniteDifferenceJacobian {
  /** sqrt(eps): balances truncation (~delta) against rounding (~eps/delta) of forward differences. */
  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

  private final int n;
  private final double[] yWork;
  private final double[] fWork;

  /** @param n system dimension */
  public FiniteDifferenceJacobian(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + n);
    }
    this.n = n;
    this.yWork = new double[n];
    this.fWork = new double[n];
  }

  public int dimension() {
    return n;
  }

  /**
   * Writes {@code jac[i*n+j] = d f_i / d y_j} at (t, y) with increments
   * delta_j = sqrt(eps) * max(|y_j|, floor_j).
   *
   * @param y state, read only
   * @param f0 f(t, y), supplied by the caller (already known in the integrator), read only
   * @param floor per-component typical magnitude, positive (state units; the integrator passes the
   *     absolute tolerances), so that components at 0 get a non-zero increment
   * @param jac output of length n*n, overwritten
   * @return right-hand side evaluations used (n)
   */
  public int compute(OdeSystem system, double t, double[] y, double[] f0, double[] floor, double[] jac) {
    final int n = this.n;
    System.arraycopy(y, 0, yWork, 0, n);
    for (int j = 0; j < n; j++) {
      final double yj = yWork[j];
      final double inc = SQRT_EPS * Math.max(Math.abs(yj), floor[j]);
      yWork[j] = yj + inc;
      // The increment actually represented in floating point, so the quotient is exact in delta.
      final double delta = yWork[j] - yj;
      if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "no usable increment for component " + j + " (y_j = " + yj + ", floor_j = " + floor[j] + ")");
      }
      system.rhs(t, yWork, fWork);
      yWork[j] = yj;
      final double inv = 1.0 / delta;
      for (int i = 0; i < n; i++) {
        jac[i * n + j] = (fWork[i] - f0[i]) * inv;
      }
    }
    return n;
  }
}
