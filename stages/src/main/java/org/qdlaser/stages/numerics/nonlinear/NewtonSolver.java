package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.jacobian.FiniteDifferences;
import org.qdlaser.stages.numerics.jacobian.SparseJacobianBuilder;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.numerics.threads.RouteCancellation;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;

/**
 * Damped Newton iteration with a central finite-difference Jacobian: dense with Hipparchus LU for
 * small systems, coloured sparse with {@link SparseLuSolver} for systems that declare a {@link
 * NonlinearSystem#sparsity()} and have at least {@link #SPARSE_FROM} unknowns (TPM_d: 17,605 at
 * N = 50, where a dense Jacobian alone would be 2.5 GB). Not a hot loop: a handful of iterations
 * per solve.
 *
 * <p>Converged when the weighted step is below the tolerance ({@link NewtonSettings}), or when
 * Newton has stopped contracting with F at its rounding level (every |F_i| within {@link
 * #RESIDUAL_ROUNDING_ULPS} ulps of sum_j |J_ij x_j|) and steps below {@link #ROUNDING_LEVEL_STEP}:
 * on ill-conditioned systems the rounding noise of F, amplified by J^-1, keeps the steps above the
 * relative step tolerance, although the iterate is as accurate as F allows.
 *
 * <p>The sparse path (the {@code _d} models) is damped by Deuflhard's natural monotonicity test
 * instead of the max-norm of F, and reuses a factorisation for chord steps while the iteration
 * contracts strongly ({@link #CHORD_CONTRACTION}, at most {@link #MAX_JACOBIAN_AGE} iterations); see
 * {@code solveAffineCovariant}. At TPM_d N = 100 a lasing point's Newton solves took 3 Jacobians
 * instead of 9 (docs/benchmarks.md). The dense path (small systems, identical dots) keeps full Newton
 * steps with a max-norm line search: their results are bit for bit those of earlier versions.
 */
public final class NewtonSolver {
  /** LU pivots below this (relative) are treated as singular. */
  private static final double SINGULARITY_THRESHOLD = 1e-300;
  /** Step halvings allowed when the residual grows. */
  private static final int MAX_HALVINGS = 12;
  /** Relative rounding level of a state vector (a few hundred ulps of its largest component). */
  private static final double ROUNDING = 1e-13;
  /** Full steps allowed per solve although no damped step lowered the residual. */
  private static final int MAX_NON_MONOTONE = 5;
  /**
   * A residual component within this many ulps of its row's term scale, sum_j |J_ij x_j|, is
   * rounding noise: F is evaluated as sums of terms of that size, so no iterate can do better.
   * Measured at the noise floor of TPM (N = 70, g = 4.6e11 s^-1, r ~ 1.4e16 s^-1): 0.3 to 0.6.
   */
  static final double RESIDUAL_ROUNDING_ULPS = 4.0;
  /**
   * Newton has stopped contracting when a step's weighted norm exceeds this fraction of the
   * previous one (quadratic convergence shrinks it by orders of magnitude per step).
   */
  static final double NO_CONTRACTION = 0.5;
  /**
   * Relative step (weighted as the step test) below which an iterate at the rounding level of F is
   * accepted: the root is then determined to this accuracy although the step test cannot pass.
   * Steps of order 1 mean F does not determine the root (a near-singular direction, e.g. a spurious
   * lasing "state" with a vanishing field): not converged. At the noise floor of TPM and TPM_IF at
   * gamma_c ~ 1e8 s^-1 (Fig. 2, |b| ~ 1e4) the weighted steps reach 1e-4 to 1e-3 (with a bound of
   * 1e-4 one Fig. 2b point stayed unsolved): the bound is a factor 10 above that.
   */
  static final double ROUNDING_LEVEL_STEP = 1e-2;
  /**
   * Chord steps: a full Newton step whose weighted norm is at most this fraction of the previous
   * step's lets the next iterate reuse the factorisation (quadratic convergence is then under way,
   * and a chord step contracts at about the same rate as its predecessor).
   */
  static final double CHORD_CONTRACTION = 0.25;
  /** Smallest damping factor tried (the max-norm line search's 2^-12 before). */
  static final double LAMBDA_MIN = 1.0 / 4096;
  /** A damping cut by the Kantorovich estimate goes at most this far down at once (Deuflhard: 1/10). */
  static final double LAMBDA_CUT_FLOOR = 0.1;
  /**
   * Largest damping that counts as a stalled iteration for {@link NewtonSettings#stallLimit} (the line search
   * halved the step at least five times). Measured on the detuned-dot threshold searches (TPM_d N = 50 at w_QD = 2
   * gamma, S1, S4, S6, S7, S8: 488 successful and 175 failed solves of at most 15 iterations): no successful
   * branch step had two consecutive iterations at or below 1/32 (two of S8's Newton attempts inside a short
   * transient did, a stall of 5-7 iterations at lambda ~ 1e-3 ended by an unguarded full step; their settings keep
   * the limit off); at 1/16, three of S4's successes had two. Calibrated on those traces, not derived. The failed
   * solves spent 40-45 % of the Newton iterations (docs/decisions.md, "Newton's stall limit").
   */
  public static final double STALL_DAMPING = 1.0 / 32;
  /** Iterations one factorisation may serve at most (the damped phase moves the iterate slowly). */
  static final int MAX_JACOBIAN_AGE = 4;

