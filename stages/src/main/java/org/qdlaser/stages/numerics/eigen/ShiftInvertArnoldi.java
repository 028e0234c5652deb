package org.qdlaser.stages.numerics.eigen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The eigenvalues of largest modulus of a linear operator by the Arnoldi process (Saad, "Numerical
 * Methods for Large Eigenvalue Problems", 2nd ed., ch. 6): with the operator (M - sigma B)^-1 B
 * (shift-invert) they are the eigenvalues lambda = sigma + 1/theta of the pencil (M, B) nearest
 * sigma, which is how the stability of large steady states is decided without a dense eigensolver.
 *
 * <p>Plain Arnoldi without restarts, with Gram-Schmidt applied twice (Giraud et al. 2005: orthogonal
 * to working precision; in the modified order, each projection taken from the vector the previous one
 * left, {@link #orthogonalise}), grown until {@code wanted} Ritz values are converged or the
 * subspace reaches {@code maxSteps}. A Ritz pair (theta, V y) converges when its residual
 * |h_{k+1,k}| |y_k| / |y| is at most {@code tolerance} |theta|. The start vector is a fixed-seed
 * pseudo-random vector passed once through the operator (so that it has no component along
 * B's null space), so results are reproducible.
 */
public final class ShiftInvertArnoldi {
  /** Seed of the start vector: fixed so that every run gives the same Krylov space. */
  private static final long SEED = 0x5eed_a5d1L;
  /** Breakdown: the Krylov space is invariant once a new direction is this small relative to the operator's scale. */
  private static final double BREAKDOWN = 1e-13;
  /** Ritz values are extracted every this many steps (and at the end). */
  private static final int CHECK_EVERY = 10;

  /** y = Op x for caller-owned arrays of length {@link #dimension()}. */
  public interface Operator {
    int dimension();

    void apply(double[] x, double[] y);

    /** The operator y = M^-1 x of a factorised matrix, given its in-place solve. */
    static Operator inverse(int n, java.util.function.Consumer<double[]> solveInPlace) {
      return new Operator() {
        @Override
        public int dimension() {
          return n;
        }

        @Override
        public void apply(double[] x, double[] y) {
          System.arraycopy(x, 0, y, 0, n);
          solveInPlace.accept(y);
        }
      };
    }
  }

  /**
   * A Ritz value theta = (re, im) of the operator and its residual bound (same units).
   *
   * @param converged residual at most tolerance * |theta|
   */
  public record Ritz(double re, double im, double residual, boolean converged) {
    public double modulus() {
      return Math.hypot(re, im);
    }
  }

  /** The outcome: Ritz values by decreasing modulus and the Krylov dimension used. */
  public record Result(List<Ritz> ritz, int steps) {
    public Result {
      ritz = List.copyOf(ritz);
    }

    /** The converged Ritz values, by decreasing modulus. */
    public List<Ritz> converged() {
      return ritz.stream().filter(Ritz::converged).toList();
    }
  }

  private ShiftInvertArnoldi() {}

  /**
   * Runs Arnoldi on {@code op} until the {@code wanted} Ritz values of largest modulus are converged
   * (or all Ritz values are, or {@code maxSteps} is reached).
   */
  public static Result largest(Operator op, int wanted, int maxSteps, double tolerance) {
    final int n = op.dimension();
    if (wanted < 1 || maxSteps < 1 || !(tolerance > 0)) {
      throw new IllegalArgumentException(
          "wanted, maxSteps and tolerance must be positive, got " + wanted + ", " + maxSteps + ", " + tolerance);
    }
    final int m = Math.min(maxSteps, n);
    double[][] v = new double[m + 1][];
    double[][] h = new double[m + 1][m];
    double[] w = new double[n];
    SplittableRandom rnd = new SplittableRandom(SEED);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rnd.nextDouble() - 0.5;
    }
    op.apply(r, w);
    double norm0 = norm(w);
    if (!(norm0 > 0) || !Double.isFinite(norm0)) {
      throw new ArithmeticException("the operator maps the start vector to " + norm0);
    }
    v[0] = scaled(w, 1 / norm0);
    List<Ritz> last = List.of();
    double[] norms = new double[2];
    for (int j = 0; j < m; j++) {
      op.apply(v[j], w);
      orthogonalise(v, j, w, h, norms);
      double scale = norms[0];
      double beta = norms[1];
      h[j + 1][j] = beta;
      boolean breakdown = !(beta > BREAKDOWN * scale);
      int k = j + 1;
      if (breakdown || k == m || (k >= 2 * CHECK_EVERY && k % CHECK_EVERY == 0)) {
        last = ritz(h, k, breakdown ? 0.0 : beta, tolerance, wanted);
        long good = last.stream().limit(wanted).filter(Ritz::converged).count();
        if (breakdown || k == m || good >= Math.min(wanted, k)) {
          return new Result(last, k);
        }
      }
      v[j + 1] = scaled(w, 1 / beta);
    }
    return new Result(last, m);
  }

  /**
   * Gram-Schmidt applied twice, each projection taken from the w the previous one left: w (length n,
   * updated in place) is made orthogonal to the unit vectors v[0..j], the projections are added to
   * column j of {@code h}, and {@code norms} (length 2) receives |w| before and after. For each pass and i, d = v[i] . w, h[i][j] += d, w -= d v[i].
   *
   * <p>Each projection's update of w is fused with the next dot product (the next basis vector's, or
   * w's own at the end) in one pass over w: every element is updated and every sum accumulated in the
   * same order as by separate dot and axpy passes, so the values are bit for bit theirs
   * (ShiftInvertArnoldiTest), with less memory traffic (TPM_d N = 100: a basis of up to 161 vectors
   * of 70,206, far beyond the caches, read twice per step). Allocates nothing.
   */
  static void orthogonalise(double[][] v, int j, double[] w, double[][] h, double[] norms) {
    double[] first = v[0];
    double d = 0;
    double ww = 0;
    for (int e = 0; e < w.length; e++) {
      double we = w[e];
      d += first[e] * we;
      ww += we * we;
    }
    norms[0] = Math.sqrt(ww);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i <= j; i++) {
        h[i][j] += d;
        if (i < j) {
          d = axpyThenDot(-d, v[i], w, v[i + 1]);
        } else if (pass == 0) {
          d = axpyThenDot(-d, v[i], w, v[0]);
        } else {
          norms[1] = Math.sqrt(axpyThenDot(-d, v[i], w, w));
        }
      }
    }
  }

  /** Ritz vectors (and residuals) are computed for this many Ritz values beyond the wanted ones. */
  private static final int EXTRA_RESIDUALS = 8;
  /** Relative offset of the inverse-iteration shift from the Ritz value, so the matrix is not exactly singular. */
  private static final double INVERSE_ITERATION_OFFSET = 1e-10;

  /**
   * Ritz values of the k x k Hessenberg matrix (EJML's Francis QR: Hipparchus's Schur iteration
   * fails on some of these) by decreasing modulus, with residual bounds |beta y_k| / |y| for the
   * {@code wanted} + {@link #EXTRA_RESIDUALS} largest; the others are marked unconverged.
   */
  private static List<Ritz> ritz(double[][] h, int k, double beta, double tolerance, int wanted) {
    double[][] hk = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(h[i], 0, hk[i], 0, k);
    }
    var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(k, false);
    if (!eig.decompose(new org.ejml.data.DMatrixRMaj(hk))) {
      throw new ArithmeticException("QR iteration on the " + k + " x " + k + " Arnoldi matrix did not converge");
    }
    List<double[]> theta = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      var c = eig.getEigenvalue(i);
      theta.add(new double[] {c.real, c.imaginary});
    }
    theta.sort(Comparator.comparingDouble((double[] t) -> Math.hypot(t[0], t[1])).reversed());
    List<Ritz> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double[] t = theta.get(i);
      double mod = Math.hypot(t[0], t[1]);
      if (i < wanted + EXTRA_RESIDUALS) {
        double res = beta * lastComponentOfRitzVector(hk, t[0], t[1]);
        out.add(new Ritz(t[0], t[1], res, res <= tolerance * mod));
      } else {
        out.add(new Ritz(t[0], t[1], Double.NaN, false));
      }
    }
    return out;
  }

  /**
   * |y_k| / |y| of the eigenvector y of the Hessenberg matrix for the eigenvalue (re, im), by two
   * steps of inverse iteration; each solves (H - theta I) y' = y by Hessenberg elimination with
   * partial pivoting (complex, O(k^2)).
   */
  private static double lastComponentOfRitzVector(double[][] hk, double re, double im) {
    int k = hk.length;
    double d = INVERSE_ITERATION_OFFSET * Math.max(Math.hypot(re, im), Double.MIN_NORMAL);
    double[] yr = new double[k];
    double[] yi = new double[k];
    java.util.Arrays.fill(yr, 1.0 / Math.sqrt(k));
    double[][] ar = new double[k][k];
    double[][] ai = new double[k][k];
    for (int it = 0; it < 2; it++) {
      for (int i = 0; i < k; i++) {
        System.arraycopy(hk[i], 0, ar[i], 0, k);
        java.util.Arrays.fill(ai[i], 0.0);
        ar[i][i] -= re + d;
        ai[i][i] = -im;
      }
      if (!solveHessenberg(ar, ai, yr, yi)) {
        return 0.0; // exactly singular: (re, im) is an eigenvalue to working precision
      }
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += yr[i] * yr[i] + yi[i] * yi[i];
      }
      s = Math.sqrt(s);
      if (!(s > 0) || !Double.isFinite(s)) {
        return Double.POSITIVE_INFINITY;
      }
      for (int i = 0; i < k; i++) {
        yr[i] /= s;
        yi[i] /= s;
      }
    }
    return Math.hypot(yr[k - 1], yi[k - 1]);
  }

  /** Solves the complex upper-Hessenberg system (ar + i ai) x = (br + i bi) in place (b becomes x); false if singular. */
  private static boolean solveHessenberg(double[][] ar, double[][] ai, double[] br, double[] bi) {
    int k = br.length;
    for (int j = 0; j < k - 1; j++) {
      if (Math.hypot(ar[j + 1][j], ai[j + 1][j]) > Math.hypot(ar[j][j], ai[j][j])) {
        double[] t = ar[j];
        ar[j] = ar[j + 1];
        ar[j + 1] = t;
        t = ai[j];
        ai[j] = ai[j + 1];
        ai[j + 1] = t;
        double u = br[j];
        br[j] = br[j + 1];
        br[j + 1] = u;
        u = bi[j];
        bi[j] = bi[j + 1];
        bi[j + 1] = u;
      }
      double pr = ar[j][j];
      double pi = ai[j][j];
      double p2 = pr * pr + pi * pi;
      if (p2 == 0) {
        return false;
      }
      // l = a[j+1][j] / a[j][j]
      double lr = (ar[j + 1][j] * pr + ai[j + 1][j] * pi) / p2;
      double li = (ai[j + 1][j] * pr - ar[j + 1][j] * pi) / p2;
      for (int c = j; c < k; c++) {
        ar[j + 1][c] -= lr * ar[j][c] - li * ai[j][c];
        ai[j + 1][c] -= lr * ai[j][c] + li * ar[j][c];
      }
      double r0 = br[j];
      double i0 = bi[j];
      br[j + 1] -= lr * r0 - li * i0;
      bi[j + 1] -= lr * i0 + li * r0;
    }
    for (int i = k - 1; i >= 0; i--) {
      double sr = br[i];
      double si = bi[i];
      for (int c = i + 1; c < k; c++) {
        sr -= ar[i][c] * br[c] - ai[i][c] * bi[c];
        si -= ar[i][c] * bi[c] + ai[i][c] * br[c];
      }
      double pr = ar[i][i];
      double pi = ai[i][i];
      double p2 = pr * pr + pi * pi;
      if (p2 == 0) {
        return false;
      }
      br[i] = (sr * pr + si * pi) / p2;
      bi[i] = (si * pr - sr * pi) / p2;
    }
    return true;
  }

  private static double[] scaled(double[] x, double s) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = s * x[i];
    }
    return y;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * y += a x, then the dot product of {@code next} with the updated y (next may be y itself), in one
   * pass: the same values as {@code y[i] += a * x[i]} over all i followed by {@link #dot}(next, y).
   */
  private static double axpyThenDot(double a, double[] x, double[] y, double[] next) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double yi = y[i] + a * x[i];
      y[i] = yi;
      s += next[i] * yi;
    }
    return s;
  }


  private static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }
}
