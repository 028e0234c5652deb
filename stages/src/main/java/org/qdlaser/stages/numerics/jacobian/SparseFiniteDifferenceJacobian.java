package org.qdlaser.stages.numerics.jacobian;

import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.ColumnColouring;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sparse forward-difference Jacobian of an ODE right-hand side with column colouring: the columns
 * of one {@link ColumnColouring} colour share no row, so they are perturbed together and one
 * right-hand side evaluation per colour yields all of their entries. Each entry is the same
 * difference quotient as in {@link FiniteDifferenceJacobian} (increment sqrt(eps) max(|y_j|,
 * floor_j)), provided the pattern contains every structural non-zero of df/dy; entries missing
 * from the pattern are silently lost and would corrupt the entries of other columns of their colour.
 *
 * <p>A workspace (not thread safe); allocation-free after construction.
 */
public final class SparseFiniteDifferenceJacobian {
  /** sqrt(eps): balances truncation (~delta) against rounding (~eps/delta) of forward differences. */
  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

  private final SparsityPattern pattern;
  private final ColumnColouring colouring;
  private final int n;
  /** Transposed structure: column j has rows colRows[colStart[j] .. colStart[j+1]). */
  private final int[] colStart;
  private final int[] colRows;
  /** CSR position (index into the value array) of each transposed entry. */
  private final int[] colPos;
  private final double[] yWork;
  private final double[] fWork;
  private final double[] delta;

  /** Colours {@code pattern} itself (see {@link ColumnColouring#of}). */
  public SparseFiniteDifferenceJacobian(SparsityPattern pattern) {
    this(pattern, ColumnColouring.of(pattern));
  }

