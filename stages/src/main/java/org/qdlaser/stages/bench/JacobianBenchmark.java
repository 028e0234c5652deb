package org.qdlaser.stages.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.qdlaser.stages.numerics.linear.DenseLuSolver;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.ode.IterationMatrixKind;
import org.qdlaser.stages.numerics.ode.IterationMatrixSparse;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparseOrdering;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.TpmDisperseModel;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * Jacobian assembly and factorisation of TPM^(d) (Table I rates, Gaussian detunings) for the
 * linear-solver candidates: coloured finite differences, sparse LU with AMD, ILU(0) + GMRES, and
 * dense LU where it fits ({@code qdlaser bench jacobian}).
 */
public final class JacobianBenchmark {
  /** Coefficients c = h/gamma_k (units 1/gamma_nr) spanning the step sizes of laser transients. */
  static final double[] COEFFICIENTS = {1e-3, 1e-1, 10.0};
  /** Weights of the GMRES test solves: the relaxation tolerances of the polydisperse models. */
  static final double RTOL = 1e-6;
  static final double ATOL = 1e-8;
  /** GMRES tolerance: the BDF's linear tolerance at order 2 (0.05 * 0.05 * 3). */
  static final double GMRES_TOLERANCE = 0.0075;
  /** Dense LU only up to this dimension (n^3 flops: 0.03 s at N = 10, 725 unknowns; ~60x that at N = 20). */
  static final int MAX_DENSE = 1000;

  private JacobianBenchmark() {}

  /** The matrices and workspaces of one benchmark. */
  private record Setup(int n, SparsityPattern pattern, IterationMatrixSparse direct, IterationMatrixSparse iterative,
      int[] order, double[] weight, double analyse, double assembly) {}

  /**
   * Times one Jacobian assembly plus factorisations of I - cJ for TPM_d with {@code dots} dots; the
   * result's keys are those of {@code qdlaser bench jacobian --json}.
   *
   * @param repeat timings are the best of this many
   * @throws BadOption for dots outside 2..60 or repeat outside 1..100
   */
  public static Map<String, Object> run(int dots, int repeat) {
    if (dots < 2 || dots > 60) {
      throw new BadOption("--dots", "must be in 2..60, got " + dots);
    }
    StiffBenchmark.requireRepeat(repeat);
    Setup s = setup(dots, repeat);
    SparseMatrix jac = s.direct().jacobian();
    SparseMatrix m = new SparseMatrix(s.pattern());
    for (int i = 0; i < s.n(); i++) {
      if (m.position(i, i) < 0) {
        throw new IllegalStateException("TPM_d pattern lacks the diagonal entry of row " + i);
      }
    }
    Random rnd = new Random(1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (double c : COEFFICIENTS) {
      rows.add(coefficient(c, s, jac, m, rnd, repeat));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", "TPM_d");
    out.put("dots", dots);
    out.put("dimension", s.n());
    out.put("jacobian_nonzeros", s.direct().jacobianNonZeros());
    out.put("colours", s.direct().colours());
    out.put("symbolic_seconds", s.analyse());
    out.put("pivot_threshold", SparseLuSolver.DEFAULT_PIVOT_THRESHOLD);
    out.put("assembly_seconds", s.assembly());
    out.put("repeats", repeat);
    out.put("coefficients", rows);
    return out;
  }

  private static Setup setup(int dots, int repeat) {
    LaserParameters lp = LaserParameters.tableI().withN(dots);
    Sample sample = SampleGenerator.generate(new SampleSpec(dots, 1.0, lp.gamma(), 1, 0, 0.0, lp.g()));
    TpmDisperseModel model = new TpmDisperseModel(DisperseParameters.withDetunings(lp, sample.detunings()));
    final int n = model.dimension();
    double[] y = model.lasingInitialState();
    double[] f = new double[n];
    model.rhs(0, y, f);
    double[] floor = new double[n];
    Arrays.fill(floor, ATOL);
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      weight[i] = 1.0 / (RTOL * Math.abs(y[i]) + ATOL);
    }
    SparsityPattern pattern = model.sparsity();
    long t0 = System.nanoTime();
    IterationMatrixSparse direct = new IterationMatrixSparse(n, pattern, IterationMatrixKind.SPARSE_DIRECT);
    double analyse = (System.nanoTime() - t0) * 1e-9;
    IterationMatrixSparse iterative = new IterationMatrixSparse(n, pattern, IterationMatrixKind.SPARSE_ITERATIVE);
    // The same AMD order the direct iteration matrix uses (its pattern has the full diagonal).
    int[] order = SparseOrdering.approximateMinimumDegree(pattern);
    double assembly = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      long s = System.nanoTime();
      direct.evaluateJacobian(model, 0, y, f, floor);
      assembly = Math.min(assembly, (System.nanoTime() - s) * 1e-9);
    }
    iterative.evaluateJacobian(model, 0, y, f, floor);
    return new Setup(n, pattern, direct, iterative, order, weight, analyse, assembly);
  }