  /**
   * Systems with a sparsity pattern and at least this many unknowns take the sparse path; below it
   * colouring and ordering cost more than a dense LU. The colouring, ordering and symbolic LU are
   * cached per thread and pattern (SparseWorkspace), so repeated solves pay them once. Measured on
   * the TPM_IF_d rotating-frame system (N = 50: 456 unknowns, 13 % of the entries non-zero, L + U
   * 50k entries): the dense path (Hipparchus LU, 2n right-hand sides per central Jacobian) took 25 %
   * of a lasing-point computation, the sparse path 5 %.
   */
  public static final int SPARSE_FROM = 200;

  /**
   * Sparse systems from this many unknowns compute the central-difference Jacobian's colours on two
   * threads when the machine has a second core ({@link org.qdlaser.stages.numerics.jacobian.SparseFiniteDifferenceJacobian}, bit for bit the
   * same Jacobian). TPM_d: 3,405 unknowns at N = 10 (a Jacobian of ~60 colours, milliseconds: far above
   * the hand-over's microseconds), 70,206 at N = 100 (~1 s per Jacobian on one core).
   */
  public static final int CONCURRENT_JACOBIAN_FROM = 2_000;

  /**
   * The ODE form of {@code system}'s concurrent copy ({@link NonlinearSystem#concurrentCopy}) for a
   * Jacobian on two threads, or null: below {@link #CONCURRENT_JACOBIAN_FROM} unknowns, on one core,
   * or without a copy.
   */
  public static OdeSystem concurrentOde(NonlinearSystem system) {
    if (system.dimension() < CONCURRENT_JACOBIAN_FROM || Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    NonlinearSystem copy = system.concurrentCopy();
    return copy == null ? null : copy.asOde();
  }

  private final NewtonSettings settings;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NewtonSolver.class);

  /**
   * Colouring, Jacobian storage and LU (with its fill-reducing ordering and symbolic structure) of
   * the last sparsity pattern solved on this thread: successive solves on one pattern (a pump
   * sweep, a threshold search) skip the colouring and the ordering (TPM_d N = 50: 0.3 s and ~3 s
   * per solve). Thread-confined, so solvers may be shared between threads.
   *
   * <p>Numerical history: the LU reuses its last factorisation's row order where each reused pivot passes
   * the threshold test ({@link SparseLuSolver}), so a solve after another one on the same pattern and
   * thread can end with other last bits than on a fresh thread. A refactorisation that keeps a row only
   * where a fresh pivot search would choose it (branch repro) removed that, but cost S8's threshold 27 s
   * of 43 and was reverted (docs/decisions.md, "The sparse LU without history, reverted").
   */
  public static final class SparseWorkspace {
    private static final ThreadLocal<SparseWorkspace> LAST = new ThreadLocal<>();
    final SparsityPattern pattern;
    final SparseJacobianBuilder jacobians;
    final SparseMatrix jac;
    final SparseLuSolver lu;

