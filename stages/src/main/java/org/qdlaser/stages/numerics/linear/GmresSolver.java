package org.qdlaser.stages.numerics.linear;

import java.util.Arrays;

/**
 * Restarted GMRES(m) with right preconditioning (Saad &amp; Schultz 1986; Saad, "Iterative Methods
 * for Sparse Linear Systems", 2nd ed., Alg. 9.5), modified Gram-Schmidt and Givens rotations, in a
 * diagonally weighted norm: it minimises ||W (b - A x)||_2 where W = diag(weight), so the stopping
 * test is on the weighted RMS norm sqrt(sum (w_i r_i)^2 / n) that the integrator's error and
 * Newton tests use. Right preconditioning leaves the residual of the unpreconditioned system
 * observable, and the residual estimate from the rotations is exact in exact arithmetic.
 *
 * <p>A workspace (not thread safe): the Krylov basis ((m+1) vectors of length n) is allocated when
 * the dimension changes; {@link #solve} allocates nothing after that.
 */
public final class GmresSolver {
  /** y = A x; must not allocate. x is read only; x and out are distinct arrays of length n. */
  @FunctionalInterface
  public interface Operator {
    void apply(double[] x, double[] out);
  }

  /** b := P^{-1} b in place; must not allocate. */
  @FunctionalInterface
  public interface Preconditioner {
    void apply(double[] b);
  }

  /** Identity preconditioner. */
  public static final Preconditioner NONE = b -> {};

  private final int restart;
  private final int maxRestarts;
  private int n = -1;
  private double[][] basis;
  private double[] hessenberg; // (restart+1) x restart, row-major
  private double[] cosines;
  private double[] sines;
  private double[] g;
  private double[] coefficients;
  private double[] z;
  private double[] t;
  private double[] xAcc;
  private int lastIterations;
  private double lastResidual;

  /**
   * @param restart Krylov dimension m before a restart (memory: m + 1 vectors), >= 1
   * @param maxRestarts restarts allowed after the first cycle, >= 0
   */
  public GmresSolver(int restart, int maxRestarts) {
    if (restart < 1 || maxRestarts < 0) {
      throw new IllegalArgumentException("need restart >= 1 and maxRestarts >= 0, got " + restart + ", " + maxRestarts);
    }
    this.restart = restart;
    this.maxRestarts = maxRestarts;
  }

  private void allocate(int n) {
    if (n == this.n) {
      return;
    }
    this.n = n;
    basis = new double[restart + 1][n];
    hessenberg = new double[(restart + 1) * restart];
    cosines = new double[restart];
    sines = new double[restart];
    g = new double[restart + 1];
    coefficients = new double[restart];
    z = new double[n];
    t = new double[n];
    xAcc = new double[n];
  }

