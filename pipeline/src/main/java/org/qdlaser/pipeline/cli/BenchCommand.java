package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.manifest.InputException;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.linear.DenseLuSolver;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.ode.IterationMatrixDense;
import org.qdlaser.stages.numerics.ode.IterationMatrixKind;
import org.qdlaser.stages.numerics.ode.IterationMatrixSparse;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparseOrdering;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblem;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblems;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.TpmDisperseModel;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks of the numerical core, printed as JSON for scripts (ci/bench-stiff): wall times are
 * measured here, never in unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the numerical core (JSON output for ci/bench-stiff).",
    subcommands = {BenchCommand.Stiff.class, BenchCommand.Jacobian.class})
public final class BenchCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: stiff or jacobian");
  }

  /** Largest dimension whose final state is printed in full. */
  static final int MAX_PRINTED_DIMENSION = 100;

  static IterationMatrixKind linearAlgebra(String name) {
    String key = name.toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return IterationMatrixKind.valueOf(key);
    } catch (IllegalArgumentException e) {
      throw new InputException("--linear-solver",
          "unknown linear solver '" + name + "'; use auto, dense, sparse-direct or sparse-iterative");
    }
  }

  static void requireRepeat(int repeat) {
    if (repeat < 1 || repeat > 100) {
      throw new InputException("--repeat", "must be in 1..100, got " + repeat);
    }
  }

  /** One stiff test problem: work counters, wall time and (with --reference) the error. */
  @Command(name = "stiff", mixinStandardHelpOptions = true,
      description = "Integrate a stiff test problem (ROBER, HIRES, VDPOL, OREGO, BRUSS2D) with the BDF integrator "
          + "and print its work counters, wall time and final state as JSON.")
  public static final class Stiff implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--problem", required = true, description = "ROBER, HIRES, VDPOL, OREGO or BRUSS2D")
    String problem;

    @Option(names = "--rtol", required = true, description = "relative tolerance, in (0, 1)")
    double rtol;

    @Option(names = "--atol", description = "absolute tolerance (default: the problem's customary atol/rtol ratio times rtol)")
    Double atol;

    @Option(names = "--linear-solver", defaultValue = "auto",
        description = "auto, dense, sparse-direct or sparse-iterative (default: ${DEFAULT-VALUE})")
    String linearSolver;

    @Option(names = "--max-order", defaultValue = "5", description = "highest BDF order, 1..5 (default: ${DEFAULT-VALUE})")
    int maxOrder;

    @Option(names = "--repeat", defaultValue = "1",
        description = "integrate this many times and report the fastest (JIT warm-up; default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--reference", description = "JSON file with reference solutions (shared/reference/ivp-testset.json format)")
    Path reference;

    @Option(names = "--json", description = "print JSON (the only output format)")
    boolean json;

    @Override
    public Integer call() {
      StiffTestProblem p;
      try {
        p = StiffTestProblems.get(problem);
      } catch (IllegalArgumentException e) {
        throw new InputException("--problem", e.getMessage());
      }
      if (!(rtol > 0 && rtol < 1)) {
        throw new InputException("--rtol", "must be in (0, 1), got " + rtol);
      }
      double a = atol == null ? p.defaultAtol(rtol) : atol;
      if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
        throw new InputException("--atol", "must be positive and finite, got " + a);
      }
      if (maxOrder < 1 || maxOrder > BdfSettings.MAX_ORDER) {
        throw new InputException("--max-order", "must be in 1.." + BdfSettings.MAX_ORDER + ", got " + maxOrder);
      }
      requireRepeat(repeat);
      IterationMatrixKind kind = linearAlgebra(linearSolver);
      double[] ref = reference == null ? null : referenceSolution(reference, p.name());
      if (ref != null && ref.length != p.system().dimension()) {
        throw new InputException("--reference", "reference of " + p.name() + " has " + ref.length
            + " components, the problem " + p.system().dimension());
      }

      int n = p.system().dimension();
      if (!kind.sparseFor(p.system()) && n > IterationMatrixDense.MAX_DIMENSION) {
        throw new InputException("--linear-solver", p.name() + " has " + n + " unknowns, too many for dense linear algebra (at most "
            + IterationMatrixDense.MAX_DIMENSION + ")");
      }
      if (kind.sparseFor(p.system()) && p.system().sparsity() == null && n > IterationMatrixSparse.MAX_DENSE_PATTERN_DIMENSION) {
        throw new InputException("--linear-solver", p.name() + " has no sparsity pattern");
      }

      BdfSettings settings = BdfSettings.of(rtol, a).withMaxOrder(maxOrder).withIterationMatrix(kind);
      BdfIntegrator integrator = new BdfIntegrator(settings);
      double best = Double.POSITIVE_INFINITY;
      IntegrationResult result = null;
      for (int r = 0; r < repeat; r++) {
        double[] y0 = p.y0();
        long start = System.nanoTime();
        result = integrator.integrate(p.system(), p.t0(), y0, p.t1(), StepObserver.NONE, StopCondition.NEVER);
        best = Math.min(best, (System.nanoTime() - start) * 1e-9);
      }
      IntegratorStats s = result.stats();
      double[] y = result.y();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("problem", p.name());
      out.put("rtol", rtol);
      out.put("atol", a);
      out.put("t_end", result.t());
      out.put("dimension", y.length);
      out.put("linear_algebra", integrator.iterationMatrixKind().name());
      if (y.length <= MAX_PRINTED_DIMENSION) {
        out.put("y", y);
      }
      out.put("steps", s.steps());
      out.put("rhs_evaluations", s.rhsEvaluations());
      out.put("jacobians", s.jacobianEvaluations());
      out.put("factorizations", s.factorizations());
      out.put("error_test_failures", s.errorTestFailures());
      out.put("convergence_failures", s.convergenceFailures());
      out.put("linear_iterations", integrator.linearIterations());
      out.put("wall_seconds", best);
      out.put("repeats", repeat);
      if (ref != null) {
        // Relative error per component, with |ref| floored at atol (below it only atol is asked for).
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
          worst = Math.max(worst, Math.abs(y[i] - ref[i]) / Math.max(Math.abs(ref[i]), a));
        }
        out.put("max_relative_error", worst);
        out.put("reference", reference.toString());
      }
      spec.commandLine().getOut().println(Json.write(out));
      return ExitCodes.OK;
    }

    static double[] referenceSolution(Path file, String name) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(Files.readString(file));
      } catch (NoSuchFileException e) {
        throw new InputException("--reference", "file not found: " + file);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InputException("--reference", "not valid JSON: " + file + ": " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonNode problems = root.path("problems");
      for (JsonNode q : problems) {
        if (name.equals(q.path("name").asText()) && q.path("reference").isArray()) {
          double[] ref = new double[q.get("reference").size()];
          for (int i = 0; i < ref.length; i++) {
            ref[i] = q.get("reference").get(i).asDouble();
          }
          return ref;
        }
      }
      throw new InputException("--reference", "no reference solution for " + name + " in " + file);
    }
  }

  /**
   * Jacobian assembly and factorisation of TPM^(d) (Table I rates, Gaussian detunings) for the
   * linear-solver candidates: coloured finite differences, sparse LU with AMD, ILU(0) + GMRES, and
   * dense LU where it fits.
   */
  @Command(name = "jacobian", mixinStandardHelpOptions = true,
      description = "Time one Jacobian assembly plus factorisation of I - cJ for TPM_d with N dots "
          + "(sparse LU, ILU(0)+GMRES, dense LU for small N) and print fill and timings as JSON.")
  public static final class Jacobian implements Callable<Integer> {
    /** Coefficients c = h/gamma_k (units 1/gamma_nr) spanning the step sizes of laser transients. */
    static final double[] COEFFICIENTS = {1e-3, 1e-1, 10.0};
    /** Weights of the GMRES test solves: the relaxation tolerances of the polydisperse models. */
    static final double RTOL = 1e-6;
    static final double ATOL = 1e-8;
    /** GMRES tolerance: the BDF's linear tolerance at order 2 (0.05 * 0.05 * 3). */
    static final double GMRES_TOLERANCE = 0.0075;
    /** Dense LU only up to this dimension (n^3 flops: 0.03 s at N = 10, 725 unknowns; ~60x that at N = 20). */
    static final int MAX_DENSE = 1000;

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dots", required = true, description = "number of dots N, 2..60")
    int dots;

    @Option(names = "--repeat", defaultValue = "3", description = "timings are the best of this many (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--json", description = "print JSON (the only output format)")
    boolean json;

    @Override
    public Integer call() {
      if (dots < 2 || dots > 60) {
        throw new InputException("--dots", "must be in 2..60, got " + dots);
      }
      requireRepeat(repeat);
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
      SparseMatrix jac = direct.jacobian();
      SparseMatrix m = new SparseMatrix(pattern);
      for (int i = 0; i < n; i++) {
        if (m.position(i, i) < 0) {
          throw new IllegalStateException("TPM_d pattern lacks the diagonal entry of row " + i);
        }
      }

      Random rnd = new Random(1);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (double c : COEFFICIENTS) {
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
          lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, order);
          lu.analyse(pattern);
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
          b[i] = rnd.nextGaussian() / weight[i];
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
        row.put("assembly_plus_lu_seconds", assembly + pivoting);

        Map<String, Object> gm = new LinkedHashMap<>();
        try {
          s = System.nanoTime();
          iterative.factor(c);
          gm.put("ilu_seconds", (System.nanoTime() - s) * 1e-9);
          x = b.clone();
          long before = iterative.linearIterations();
          s = System.nanoTime();
          boolean ok = iterative.solve(x, c, weight, GMRES_TOLERANCE);
          gm.put("solve_seconds", (System.nanoTime() - s) * 1e-9);
          gm.put("converged", ok);
          gm.put("iterations", iterative.linearIterations() - before);
        } catch (LinearSolver.SingularMatrixException e) {
          gm.put("converged", false);
          gm.put("error", e.getMessage());
        }
        row.put("ilu_gmres", gm);

        if (n <= MAX_DENSE) {
          double[] dm = m.toDense();
          DenseLuSolver dlu = new DenseLuSolver();
          double dense = Double.POSITIVE_INFINITY;
          for (int r = 0; r < repeat; r++) {
            double[] copy = dm.clone();
            long d = System.nanoTime();
            dlu.factor(copy, n);
            dense = Math.min(dense, (System.nanoTime() - d) * 1e-9);
          }
          row.put("dense_lu_factor_seconds", dense);
        }
        rows.add(row);
      }

      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", "TPM_d");
      out.put("dots", dots);
      out.put("dimension", n);
      out.put("jacobian_nonzeros", direct.jacobianNonZeros());
      out.put("colours", direct.colours());
      out.put("symbolic_seconds", analyse);
      out.put("pivot_threshold", SparseLuSolver.DEFAULT_PIVOT_THRESHOLD);
      out.put("assembly_seconds", assembly);
      out.put("repeats", repeat);
      out.put("coefficients", rows);
      spec.commandLine().getOut().println(Json.write(out));
      return ExitCodes.OK;
    }
  }
}
