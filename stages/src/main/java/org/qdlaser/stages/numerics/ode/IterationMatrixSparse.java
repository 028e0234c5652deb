package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.jacobian.SparseJacobianBuilder;
import org.qdlaser.stages.numerics.linear.GmresSolver;
import org.qdlaser.stages.numerics.linear.IluPreconditioner;
import org.qdlaser.stages.numerics.sparse.ColumnColouring;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparseOrdering;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sparse {@link IterationMatrix}: J in CSR on the system's {@link SparsityPattern}, M = I - cJ on
 * the pattern plus the diagonal, and one of two solvers:
 *
 * <ul>
 *   <li>{@link IterationMatrixKind#SPARSE_DIRECT}: {@link SparseLuSolver} with the approximate
 *       minimum degree ordering of M's pattern; exact solves with the factorised c.
 *   <li>{@link IterationMatrixKind#SPARSE_ITERATIVE}: restarted GMRES on I - cJ with the
 *       <em>current</em> c (J v is one sparse product), right-preconditioned by ILU(0) of the last
 *       factorised M, stopped on the weighted RMS residual the caller asks for (inexact Newton).
 * </ul>
 *
 * <p>J comes from {@link SparseJacobianBuilder}: exact when the system gives its sparse Jacobian
 * ({@link OdeSystem#hasSparseJacobian()}), else forward differences with column colouring (one
 * right-hand side evaluation per colour). Small systems with only a dense analytic Jacobian ({@link
 * OdeSystem#hasJacobian()}, n at most {@link #MAX_ANALYTIC_GATHER_DIMENSION}) have it evaluated and
 * its pattern entries gathered.
 *
 * <p>The symbolic work of a pattern (colouring, ordering, M's pattern) is cached for the last few
 * patterns, so that the many short integrations of a parameter sweep pay for it once. Allocation-free
 * after the first factorisations (the LU factor arrays grow to the largest fill seen).
 */
public final class IterationMatrixSparse implements IterationMatrix {
  /** Systems without a pattern are given a full one up to this size (forced sparse, for tests). */
  public static final int MAX_DENSE_PATTERN_DIMENSION = 2_000;
  /** Largest n for which an analytic (dense) Jacobian is evaluated and gathered (n^2 doubles). */
  public static final int MAX_ANALYTIC_GATHER_DIMENSION = 1_000;
  /**
   * Krylov dimension of GMRES between restarts. 30 vectors of n doubles: 4 MB for TPM_d at N = 50;
   * enough for the ILU(0)-preconditioned Brusselator (measured &lt; 10 iterations per solve).
   */
  static final int GMRES_RESTART = 30;
  /** Restarts before a solve counts as failed (the integrator then refreshes J or cuts h). */
  static final int GMRES_MAX_RESTARTS = 1;
  /** Symbolic analyses kept (LRU): a sweep alternates between at most a few patterns. */
  private static final int CACHE_SIZE = 4;

  private static final Map<SparsityPattern, Symbolic> CACHE =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<SparsityPattern, Symbolic> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** Immutable symbolic data of one Jacobian pattern. */
  private static final class Symbolic {
    final ColumnColouring colouring;
    /** Pattern of M = I - cJ: J's pattern plus the diagonal. */
    final SparsityPattern mPattern;
    /** Position in M's values of each J entry; null when the patterns coincide. */
    final int[] jToM;
    private int[] order;

    Symbolic(SparsityPattern j) {
      colouring = ColumnColouring.of(j);
      final int n = j.n();
      final int[] rs = j.rowStart();
      final int[] cols = j.columns();
      boolean hasDiagonal = true;
      for (int i = 0; i < n && hasDiagonal; i++) {
        hasDiagonal = Arrays.binarySearch(cols, rs[i], rs[i + 1], i) >= 0;
      }
      if (hasDiagonal) {
        // A distinct but equal object: the cache key must not be referenced from its value.
        mPattern = new SparsityPattern(n, rs, cols);
        jToM = null;
      } else {
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
          int len = rs[i + 1] - rs[i];
          rows[i] = Arrays.copyOf(Arrays.copyOfRange(cols, rs[i], rs[i + 1]), len + 1);
          rows[i][len] = i;
        }
        mPattern = SparsityPattern.fromRows(rows);
        int[] mrs = mPattern.rowStart();
        int[] mcols = mPattern.columns();
        jToM = new int[cols.length];
        for (int i = 0; i < n; i++) {
          for (int k = rs[i]; k < rs[i + 1]; k++) {
            jToM[k] = Arrays.binarySearch(mcols, mrs[i], mrs[i + 1], cols[k]);
          }
        }
      }
    }

    /** AMD order of M's pattern, computed on first use (only the direct solver needs it). */
    synchronized int[] order() {
      if (order == null) {
        order = SparseOrdering.approximateMinimumDegree(mPattern);
      }
      return order;
    }
  }

  private static Symbolic symbolic(SparsityPattern p) {
    synchronized (CACHE) {
      Symbolic s = CACHE.get(p);
      if (s == null) {
        s = new Symbolic(p);
        CACHE.put(p, s);
      }
      return s;
    }
  }

  private final int n;
  private final IterationMatrixKind kind;
  private final SparsityPattern pattern;
  private final Symbolic symbolic;
  private final SparseMatrix jacobian;
  private final SparseMatrix matrix;
  private final SparseJacobianBuilder fd;
  private final SparseLuSolver lu;
  private final IluPreconditioner ilu;
  private final GmresSolver gmres;
  private final GmresSolver.Operator operator;
  private final GmresSolver.Preconditioner preconditioner;
  /** Scratch for the gathered analytic Jacobian (null unless small and analytic). */
  private double[] denseScratch;
  private double currentC;
  private long iterations;

  /**
   * @param n dimension
   * @param pattern the Jacobian's structural non-zeros, or null for a full pattern (n at most
   *     {@link #MAX_DENSE_PATTERN_DIMENSION})
   * @param kind {@link IterationMatrixKind#SPARSE_DIRECT} or {@link
   *     IterationMatrixKind#SPARSE_ITERATIVE}
   */
  public IterationMatrixSparse(int n, SparsityPattern pattern, IterationMatrixKind kind) {
    if (kind != IterationMatrixKind.SPARSE_DIRECT && kind != IterationMatrixKind.SPARSE_ITERATIVE) {
      throw new IllegalArgumentException("sparse iteration matrix kind must be SPARSE_DIRECT or SPARSE_ITERATIVE, got " + kind);
    }
    if (pattern == null) {
      if (n < 1 || n > MAX_DENSE_PATTERN_DIMENSION) {
        throw new IllegalArgumentException(
            "sparse linear algebra for a system without sparsity() needs n <= " + MAX_DENSE_PATTERN_DIMENSION
                + ", got n = " + n);
      }
      pattern = fullPattern(n);
    } else if (pattern.n() != n) {
      throw new IllegalArgumentException("sparsity pattern has dimension " + pattern.n() + ", system " + n);
    }
    this.n = n;
    this.kind = kind;
    this.pattern = pattern;
    this.symbolic = symbolic(pattern);
    this.jacobian = new SparseMatrix(pattern);
    this.matrix = new SparseMatrix(symbolic.mPattern);
    this.fd = new SparseJacobianBuilder(pattern, symbolic.colouring);
    if (kind == IterationMatrixKind.SPARSE_DIRECT) {
      this.lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, symbolic.order());
      this.ilu = null;
      this.gmres = null;
      this.operator = null;
      this.preconditioner = null;
    } else {
      this.lu = null;
      this.ilu = new IluPreconditioner();
      this.gmres = new GmresSolver(GMRES_RESTART, GMRES_MAX_RESTARTS);
      final SparseMatrix j = jacobian;
      // Created once: solve() must not allocate. out = x - c J x with the current c.
      this.operator = (x, out) -> {
        j.multiply(x, out);
        final double c = currentC;
        for (int i = 0; i < n; i++) {
          out[i] = x[i] - c * out[i];
        }
      };
      final IluPreconditioner p = ilu;
      this.preconditioner = p::solve;
    }
  }

  private static SparsityPattern fullPattern(int n) {
    int[] rs = new int[n + 1];
    int[] cols = new int[n * n];
    for (int i = 0; i < n; i++) {
      rs[i + 1] = (i + 1) * n;
      for (int j = 0; j < n; j++) {
        cols[i * n + j] = j;
      }
    }
    return new SparsityPattern(n, rs, cols);
  }

  @Override
  public int dimension() {
    return n;
  }

  /** The Jacobian's pattern (the system's, or the full one). */
  public SparsityPattern pattern() {
    return pattern;
  }

  /** The stored Jacobian: a live view owned by this object (for inspection and tests). */
  public SparseMatrix jacobian() {
    return jacobian;
  }

  /** Colours of the finite-difference Jacobian (= right-hand side evaluations per Jacobian). */
  public int colours() {
    return symbolic.colouring.colours();
  }

  @Override
  public int evaluateJacobian(OdeSystem system, double t, double[] y, double[] f, double[] floor) {
    if (!SparseJacobianBuilder.isExact(system) && system.hasJacobian() && n <= MAX_ANALYTIC_GATHER_DIMENSION) {
      if (denseScratch == null) {
        denseScratch = new double[n * n];
      }
      system.jacobian(t, y, denseScratch);
      final double[] v = jacobian.values;
      final int[] rs = jacobian.rowStart;
      final int[] cols = jacobian.columns;
      for (int i = 0; i < n; i++) {
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          v[k] = denseScratch[i * n + cols[k]];
        }
      }
      return 0;
    }
    return fd.forward(system, t, y, f, floor, jacobian);
  }

  @Override
  public boolean jacobianIsFinite() {
    for (double v : jacobian.values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void factor(double c) {
    final double[] jv = jacobian.values;
    final double[] mv = matrix.values;
    final int[] map = symbolic.jToM;
    if (map == null) {
      for (int k = 0; k < jv.length; k++) {
        mv[k] = -c * jv[k];
      }
    } else {
      Arrays.fill(mv, 0.0);
      for (int k = 0; k < jv.length; k++) {
        mv[map[k]] = -c * jv[k];
      }
    }
    final int[] diagonal = matrix.diagonal;
    for (int i = 0; i < n; i++) {
      mv[diagonal[i]] += 1.0;
    }
    if (lu != null) {
      lu.factor(matrix);
    } else {
      ilu.factor(matrix);
    }
  }

  @Override
  public boolean solve(double[] b, double c, double[] weight, double tolerance) {
    if (lu != null) {
      lu.solve(b);
      return true;
    }
    currentC = c;
    boolean ok = gmres.solve(operator, preconditioner, b, weight, tolerance, n);
    iterations += gmres.lastIterations();
    return ok;
  }

  @Override
  public boolean usesCurrentCoefficient() {
    return lu == null;
  }

  @Override
  public long linearIterations() {
    return iterations;
  }

  @Override
  public long jacobianNonZeros() {
    return jacobian.nonZeros();
  }

  @Override
  public long factorNonZeros() {
    return lu != null ? lu.factorNonZeros() : matrix.nonZeros();
  }

  @Override
  public IterationMatrixKind kind() {
    return kind;
  }

  /** Whether this matrix can serve {@code system} under {@code kind} (same kind, dimension and pattern). */
  boolean compatibleWith(OdeSystem system, IterationMatrixKind requested) {
    SparsityPattern p = system.sparsity();
    IterationMatrixKind k = requested == IterationMatrixKind.SPARSE_ITERATIVE
        ? IterationMatrixKind.SPARSE_ITERATIVE : IterationMatrixKind.SPARSE_DIRECT;
    if (k != kind || system.dimension() != n) {
      return false;
    }
    return p == null ? pattern.nonZeros() == (long) n * n : (p == pattern || p.equals(pattern));
  }
}
