package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.linear.DenseLuSolver;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.threads.RouteCancellation;

import java.util.Objects;

/**
 * Variable-order (1-5), variable-step BDF integrator for stiff systems.
 *
 * <p>Method form: <b>quasi-constant step size in backward-difference form</b> (Shampine &amp;
 * Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18, 1997, sec. 2). The history is kept
 * as the backward differences D_j = nabla^j y_n of the interpolating polynomial on an equispaced
 * grid of step h; a step-size change by a factor rho re-interpolates them onto the grid of step
 * rho*h (an exact change of basis of the same polynomial, as in the Nordsieck form), so every
 * step uses the constant-step BDF coefficients. The order-k corrector is
 *
 * <pre>  sum_{m=1..k} (1/m) nabla^m y_{n+1} = h f(t_{n+1}, y_{n+1})</pre>
 *
 * solved for the correction d = y_{n+1} - y_{n+1}^(0) to the predictor y^(0) = sum_{j=0..k} D_j
 * by a simplified Newton iteration with M = I - (h/gamma_k) J, gamma_k = sum_{m=1..k} 1/m. The
 * local error estimate is d/(k+1); the errors of orders k-1 and k+1 are estimated from
 * nabla^k y_{n+1} and nabla^{k+2} y_{n+1} for order selection.
 *
 * <p>Error control: weighted RMS norm with weights 1/(rtol |y_n,i| + atol_i), computed from the
 * solution at the start of each step (as in CVODE); a step is accepted if the estimate is <= 1.
 * Step and order selection: after k+1 steps with unchanged h and k, the step factors
 * err_q^(-1/(q+1)) of orders q = k-1, k, k+1 (biased 1.3, 1.2, 1.4 as in ode15s) pick the order;
 * h grows only if the factor is >= 1.3 (at most 10x, 1e4x the first time); if the factor of the
 * current order falls below 0.9 after any accepted step, h shrinks at once. An error test failure
 * reduces h by 0.9 err^(-1/(k+1)) in [0.2, 0.9] (0.1 from the second failure), lowers k when
 * order k-1 promises a larger step, and drops to order 1 after three failures.
 *
 * <p>Stability-limit detection ({@link BdfSettings#stabilityLimitDetection()}, off by default): at
 * orders 3-5, after five accepted steps with unchanged h and k, the norms of nabla^{k-1} y,
 * nabla^k y and nabla^{k+1} y over those steps are fitted by a single mode of the recurrence
 * ({@link StabilityLimitDetector}); a mode with per-step growth |zeta| >= 0.98 at order k that order
 * k-1 would damp below 0.98 lowers the order to k-1 with the step of that order's error estimate (at
 * most the current h): Hindmarsh's STALD idea (CVODE), in our own formulation.
 *
 * <p>Work control (CVODE conventions, Hindmarsh et al.): the Newton matrix is refactored when
 * h/gamma_k has changed by more than 30 %, after 20 steps with any change of h/gamma_k, after a
 * convergence failure or a new Jacobian; between refactorisations the Newton correction is scaled
 * by 2/(1 + ratio) of the old and new h/gamma_k. The Jacobian is re-evaluated after a Newton
 * failure with a stale Jacobian (then the step is retried with the same h), after 50 steps if the
 * right-hand sides spent since have also paid ten times its own cost (finite-difference columns), and
 * after a step whose Newton iteration converged slowly (rate above 0.3: the Jacobian no longer
 * describes the solution); with a fresh Jacobian a Newton failure reduces h by 4. Newton
 * convergence is judged from the estimated contraction rate rho of the iteration: the error left
 * after a correction of norm del is estimated as del rho/(1 - rho) (the tail of a geometric series).
 * The rate is kept between steps, so most steps need one iteration, but a rate carried over from an
 * earlier step counts as at least 0.2: it was measured on the dominant mode of an earlier
 * correction and can hide a slowly contracting one (docs/decisions.md, "Newton error in the BDF").
 *
 * <p>Linear algebra ({@link IterationMatrix}, chosen by {@link BdfSettings#iterationMatrix()}):
 * dense LU with the system's analytic or a dense finite-difference Jacobian, or, for systems that
 * supply {@link OdeSystem#sparsity()}, a coloured finite-difference Jacobian with sparse LU
 * (default) or ILU(0)-preconditioned GMRES. With GMRES the Newton iteration is inexact: each
 * linear solve stops at a weighted RMS residual of 0.05 times the Newton tolerance (CVODE's
 * default fraction), small enough that the convergence-rate estimate and the tests on the
 * correction are unaffected; it applies I - (h/gamma_k) J with the current h/gamma_k (the stale
 * matrix is only the preconditioner), so no correction scaling is needed; a linear solve that
 * misses its tolerance counts as a Newton convergence failure (fresh Jacobian and preconditioner
 * first, then a smaller step).
 *
 * <p>{@code yDot} handed to the observer and stop condition is the derivative of the BDF
 * interpolant at the accepted point, i.e. the method's f(t, y) (exact up to the Newton
 * tolerance); it costs no extra right-hand side evaluation. {@link #interpolate} gives dense
 * output within the last accepted step. Forward integration only (tEnd >= t0).
 *
 * <p>Every step starts with {@link RouteCancellation#check} (a read of the thread's interrupt flag): a
 * transient run on a speculative route that is no longer wanted leaves there, whatever its observer
 * and stop condition (elsewhere the check does nothing).
 *
 * <p>A workspace: not thread safe, reusable; arrays are allocated when the dimension (or the
 * sparsity pattern) changes, never inside the step loop, except that the sparse LU grows its
 * factor arrays during the first factorisations of a pattern.
 */
