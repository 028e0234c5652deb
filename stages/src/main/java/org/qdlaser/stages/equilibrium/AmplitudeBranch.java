package org.qdlaser.stages.equilibrium;

import java.util.Arrays;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ParameterFamily;

/**
 * The lasing branch parametrised by the field amplitude: for a given |b| = a, solve for the state,
 * the frequency omega and the continuation parameter p (the pump r unless another {@link
 * ParameterFamily} is given). Unknowns x = (state, omega, p); equations f(z; p) - omega A z = 0,
 * Im b = 0, Re b = a. A fold in p is a regular point in this parametrisation (p(a) has an extremum
 * there), so the saddle-node is located by minimising p(a) without any singular Newton iteration.
 */
final class AmplitudeBranch {
  private final Model model;
  private final ParameterFamily family;
  private final NewtonSolver newton;

  /** Rows of the right-hand side that depend on the pump (probed once), for the sparse pattern. */
  private final boolean[] pumpRows;
  /** The bordered pattern of the branch system, built once (null for dense models). */
  private final org.qdlaser.stages.numerics.sparse.SparsityPattern pattern;

  AmplitudeBranch(Model model, NewtonSolver newton) {
    this(ParameterFamily.pump(model), newton);
  }

  AmplitudeBranch(ParameterFamily family, NewtonSolver newton) {
    this.family = family;
    this.model = family.at(family.base());
    this.newton = newton;
    this.pumpRows = model.sparsity() == null ? null : pumpRows(family);
    this.pattern = pumpRows == null ? null : RotatingFrame.borderedPattern(model, pumpRows);
  }