  /** Factorisations and solves of I - cJ: sparse LU (pivoting, refactoring), ILU(0) + GMRES, dense LU. */
  private static Map<String, Object> coefficient(double c, Setup st, SparseMatrix jac, SparseMatrix m, Random rnd,
      int repeat) {
    int n = st.n();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("c", c);
    double[] jv = jac.values();
    double[] mv = m.values();
    for (int k = 0; k < jv.length; k++) {
      mv[k] = -c * jv[k];
    }
    for (int i = 0; i < n; i++) {
      m.set(i, i, m.get(i, i) + 1.0);
    }
    // Pivoting factorisation (depth-first searches, pivot search): a fresh solver each time.
    double pivoting = Double.POSITIVE_INFINITY;
    SparseLuSolver lu = null;
    for (int r = 0; r < repeat; r++) {
      lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, st.order());
      lu.analyse(st.pattern());
      long s = System.nanoTime();
      lu.factor(m);
      pivoting = Math.min(pivoting, (System.nanoTime() - s) * 1e-9);
    }
    // Refactorisation with the stored row order and structure (the integrator's usual case).
    double refactor = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      long s = System.nanoTime();
      lu.factor(m);
      refactor = Math.min(refactor, (System.nanoTime() - s) * 1e-9);
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = rnd.nextGaussian() / st.weight()[i];
    }
    double[] x = b.clone();
    long s = System.nanoTime();
    lu.solve(x);
    double solve = (System.nanoTime() - s) * 1e-9;
    row.put("lu_factor_seconds", pivoting);
    row.put("lu_refactor_seconds", refactor);
    row.put("lu_refactor_used", lu.refactorizations() == repeat);
    row.put("lu_solve_seconds", solve);
    row.put("lu_nonzeros", lu.factorNonZeros());
    row.put("lu_fill_ratio", lu.factorNonZeros() / (double) jac.nonZeros());
    row.put("lu_off_diagonal_pivots", lu.offDiagonalPivots());
    row.put("assembly_plus_lu_seconds", st.assembly() + pivoting);
    row.put("ilu_gmres", gmres(c, st, b));
    if (n <= MAX_DENSE) {
      row.put("dense_lu_factor_seconds", denseLu(m.toDense(), n, repeat));
    }
    return row;
  }

  private static Map<String, Object> gmres(double c, Setup st, double[] b) {
    Map<String, Object> gm = new LinkedHashMap<>();
    try {
      long s = System.nanoTime();
      st.iterative().factor(c);
      gm.put("ilu_seconds", (System.nanoTime() - s) * 1e-9);
      double[] x = b.clone();
      long before = st.iterative().linearIterations();
      s = System.nanoTime();
      boolean ok = st.iterative().solve(x, c, st.weight(), GMRES_TOLERANCE);
      gm.put("solve_seconds", (System.nanoTime() - s) * 1e-9);
      gm.put("converged", ok);
      gm.put("iterations", st.iterative().linearIterations() - before);
    } catch (LinearSolver.SingularMatrixException e) {
      gm.put("converged", false);
      gm.put("error", e.getMessage());
    }
    return gm;
  }

  private static double denseLu(double[] dm, int n, int repeat) {
    DenseLuSolver dlu = new DenseLuSolver();
    double dense = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      double[] copy = dm.clone();
      long d = System.nanoTime();
      dlu.factor(copy, n);
      dense = Math.min(dense, (System.nanoTime() - d) * 1e-9);
    }
    return dense;
  }
}
