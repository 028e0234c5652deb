package org.qdlaser.stages.numerics.linear;

/**
 * Dense LU factorisation with partial (row) pivoting, PA = LU, in a grow-only internal workspace:
 * allocation-free once it has seen the largest n.
 *
 * <p>Only an exactly zero or non-finite pivot counts as singular. Newton matrices I - h*beta*J of
 * stiff problems are routinely ill conditioned (condition ~1e17 for ROBER at large h) and still
 * give useful Newton corrections, so a relative pivot threshold would reject good steps; a bad
 * solve shows up as a Newton convergence failure instead.
 */
public final class DenseLuSolver implements LinearSolver {
  private double[] lu = new double[0];
  private int[] pivot = new int[0];
  /** Dimension of the current factorisation; -1 when there is none. */
  private int n = -1;

  @Override
  public void factor(double[] a, int n) {
    if (n < 1 || a.length < n * n) {
      throw new IllegalArgumentException(
          "need n >= 1 and a.length >= n*n, got n=" + n + ", a.length=" + a.length);
    }
    this.n = -1;
    if (lu.length < n * n) {
      lu = new double[n * n];
    }
    if (pivot.length < n) {
      pivot = new int[n];
    }
    final double[] m = lu;
    System.arraycopy(a, 0, m, 0, n * n);
    for (int k = 0; k < n; k++) {
      int p = k;
      double max = Math.abs(m[k * n + k]);
      for (int i = k + 1; i < n; i++) {
        double v = Math.abs(m[i * n + k]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      if (!(max > 0 && max < Double.POSITIVE_INFINITY)) {
        throw new SingularMatrixException(
            "matrix is singular: pivot " + max + " in column " + k + " of " + n
                + " (zero, or NaN/Inf entries)");
      }
      pivot[k] = p;
      if (p != k) {
        int rk = k * n;
        int rp = p * n;
        for (int j = 0; j < n; j++) {
          double tmp = m[rk + j];
          m[rk + j] = m[rp + j];
          m[rp + j] = tmp;
        }
      }
      final int rk = k * n;
      final double inv = 1.0 / m[rk + k];
      for (int i = k + 1; i < n; i++) {
        final int ri = i * n;
        final double l = m[ri + k] * inv;
        m[ri + k] = l;
        if (l != 0) {
          for (int j = k + 1; j < n; j++) {
            m[ri + j] -= l * m[rk + j];
          }
        }
      }
    }
    this.n = n;
  }

  @Override
  public void solve(double[] b) {
    final int n = this.n;
    if (n < 0) {
      throw new IllegalStateException("no valid factorisation (factor() not called or it failed)");
    }
    if (b.length < n) {
      throw new IllegalArgumentException("b.length " + b.length + " < n = " + n);
    }
    final double[] m = lu;
    for (int k = 0; k < n; k++) {
      int p = pivot[k];
      if (p != k) {
        double tmp = b[k];
        b[k] = b[p];
        b[p] = tmp;
      }
    }
    // L has a unit diagonal.
    for (int i = 1; i < n; i++) {
      final int ri = i * n;
      double s = b[i];
      for (int j = 0; j < i; j++) {
        s -= m[ri + j] * b[j];
      }
      b[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      final int ri = i * n;
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= m[ri + j] * b[j];
      }
      b[i] = s / m[ri + i];
    }
  }
}