  /** @param colouring a valid colouring of {@code pattern} (reused across integrators) */
  public SparseFiniteDifferenceJacobian(SparsityPattern pattern, ColumnColouring colouring) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.colouring = Objects.requireNonNull(colouring, "colouring");
    this.n = pattern.n();
    if (colouring.dimension() != n) {
      throw new IllegalArgumentException("colouring has dimension " + colouring.dimension() + ", pattern " + n);
    }
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();
    colStart = new int[n + 1];
    for (int c : cols) {
      colStart[c + 1]++;
    }
    for (int j = 0; j < n; j++) {
      colStart[j + 1] += colStart[j];
    }
    colRows = new int[cols.length];
    colPos = new int[cols.length];
    final int[] next = Arrays.copyOf(colStart, n);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        final int q = next[cols[k]]++;
        colRows[q] = i;
        colPos[q] = k;
      }
    }
    yWork = new double[n];
    fWork = new double[n];
    delta = new double[n];
  }

  public SparsityPattern pattern() {
    return pattern;
  }

  public ColumnColouring colouring() {
    return colouring;
  }

  /**
   * Writes df/dy at (t, y) into {@code jac}, with increments delta_j = sqrt(eps) max(|y_j|,
   * floor_j).
   *
   * @param y state (state units), length n, read only
   * @param f0 f(t, y), supplied by the caller, length n, read only
   * @param floor per-component typical magnitude, positive (state units; the integrator passes the
   *     absolute tolerances), so that components at 0 get a non-zero increment; read only
   * @param jac output on this object's pattern; every structural entry is overwritten
   * @return right-hand side evaluations used (the number of colours)
   */
  public int compute(OdeSystem system, double t, double[] y, double[] f0, double[] floor, SparseMatrix jac) {
    requireOwnPattern(jac);
    final int n = this.n;
    final double[] values = jac.values;
    System.arraycopy(y, 0, yWork, 0, n);
    final int colours = colouring.colours();
    for (int c = 0; c < colours; c++) {
      final int from = colouring.colourStart(c);
      final int to = colouring.colourStart(c + 1);
      for (int p = from; p < to; p++) {
        final int j = colouring.member(p);
        final double yj = y[j];
        yWork[j] = yj + SQRT_EPS * Math.max(Math.abs(yj), floor[j]);
        // The increment actually represented in floating point, so the quotient is exact in delta.
        final double d = yWork[j] - yj;
        if (!(d > 0 && d < Double.POSITIVE_INFINITY)) {
          yWork[j] = yj;
          throw new IllegalArgumentException(
              "no usable increment for component " + j + " (y_j = " + yj + ", floor_j = " + floor[j] + ")");
        }
        delta[j] = d;
      }
      system.rhs(t, yWork, fWork);
      storeDifferences(from, to, y, yWork, fWork, f0, values);
    }
    return colours;
  }

  private void requireOwnPattern(SparseMatrix jac) {
    // Identity first: the integrator passes a matrix built on the same pattern object.
    if (jac.pattern() != pattern && !jac.pattern().equals(pattern)) {
      throw new IllegalArgumentException("the Jacobian matrix is not on this object's sparsity pattern");
    }
  }

  /**
   * For the columns of one colour (members from..to-1): restores yWork and stores the difference
   * quotients (fA - fB) / delta_j in the columns' structural entries.
   */
  private void storeDifferences(int from, int to, double[] y, double[] yW, double[] fA, double[] fB, double[] values) {
    for (int p = from; p < to; p++) {
      final int j = colouring.member(p);
      yW[j] = y[j];
      final double inv = 1.0 / delta[j];
      for (int q = colStart[j]; q < colStart[j + 1]; q++) {
        final int i = colRows[q];
        values[colPos[q]] = (fA[i] - fB[i]) * inv;
      }
    }
  }

  /** eps^(1/3): balances truncation (h^2) against rounding (eps/h) of central differences. */
  private static final double CBRT_EPS = Math.cbrt(Math.ulp(1.0));

  /**
   * Central-difference Jacobian (accuracy ~eps^(2/3) relative, twice the evaluations of {@link
   * #compute}) with increments h_j = cbrt(eps) (|y_j| + floor), the rule of the dense {@link
   * FiniteDifferences#jacobianCentral}, so that the sparse and dense paths agree to rounding: for
   * Newton polishing and stability, where the Jacobian's accuracy matters more than its cost.
   *
   * @param y state, length n, read only (a private copy is perturbed)
   * @param floor absolute increment floor (state units), positive
   * @param jac output on this object's pattern; every structural entry is overwritten
   * @param fPlus caller-owned work array of length n
   * @return right-hand side evaluations used (twice the number of colours)
   */
  public int computeCentral(OdeSystem system, double t, double[] y, double floor, SparseMatrix jac, double[] fPlus) {
    return computeCentral(system, t, y, floor, 1.0, jac, fPlus);
  }

  /**
   * {@link #computeCentral(OdeSystem, double, double[], double, SparseMatrix, double[])} with the
   * increments multiplied by {@code stepFactor} (two step sizes estimate the Jacobian's accuracy).
   */
  public int computeCentral(
      OdeSystem system, double t, double[] y, double floor, double stepFactor, SparseMatrix jac, double[] fPlus) {
    return computeCentral(system, null, t, y, floor, stepFactor, jac, fPlus);
  }

  /**
   * As {@link #computeCentral(OdeSystem, double, double[], double, double, SparseMatrix, double[])},
   * the second half of the colours evaluated on a helper thread with {@code concurrent} (a copy of
   * {@code system} that may run beside it; null: all on the calling thread). Every entry is the same
   * difference quotient of the same evaluations as on one thread, so the Jacobian is bit for bit the
   * same; only the wall time halves on an otherwise idle second core (TPM_d N = 100: 706 colours, ~1 s
   * per Jacobian on one core).
   */
  public int computeCentral(OdeSystem system, OdeSystem concurrent, double t, double[] y, double floor,
      double stepFactor, SparseMatrix jac, double[] fPlus) {
    requireOwnPattern(jac);
    if (!(stepFactor > 0) || Double.isInfinite(stepFactor)) {
      throw new IllegalArgumentException("step factor must be positive and finite, got " + stepFactor);
    }
    final double step = stepFactor * CBRT_EPS;
    if (!(floor > 0)) {
      throw new IllegalArgumentException("increment floor must be positive, got " + floor);
    }
    final double[] values = jac.values;
    final int colours = colouring.colours();
    if (concurrent == null || colours < 2) {
      System.arraycopy(y, 0, yWork, 0, n);
      centralColours(system, t, y, floor, step, 0, colours, yWork, fPlus, fWork, values);
      return 2 * colours;
    }
    if (helperWork == null) {
      helperWork = new double[3][n];
    }
    final double[][] hw = helperWork;
    final int mid = colours / 2;
    // Disjoint colours write disjoint columns of delta and values; each thread perturbs its own copy of y.
    java.util.concurrent.Future<?> other = Helper.POOL.submit(() -> {
      System.arraycopy(y, 0, hw[0], 0, n);
      centralColours(concurrent, t, y, floor, step, mid, colours, hw[0], hw[1], hw[2], values);
    });
    System.arraycopy(y, 0, yWork, 0, n);
    try {
      centralColours(system, t, y, floor, step, 0, mid, yWork, fPlus, fWork, values);
    } finally {
      await(other);
    }
    return 2 * colours;
  }

  /** Work arrays (y copy, f+, f-) of the helper thread, made on first use. */
  private double[][] helperWork;

  /** One daemon thread for the second half of the colours, shared by all Jacobians of the JVM. */
  private static final class Helper {
    static final java.util.concurrent.ExecutorService POOL =
        org.qdlaser.stages.numerics.threads.HelperThreads.single("qdlaser-fd-jacobian");
  }

  private static void await(java.util.concurrent.Future<?> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the helper writes into our arrays: wait for it before returning
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Central differences of colours [cFrom, cTo) with the caller's perturbed copy yW of y and work arrays fP, fM. */
  private void centralColours(OdeSystem system, double t, double[] y, double floor, double step, int cFrom, int cTo,
      double[] yW, double[] fP, double[] fM, double[] values) {
    for (int c = cFrom; c < cTo; c++) {
      final int from = colouring.colourStart(c);
      final int to = colouring.colourStart(c + 1);
      for (int p = from; p < to; p++) {
        final int j = colouring.member(p);
        yW[j] = y[j] + step * (Math.abs(y[j]) + floor);
        delta[j] = yW[j] - y[j]; // the increment actually represented
      }
      system.rhs(t, yW, fP);
      for (int p = from; p < to; p++) {
        final int j = colouring.member(p);
        yW[j] = y[j] - step * (Math.abs(y[j]) + floor);
        delta[j] += y[j] - yW[j];
      }
      system.rhs(t, yW, fM);
      storeDifferences(from, to, y, yW, fP, fM, values);
    }
  }
}