    private SparseWorkspace(SparsityPattern pattern) {
      this.pattern = pattern;
      // The LU's ordering beside the colouring and the first Jacobian (same permutation, memoised).
      org.qdlaser.stages.numerics.sparse.SparseOrdering.prefetchBorderedMinimumDegree(pattern);
      this.jacobians = new SparseJacobianBuilder(pattern);
      this.jac = new SparseMatrix(pattern);
      this.lu = new SparseLuSolver();
    }

    /** The Jacobian on the pattern: exact if the system has one, else coloured central differences. */
    public SparseJacobianBuilder jacobianBuilder() {
      return jacobians;
    }

    /** The Jacobian values (a live workspace, overwritten by the next solve on this thread). */
    public SparseMatrix jacobian() {
      return jac;
    }

    /** The LU (a live workspace, refactorised by the next solve on this thread). */
    public SparseLuSolver lu() {
      return lu;
    }

    /**
     * This thread's workspace, removed from it (null if none), for the thread that continues this thread's
     * sequence of solves ({@link #adopt}): work moved between threads then sees the LU history it would see
     * on one thread (a reused row order can change the last bits of a solve).
     */
    public static SparseWorkspace detach() {
      SparseWorkspace ws = LAST.get();
      LAST.remove();
      return ws;
    }

    /** Makes {@code ws} (from {@link #detach}; null: none) this thread's workspace. */
    public static void adopt(SparseWorkspace ws) {
      if (ws == null) {
        LAST.remove();
      } else {
        LAST.set(ws);
      }
    }

    /** This thread's workspace for {@code pattern}, reused if the last one was for an equal pattern. */
    public static SparseWorkspace forPattern(SparsityPattern pattern) {
      SparseWorkspace ws = LAST.get();
      if (ws == null || !(ws.pattern == pattern || ws.pattern.equals(pattern))) {
        ws = new SparseWorkspace(pattern);
        LAST.set(ws);
      }
      return ws;
    }
  }

  /** The linear algebra of one solve: Jacobian at x, then solves with it. */
  private interface Linearisation {
    /** Evaluates and factorises the Jacobian at x; false if it is singular. */
    boolean factor(double[] x);

    /** Overwrites rhs with J^-1 rhs. */
    void solve(double[] rhs);

    /** out_i = sum_j |J_ij x_j| with the last factorised J: the size of the terms of F_i near x. */
    void termScale(double[] x, double[] out);

    /** Whether a factorisation may serve later iterates: the sparse path (chord steps, natural monotonicity). */
    boolean reusable();
  }

  public NewtonSolver(NewtonSettings settings) {
    this.settings = settings;
  }

