package org.qdlaser.stages.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.ode.IterationMatrixDense;
import org.qdlaser.stages.numerics.ode.IterationMatrixKind;
import org.qdlaser.stages.numerics.ode.IterationMatrixSparse;
import org.qdlaser.stages.numerics.ode.StiffIntegrator;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblem;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblems;

/**
 * One stiff test problem of {@link StiffTestProblems} integrated by the BDF integrator: work
 * counters, the fastest wall time of a few repeats and the final state (ci/bench-stiff). Wall
 * times are measured here, never in unit tests.
 */
public final class StiffBenchmark {
  /** Largest dimension whose final state (and reference) is reported in full: MEDAKZO's 400 fit. */
  public static final int MAX_PRINTED_DIMENSION = 500;

  private StiffBenchmark() {}

  /** Whether the BDF's stability-limit detection is on unless asked otherwise (the integrator's default). */
  public static final boolean DEFAULT_STABILITY_LIMIT_DETECTION = BdfSettings.DEFAULT_STABILITY_LIMIT_DETECTION;

  /**
   * What to run.
   *
   * @param problem the problem's name (ROBER, HIRES, VDPOL, OREGO, BRUSS2D, ...)
   * @param rtol relative tolerance in (0, 1)
   * @param atol absolute tolerance, or null for the problem's customary atol/rtol ratio times rtol
   * @param linearSolver auto, dense, sparse-direct or sparse-iterative
   * @param maxOrder highest BDF order, 1..5
   * @param repeat integrations, the fastest reported (1..100)
   * @param reference reference solution (the problem's dimension), or null
   * @param stabilityLimitDetection the BDF's stability-limit detection on or off
   */
  public record Request(String problem, double rtol, Double atol, String linearSolver, int maxOrder, int repeat,
      double[] reference, boolean stabilityLimitDetection) {

    /** A request with the integrator's default stability-limit detection. */
    public Request(String problem, double rtol, Double atol, String linearSolver, int maxOrder, int repeat,
        double[] reference) {
      this(problem, rtol, atol, linearSolver, maxOrder, repeat, reference,
          BdfSettings.DEFAULT_STABILITY_LIMIT_DETECTION);
    }
  }

  /** The linear algebra of a {@code --linear-solver} name. */
  public static IterationMatrixKind linearAlgebra(String name) {
    String key = name.toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return IterationMatrixKind.valueOf(key);
    } catch (IllegalArgumentException e) {
      throw new BadOption("--linear-solver", "unknown linear solver '" + name + "'; use auto, dense, sparse-direct or sparse-iterative");
    }
  }

  static void requireRepeat(int repeat) {
    if (repeat < 1 || repeat > 100) {
      throw new BadOption("--repeat", "must be in 1..100, got " + repeat);
    }
  }

  /** The test problem of a name. */
  public static StiffTestProblem problem(String name) {
    try {
      return StiffTestProblems.get(name);
    } catch (IllegalArgumentException e) {
      throw new BadOption("--problem", e.getMessage());
    }
  }

  /**
   * Runs the benchmark; the result's keys are those of {@code qdlaser bench stiff --json}.
   *
   * @throws BadOption naming the option that cannot be used
   */
  public static Map<String, Object> run(Request r) {
    StiffTestProblem p = problem(r.problem());
    double a = validate(r, p);
    IterationMatrixKind kind = linearAlgebra(r.linearSolver());
    int n = p.system().dimension();
    if (!kind.sparseFor(p.system()) && n > IterationMatrixDense.MAX_DIMENSION) {
      throw new BadOption("--linear-solver", p.name() + " has " + n + " unknowns, too many for dense linear algebra (at most "
          + IterationMatrixDense.MAX_DIMENSION + ")");
    }
    if (kind.sparseFor(p.system()) && p.system().sparsity() == null && n > IterationMatrixSparse.MAX_DENSE_PATTERN_DIMENSION) {
      throw new BadOption("--linear-solver", p.name() + " has no sparsity pattern");
    }
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(r.rtol(), a).withMaxOrder(r.maxOrder())
        .withIterationMatrix(kind).withStabilityLimitDetection(r.stabilityLimitDetection()));
    double best = Double.POSITIVE_INFINITY;
    IntegrationResult result = null;
    long[] reductions = new long[1];
    // Sums the order reductions over the pieces between the problem's breakpoints (one integrate call each).
    StiffIntegrator counting = (system, t0, y0, tEnd, observer, stop) -> {
      IntegrationResult piece = integrator.integrate(system, t0, y0, tEnd, observer, stop);
      reductions[0] += integrator.stabilityLimitReductions();
      return piece;
    };
    for (int i = 0; i < r.repeat(); i++) {
      reductions[0] = 0;
      long start = System.nanoTime();
      result = p.solve(counting); // restarts at the problem's breakpoints
      best = Math.min(best, (System.nanoTime() - start) * 1e-9);
    }
    Map<String, Object> out = report(r, p, a, integrator, result, best);
    out.put("stability_limit_detection", r.stabilityLimitDetection());
    out.put("stability_limit_reductions", reductions[0]);
    return out;
  }

  /** Checks the tolerances, order, repeats and reference; returns atol. */
  private static double validate(Request r, StiffTestProblem p) {
    if (!(r.rtol() > 0 && r.rtol() < 1)) {
      throw new BadOption("--rtol", "must be in (0, 1), got " + r.rtol());
    }
    double a = r.atol() == null ? p.defaultAtol(r.rtol()) : r.atol();
    if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
      throw new BadOption("--atol", "must be positive and finite, got " + a);
    }
    if (r.maxOrder() < 1 || r.maxOrder() > BdfSettings.MAX_ORDER) {
      throw new BadOption("--max-order", "must be in 1.." + BdfSettings.MAX_ORDER + ", got " + r.maxOrder());
    }
    requireRepeat(r.repeat());
    linearAlgebra(r.linearSolver());
    if (r.reference() != null && r.reference().length != p.system().dimension()) {
      throw new BadOption("--reference", "reference of " + p.name() + " has " + r.reference().length
          + " components, the problem " + p.system().dimension());
    }
    return a;
  }

  private static Map<String, Object> report(Request r, StiffTestProblem p, double a, BdfIntegrator integrator,
      IntegrationResult result, double best) {
    IntegratorStats s = result.stats();
    double[] y = result.y();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("problem", p.name());
    out.put("rtol", r.rtol());
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
    out.put("repeats", r.repeat());
    if (r.reference() != null) {
      // Relative error per component, with |ref| floored at atol (below it only atol is asked for).
      double[] ref = r.reference();
      double worst = 0;
      for (int i = 0; i < ref.length; i++) {
        worst = Math.max(worst, Math.abs(y[i] - ref[i]) / Math.max(Math.abs(ref[i]), a));
      }
      out.put("max_relative_error", worst);
    } else if (p.hasReference()) {
      // The problem's published reference, scored without its unscored components.
      out.put("max_relative_error", p.maxRelativeError(y, a));
      out.put("reference", p.referenceSource());
      if (y.length <= MAX_PRINTED_DIMENSION) {
        out.put("reference_y", p.reference());
        out.put("unscored_components", p.unscoredComponents());
      }
    }
    return out;
  }
}