public final class BdfIntegrator implements StiffIntegrator {
  private static final int MAX_ORDER = BdfSettings.MAX_ORDER;
  /** Difference rows kept: nabla^0 .. nabla^(k+2) for k up to MAX_ORDER. */
  private static final int ROWS = MAX_ORDER + 3;

  /** gamma_k = sum_{m=1..k} 1/m: the BDF leading coefficient of order k in difference form. */
  private static final double[] GAMMA = {0.0, 1.0, 3.0 / 2.0, 11.0 / 6.0, 25.0 / 12.0, 137.0 / 60.0, 49.0 / 20.0};

  /** Newton corrections per step attempt before declaring a convergence failure (CVODE's 3). */
  private static final int MAX_NEWTON_ITERATIONS = 3;
  /**
   * Accepted Newton error as a fraction of the local error test. Tighter than CVODE's 0.1: Newton
   * error left in d makes the error estimates noisy and causes error test failures (measured on the
   * IVP test set: 0.05 gave the fewest right-hand side evaluations).
   */
  private static final double NEWTON_TOLERANCE = 0.05;
  /** Tolerance of an inexact (iterative) linear solve as a fraction of the Newton tolerance. */
  private static final double LINEAR_TOLERANCE_FRACTION = 0.05;
  /** Rate memory: the rate estimate may fall by at most this factor per iteration. */
  private static final double RATE_DECAY = 0.3;
  /**
   * Smallest contraction rate assumed for a first Newton correction judged with a rate carried over
   * from an earlier step. The carried rate is a ratio of correction norms, i.e. the contraction of
   * the dominant mode of that step's correction; a slowly contracting (stiff, stale-Jacobian) mode
   * can hide under it. Measured on E5 at rtol 1e-4: a carried rate of 0.066 accepted a first
   * correction of 2.6 (weighted) whose true contraction was 0.78, leaving the state off the slow
   * manifold by 7 tolerances and ending the run with ten error test failures. 0.2 (first corrections
   * up to 0.2 (k+1) of the tolerance are accepted without a second iteration) removed all such
   * failures on the IVP test set for 2-5 % more right-hand sides (0.1 still failed on E5, 0.3 cost
   * 14 % more on ROBER).
   */
  private static final double CARRIED_RATE_FLOOR = 0.2;
  /**
   * A converged Newton iteration that contracted more slowly than this asks for a fresh Jacobian at
   * the next step (as RADAU5 re-evaluates J unless the iteration converged fast). Slow contraction
   * means J no longer describes the solution; left alone, the rate only gets worse until a step fails.
   * 0.3 halved the error test failures on the IVP test set and saved right-hand sides on HIRES and
   * E5; 0.2 re-evaluated J at almost every step of ROBER (809 Jacobians at rtol 1e-6).
   */
  private static final double SLOW_CONVERGENCE_RATE = 0.3;
  /** A correction this many times larger than the previous one means divergence. */
  private static final double DIVERGENCE_RATIO = 2.0;
  /** Relative change of h/gamma_k that forces a refactorisation. */
  private static final double GAMMA_CHANGE_REFACTOR = 0.3;
  /** Steps after which a changed h/gamma_k is refactored anyway. */
  private static final int REFACTOR_INTERVAL = 20;
  /** Steps after which the Jacobian is re-evaluated anyway (CVODE's msbj), if also amortised (below). */
  private static final int JACOBIAN_MAX_AGE = 50;
  /**
   * A Jacobian re-evaluated for its age alone (no Newton failure, no slow convergence) must also have
   * been amortised: the right-hand sides spent on steps since the last evaluation are at least this
   * many times that evaluation's own cost (its finite-difference columns or colours; 0 for an
   * analytic Jacobian, where the age in steps alone decides as in CVODE). So the precautionary
   * re-evaluations cost at most about 1/(1 + 10) of the work whatever the dimension; staleness that
   * matters is still caught by the Newton-failure and slow-convergence rules (as in ode15s and
   * scipy's BDF, which have no age rule at all: Shampine &amp; Reichelt 1997, sec. 2.3). Measured on
   * BEAM (80 finite-difference columns, rtol 1e-7 ... 1e-10): the 50-step rule took 1,663-1,846
   * Jacobians, 99 % of them for age, half of all right-hand sides (271,001-306,862); with this
   * rule 181-202 Jacobians and 152,961-170,391 right-hand sides, errors within 2x (docs/decisions.md,
   * "Jacobian age in the BDF").
   */
  private static final double JACOBIAN_AMORTISATION = 10.0;
  /** Step reduction after a Newton failure with a fresh Jacobian. */
  private static final double CONVERGENCE_FAILURE_FACTOR = 0.25;
  /** Newton failures allowed within one step before giving up. */
  private static final int MAX_CONVERGENCE_FAILURES = 10;
  /** Error test failures allowed within one step before giving up. */
  private static final int MAX_ERROR_TEST_FAILURES = 10;
  /** Error test failures after which the order drops to 1 (the history is unreliable). */
  private static final int ERROR_FAILURES_TO_ORDER_ONE = 3;
  /** Safety factor on the optimal step after an error test failure. */
  private static final double SAFETY = 0.9;
  /** Bounds of the step reduction after the first and later error test failures. */
  private static final double FIRST_FAILURE_MIN_FACTOR = 0.2;
  private static final double LATER_FAILURE_MIN_FACTOR = 0.1;
  private static final double FAILURE_MAX_FACTOR = 0.9;
  /** Bias of the step factors of orders k, k-1, k+1 (Shampine & Reichelt): prefer keeping k, then lowering. */
  private static final double BIAS_SAME = 1.2;
  private static final double BIAS_LOWER = 1.3;
  private static final double BIAS_HIGHER = 1.4;
  /** Below this (biased) growth factor h and k are kept: saves refactorisations and re-interpolation. */
  private static final double CHANGE_THRESHOLD = 1.3;
  /**
   * Below this (biased) factor the step is reduced at once, even while waiting k+1 steps after a
   * change: the next step would likely fail the error test (steep fronts of VDPOL and OREGO).
   */
  private static final double SHRINK_THRESHOLD = 0.9;
  /** Largest reduction after an accepted step. */
  private static final double MIN_SHRINK = 0.5;
  /** Growth limit per change; the first change may be large to recover from a cautious h0 (CVODE). */
  private static final double MAX_GROWTH = 10.0;
  private static final double FIRST_MAX_GROWTH = 1e4;
  /** A step this close to the remaining interval is stretched to land on tEnd (avoids a sliver step). */
  private static final double END_STRETCH = 1e-3;
  /** Steps below this many ulps of t cannot advance t reliably. */
  private static final double MIN_STEP_ULPS = 16.0;
  /** Slack (fraction of the step) allowed outside the last step in {@link #interpolate}. */
  private static final double INTERPOLATION_SLACK = 1e-9;