  public NewtonResult solve(NonlinearSystem system, double[] x0) {
    final int n = system.dimension();
    Linearisation lin = linearisation(system, n);
    if (lin.reusable() && settings.chordSteps()) {
      return solveAffineCovariant(system, x0, lin);
    }
    // The dense path: full Newton steps, damped by halving until max|F| falls.
    double[] x = x0.clone();
    double[] f = new double[n];
    double[] trial = new double[n];
    double[] fTrial = new double[n];
    double[] step = new double[n];
    double[] terms = new double[n];
    system.residual(x, f);
    double fNorm = maxNorm(f);
    int nonMonotone = 0;
    int stalled = 0;
    double snPrev = Double.POSITIVE_INFINITY;
    for (int iter = 1; iter <= settings.maxIterations(); iter++) {
      RouteCancellation.check(); // a speculative route no longer wanted leaves here (OrderedRoutes)
      if (!Double.isFinite(fNorm)) {
        return new NewtonResult(x, false, iter - 1, fNorm);
      }
      if (!lin.factor(x)) {
        return new NewtonResult(x, false, iter, fNorm);
      }
      System.arraycopy(f, 0, step, 0, n);
      lin.solve(step);
      double lambda = 1.0;
      boolean accepted = false;
      for (int h = 0; h <= MAX_HALVINGS; h++) {
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] - lambda * step[i];
        }
        system.residual(trial, fTrial);
        double tNorm = maxNorm(fTrial);
        if (Double.isFinite(tNorm) && tNorm < fNorm) {
          accepted = true;
          break;
        }
        lambda *= 0.5;
      }
      if (!accepted) {
        FullStep fs = fullStep(system, lin, x, f, step, terms, trial, fTrial, nonMonotone < MAX_NON_MONOTONE);
        if (fs != FullStep.TAKEN) {
          return fs.end(x, iter, fNorm);
        }
        nonMonotone++;
        lambda = 1.0;
      }
      double sn = lambda * stepNorm(step, x, settings.stepTolerance());
      double snLoose = lambda * stepNorm(step, x, ROUNDING_LEVEL_STEP);
      System.arraycopy(trial, 0, x, 0, n);
      System.arraycopy(fTrial, 0, f, 0, n);
      fNorm = maxNorm(f);
      if (sn < 1.0) {
        return new NewtonResult(x, true, iter, fNorm);
      }
      if (sn > NO_CONTRACTION * snPrev && snLoose < 1.0 && stagnated(lin, x, f, terms)) {
        return new NewtonResult(x, true, iter, fNorm);
      }
      stalled = lambda <= STALL_DAMPING ? stalled + 1 : 0;
      if (settings.stallLimit() > 0 && stalled >= settings.stallLimit()) {
        return new NewtonResult(x, false, iter, fNorm);
      }
      snPrev = sn;
    }
    return new NewtonResult(x, false, settings.maxIterations(), fNorm);
  }

  /**
   * The sparse path: damped Newton globalised by Deuflhard's natural monotonicity test (P. Deuflhard,
   * "Newton Methods for Nonlinear Problems", Springer 2004, Sec. 3.3, the error-oriented NLEQ-ERR):
   * a trial x - lambda dx is accepted when the simplified Newton correction there, dxbar = J(x)^-1
   * F(x - lambda dx) (one more solve with the same factorisation), satisfies |dxbar| <= (1 - lambda/4)
   * |dx| in the weighted norm of the step test; otherwise lambda is cut to min(lambda/2, 1/h) with h
   * Deuflhard's a-posteriori estimate of the Kantorovich quantity. The test is affine invariant,
   * unlike the max-norm of F on a badly scaled system (TPM_d: equations of rates from 1e-3 to 1e4
   * gamma_nr), whose line search took steps of 1/4096 where Newton's direction was good (the
   * fig5-6-9-10 sample S6, docs/decisions.md).
   *
   * <p>Chord steps come with it: dxbar at an accepted full step is the next chord step, already
   * computed. The factorisation serves the next iterate when a full step contracted by theta =
   * |dxbar| / |dx| <= {@link #CHORD_CONTRACTION}; a chord step is accepted by the same monotonicity
   * test (at lambda = 1), else the iterate gets a fresh Jacobian. Converged when a step is below the
   * tolerance, or when after a full step with theta <= {@link #NO_CONTRACTION} the simplified
   * correction is: dxbar is then applied (its remaining error ~ theta / (1 - theta) |dxbar|).
   */
  private NewtonResult solveAffineCovariant(NonlinearSystem system, double[] x0, Linearisation lin) {
    final int n = system.dimension();
    double[] x = x0.clone();
    double[] f = new double[n];
    double[] trial = new double[n];
    double[] fTrial = new double[n];
    double[] step = new double[n];
    double[] bar = new double[n];
    double[] w = new double[n];
    double[] terms = new double[n];
    system.residual(x, f);
    double fNorm = maxNorm(f);
    int nonMonotone = 0;
    boolean chordNext = false;
    int age = 0;
    for (int iter = 1; iter <= settings.maxIterations(); iter++) {
      RouteCancellation.check(); // a speculative route no longer wanted leaves here (OrderedRoutes)
      if (!Double.isFinite(fNorm)) {
        return new NewtonResult(x, false, iter - 1, fNorm);
      }
      final boolean fresh = !chordNext;
      if (fresh) {
        if (!lin.factor(x)) {
          return new NewtonResult(x, false, iter, fNorm);
        }
        age = 0;
        System.arraycopy(f, 0, step, 0, n);
        lin.solve(step);
      } else {
        age++;
        System.arraycopy(bar, 0, step, 0, n); // J_old^-1 F(x), computed by the last monotonicity test
      }
      weights(x, settings.stepTolerance(), w);
      double dxNorm = weightedRms(step, w);
      if (fresh && dxNorm < 1.0) {
        // Below the tolerance: the full step is the root to within it (the monotonicity test would
        // compare rounding noise).
        for (int i = 0; i < n; i++) {
          x[i] -= step[i];
        }
        system.residual(x, f);
        return new NewtonResult(x, Double.isFinite(maxNorm(f)), iter, maxNorm(f));
      }
      double lambda = 1.0;
      double theta = Double.NaN;
      boolean accepted = false;
      while (lambda >= LAMBDA_MIN) {
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] - lambda * step[i];
        }
        system.residual(trial, fTrial);
        if (Double.isFinite(maxNorm(fTrial))) {
          System.arraycopy(fTrial, 0, bar, 0, n);
          lin.solve(bar);
          double barNorm = weightedRms(bar, w);
          theta = barNorm / dxNorm;
          if (LOG.isTraceEnabled()) {
            LOG.trace("Newton n = {} iteration {} ({}, Jacobian age {}): lambda {}, theta {}, |dx| {}, max|F| {} -> {}",
                n, iter, fresh ? "fresh" : "chord", age, lambda, theta, dxNorm, fNorm, maxNorm(fTrial));
          }
          if (theta <= 1.0 - lambda / 4.0) {
            accepted = true;
            break;
          }
          if (!fresh) {
            break;
          }
          // Deuflhard's estimate of the Kantorovich quantity from this trial: h = 2 |dxbar - (1 -
          // lambda) dx| / (lambda^2 |dx|); a step of 1/h would satisfy the test if the estimate held.
          double d = 0;
          for (int i = 0; i < n; i++) {
            double e = (bar[i] - (1.0 - lambda) * step[i]) * w[i];
            d += e * e;
          }
          double h = 2.0 * Math.sqrt(d / n) / (lambda * lambda * dxNorm);
          lambda = Math.max(Math.min(0.5 * lambda, 1.0 / h), LAMBDA_CUT_FLOOR * lambda);
        } else {
          if (!fresh) {
            break;
          }
          lambda *= 0.5;
        }
      }
      if (!fresh && !accepted) {
        // The old Jacobian's step failed the monotonicity test: this iterate gets a fresh Jacobian.
        chordNext = false;
        continue;
      }
      if (!accepted) {
        FullStep fs = fullStep(system, lin, x, f, step, terms, trial, fTrial, nonMonotone < MAX_NON_MONOTONE);
        if (fs != FullStep.TAKEN) {
          return fs.end(x, iter, fNorm);
        }
        nonMonotone++;
        lambda = 1.0;
        System.arraycopy(fTrial, 0, bar, 0, n);
        lin.solve(bar);
        theta = weightedRms(bar, w) / dxNorm;
      }
      double sn = lambda * dxNorm;
      double snLoose = lambda * stepNorm(step, x, ROUNDING_LEVEL_STEP);
      System.arraycopy(trial, 0, x, 0, n);
      System.arraycopy(fTrial, 0, f, 0, n);
      fNorm = maxNorm(f);
      if (sn < 1.0) {
        return new NewtonResult(x, true, iter, fNorm);
      }
      if (lambda == 1.0 && theta <= NO_CONTRACTION) {
        weights(x, settings.stepTolerance(), w);
        if (weightedRms(bar, w) < 1.0) {
          // The simplified correction is below the tolerance: apply it and stop (NLEQ-ERR).
          for (int i = 0; i < n; i++) {
            trial[i] = x[i] - bar[i];
          }
          system.residual(trial, fTrial);
          if (Double.isFinite(maxNorm(fTrial))) {
            return new NewtonResult(trial, true, iter, maxNorm(fTrial));
          }
        }
      }
      if (theta > NO_CONTRACTION && snLoose < 1.0 && stagnated(lin, x, f, terms)) {
        return new NewtonResult(x, true, iter, fNorm);
      }
      chordNext = settings.chordSteps() && age < MAX_JACOBIAN_AGE && lambda == 1.0
          && theta <= CHORD_CONTRACTION;
    }
    return new NewtonResult(x, false, settings.maxIterations(), fNorm);
  }

  /** What {@link #fullStep} decided once no damped step was accepted. */
  private enum FullStep {
    /** x is the root to the rounding level of F: converged at x. */
    AT_ROUNDING_LEVEL,
    /** The full step x - step is in trial, its finite residual in fTrial. */
    TAKEN,
    /** Neither: the solve fails at x. */
    FAILED;

    /** The solve's result at x when this is not {@link #TAKEN}: converged (iter - 1 iterations) or failed. */
    NewtonResult end(double[] x, int iter, double fNorm) {
      return this == AT_ROUNDING_LEVEL ? new NewtonResult(x, true, iter - 1, fNorm)
          : new NewtonResult(x, false, iter, fNorm);
    }
  }

  /**
   * Shared by both paths once the line search accepted no damped step: x is accepted if F is at its
   * rounding level there and the step is small ({@link #stagnated}, {@link #ROUNDING_LEVEL_STEP});
   * otherwise, while {@code allowed} (at most {@link #MAX_NON_MONOTONE} per solve), the full step is
   * taken unguarded: near-singular Jacobians (bifurcations, slow modes) and badly scaled equations
   * can make the merit function rise on a good step. Writes trial and fTrial.
   */
  private FullStep fullStep(NonlinearSystem system, Linearisation lin, double[] x, double[] f, double[] step,
      double[] terms, double[] trial, double[] fTrial, boolean allowed) {
    if (stagnated(lin, x, f, terms) && stepNorm(step, x, ROUNDING_LEVEL_STEP) < 1.0) {
      return FullStep.AT_ROUNDING_LEVEL;
    }
    if (!allowed) {
      return FullStep.FAILED;
    }
    for (int i = 0; i < x.length; i++) {
      trial[i] = x[i] - step[i];
    }
    system.residual(trial, fTrial);
    return Double.isFinite(maxNorm(fTrial)) ? FullStep.TAKEN : FullStep.FAILED;
  }

  /** w_i = 1 / (tolerance |x_i| + floor), the weights of {@link #stepNorm}. */
  private void weights(double[] x, double tolerance, double[] w) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    double floor = Math.max(settings.scaleFloor(), ROUNDING * max);
    for (int i = 0; i < x.length; i++) {
      w[i] = 1.0 / (tolerance * Math.abs(x[i]) + floor);
    }
  }

  private static double weightedRms(double[] v, double[] w) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double e = v[i] * w[i];
      s += e * e;
    }
    return Math.sqrt(s / v.length);
  }

  /**
   * Stagnation at the rounding level: F at x is rounding noise. Ill-conditioned systems (a slow
   * mode far below the Jacobian's norm: TPM at pumps ~1e16 s^-1, rightmost eigenvalue ~1e-11 of the
   * norm) amplify that noise into steps far above the step tolerance, so the step test never
   * passes although the iterate is as accurate as F allows. Asked only once Newton stopped
   * contracting (or no damped step lowers F): while it contracts, the step test decides, so
   * well-conditioned solves end as before.
   */
  private static boolean stagnated(Linearisation lin, double[] x, double[] f, double[] terms) {
    lin.termScale(x, terms);
    return atRoundingLevel(f, terms);
  }

  /** Whether every |F_i| is within {@link #RESIDUAL_ROUNDING_ULPS} ulps of its term scale. */
  static boolean atRoundingLevel(double[] f, double[] terms) {
    for (int i = 0; i < f.length; i++) {
      if (!(Math.abs(f[i]) <= RESIDUAL_ROUNDING_ULPS * Math.ulp(terms[i]))) {
        return false;
      }
    }
    return true;
  }

  private Linearisation linearisation(NonlinearSystem system, int n) {
    SparsityPattern pattern = n >= SPARSE_FROM ? system.sparsity() : null;
    double floor = settings.scaleFloor();
    if (pattern == null) {
      double[][] jac = new double[n][n];
      DecompositionSolver[] lu = new DecompositionSolver[1];
      return new Linearisation() {
        @Override
        public boolean factor(double[] x) {
          FiniteDifferences.jacobianCentral(system, x, floor, jac);
          try {
            lu[0] = new LUDecomposition(new Array2DRowRealMatrix(jac, false), SINGULARITY_THRESHOLD).getSolver();
            return lu[0].isNonSingular();
          } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            return false;
          }
        }

        @Override
        public void solve(double[] rhs) {
          double[] s = lu[0].solve(new ArrayRealVector(rhs, false)).toArray();
          System.arraycopy(s, 0, rhs, 0, rhs.length);
        }

        @Override
        public boolean reusable() {
          return false; // small systems: a Jacobian is cheap, and their results stay those of full Newton
        }

        @Override
        public void termScale(double[] x, double[] out) {
          for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
              s += Math.abs(jac[i][j] * x[j]);
            }
            out[i] = s;
          }
        }
      };
    }
    SparseWorkspace ws = SparseWorkspace.forPattern(pattern);
    SparseJacobianBuilder jacobians = ws.jacobians;
    SparseMatrix jac = ws.jac;
    SparseLuSolver lu = ws.lu;
    OdeSystem ode = system.asOde();
    OdeSystem concurrent = concurrentOde(system);
    double[] work = new double[n];
    return new Linearisation() {
      @Override
      public boolean factor(double[] x) {
        jacobians.central(ode, concurrent, 0.0, x, floor, 1.0, jac, work);
        try {
          lu.factor(jac);
          return true;
        } catch (LinearSolver.SingularMatrixException e) {
          return false;
        }
      }

      @Override
      public void solve(double[] rhs) {
        lu.solve(rhs);
      }

      @Override
      public void termScale(double[] x, double[] out) {
        jac.multiplyAbsolute(x, out);
      }

      @Override
      public boolean reusable() {
        return true;
      }
    };
  }

  /**
   * Weighted RMS of the step with weights 1/(tolerance |x_i| + floor), floor = max(scale floor, 1e-13
   * max|x|): components that vanish at the root (imaginary parts, zero fields) are converged once
   * their step is at the rounding level of the largest component.
   */
  private double stepNorm(double[] step, double[] x, double tolerance) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    double floor = Math.max(settings.scaleFloor(), ROUNDING * max);
    double s = 0;
    for (int i = 0; i < step.length; i++) {
      double w = tolerance * Math.abs(x[i]) + floor;
      double e = step[i] / w;
      s += e * e;
    }
    return Math.sqrt(s / step.length);
  }

  /** Max-norm; NaN if any component is NaN (Math.max propagates NaN). */
  static double maxNorm(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }
}