  /**
   * Rows whose value changes with the parameter at a pseudo-random state (the pump enters linearly
   * in the population equations; a random state makes accidental cancellation improbable).
   */
  private static boolean[] pumpRows(ParameterFamily family) {
    Model model = family.at(family.base());
    int n = model.dimension();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble();
    }
    double[] f1 = new double[n];
    double[] f2 = new double[n];
    double v = family.base() != 0 ? family.base() : 0.5;
    family.at(v).rhs(0.0, y, f1);
    family.at(family.logarithmic() ? 2 * v : 1.5 * v).rhs(0.0, y, f2);
    boolean[] rows = new boolean[n];
    for (int i = 0; i < n; i++) {
      rows[i] = f1[i] != f2[i];
    }
    return rows;
  }

  /** A point of the branch: full unknown vector (state, omega, r). */
  record Point(double[] x) {
    Point {
      x = x.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    /** The continuation parameter (the pump for the pump family). */
    double pump() {
      return x[x.length - 1];
    }

    double omega() {
      return x[x.length - 2];
    }

    double[] state() {
      return Arrays.copyOf(x, x.length - 2);
    }
  }

  /** Point of a lasing equilibrium (state gauged so that b is real) of the pump family. */
  Point from(Equilibrium e) {
    return from(e, e.pump());
  }

  /** Point of a lasing equilibrium at parameter value {@code p}. */
  Point from(Equilibrium e, double p) {
    double[] s = e.state();
    double[] x = Arrays.copyOf(s, s.length + 2);
    x[s.length] = e.omega();
    x[s.length + 1] = p;
    return new Point(x);
  }

  /** Solves the branch at amplitude {@code a} starting from {@code guess}; empty if Newton fails. */
  Optional<Point> solve(double a, Point guess) {
    int n = model.dimension();
    int reB = model.layout().field("b").offset();
    double[] x0 = guess.x();
    x0[reB] = a;
    NewtonResult res = newton.solve(system(a), x0);
    lastIterations = res.iterations();
    if (!res.converged() || !family.admissible(res.x()[n + 1])) {
      return Optional.empty();
    }
    return Optional.of(new Point(res.x()));
  }

  /** The branch's Newton system at amplitude {@code a}: unknowns (state, omega, p). */
  NonlinearSystem system(double a) {
    int n = model.dimension();
    int reB = model.layout().field("b").offset();
    return
        new NonlinearSystem() {
          final double[] f = new double[n];
          final double[] az = new double[n];

          @Override
          public int dimension() {
            return n + 2;
          }

          @Override
          public void residual(double[] x, double[] out) {
            double r = x[n + 1];
            if (!family.admissible(r)) {
              java.util.Arrays.fill(out, Double.NaN); // a Newton iterate left the physical range: reject it
              return;
            }
            family.at(r).rhs(0.0, x, f);
            model.layout().applyRotationGenerator(x, az);
            double omega = x[n];
            for (int i = 0; i < n; i++) {
              out[i] = f[i] - omega * az[i];
            }
            out[n] = x[reB + 1];
            out[n + 1] = x[reB] - a;
          }

          @Override
          public org.qdlaser.stages.numerics.sparse.SparsityPattern sparsity() {
            return pattern;
          }

          @Override
          public boolean hasSparseJacobian() {
            return pattern != null && model.hasSparseJacobian();
          }

          /**
           * The frame's exact Jacobian (state and omega columns), the two border rows, and the
           * parameter column by a central difference in p: every family parameter enters f affinely
           * (rates, couplings, the detunings' scale), so the difference is exact to rounding.
           */
          @Override
          public void sparseJacobian(double[] x, double[] values) {
            double v = x[n + 1];
            org.qdlaser.stages.physics.FrameJacobian.of(model, pattern, n).fill(family.at(v), x, x[n], values);
            values[pattern.position(n, reB + 1)] = 1.0;
            values[pattern.position(n + 1, reB)] = 1.0;
            if (fp == null) {
              fp = new double[n];
              fm = new double[n];
            }
            double h = PARAMETER_STEP * Math.max(Math.abs(v), Double.MIN_NORMAL);
            double up = v + h;
            double down = family.admissible(v - h) ? v - h : v;
            family.at(up).rhs(0.0, x, fp);
            family.at(down).rhs(0.0, x, fm);
            double inv = 1.0 / (up - down);
            for (int i = 0; i < n; i++) {
              if (pumpRows[i]) {
                values[pattern.position(i, n + 1)] = (fp[i] - fm[i]) * inv;
              }
            }
          }

          double[] fp;
          double[] fm;
        };
  }

  private int lastIterations;

  /** Newton iterations of the last {@link #solve} (converged or not): the step control of a continuation. */
  int lastIterations() {
    return lastIterations;
  }

  /**
   * Relative step of the parameter column's central difference, cbrt(eps) as in the finite-difference
   * Jacobians it replaces (f is affine in the parameter, so any step is exact up to rounding ~eps/step).
   */
  private static final double PARAMETER_STEP = Math.cbrt(Math.ulp(1.0));

  /** Largest number of interval halvings when a direct Newton solve from the guess fails. */
  private static final int MAX_SUBDIVISIONS = 20;

  /**
   * Like {@link #solve} but continues from {@code guess} in smaller amplitude steps when a direct
   * solve fails (Newton's convergence region shrinks where the branch bends).
   */
  Optional<Point> solveTowards(double a, Point guess) {
    return solveTowards(a, guess, 0);
  }

  private Optional<Point> solveTowards(double a, Point guess, int depth) {
    Optional<Point> p = solve(a, guess);
    if (p.isPresent() || depth >= MAX_SUBDIVISIONS) {
      return p;
    }
    int reB = model.layout().field("b").offset();
    double mid = 0.5 * (a + guess.x[reB]);
    return solveTowards(mid, guess, depth + 1).flatMap(m -> solveTowards(a, m, depth + 1));
  }

  /**
   * The extremum of r(|b|) near |b| in [aLo, aHi] (the interval is widened until it brackets the
   * extremum): a fold of the branch in r. Brent's method on the amplitude; r is quadratic at the extremum, so the located pump is accurate to about the square
   * of {@code relativeTolerance}.
   *
   * <p>The point returned is the one solved when Brent evaluated its optimum, not a new solve there.
   * Near an ill-conditioned fold (TPM, mu = 0, Fig. 2 at gamma_c = 1e8 s^-1, |b| ~ 1.75e4) whether a
   * Newton solve is accepted at F's rounding level depends on its start: measured there, solves from a
   * neighbour 1e-10 (relative) away in |b| were accepted or not in about equal numbers, so a second solve
   * at the optimum could fail although the optimum had been solved, and whether it did depended on the
   * path of the search, i.e. on the last digits of the branch's start state (the transient's end): the
   * fold was lost with one BDF and found with another (docs/decisions.md, issue 14).
   *
   * @param guess a branch point near the interval (Newton starts there or at the last solved point)
   * @param minimum true for a minimum of r (the branch turns back up), false for a maximum
   * @return the branch point at the extremum, or empty if the branch cannot be solved there
   */
  Optional<Point> extremum(Point guess, double aLo, double aHi, boolean minimum, double relativeTolerance) {
    if (!(aLo < aHi) || !(relativeTolerance > 0)) {
      return Optional.empty(); // no interval to search (the bisection ended at its upper end)
    }
    final Point[] nearest = {guess};
    // Every point solved, by amplitude: the optimum Brent reports is one of them, and it is returned as
    // solved, not solved again (see the method comment).
    final java.util.Map<Double, Point> solved = new java.util.HashMap<>();
    double g = guess.pump();
    double penalty = minimum ? g + 1 + Math.abs(g) : g - 1 - Math.abs(g);
    org.hipparchus.analysis.UnivariateFunction rOfA = a -> {
      Optional<Point> p = solveTowards(a, nearest[0]);
      if (p.isEmpty()) {
        p = solveTowards(a, guess);
      }
      if (p.isEmpty()) {
        return penalty; // not on the branch from here: steer the optimiser away
      }
      nearest[0] = p.get();
      solved.put(a, p.get());
      return p.get().pump();
    };
    // Brent starts from the bracket's interior point (Hipparchus needs it strictly inside).
    final double[] interval = bracket(rOfA, aLo, aHi, minimum ? 1.0 : -1.0);
    org.hipparchus.optim.univariate.UnivariatePointValuePair best =
        new org.hipparchus.optim.univariate.BrentOptimizer(relativeTolerance, 1e-12 * interval[1]).optimize(
            new org.hipparchus.optim.MaxEval(200),
            new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(rOfA),
            minimum ? org.hipparchus.optim.nonlinear.scalar.GoalType.MINIMIZE
                : org.hipparchus.optim.nonlinear.scalar.GoalType.MAXIMIZE,
            new org.hipparchus.optim.univariate.SearchInterval(interval[0], interval[1], interval[2]));
    Point at = solved.get(best.getPoint());
    return at != null ? Optional.of(at) : solveTowards(best.getPoint(), nearest[0]);
  }

  /** Largest number of outward steps that {@link #bracket} takes from an end of the interval. */
  private static final int MAX_BRACKET_STEPS = 30;
  /**
   * First outward step of {@link #bracket}, relative to the end's amplitude (then doubled): small, so
   * that the walk stops at the first turn of r instead of jumping past it onto another part of the
   * branch (a first step of the interval's width took TPM_d S7 at 2 gamma from its fold at |b| = 184
   * down to |b| = 3, r = 29). r's rise 1e-3 away from a fold (~4e-6 relative on TPM) is far above its
   * scatter (2.5e-8 ... 6.5e-7).
   */
  private static final double BRACKET_FIRST_STEP = 1e-3;

  /**
   * An interval around [lo, hi] that contains the extremum (sign 1: minimum of r, -1: maximum), given
   * a lower end the caller has seen r turn at (the fold search walks down until r rises; a branch
   * trace brackets the sign change of dr/ds). The upper end is not checked by the callers: it is
   * compared with a probe a small step inside it and, if better, walked outwards, doubling the step,
   * until r turns. Brent's method on an interval that does not contain the extremum returns its end:
   * measured on TPM, Fig. 2(a) at gamma_c = 2.48e8 s^-1, where the pump bisection's last stable state
   * (the upper end) lay 0.05 % below the fold's amplitude and the fold came out 1.1e-6 too high. The
   * lower end is not walked: on TPM_d S7 at 2 gamma, r(|b|) falls again below the caller's lower end,
   * and walking there left the fold for another part of the branch (r = 29 at |b| = 3).
   *
   * @return {lo, hi, interior} (the amplitude stays positive)
   */
  private static double[] bracket(org.hipparchus.analysis.UnivariateFunction rOfA, double lo, double hi, double sign) {
    final double upperProbe = hi - BRACKET_FIRST_STEP * hi;
    final double fHi = sign * rOfA.value(hi);
    final double fUpperProbe = sign * rOfA.value(upperProbe);
    if (fHi < fUpperProbe) {
      return walk(rOfA, upperProbe, hi, fHi, BRACKET_FIRST_STEP * hi, sign);
    }
    return new double[] {lo, hi, Math.max(upperProbe, 0.5 * (lo + hi))};
  }

  /**
   * Walks from {@code end} (value {@code fEnd}, better than at {@code inner}) upwards with steps
   * {@code step}, doubled each time, until r turns; returns {lo, hi, interior} of the last three points.
   */
  private static double[] walk(org.hipparchus.analysis.UnivariateFunction rOfA, double inner, double end, double fEnd,
      double step, double sign) {
    double a0 = inner;
    double a1 = end;
    double f1 = fEnd;
    for (int k = 0; k < MAX_BRACKET_STEPS; k++) {
      double a2 = a1 + step;
      double f2 = sign * rOfA.value(a2);
      if (f2 >= f1) {
        return new double[] {a0, a2, a1};
      }
      a0 = a1;
      a1 = a2;
      f1 = f2;
      step *= 2;
    }
    return new double[] {a0, a1 + step, a1};
  }
}
