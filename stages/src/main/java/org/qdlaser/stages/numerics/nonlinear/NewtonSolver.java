package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.jacobian.FiniteDifferences;
import org.qdlaser.stages.numerics.jacobian.SparseFiniteDifferenceJacobian;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

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
 * <p>On the sparse path, once full steps contract strongly ({@link #CHORD_CONTRACTION}) the next
 * iterates reuse the factorised Jacobian (chord steps, at most {@link #MAX_JACOBIAN_AGE}); a chord
 * step that lowers no residual, or contracts poorly, is followed by a fresh Jacobian, and a run of
 * chord steps stops when its measured rate puts the remaining error below the tolerance. At TPM_d
 * N = 50 a lasing point's Newton solves took 3 Jacobians instead of 9 (docs/benchmarks.md). The
 * root is then held to the tolerance rather than to the rounding level a last quadratic step
 * reaches. The dense path (small systems) takes full Newton steps only.
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

  private final NewtonSettings settings;

  /**
   * Colouring, Jacobian storage and LU (with its fill-reducing ordering and symbolic structure) of
   * the last sparsity pattern solved on this thread: successive solves on one pattern (a pump
   * sweep, a threshold search) skip the colouring and the ordering (TPM_d N = 50: 0.3 s and ~3 s
   * per solve). Thread-confined, so solvers may be shared between threads.
   */
  public static final class SparseWorkspace {
    private static final ThreadLocal<SparseWorkspace> LAST = new ThreadLocal<>();
    final SparsityPattern pattern;
    final SparseFiniteDifferenceJacobian fd;
    final SparseMatrix jac;
    final SparseLuSolver lu;

    private SparseWorkspace(SparsityPattern pattern) {
      this.pattern = pattern;
      this.fd = new SparseFiniteDifferenceJacobian(pattern);
      this.jac = new SparseMatrix(pattern);
      this.lu = new SparseLuSolver();
    }

    /** The coloured finite-difference Jacobian on the pattern. */
    public SparseFiniteDifferenceJacobian jacobianBuilder() {
      return fd;
    }

    /** The Jacobian values (a live workspace, overwritten by the next solve on this thread). */
    public SparseMatrix jacobian() {
      return jac;
    }

    /** The LU (a live workspace, refactorised by the next solve on this thread). */
    public SparseLuSolver lu() {
      return lu;
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

    /** Whether a factorisation may serve later iterates (chord steps; see {@link #solve}). */
    boolean reusable();
  }

  public NewtonSolver(NewtonSettings settings) {
    this.settings = settings;
  }

  public NewtonResult solve(NonlinearSystem system, double[] x0) {
    final int n = system.dimension();
    double[] x = x0.clone();
    double[] f = new double[n];
    double[] trial = new double[n];
    double[] fTrial = new double[n];
    Linearisation lin = linearisation(system, n);
    double[] step = new double[n];
    double[] terms = new double[n];
    system.residual(x, f);
    double fNorm = maxNorm(f);
    int nonMonotone = 0;
    double snPrev = Double.POSITIVE_INFINITY;
    // Chord steps (sparse path): the factorisation of an earlier iterate serves the next one while
    // that is safe (see reuseNext below); `age` counts the iterations since it was computed.
    boolean reuseNext = false;
    int age = 0;
    double reuseRate = 0.0; // the contraction of the full step after which the factorisation was kept
    for (int iter = 1; iter <= settings.maxIterations(); iter++) {
      if (!Double.isFinite(fNorm)) {
        return new NewtonResult(x, false, iter - 1, fNorm);
      }
      final boolean fresh = !reuseNext;
      if (fresh) {
        if (!lin.factor(x)) {
          return new NewtonResult(x, false, iter, fNorm);
        }
        age = 0;
      } else {
        age++;
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
      if (!fresh && !accepted) {
        // The old Jacobian's direction did not lower F: this iterate gets a fresh Jacobian.
        reuseNext = false;
        continue;
      }
      if (!accepted && stagnated(lin, x, f, terms) && stepNorm(step, x, ROUNDING_LEVEL_STEP) < 1.0) {
        return new NewtonResult(x, true, iter - 1, fNorm);
      }
      if (!accepted && nonMonotone < MAX_NON_MONOTONE) {
        // Near-singular Jacobians (bifurcations, slow modes) and badly scaled equations can make the
        // max-norm rise on a good step: take a few full steps anyway before giving up.
        nonMonotone++;
        lambda = 1.0;
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] - step[i];
        }
        system.residual(trial, fTrial);
        accepted = Double.isFinite(maxNorm(fTrial));
      }
      if (!accepted) {
        return new NewtonResult(x, false, iter, fNorm);
      }
      double sn = lambda * stepNorm(step, x, settings.stepTolerance());
      double snLoose = lambda * stepNorm(step, x, ROUNDING_LEVEL_STEP);
      System.arraycopy(trial, 0, x, 0, n);
      System.arraycopy(fTrial, 0, f, 0, n);
      fNorm = maxNorm(f);
      double theta = sn / snPrev;
      if (fresh) {
        if (sn < 1.0) {
          return new NewtonResult(x, true, iter, fNorm);
        }
        if (sn > NO_CONTRACTION * snPrev && snLoose < 1.0 && stagnated(lin, x, f, terms)) {
          return new NewtonResult(x, true, iter, fNorm);
        }
      } else {
        // Chord iterations with one matrix contract linearly at a rate rho, and the error left after
        // a step is about rho / (1 - rho) times the step (the stopping rule of simplified Newton in
        // implicit Runge-Kutta codes, Hairer & Wanner IV.8). From the second chord step on, rho is
        // measured: theta, the ratio of two consecutive chord steps. The first chord step's ratio to
        // the full step before it measures that step's quadratic convergence, not rho (2-D
        // Brusselator: 1e-4 against a rate of ~4e-3, measured), so it is bounded by the contraction
        // theta_k of the full step k that kept the matrix: with quadratic convergence rho ~ C |dx_k|
        // ~ 2 theta_k^2 <= theta_k for theta_k <= 1/2.
        double rate = age >= 2 ? theta : Math.max(theta, reuseRate);
        if (lambda == 1.0 && rate <= NO_CONTRACTION && sn * rate / (1 - rate) < 1.0) {
          return new NewtonResult(x, true, iter, fNorm);
        }
      }
      // The next iterate reuses this factorisation (a chord step) once full steps contract
      // strongly (quadratic convergence under way); not beyond MAX_JACOBIAN_AGE iterations, and
      // not after a chord step that contracted poorly. A chord step that lowers no residual is
      // redone with a fresh Jacobian (above). Not in the damped phase: on TPM_d's lifted seeds
      // (N = 50) the old Jacobian's directions there failed or took 1/16 steps, 30 iterations
      // and 14 Jacobians instead of 9 and 9 (measured).
      reuseNext = settings.chordSteps() && lin.reusable() && age < MAX_JACOBIAN_AGE
          && lambda == 1.0 && snPrev < Double.POSITIVE_INFINITY && theta <= CHORD_CONTRACTION;
      if (reuseNext && fresh) {
        reuseRate = theta;
      }
      snPrev = sn;
    }
    return new NewtonResult(x, false, settings.maxIterations(), fNorm);
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
    SparseFiniteDifferenceJacobian fd = ws.fd;
    SparseMatrix jac = ws.jac;
    SparseLuSolver lu = ws.lu;
    OdeSystem ode = system.asOde();
    double[] work = new double[n];
    return new Linearisation() {
      @Override
      public boolean factor(double[] x) {
        fd.computeCentral(ode, 0.0, x, floor, jac, work);
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