  private static final int OK = 0;
  private static final int NEWTON_DIVERGED = 1;
  private static final int NON_FINITE_RHS = 2;
  private static final int NON_FINITE_JACOBIAN = 3;
  private static final int SINGULAR_MATRIX = 4;
  private static final int LINEAR_SOLVE_FAILED = 5;

  private final BdfSettings settings;
  private final LinearSolver denseSolver;

  // ---- workspaces (length n or ROWS*n), reallocated only when the dimension changes
  private int n = -1;
  private double[] diff; // ROWS x n backward differences, row-major
  private double[] tmpRows; // (MAX_ORDER + 2) x n, for re-interpolation
  private double[] yPred;
  private double[] fPred;
  private double[] psi;
  private double[] corr; // d
  private double[] yIter;
  private double[] work;
  private double[] weight;
  private double[] atolVec;
  private double[] yOut;
  private double[] yDotOut;
  /** J, M = I - (h/gamma_k) J and its solver; replaced when the system's dimension or pattern changes. */
  private IterationMatrix iterationMatrix;
  private long linearIterationsAtStart;
  private final double[] transform = new double[(MAX_ORDER + 2) * (MAX_ORDER + 2)];
  private final double[] atGrid = new double[(MAX_ORDER + 2) * (MAX_ORDER + 2)];
  private final double[] basis = new double[MAX_ORDER + 2];
  private final StabilityLimitDetector stabilityLimit = new StabilityLimitDetector();

  // ---- Newton / Jacobian state
  private boolean haveJacobian;
  private boolean jacobianCurrent; // evaluated during the present step
  private boolean haveFactorization;
  private double gammaFactored;
  private int stepsSinceJacobian;
  /** rhsEvaluations just after the last Jacobian evaluation, and that evaluation's cost in right-hand sides. */
  private long rhsAfterJacobian;
  private long jacobianCost;
  private int stepsSinceFactorization;
  private double rate;
  /** True once {@code rate} holds a measurement for the current Newton matrix (false after a factorisation). */
  private boolean rateMeasured;
  /** The last Newton iteration converged slowly: evaluate J at the next step attempt. */
  private boolean slowConvergence;

  // ---- dense output of the last accepted step
  private boolean haveStep;
  private double tLast;
  private double tPrevious;
  private double hLast;
  private int orderLast;

  // ---- counters of the latest integrate() call
  private long steps;
  private long rhsEvaluations;
  private long jacobianEvaluations;
  private long factorizations;
  private long errorTestFailures;
  private long convergenceFailures;
  private long stabilityLimitReductions;

  /**
   * Integrator with the linear algebra of {@code settings.iterationMatrix()}; the dense path uses
   * {@link DenseLuSolver}.
   */
  public BdfIntegrator(BdfSettings settings) {
    this(settings, new DenseLuSolver());
  }

