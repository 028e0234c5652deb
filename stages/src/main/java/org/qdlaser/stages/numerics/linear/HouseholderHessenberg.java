package org.qdlaser.stages.numerics.linear;

import java.util.Arrays;

/**
 * Reduction of a real square matrix to upper Hessenberg form by Householder similarities, M = Q H Q^T
 * (Golub and Van Loan, Matrix Computations, Algorithm 7.4.2), keeping the reflectors instead of Q: Q^T
 * v costs O(n^2) from them ({@link #toHessenbergBasis}), and forming Q (another ~4/3 n^3 flops) is
 * not needed by its users, the eigenvalue-only QR ({@code FrancisEigenvalues}) and the shifted
 * Hessenberg solves of the pump-step residues ({@link ShiftedHessenbergSolver}), which transform a few
 * vectors. Ours rather than EJML's (which forms Q) for that reason and for the C1 compiler of short
 * commands: plain row loops (issue 14 part 3, branch ifpt).
 *
 * <p>Backward stable: H is exactly similar to a matrix within a small multiple of n eps ||M|| of M.
 * Arrays: {@link #reduce} works in place on caller-owned rows; an instance owns its copies.
 */
public final class HouseholderHessenberg {
  private final int n;
  /** H (n x n rows; zeros below the sub-diagonal). */
  private final double[][] h;
  /** Reflector k (rows): v_k[k + 1] = 1, entries k + 2 .. n - 1; null where column k needed none. */
  private final double[][] v;
  private final double[] tau;

  /** Reduces a copy of {@code m} (square rows, caller-owned, not modified), keeping the reflectors. */
  public HouseholderHessenberg(double[][] m) {
    n = m.length;
    h = squareCopy(m);
    v = new double[Math.max(n - 2, 0)][];
    tau = new double[Math.max(n - 2, 0)];
    reduce(h, v, tau);
  }

