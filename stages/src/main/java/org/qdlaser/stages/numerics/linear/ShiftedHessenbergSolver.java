package org.qdlaser.stages.numerics.linear;

/**
 * Solves (s I - M) x = v for one real n x n matrix M and many complex shifts s: M = Q H Q^T is reduced
 * once to upper Hessenberg form H ({@link HouseholderHessenberg}, O(n^3); EJML's before branch ifpt,
 * which also formed Q, unused but for a few vectors), after which each shift costs one
 * Gaussian elimination with partial pivoting of the Hessenberg matrix s I - H (O(n^2): one
 * sub-diagonal to eliminate per column, no fill below it). The classic route for resolvents at many
 * points (transfer functions; Laub 1981); here the pump-step residues of many candidate eigenvalues,
 * each of which was a dense 2n x 2n LU before.
 *
 * <p>Backward stable as the Hessenberg reduction and partial pivoting are. Not thread-safe: one
 * workspace per instance, grown once.
 */
public final class ShiftedHessenbergSolver {
  private final int n;
  /**
   * H's rows (n x n), the reduction's own arrays (one copy of H, not two; read only): the solves read
   * only entries on or above the sub-diagonal.
   */
  private final double[][] h;
  /** M = Q H Q^T with Q kept as its reflectors. */
  private final HouseholderHessenberg hess;
  // workspaces of one solve: U of s I - H = P L U (upper part, row-major), the row being eliminated, the right side
  private final double[] aRe;
  private final double[] aIm;
  private final double[] xRe;
  private final double[] xIm;
  private final double[] curRe;
  private final double[] curIm;

  /** @param m the real matrix (row-major rows, caller-owned, not modified), square */
  public ShiftedHessenbergSolver(double[][] m) {
    this.n = m.length;
    for (int i = 0; i < n; i++) {
      for (double x : m[i]) {
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException("Hessenberg reduction of a matrix with non-finite entries (row " + i + ")");
        }
      }
    }
    this.hess = new HouseholderHessenberg(m);
    this.h = hess.rows();
    this.aRe = new double[n * n];
    this.aIm = new double[n * n];
    this.xRe = new double[n];
    this.xIm = new double[n];
    this.curRe = new double[n];
    this.curIm = new double[n];
  }

  public int dimension() {
    return n;
  }

  /** Q^T v (a new array): a vector in the Hessenberg basis. */
  public double[] toHessenbergBasis(double[] v) {
    return hess.toHessenbergBasis(v);
  }

  /**
   * x = (s I - H)^{-1} c for s = sRe + i sIm and a real c in the Hessenberg basis ({@link
   * #toHessenbergBasis}), written into the caller-owned {@code outRe}, {@code outIm}; then u . (s I -
   * M)^{-1} v = (Q^T u) . x for c = Q^T v.
   *
   * @throws ArithmeticException if s I - H is exactly singular (s an exact eigenvalue)
   */
  public void solve(double sRe, double sIm, double[] c, double[] outRe, double[] outIm) {
    // Row by row (issue 14: the memory traffic, not the flops, set the cost at n ~ 1000): the row
    // being eliminated is kept in curRe/curIm, the next row of s I - H is read from H when needed,
    // and only the finished rows of U are stored (aRe/aIm, upper part). The arithmetic is that of
    // Gaussian elimination with partial pivoting on the whole matrix, operation for operation.
    double[] h0 = h[0];
    for (int j = 0; j < n; j++) {
      curRe[j] = -h0[j];
      curIm[j] = 0;
      xRe[j] = c[j];
      xIm[j] = 0;
    }
    curRe[0] += sRe;
    curIm[0] = sIm;
    for (int k = 0; k < n - 1; k++) {
      int rk = k * n;
      double[] h1 = h[k + 1]; // row k + 1 of H
      double subRe = -h1[k]; // row k + 1 of s I - H at column k: below the diagonal, real
      double lRe;
      double lIm;
      if (Math.abs(subRe) > Math.hypot(curRe[k], curIm[k])) {
        // Row k + 1 is the pivot row: it becomes row k of U, the current row is eliminated against it.
        for (int j = k; j < n; j++) {
          aRe[rk + j] = -h1[j];
          aIm[rk + j] = 0;
        }
        aRe[rk + k + 1] += sRe;
        aIm[rk + k + 1] = sIm;
        double t = xRe[k];
        xRe[k] = xRe[k + 1];
        xRe[k + 1] = t;
        t = xIm[k];
        xIm[k] = xIm[k + 1];
        xIm[k + 1] = t;
        double pRe = subRe;
        double pIm = 0;
        double den = pRe * pRe + pIm * pIm;
        lRe = (curRe[k] * pRe + curIm[k] * pIm) / den;
        lIm = (curIm[k] * pRe - curRe[k] * pIm) / den;
        for (int j = k + 1; j < n; j++) {
          double uRe = aRe[rk + j];
          double uIm = aIm[rk + j];
          curRe[j] -= lRe * uRe - lIm * uIm;
          curIm[j] -= lRe * uIm + lIm * uRe;
        }
      } else {
        // The current row is the pivot row: it becomes row k of U; row k + 1 is eliminated against it.
        double pRe = curRe[k];
        double pIm = curIm[k];
        double den = pRe * pRe + pIm * pIm;
        if (den == 0) {
          throw new ArithmeticException("s I - H is singular at s = " + sRe + " + " + sIm + " i (column " + k + ")");
        }
        lRe = (subRe * pRe + 0.0 * pIm) / den;
        lIm = (0.0 * pRe - subRe * pIm) / den;
        for (int j = k; j < n; j++) {
          aRe[rk + j] = curRe[j];
          aIm[rk + j] = curIm[j];
        }
        for (int j = k + 1; j < n; j++) {
          double uRe = curRe[j];
          double uIm = curIm[j];
          double vRe = -h1[j];
          double vIm = 0;
          if (j == k + 1) {
            vRe += sRe;
            vIm = sIm;
          }
          curRe[j] = vRe - (lRe * uRe - lIm * uIm);
          curIm[j] = vIm - (lRe * uIm + lIm * uRe);
        }
      }
      double bRe = xRe[k];
      double bIm = xIm[k];
      xRe[k + 1] -= lRe * bRe - lIm * bIm;
      xIm[k + 1] -= lRe * bIm + lIm * bRe;
    }
    aRe[(n - 1) * n + n - 1] = curRe[n - 1];
    aIm[(n - 1) * n + n - 1] = curIm[n - 1];
    for (int i = n - 1; i >= 0; i--) {
      int row = i * n;
      double sR = xRe[i];
      double sI = xIm[i];
      for (int j = i + 1; j < n; j++) {
        sR -= aRe[row + j] * outRe[j] - aIm[row + j] * outIm[j];
        sI -= aRe[row + j] * outIm[j] + aIm[row + j] * outRe[j];
      }
      double pRe = aRe[row + i];
      double pIm = aIm[row + i];
      double den = pRe * pRe + pIm * pIm;
      if (den == 0) {
        throw new ArithmeticException("s I - H is singular at s = " + sRe + " + " + sIm + " i (row " + i + ")");
      }
      outRe[i] = (sR * pRe + sI * pIm) / den;
      outIm[i] = (sI * pRe - sR * pIm) / den;
    }
  }
}