  /**
   * @param linearSolver dense solver of the Newton systems (used when the settings select dense
   *     linear algebra for a system), owned by this integrator from now on
   */
  public BdfIntegrator(BdfSettings settings, LinearSolver linearSolver) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.denseSolver = Objects.requireNonNull(linearSolver, "linearSolver");
  }

  public BdfSettings settings() {
    return settings;
  }

  /**
   * Krylov iterations of the latest {@link #integrate} call (0 unless the linear algebra is
   * {@link IterationMatrixKind#SPARSE_ITERATIVE}).
   */
  public long linearIterations() {
    return iterationMatrix == null ? 0 : iterationMatrix.linearIterations() - linearIterationsAtStart;
  }

  /**
   * Linear algebra used by the latest {@link #integrate} call (DENSE, SPARSE_DIRECT or
   * SPARSE_ITERATIVE), or null before the first call.
   */
  public IterationMatrixKind iterationMatrixKind() {
    return iterationMatrix == null ? null : iterationMatrix.kind();
  }

  /**
   * Order reductions made by the stability-limit detection in the latest {@link #integrate} call
   * (0 unless {@link BdfSettings#stabilityLimitDetection()}).
   */
  public long stabilityLimitReductions() {
    return stabilityLimitReductions;
  }

  /** Work counters of the latest {@link #integrate} call, also after it threw. */
  public IntegratorStats stats() {
    return new IntegratorStats(
        steps, rhsEvaluations, jacobianEvaluations, factorizations, errorTestFailures, convergenceFailures);
  }

  @Override
  public IntegrationResult integrate(
      OdeSystem system, double t0, double[] y0, double tEnd, StepObserver observer, StopCondition stop) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(stop, "stop");
    final int n = system.dimension();
    if (n < 1 || y0.length != n) {
      throw new IllegalArgumentException("y0 has length " + y0.length + " but the system dimension is " + n);
    }
    if (!Double.isFinite(t0) || !Double.isFinite(tEnd) || tEnd < t0) {
      throw new IllegalArgumentException(
          "need finite t0 <= tEnd (forward integration only), got t0=" + t0 + ", tEnd=" + tEnd);
    }
    double[] atolIn = settings.atolPerComponent();
    if (atolIn != null && atolIn.length != n) {
      throw new IllegalArgumentException(
          "atolPerComponent has length " + atolIn.length + " but the system dimension is " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y0[i])) {
        throw new IllegalArgumentException("y0[" + i + "] is not finite: " + y0[i]);
      }
    }
    allocate(n);
    prepareIterationMatrix(system);
    linearIterationsAtStart = iterationMatrix.linearIterations();
    for (int i = 0; i < n; i++) {
      atolVec[i] = settings.atol(i);
    }
    steps = 0;
    rhsEvaluations = 0;
    jacobianEvaluations = 0;
    factorizations = 0;
    errorTestFailures = 0;
    convergenceFailures = 0;
    stabilityLimitReductions = 0;
    stabilityLimit.reset();
    haveStep = false;
    haveJacobian = false;
    jacobianCurrent = false;
    haveFactorization = false;
    rate = 1.0;
    rateMeasured = false;
    slowConvergence = false;
    java.util.Arrays.fill(diff, 0.0);
    System.arraycopy(y0, 0, diff, 0, n);
    if (tEnd == t0) {
      return new IntegrationResult(t0, y0, false, stats());
    }

    // f(t0, y0) seeds the first difference.
    system.rhs(t0, y0, fPred);
    rhsEvaluations++;
    int bad = firstNonFinite(fPred);
    if (bad >= 0) {
      throw new IntegrationException(
          "right-hand side f_" + bad + " is not finite at the initial state: " + fPred[bad], t0);
    }
    computeWeights(diff);
    double h = settings.initialStep() > 0 ? settings.initialStep() : initialStep(system, t0, tEnd);
    h = Math.min(h, Math.min(settings.maxStep(), tEnd - t0));
    for (int i = 0; i < n; i++) {
      diff[n + i] = h * fPred[i];
    }

    final int maxOrder = settings.maxOrder();
    final double maxStep = settings.maxStep();
    final long maxSteps = settings.maxSteps();
    double t = t0;
    int k = 1;
    int equalSteps = 0;
    double pendingFactor = 1.0;
    int pendingOrder = 1;
    boolean grown = false;
    stepsSinceJacobian = 0;
    stepsSinceFactorization = 0;

    while (true) {
      RouteCancellation.check(); // a transient's one cancellation point (a route or cancellable task no longer wanted)
      if (steps >= maxSteps) {
        throw new IntegrationException(
            "maximum number of steps (" + maxSteps + ") reached before tEnd = " + tEnd, t);
      }
      computeWeights(diff);
      int errorFailures = 0;
      int newtonFailures = 0;
      int lastFailure = OK;
      boolean forceJacobian = false;
      boolean restartFromDerivative = false;
      boolean predictionValid = false;
      boolean reachesEnd;
      double tNew;
      double err;
      jacobianCurrent = false;

      while (true) {
        // Apply the pending step/order change, the step limit and the landing on tEnd.
        double hTarget = Math.min(h * pendingFactor, maxStep);
        final double remaining = tEnd - t;
        reachesEnd = hTarget >= remaining * (1.0 - END_STRETCH);
        if (reachesEnd) {
          hTarget = remaining;
        }
        if (hTarget != h || pendingOrder != k) {
          if (hTarget != h) {
            rescale(hTarget / h, pendingOrder);
            haveStep = false; // the last step's interpolant is gone
          }
          k = pendingOrder;
          h = hTarget;
          equalSteps = 0;
          predictionValid = false;
        }
        pendingFactor = 1.0;
        if (restartFromDerivative) {
          restartFromDerivative = false;
          if (!restartHistory(system, t, h)) {
            throw new IntegrationException(
                "right-hand side is not finite at the accepted state while restarting at order 1 (h = " + h + ")", t);
          }
          predictionValid = false;
        }
        tNew = reachesEnd ? tEnd : t + h;
        if (!(tNew > t) || h < Math.max(Double.MIN_NORMAL, MIN_STEP_ULPS * Math.ulp(t))) {
          throw new IntegrationException(
              "step size underflow (h = " + h + ")" + failureSuffix(lastFailure), t);
        }
        final double c = h / GAMMA[k];
        if (!predictionValid) {
          predict(k);
          system.rhs(tNew, yPred, fPred);
          rhsEvaluations++;
          predictionValid = true;
        }

        int status = firstNonFinite(fPred) >= 0 ? NON_FINITE_RHS : OK;
        if (status == OK
            && (forceJacobian || !haveJacobian || jacobianAged()
                || (slowConvergence && !jacobianCurrent))) {
          status = evaluateJacobian(system, tNew, yPred, fPred);
        }
        forceJacobian = false;
        if (status == OK && needsFactorization(c)) {
          status = factorize(c);
        }
        if (status == OK) {
          status = newton(system, tNew, c, k);
        }
        if (status != OK) {
          newtonFailures++;
          convergenceFailures++;
          lastFailure = status;
          if (newtonFailures >= MAX_CONVERGENCE_FAILURES) {
            throw new IntegrationException(
                "Newton iteration failed " + newtonFailures + " times in one step (h = " + h + ")"
                    + failureSuffix(status), t);
          }
          if ((status == NEWTON_DIVERGED || status == SINGULAR_MATRIX || status == LINEAR_SOLVE_FAILED)
              && !jacobianCurrent) {
            // Blame the stale Jacobian first: retry the same step with a fresh one.
            forceJacobian = true;
          } else {
            pendingFactor = CONVERGENCE_FAILURE_FACTOR;
            pendingOrder = k;
          }
          continue;
        }

        err = weightedNorm(corr) / (k + 1);
        if (err > 1.0) {
          errorFailures++;
          errorTestFailures++;
          if (errorFailures >= MAX_ERROR_TEST_FAILURES) {
            throw new IntegrationException(
                "local error test failed " + errorFailures + " times in one step (h = " + h + ")", t);
          }
          final double minFactor = errorFailures == 1 ? FIRST_FAILURE_MIN_FACTOR : LATER_FAILURE_MIN_FACTOR;
          double factor = clamp(SAFETY * Math.pow(err, -1.0 / (k + 1)), minFactor, FAILURE_MAX_FACTOR);
          int order = k;
          if (errorFailures >= ERROR_FAILURES_TO_ORDER_ONE) {
            order = 1;
            factor = minFactor;
            restartFromDerivative = true;
          } else if (k > 1) {
            // Error of order k-1 from nabla^k y_{n+1} = D_k + d of the rejected step.
            double s = 0;
            final int rk = k * n;
            for (int i = 0; i < n; i++) {
              double v = (diff[rk + i] + corr[i]) * weight[i];
              s += v * v;
            }
            double errLower = Math.sqrt(s / n) / k;
            double fLower = clamp(SAFETY * Math.pow(errLower, -1.0 / k), minFactor, FAILURE_MAX_FACTOR);
            if (fLower > factor) {
              factor = fLower;
              order = k - 1;
            }
          }
          pendingFactor = factor;
          pendingOrder = order;
          continue;
        }
        break;
      }

      // ---- accept: update the differences to t_{n+1}
      final int r1 = (k + 1) * n;
      final int r2 = (k + 2) * n;
      for (int i = 0; i < n; i++) {
        diff[r2 + i] = corr[i] - diff[r1 + i];
        diff[r1 + i] = corr[i];
      }
      for (int j = k; j >= 0; j--) {
        final int rj = j * n;
        final int rn = rj + n;
        for (int i = 0; i < n; i++) {
          diff[rj + i] += diff[rn + i];
        }
      }
      tPrevious = t;
      t = tNew;
      tLast = t;
      hLast = h;
      orderLast = k;
      haveStep = true;
      steps++;
      equalSteps++;
      stepsSinceJacobian++;
      stepsSinceFactorization++;
      final boolean detectLimit = settings.stabilityLimitDetection() && k >= 3;
      if (detectLimit) {
        if (equalSteps == 1) {
          stabilityLimit.reset(); // a new step size or order: earlier norms belong to another grid
        }
        stabilityLimit.record(rowNorm(k - 1), rowNorm(k), rowNorm(k + 1));
      }

      System.arraycopy(diff, 0, yOut, 0, n);
      derivativeAt(0.0, yDotOut);
      observer.stepAccepted(t, yOut, yDotOut);
      System.arraycopy(diff, 0, yOut, 0, n);
      derivativeAt(0.0, yDotOut);
      final boolean stopNow = stop.shouldStop(t, yOut, yDotOut);
      if (stopNow || reachesEnd) {
        System.arraycopy(diff, 0, yOut, 0, n);
        return new IntegrationResult(t, yOut, stopNow && !reachesEnd, stats());
      }

      // ---- next step size and order: change order or grow only after k+1 steps with the current
      // ones (the differences then describe the solution, not the re-interpolation); shrink anytime.
      if (errorFailures == 0 && newtonFailures == 0 && equalSteps >= k + 1) {
        double best = eta(err, k, BIAS_SAME);
        int bestOrder = k;
        if (k > 1) {
          double e = rowNorm(k) / k;
          double f = eta(e, k - 1, BIAS_LOWER);
          if (f > best) {
            best = f;
            bestOrder = k - 1;
          }
        }
        if (k < maxOrder) {
          double e = rowNorm(k + 2) / (k + 2);
          double f = eta(e, k + 1, BIAS_HIGHER);
          if (f > best) {
            best = f;
            bestOrder = k + 1;
          }
        }
        if (best >= CHANGE_THRESHOLD) {
          pendingFactor = Math.min(best, grown ? MAX_GROWTH : FIRST_MAX_GROWTH);
          pendingOrder = bestOrder;
          grown = true;
        } else if (best < SHRINK_THRESHOLD) {
          pendingFactor = Math.max(best, MIN_SHRINK);
          pendingOrder = bestOrder;
        }
      } else {
        double same = eta(err, k, BIAS_SAME);
        if (same < SHRINK_THRESHOLD) {
          pendingFactor = Math.max(same, MIN_SHRINK);
          pendingOrder = k;
        }
      }
      // Stability limit: an oscillatory mode the order k does not damp lowers the order, unless the
      // rule above lowers it already. The step is that of order k-1's error estimate, not larger:
      // h lambda of the mode is at order k's stability boundary and is not known to be inside
      // order k-1's region at a larger h.
      if (detectLimit && errorFailures == 0 && newtonFailures == 0 && pendingOrder >= k
          && equalSteps >= StabilityLimitDetector.STEPS && stabilityLimit.limitReached(k)) {
        double errLower = rowNorm(k) / k;
        pendingFactor = clamp(eta(errLower, k - 1, BIAS_LOWER), MIN_SHRINK, 1.0);
        pendingOrder = k - 1;
        stabilityLimitReductions++;
      }
    }
  }

  /**
   * Solution of the last accepted step at time t (dense output, same order as the step).
   *
   * @param t time in [{@link #lastStepStart()}, {@link #lastStepEnd()}]
   * @param yOut output of length n, overwritten
   * @throws IllegalStateException if no step has been accepted in the latest integration
   * @throws IllegalArgumentException if t lies outside the last step
   */
  public void interpolate(double t, double[] yOut) {
    double s = checkedOffset(t, yOut);
    final int n = this.n;
    final int k = orderLast;
    double c = 1.0;
    basis[0] = 1.0;
    for (int j = 1; j <= k; j++) {
      c *= (s + j - 1) / j;
      basis[j] = c;
    }
    for (int i = 0; i < n; i++) {
      double v = diff[i];
      for (int j = 1; j <= k; j++) {
        v += basis[j] * diff[j * n + i];
      }
      yOut[i] = v;
    }
  }

  /** Time derivative of the dense output at t, same contract as {@link #interpolate}. */
  public void interpolateDerivative(double t, double[] yDotOut) {
    derivativeAt(checkedOffset(t, yDotOut), yDotOut);
  }

  /** Start of the last accepted step (time units); NaN before the first step. */
  public double lastStepStart() {
    return haveStep ? tPrevious : Double.NaN;
  }

  /** End of the last accepted step (time units); NaN before the first step. */
  public double lastStepEnd() {
    return haveStep ? tLast : Double.NaN;
  }

  // ----------------------------------------------------------------------------------------------

  private void allocate(int n) {
    if (n == this.n) {
      return;
    }
    this.n = n;
    diff = new double[ROWS * n];
    tmpRows = new double[(MAX_ORDER + 2) * n];
    yPred = new double[n];
    fPred = new double[n];
    psi = new double[n];
    corr = new double[n];
    yIter = new double[n];
    work = new double[n];
    weight = new double[n];
    atolVec = new double[n];
    yOut = new double[n];
    yDotOut = new double[n];
  }

  /** Keeps the iteration matrix if it fits the system (kind, dimension, pattern), else builds one. */
  private void prepareIterationMatrix(OdeSystem system) {
    final IterationMatrixKind requested = settings.iterationMatrix();
    final IterationMatrix current = iterationMatrix;
    if (current != null && current.dimension() == system.dimension()) {
      if (current instanceof IterationMatrixDense && !requested.sparseFor(system)) {
        return;
      }
      if (current instanceof IterationMatrixSparse
          && requested.sparseFor(system)
          && ((IterationMatrixSparse) current).compatibleWith(system, requested)) {
        return;
      }
    }
    iterationMatrix = null; // release the old workspace before allocating the new one
    iterationMatrix = IterationMatrix.create(system, requested, denseSolver);
  }

  /** Heuristic first step (Hairer, Norsett & Wanner I, II.4) for order 1; fPred holds f(t0, y0). */
  private double initialStep(OdeSystem system, double t0, double tEnd) {
    final int n = this.n;
    final double span = tEnd - t0;
    double d0 = weightedNorm(diff); // row 0 = y0
    double d1 = weightedNorm(fPred);
    // Time for y to move by ~1 % of its size (or of the tolerance when y ~ 0).
    double h0 = d1 > 1e-10 ? 0.01 * Math.max(d0, 1.0) / d1 : 1e-6 * span;
    h0 = Math.min(h0, span);
    for (int i = 0; i < n; i++) {
      yIter[i] = diff[i] + h0 * fPred[i];
    }
    system.rhs(t0 + h0, yIter, work);
    rhsEvaluations++;
    if (firstNonFinite(work) >= 0) {
      return 0.01 * h0;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = (work[i] - fPred[i]) * weight[i];
      s += v * v;
    }
    double d2 = Math.sqrt(s / n) / h0; // ~ |y''| in tolerance units
    double m = Math.max(d1, d2);
    double h1 = m > 1e-15 ? Math.sqrt(0.01 / m) : 100 * h0;
    return Math.min(100 * h0, h1);
  }

  /** Weights 1/(rtol |y_i| + atol_i) from row 0 of {@code y}. */
  private void computeWeights(double[] y) {
    final double rtol = settings.rtol();
    for (int i = 0; i < n; i++) {
      weight[i] = 1.0 / (rtol * Math.abs(y[i]) + atolVec[i]);
    }
  }

  private double weightedNorm(double[] v) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i] * weight[i];
      s += x * x;
    }
    return Math.sqrt(s / n);
  }

  private double rowNorm(int row) {
    final int r = row * n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double x = diff[r + i] * weight[i];
      s += x * x;
    }
    return Math.sqrt(s / n);
  }

  /** Predictor y^(0) = sum_{j<=k} D_j and psi = (1/gamma_k) sum_{m=1..k} gamma_m D_m. */
  private void predict(int k) {
    final int n = this.n;
    System.arraycopy(diff, 0, yPred, 0, n);
    java.util.Arrays.fill(psi, 0, n, 0.0);
    for (int j = 1; j <= k; j++) {
      final int rj = j * n;
      final double g = GAMMA[j];
      for (int i = 0; i < n; i++) {
        double dj = diff[rj + i];
        yPred[i] += dj;
        psi[i] += g * dj;
      }
    }
    final double inv = 1.0 / GAMMA[k];
    for (int i = 0; i < n; i++) {
      psi[i] *= inv;
    }
  }

  private int evaluateJacobian(OdeSystem system, double t, double[] y, double[] f) {
    jacobianCost = iterationMatrix.evaluateJacobian(system, t, y, f, atolVec);
    rhsEvaluations += jacobianCost;
    rhsAfterJacobian = rhsEvaluations;
    jacobianEvaluations++;
    haveJacobian = true;
    jacobianCurrent = true;
    haveFactorization = false;
    stepsSinceJacobian = 0;
    slowConvergence = false;
    if (!iterationMatrix.jacobianIsFinite()) {
      haveJacobian = false;
      return NON_FINITE_JACOBIAN;
    }
    return OK;
  }

  /** The age rule: {@link #JACOBIAN_MAX_AGE} steps and {@link #JACOBIAN_AMORTISATION} times its cost since J. */
  private boolean jacobianAged() {
    return stepsSinceJacobian >= JACOBIAN_MAX_AGE
        && rhsEvaluations - rhsAfterJacobian >= JACOBIAN_AMORTISATION * jacobianCost;
  }

  private boolean needsFactorization(double c) {
    if (!haveFactorization) {
      return true;
    }
    double ratio = c / gammaFactored;
    return Math.abs(ratio - 1.0) > GAMMA_CHANGE_REFACTOR
        || (stepsSinceFactorization >= REFACTOR_INTERVAL && c != gammaFactored);
  }

  private int factorize(double c) {
    factorizations++;
    try {
      iterationMatrix.factor(c);
    } catch (LinearSolver.SingularMatrixException e) {
      haveFactorization = false;
      return SINGULAR_MATRIX;
    }
    haveFactorization = true;
    gammaFactored = c;
    stepsSinceFactorization = 0;
    rate = 1.0; // new matrix: forget the old rate (conservative, as CVODE)
    rateMeasured = false;
    return OK;
  }

  /**
   * Simplified Newton iteration for d in d - c f(t, y^(0) + d) + psi = 0; leaves d in corr and
   * y^(0) + d in yIter.
   */
  private int newton(OdeSystem system, double tNew, double c, int k) {
    final int n = this.n;
    final double ratio = c / gammaFactored;
    // M built with an older h/gamma_k (CVODE's heuristic): 2/(1+ratio) lies between the exact
    // factors for non-stiff (1) and very stiff (1/ratio) components. Iterative solves apply the
    // current M exactly and need no correction.
    final double scale = ratio == 1.0 || iterationMatrix.usesCurrentCoefficient() ? 1.0 : 2.0 / (1.0 + ratio);
    final double errorScale = 1.0 / (k + 1);
    // The Newton test below accepts a correction del whose estimated remaining error is at most
    // NEWTON_TOLERANCE (k+1); an inexact linear solve must leave an error well below that (bound on
    // the weighted RMS residual).
    final double linearTolerance = LINEAR_TOLERANCE_FRACTION * NEWTON_TOLERANCE * (k + 1);
    System.arraycopy(yPred, 0, yIter, 0, n);
    java.util.Arrays.fill(corr, 0, n, 0.0);
    double previous = 0;
    double[] f = fPred;
    for (int m = 0; ; m++) {
      if (m > 0) {
        system.rhs(tNew, yIter, work);
        rhsEvaluations++;
        if (firstNonFinite(work) >= 0) {
          return NON_FINITE_RHS;
        }
        f = work;
      }
      // work may alias f here: read f[i] before writing work[i].
      for (int i = 0; i < n; i++) {
        work[i] = c * f[i] - psi[i] - corr[i];
      }
      if (!iterationMatrix.solve(work, c, weight, linearTolerance)) {
        return LINEAR_SOLVE_FAILED;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        double dy = work[i] * scale;
        yIter[i] += dy;
        corr[i] += dy;
        double x = dy * weight[i];
        s += x * x;
      }
      final double del = Math.sqrt(s / n);
      if (!Double.isFinite(del)) {
        return NEWTON_DIVERGED;
      }
      if (m > 0) {
        rate = Math.max(RATE_DECAY * rate, del / previous);
        rateMeasured = true;
      }
      if (remainingNewtonError(del, m) * errorScale <= NEWTON_TOLERANCE) {
        if (rateMeasured && rate > SLOW_CONVERGENCE_RATE) {
          slowConvergence = true;
        }
        return OK;
      }
      if (m + 1 >= MAX_NEWTON_ITERATIONS || (m > 0 && del > DIVERGENCE_RATIO * previous)) {
        return NEWTON_DIVERGED;
      }
      previous = del;
    }
  }

  /**
   * Estimated error left in the iterate after a Newton correction of weighted norm {@code del}
   * (iteration {@code m}, 0 = first): del rho/(1 - rho), the tail of the geometric series of the
   * remaining corrections for contraction rate rho. Without a measurement for the current matrix
   * (first iteration after a factorisation) it is del (CVODE's convention, rho = 1/2); a rate carried
   * over from an earlier step counts as at least {@link #CARRIED_RATE_FLOOR}; a rate >= 1 means no
   * convergence.
   */
  private double remainingNewtonError(double del, int m) {
    if (!rateMeasured) {
      return del;
    }
    final double rho = m == 0 ? Math.max(rate, CARRIED_RATE_FLOOR) : rate;
    return rho >= 1.0 ? Double.POSITIVE_INFINITY : del * rho / (1.0 - rho);
  }

  /**
   * Restarts the history at order 1 from the derivative at the accepted state: D_1 = h f(t, D_0),
   * higher differences cleared. After repeated error test failures the backward differences no
   * longer describe the solution (a fast transient outran them); their derivative at t can be off by
   * O(1), and the order-1 predictor built from it then misses by O(h), so the error test fails at
   * every h (measured on the TPM Fig. 2 transient at r = 1e8 gamma_nr: the estimate fell only in
   * proportion to h down to step-size underflow). With f(t, y) the predictor is explicit Euler and the
   * estimate falls as h^2 (CVODE reloads its Nordsieck array the same way after three failures).
   *
   * @return false if f(t, D_0) is not finite
   */
  private boolean restartHistory(OdeSystem system, double t, double h) {
    final int n = this.n;
    System.arraycopy(diff, 0, yPred, 0, n);
    system.rhs(t, yPred, work);
    rhsEvaluations++;
    if (firstNonFinite(work) >= 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      diff[n + i] = h * work[i];
    }
    java.util.Arrays.fill(diff, 2 * n, ROWS * n, 0.0);
    return true;
  }

  /**
   * Re-interpolates D_1..D_order onto the grid of step rho*h: D'_j = sum_i T_ji D_i with
   * T = B A, A_mi = prod_{l<i} (l - m rho)/i! (the Newton backward basis at s = -m rho) and
   * B_jm = (-1)^m C(j, m) (backward differences on the new grid). D_0 is unchanged.
   */
  private void rescale(double rho, int order) {
    final int n = this.n;
    final int w = MAX_ORDER + 2;
    for (int m = 1; m <= order; m++) {
      double p = 1.0;
      for (int i = 1; i <= order; i++) {
        p *= (i - 1 - m * rho) / i;
        atGrid[m * w + i] = p;
      }
    }
    for (int j = 1; j <= order; j++) {
      for (int i = 1; i <= order; i++) {
        double s = 0;
        double binom = 1.0; // C(j, m) built up along m
        for (int m = 1; m <= j; m++) {
          binom = binom * (j - m + 1) / m;
          s += ((m & 1) == 0 ? binom : -binom) * atGrid[m * w + i];
        }
        transform[j * w + i] = s;
      }
    }
    for (int j = 1; j <= order; j++) {
      final int rt = (j - 1) * n;
      java.util.Arrays.fill(tmpRows, rt, rt + n, 0.0);
      for (int i = 1; i <= order; i++) {
        final double tji = transform[j * w + i];
        if (tji != 0.0) {
          final int ri = i * n;
          for (int p = 0; p < n; p++) {
            tmpRows[rt + p] += tji * diff[ri + p];
          }
        }
      }
    }
    System.arraycopy(tmpRows, 0, diff, n, order * n);
    // Higher differences belong to the old grid: the re-interpolated history is a degree-order polynomial.
    java.util.Arrays.fill(diff, (order + 1) * n, ROWS * n, 0.0);
  }

  /** Derivative of the last step's interpolant at s = (t - tLast)/hLast. */
  private void derivativeAt(double s, double[] out) {
    final int n = this.n;
    final int k = orderLast;
    // c_j(s) = prod_{l<j} (s+l)/j!, c_j' by the product rule; basis[] holds c_j' / h.
    double c = 1.0;
    double dc = 0.0;
    for (int j = 1; j <= k; j++) {
      dc = (dc * (s + j - 1) + c) / j;
      c = c * (s + j - 1) / j;
      basis[j] = dc / hLast;
    }
    for (int i = 0; i < n; i++) {
      double v = 0;
      for (int j = 1; j <= k; j++) {
        v += basis[j] * diff[j * n + i];
      }
      out[i] = v;
    }
  }

  private double checkedOffset(double t, double[] out) {
    if (!haveStep) {
      throw new IllegalStateException(
          "no accepted step to interpolate in (none yet, or the integration failed after re-interpolating)");
    }
    if (out.length < n) {
      throw new IllegalArgumentException("output length " + out.length + " < dimension " + n);
    }
    double slack = INTERPOLATION_SLACK * hLast;
    if (!(t >= tPrevious - slack && t <= tLast + slack)) {
      throw new IllegalArgumentException(
          "t = " + t + " is outside the last step [" + tPrevious + ", " + tLast + "]");
    }
    return (t - tLast) / hLast;
  }

  private static double eta(double err, int order, double bias) {
    if (!(err > 0)) {
      return FIRST_MAX_GROWTH;
    }
    return 1.0 / (bias * Math.pow(err, 1.0 / (order + 1)));
  }

  private static double clamp(double x, double lo, double hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }

  private int firstNonFinite(double[] v) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String failureSuffix(int status) {
    switch (status) {
      case NEWTON_DIVERGED:
        return "; last failure: Newton iteration did not converge";
      case NON_FINITE_RHS:
        return "; last failure: the right-hand side returned NaN or Inf";
      case NON_FINITE_JACOBIAN:
        return "; last failure: the Jacobian contains NaN or Inf";
      case SINGULAR_MATRIX:
        return "; last failure: singular Newton matrix I - h*beta*J";
      case LINEAR_SOLVE_FAILED:
        return "; last failure: the iterative linear solver missed its tolerance";
      default:
        return "";
    }
  }
}