  /**
   * A copy of the rows of {@code m} (caller-owned, not modified; new arrays), which must be square:
   * the one check and copy of this reduction's users ({@link #HouseholderHessenberg}, {@code
   * FrancisEigenvalues.of}).
   *
   * @throws IllegalArgumentException if a row's length is not the number of rows
   */
  public static double[][] squareCopy(double[][] m) {
    int n = m.length;
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      if (m[i].length != n) {
        throw new IllegalArgumentException("matrix must be square: row " + i + " has " + m[i].length + " of " + n + " entries");
      }
      c[i] = m[i].clone();
    }
    return c;
  }

  /** H's entry (i, j) (zero below the sub-diagonal). */
  public double h(int i, int j) {
    return h[i][j];
  }

  /**
   * H's rows: this instance's own arrays, not copies, for {@link ShiftedHessenbergSolver}'s solves to
   * read in place (one copy of H, not two). Callers must not modify them.
   */
  double[][] rows() {
    return h;
  }

  /** Q^T w (a new array; {@code w} caller-owned, not modified): a vector in the Hessenberg basis. */
  public double[] toHessenbergBasis(double[] w) {
    double[] x = w.clone();
    // Q = P_0 P_1 ... P_{n-3} with symmetric P_k, so Q^T x = P_{n-3} ... P_0 x: P_0 first.
    for (int k = 0; k < v.length; k++) {
      double[] vk = v[k];
      if (vk == null) {
        continue;
      }
      double s = 0;
      for (int i = k + 1; i < n; i++) {
        s += vk[i] * x[i];
      }
      s *= tau[k];
      for (int i = k + 1; i < n; i++) {
        x[i] -= s * vk[i];
      }
    }
    return x;
  }

  /**
   * Reduces {@code h} (square rows) in place to upper Hessenberg form, entries below the sub-diagonal
   * set to exact zeros. A column already zero below the sub-diagonal is skipped. With {@code vs} and
   * {@code taus} (length n - 2, or both null), reflector k is left as vs[k] (a new n-vector, entries k
   * + 1 .. n - 1, vs[k][k + 1] = 1; null if skipped) and taus[k]: P_k = I - tau_k v_k v_k^T.
   */
  public static void reduce(double[][] h, double[][] vs, double[] taus) {
    int n = h.length;
    double[] w = new double[n];
    double[] v = new double[n];
    for (int k = 0; k < n - 2; k++) {
      int m = k + 1; // the reflector acts on indices m..n-1
      double scale = 0;
      for (int i = m + 1; i < n; i++) {
        scale = Math.max(scale, Math.abs(h[i][k]));
      }
      if (scale == 0) {
        continue; // already Hessenberg in this column
      }
      scale = Math.max(scale, Math.abs(h[m][k]));
      double ss = 0;
      for (int i = m; i < n; i++) {
        double x = h[i][k] / scale;
        ss += x * x;
      }
      double x0 = h[m][k] / scale;
      double beta = x0 >= 0 ? -Math.sqrt(ss) : Math.sqrt(ss);
      // v = (x - beta e1) / (x0 - beta), v[m] = 1; P = I - tau v v^T maps x to beta e1
      double div = (x0 - beta) * scale;
      double tau = (beta - x0) / beta;
      v[m] = 1.0;
      for (int i = m + 1; i < n; i++) {
        v[i] = h[i][k] / div;
      }
      h[m][k] = beta * scale;
      for (int i = m + 1; i < n; i++) {
        h[i][k] = 0.0;
      }
      // From the left, rows m..n-1, columns m..n-1: w^T = v^T H, H -= tau v w^T; then from the right,
      // every row, columns m..n-1: H -= tau (H v) v^T. Two rows per pass: each load of w or v serves two
      // rows (C1, which compiles the short commands, neither unrolls nor vectorises: 1.3x measured at n = 454).
      Arrays.fill(w, m, n, 0.0);
      int i = m;
      for (; i + 1 < n; i += 2) {
        double v0 = v[i];
        double v1 = v[i + 1];
        double[] r0 = h[i];
        double[] r1 = h[i + 1];
        for (int j = m; j < n; j++) {
          w[j] += v0 * r0[j] + v1 * r1[j];
        }
      }
      for (; i < n; i++) {
        double vi = v[i];
        double[] row = h[i];
        for (int j = m; j < n; j++) {
          w[j] += vi * row[j];
        }
      }
      i = m;
      for (; i + 1 < n; i += 2) {
        double t0 = tau * v[i];
        double t1 = tau * v[i + 1];
        double[] r0 = h[i];
        double[] r1 = h[i + 1];
        for (int j = m; j < n; j++) {
          double wj = w[j];
          r0[j] -= t0 * wj;
          r1[j] -= t1 * wj;
        }
      }
      for (; i < n; i++) {
        double t = tau * v[i];
        double[] row = h[i];
        for (int j = m; j < n; j++) {
          row[j] -= t * w[j];
        }
      }
      int r = 0;
      for (; r + 1 < n; r += 2) {
        double[] r0 = h[r];
        double[] r1 = h[r + 1];
        double s0 = 0;
        double s1 = 0;
        for (int j = m; j < n; j++) {
          double vj = v[j];
          s0 += r0[j] * vj;
          s1 += r1[j] * vj;
        }
        s0 *= tau;
        s1 *= tau;
        for (int j = m; j < n; j++) {
          double vj = v[j];
          r0[j] -= s0 * vj;
          r1[j] -= s1 * vj;
        }
      }
      for (; r < n; r++) {
        double[] row = h[r];
        double s = 0;
        for (int j = m; j < n; j++) {
          s += row[j] * v[j];
        }
        s *= tau;
        for (int j = m; j < n; j++) {
          row[j] -= s * v[j];
        }
      }
      if (vs != null) {
        vs[k] = v.clone();
        taus[k] = tau;
      }
    }
  }
}
