package org.qdlaser.stages.numerics.eigen;

import org.qdlaser.stages.numerics.linear.HouseholderHessenberg;

/**
 * Every eigenvalue of a dense real matrix, and nothing else: Householder reduction to upper
 * Hessenberg form, then the Francis implicit double-shift QR iteration with deflation (Golub and Van
 * Loan, Matrix Computations, Algorithms 7.4.2 and 7.5.1-7.5.2; {@link HouseholderHessenberg}), each
 * similarity of the iteration applied only to its active window.
 *
 * <p>Why ours: the eigenvalues of a window [lo, hi] of the Hessenberg matrix depend only on that
 * window, so an eigenvalue-only iteration updates the window alone (rows lo..hi, columns lo..hi).
 * EJML's double-shift QR (0.43) applies every 3 x 3 reflector to whole rows and whole columns of
 * the n x n matrix (its own source marks this as a to-do), about four times the flops of the window
 * over a whole iteration, and that QR was most of a TPM_IF_d N = 50 point's CPU under C1 (issue 14
 * part 3: two 454-unknown spectra of ~0.7 CPU-s each). Both are backward stable: the computed
 * eigenvalues are exact for a matrix within a small multiple of eps times the norm, so the two agree
 * to rounding (tests), not bit for bit.
 *
 * <p>Arrays: {@link #of}'s input is caller-owned and not modified; the results are new arrays.
 * Allocates the n x n working copy (none in {@link #ofOwned}) and a few n-vectors; no allocation
 * inside the iteration.
 */
public final class FrancisEigenvalues {
  private FrancisEigenvalues() {}

  /** Unit roundoff of doubles: the deflation test's relative size of a negligible sub-diagonal entry. */
  private static final double EPS = Math.ulp(1.0) / 2;

  /**
   * Iterations per eigenvalue on average before giving up (LAPACK's dlahqr allows 30 per
   * eigenvalue; a convergent Francis iteration takes ~2-4 per eigenvalue).
   */
  static final int ITERATIONS_PER_EIGENVALUE = 30;

  /**
   * Iterations on one window after which an exceptional shift breaks a possible cycle (every tenth,
   * as EISPACK's hqr and LAPACK's dlahqr).
   */
  static final int EXCEPTIONAL_EVERY = 10;

  /**
   * The eigenvalues of the square matrix {@code a} (rows, caller-owned, not modified) as {re, im}
   * arrays of length n (new arrays; complex pairs as conjugates, in no particular order), or null if
   * the QR iteration did not converge within {@link #ITERATIONS_PER_EIGENVALUE} times n iterations.
   */
  public static double[][] of(double[][] a) {
    return ofOwned(HouseholderHessenberg.squareCopy(a));
  }

  /**
   * As {@link #of}, on a square matrix {@code h} that the caller hands over (rows; reduced in place
   * and destroyed): for a caller that built the matrix for this call alone ({@link
   * BlockTriangularEigenvalues}'s blocks), which saves {@link #of}'s copy.
   */
  static double[][] ofOwned(double[][] h) {
    int n = h.length;
    HouseholderHessenberg.reduce(h, null, null);
    double[] re = new double[n];
    double[] im = new double[n];
    return francis(h, re, im) ? new double[][] {re, im} : null;
  }

  /**
   * The Francis double-shift QR iteration on the upper Hessenberg matrix {@code h} (destroyed),
   * eigenvalues into {@code re}, {@code im}; false if it did not converge.
   */
  static boolean francis(double[][] h, double[] re, double[] im) {
    int n = h.length;
    double norm = 0; // of the Hessenberg matrix: the deflation test's scale where the local one vanishes
    for (int i = 0; i < n; i++) {
      for (int j = Math.max(0, i - 1); j < n; j++) {
        norm = Math.max(norm, Math.abs(h[i][j]));
      }
    }
    int budget = ITERATIONS_PER_EIGENVALUE * Math.max(n, 1);
    int hi = n - 1;
    int its = 0;
    while (hi >= 0) {
      int lo = hi;
      while (lo > 0) {
        double s = Math.abs(h[lo - 1][lo - 1]) + Math.abs(h[lo][lo]);
        if (s == 0) {
          s = norm;
        }
        if (Math.abs(h[lo][lo - 1]) <= EPS * s) {
          h[lo][lo - 1] = 0.0;
          break;
        }
        lo--;
      }
      if (lo == hi) {
        re[hi] = h[hi][hi];
        im[hi] = 0.0;
        hi--;
        its = 0;
        continue;
      }
      if (lo == hi - 1) {
        twoByTwo(h[hi - 1][hi - 1], h[hi - 1][hi], h[hi][hi - 1], h[hi][hi], re, im, hi - 1);
        hi -= 2;
        its = 0;
        continue;
      }
      if (--budget < 0) {
        return false;
      }
      its++;
      double sum; // the two shifts' sum and product
      double prod;
      if (its % EXCEPTIONAL_EVERY == 0) {
        // Exceptional shift (as dlahqr): from the size of the last two sub-diagonal entries.
        double s = Math.abs(h[hi][hi - 1]) + Math.abs(h[hi - 1][hi - 2]);
        double d = 0.75 * s + h[hi][hi];
        sum = 2 * d;
        prod = d * d + 0.4375 * s * s;
      } else {
        sum = h[hi - 1][hi - 1] + h[hi][hi];
        prod = h[hi - 1][hi - 1] * h[hi][hi] - h[hi - 1][hi] * h[hi][hi - 1];
      }
      sweep(h, lo, hi, sum, prod);
    }
    return true;
  }