  /**
   * Solves A x = b from x = 0 until the weighted RMS residual is at most {@code tolerance}.
   *
   * @param a the operator x -> A x (allocation-free)
   * @param p right preconditioner, applied in place (allocation-free; {@link #NONE} for none)
   * @param b right-hand side on entry, the approximate solution on return (length n)
   * @param weight positive weights w_i (1/state units), length n, read only
   * @param tolerance bound on sqrt(sum (w_i r_i)^2 / n), positive
   * @param n dimension (the Krylov vectors are reallocated when it changes)
   * @return true if the tolerance was met; false after (maxRestarts + 1) m iterations, b then
   *     holds the best iterate found
   */
  public boolean solve(Operator a, Preconditioner p, double[] b, double[] weight, double tolerance, int n) {
    allocate(n);
    final double rootN = Math.sqrt(n);
    final double target = tolerance * rootN; // on the 2-norm of the weighted residual
    final double[][] v = basis;
    final int m = restart;
    final int w = m;
    Arrays.fill(xAcc, 0.0);
    // Weighted residual of x = 0.
    double beta = 0;
    for (int i = 0; i < n; i++) {
      double r = weight[i] * b[i];
      v[0][i] = r;
      beta += r * r;
    }
    beta = Math.sqrt(beta);
    int iterations = 0;
    lastResidual = beta / rootN;
    for (int cycle = 0; ; cycle++) {
      if (!(beta > target)) {
        break;
      }
      if (cycle > maxRestarts || !Double.isFinite(beta)) {
        System.arraycopy(xAcc, 0, b, 0, n);
        lastIterations = iterations;
        return false;
      }
      scale(v[0], 1.0 / beta, n);
      Arrays.fill(g, 0.0);
      g[0] = beta;
      int j = 0;
      double residual = beta;
      while (j < m) {
        // v_{j+1} = W A P^{-1} W^{-1} v_j, orthogonalised against v_0..v_j.
        for (int i = 0; i < n; i++) {
          z[i] = v[j][i] / weight[i];
        }
        p.apply(z);
        a.apply(z, t);
        final double[] vn = v[j + 1];
        for (int i = 0; i < n; i++) {
          vn[i] = weight[i] * t[i];
        }
        for (int i = 0; i <= j; i++) {
          final double h = dot(v[i], vn, n);
          hessenberg[i * w + j] = h;
          axpy(-h, v[i], vn, n);
        }
        final double hn = Math.sqrt(dot(vn, vn, n));
        hessenberg[(j + 1) * w + j] = hn;
        // Apply the previous rotations to column j, then the new one that zeroes h_{j+1,j}.
        for (int i = 0; i < j; i++) {
          final double a0 = hessenberg[i * w + j];
          final double a1 = hessenberg[(i + 1) * w + j];
          hessenberg[i * w + j] = cosines[i] * a0 + sines[i] * a1;
          hessenberg[(i + 1) * w + j] = -sines[i] * a0 + cosines[i] * a1;
        }
        final double a0 = hessenberg[j * w + j];
        final double r = Math.hypot(a0, hn);
        final double c = r == 0 ? 1.0 : a0 / r;
        final double s = r == 0 ? 0.0 : hn / r;
        cosines[j] = c;
        sines[j] = s;
        hessenberg[j * w + j] = r;
        hessenberg[(j + 1) * w + j] = 0.0;
        g[j + 1] = -s * g[j];
        g[j] = c * g[j];
        residual = Math.abs(g[j + 1]);
        j++;
        iterations++;
        if (residual <= target || hn == 0.0 || !Double.isFinite(residual)) {
          break;
        }
        scale(vn, 1.0 / hn, n);
      }
      // y = H^{-1} g (upper triangular j x j); x += P^{-1} W^{-1} V y.
      for (int i = j - 1; i >= 0; i--) {
        double s = g[i];
        for (int k = i + 1; k < j; k++) {
          s -= hessenberg[i * w + k] * coefficients[k];
        }
        final double d = hessenberg[i * w + i];
        coefficients[i] = d == 0 ? 0.0 : s / d;
      }
      Arrays.fill(z, 0.0);
      for (int k = 0; k < j; k++) {
        axpy(coefficients[k], v[k], z, n);
      }
      for (int i = 0; i < n; i++) {
        z[i] /= weight[i];
      }
      p.apply(z);
      for (int i = 0; i < n; i++) {
        xAcc[i] += z[i];
      }
      // True weighted residual for the restart (and the convergence decision).
      a.apply(xAcc, t);
      beta = 0;
      for (int i = 0; i < n; i++) {
        double rr = weight[i] * (b[i] - t[i]);
        v[0][i] = rr;
        beta += rr * rr;
      }
      beta = Math.sqrt(beta);
      lastResidual = beta / rootN;
    }
    System.arraycopy(xAcc, 0, b, 0, n);
    lastIterations = iterations;
    return true;
  }

  /** Krylov iterations (operator applications in the Arnoldi process) of the last solve. */
  public int lastIterations() {
    return lastIterations;
  }

  /** Weighted RMS residual at the end of the last solve. */
  public double lastResidual() {
    return lastResidual;
  }

  private static double dot(double[] x, double[] y, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double[] x, double a, int n) {
    for (int i = 0; i < n; i++) {
      x[i] *= a;
    }
  }
}