  /**
   * One implicit double-shift sweep on the window [lo, hi] (at least 3 x 3): the first column of
   * (H - s1)(H - s2) = H^2 - sum H + prod I starts a bulge that 3 x 3 reflectors chase off the
   * bottom; each reflector touches only rows and columns of the window.
   */
  private static void sweep(double[][] h, int lo, int hi, double sum, double prod) {
    double h00 = h[lo][lo];
    double h10 = h[lo + 1][lo];
    double x = h00 * h00 + h[lo][lo + 1] * h10 - sum * h00 + prod;
    double y = h10 * (h00 + h[lo + 1][lo + 1] - sum);
    double z = h10 * h[lo + 2][lo + 1];
    for (int k = lo; k <= hi - 1; k++) {
      boolean three = k < hi - 1;
      if (k > lo) {
        x = h[k][k - 1];
        y = h[k + 1][k - 1];
        z = three ? h[k + 2][k - 1] : 0.0;
      }
      double scale = Math.abs(x) + Math.abs(y) + Math.abs(z);
      if (scale == 0) {
        continue; // nothing to annihilate
      }
      x /= scale;
      y /= scale;
      z /= scale;
      double alpha = Math.sqrt(x * x + y * y + z * z);
      double beta = x >= 0 ? -alpha : alpha;
      double div = x - beta;
      double tau = (beta - x) / beta;
      double v1 = y / div;
      double v2 = z / div;
      if (k > lo) {
        h[k][k - 1] = beta * scale;
        h[k + 1][k - 1] = 0.0;
        if (three) {
          h[k + 2][k - 1] = 0.0;
        }
      }
      // From the left: rows k..k+2, columns k..hi (column k-1 set above).
      double[] r0 = h[k];
      double[] r1 = h[k + 1];
      if (three) {
        double[] r2 = h[k + 2];
        for (int j = k; j <= hi; j++) {
          double p = tau * (r0[j] + v1 * r1[j] + v2 * r2[j]);
          r0[j] -= p;
          r1[j] -= p * v1;
          r2[j] -= p * v2;
        }
      } else {
        for (int j = k; j <= hi; j++) {
          double p = tau * (r0[j] + v1 * r1[j]);
          r0[j] -= p;
          r1[j] -= p * v1;
        }
      }
      // From the right: columns k..k+2, rows lo..min(k+3, hi).
      int last = Math.min(k + 3, hi);
      if (three) {
        for (int i = lo; i <= last; i++) {
          double[] row = h[i];
          double p = tau * (row[k] + v1 * row[k + 1] + v2 * row[k + 2]);
          row[k] -= p;
          row[k + 1] -= p * v1;
          row[k + 2] -= p * v2;
        }
      } else {
        for (int i = lo; i <= last; i++) {
          double[] row = h[i];
          double p = tau * (row[k] + v1 * row[k + 1]);
          row[k] -= p;
          row[k + 1] -= p * v1;
        }
      }
    }
  }

  /**
   * Eigenvalues of [[a, b], [c, d]] into re/im at {@code at} and {@code at + 1}: a real pair without
   * cancellation (the larger root first, the other from the determinant), or a complex conjugate pair.
   */
  static void twoByTwo(double a, double b, double c, double d, double[] re, double[] im, int at) {
    // Scaled to the largest entry, so that p^2 + bc neither overflows nor underflows.
    double s = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
    if (s == 0) {
      re[at] = re[at + 1] = im[at] = im[at + 1] = 0.0;
      return;
    }
    a /= s;
    b /= s;
    c /= s;
    d /= s;
    double p = 0.5 * (a - d);
    double bc = b * c;
    double disc = p * p + bc;
    if (disc >= 0) {
      double z = p + Math.copySign(Math.sqrt(disc), p);
      re[at] = (d + z) * s;
      re[at + 1] = (z == 0 ? d : d - bc / z) * s;
      im[at] = 0.0;
      im[at + 1] = 0.0;
    } else {
      double mid = d + p;
      double w = Math.sqrt(-disc);
      re[at] = mid * s;
      re[at + 1] = mid * s;
      im[at] = w * s;
      im[at + 1] = -w * s;
    }
  }
}
