package org.qdlaser.stages.equilibrium;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.qdlaser.stages.numerics.eigen.BlockTriangularEigenvalues;
import org.qdlaser.stages.numerics.jacobian.FiniteDifferences;
import org.qdlaser.stages.numerics.linear.MatrixNorms;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * Linear stability of a steady state in the rotating frame: eigenvalues of J - omega A, where J is
 * the Jacobian of the model's right-hand side. For a lasing state the phase mode (eigenvector A z,
 * eigenvalue exactly 0 by symmetry) is removed by passing to the quotient space R^n / span(A z),
 * so a fold's small eigenvalue is never confused with it.
 *
 * <p>Above {@link #MAX_DENSE_DIMENSION} unknowns the eigenvalues come from {@link SparseStability}.
 */
public final class StabilityAnalyzer {
  /**
   * A rightmost eigenvalue whose real part exceeds this fraction of the balanced Jacobian's
   * max-norm in magnitude has a resolved sign: central differences give the Jacobian entries to
   * ~eps^(2/3) ~ 4e-11 relative, and an eigenvalue moves by at most ~that times the norm unless it
   * is ill-conditioned. This was the whole margin once; near ill-conditioned folds it is far too
   * coarse (TPM, N = 70, g = 5e11 s^-1: norm 3e7, margin 3e-3, deciding eigenvalues |lambda| <
   * 6e-4), so inside it the margin is measured ({@link #verdict}).
   */
  static final double COARSE_RELATIVE_MARGIN = 1e-10;
  /**
   * Second step of the noise estimate, relative to the balanced step: the Jacobian's truncation
   * error (h^2) grows 4-fold and its rounding error (eps/h) halves, so the rightmost eigenvalue
   * moves by about its own error at the balanced step in either regime.
   */
  static final double NOISE_STEP_FACTOR = 2.0;
  /**
   * Margin per unit change of the rightmost eigenvalue between the two steps. Measured on 4,774
   * points of TPM and TPM_IF branches at the Fig. 1(a) parameters (g = 5e11 .. 2e12 s^-1, mu = 0
   * and 0.05): the change is 1e-15 .. 3e-14 of the norm, the eigenvalue's error (from its linear
   * dependence on d(ln r)/ds near the folds) up to ~3e-15 of the norm; the error is dominated by
   * rounding, not by the step, so the two values are nearly independent and their difference can
   * be small by chance: hence a factor and the floor below.
   */
  static final double NOISE_SAFETY = 4.0;
  /**
   * Floor of the measured margin, relative to the balanced norm (~45 eps): the rounding of the
   * difference quotients and the QR iteration's backward error, ~3e-15 of the norm at the folds of
   * the branches above. Without a floor one point exactly at a fold (true eigenvalue -7e-8, computed
   * +1.7e-8, change between the steps 1.3e-9) was called unstable; with 1e-14 none of the 4,774
   * points is mislabelled or left unresolved against the saddle-node truth (stable exactly before
   * the fold).
   */
  static final double ROUNDING_MARGIN = 1e-14;

  /**
   * Largest state dimension for the dense Jacobian and eigenvalue path: a dense n x n eigenproblem
   * costs ~10 n^3 flops (n = 1000: 1e10, a few seconds); beyond it models with a sparsity pattern
   * take the shift-invert Arnoldi path (TPM_d: N = 10 has 725 unknowns, N = 20 has 2,845).
   */
  public static final int MAX_DENSE_DIMENSION = 1_000;

  /** Floor of the finite-difference step scale, in state units. */
  static final double FD_FLOOR = 1e-8;

  private StabilityAnalyzer() {}

  /**
   * Result: the rightmost eigenvalue, the balanced norm of the Jacobian, the margin below which a
   * real part counts as negative (its finite-difference noise) and whether the state is stable.
   */
  public record Spectrum(double rightmostReal, double rightmostImag, double jacobianNorm, double margin, boolean stable) {
    public Spectrum {
      if (!(jacobianNorm >= 0) || !(margin >= 0)) {
        throw new IllegalArgumentException("Jacobian norm and margin must be non-negative, got " + jacobianNorm + ", " + margin);
      }
    }
  }

  public static Spectrum analyse(Model model, double[] y, double omega, boolean lasing) {
    return analyse(model, y, omega, lasing, false);
  }

  /**
   * As {@link #analyse(Model, double[], double, boolean)}; with {@code bothSteps}, for a large dense
   * lasing state, the spectrum at {@link #NOISE_STEP_FACTOR} times the step is computed on a second
   * thread meanwhile and left in this thread's {@link SpectrumMemo} for the relaxation analysis of the
   * same state ({@link SecondStepSpectrum}); the values are bit for bit those of one thread.
   */
  public static Spectrum analyse(Model model, double[] y, double omega, boolean lasing, boolean bothSteps) {
    int n = model.dimension();
    if (n > MAX_DENSE_DIMENSION && model.sparsity() != null) {
      return SparseStability.analyse(model, y, omega, lasing);
    }
    var second = bothSteps && lasing ? SecondStepSpectrum.start(model, y, omega) : null;
    Rightmost first;
    try {
      first = denseRightmost(model, y, omega, lasing, 1.0);
    } catch (RuntimeException | Error e) {
      if (second != null) {
        second.cancel(true);
      }
      throw e;
    }
    SecondStepSpectrum.finish(second, model, y, omega);
    return verdict(first, () -> denseRightmost(model, y, omega, lasing, NOISE_STEP_FACTOR));
  }

  /** Memo key prefix of the dense spectra (followed by the step factor). */
  static final String DENSE = "dense ";

  /** Rightmost eigenvalue (re, im) and the balanced norm of the matrix it belongs to. */
  record Rightmost(double re, double im, double norm) {}

  /**
   * The verdict on a rightmost eigenvalue computed from the central-difference Jacobian at the
   * balanced step. Beyond {@link #COARSE_RELATIVE_MARGIN} of the norm the sign is taken as
   * resolved; inside it the Jacobian is recomputed at {@link #NOISE_STEP_FACTOR} times the step and
   * the margin is {@link #NOISE_SAFETY} times the change of the rightmost eigenvalue, at least
   * {@link #ROUNDING_MARGIN} of the norm.
   */
  static Spectrum verdict(Rightmost first, java.util.function.Supplier<Rightmost> otherStep) {
    double margin = COARSE_RELATIVE_MARGIN * first.norm();
    if (Math.abs(first.re()) < margin) {
      Rightmost second = otherStep.get();
      margin = Math.max(NOISE_SAFETY * Math.abs(first.re() - second.re()), ROUNDING_MARGIN * first.norm());
    }
    // Within the finite-difference noise of zero the state is marginal; we call it stable.
    return new Spectrum(first.re(), first.im(), first.norm(), margin, first.re() < margin);
  }

  /**
   * The rightmost eigenvalue of the rotating-frame Jacobian (on the quotient by the phase mode for a
   * lasing state) from central differences with the increments times {@code stepFactor}.
   */
  static Rightmost denseRightmost(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    return rightmost(denseEigenvalues(model, y, omega, lasing, stepFactor));
  }

  /** The eigenvalue with the largest real part, with the norm of its matrix. */
  static Rightmost rightmost(Eigenvalues ev) {
    double[] re = ev.re();
    double[] im = ev.im();
    double best = Double.NEGATIVE_INFINITY;
    double bestIm = 0;
    for (int i = 0; i < re.length; i++) {
      if (re[i] > best) {
        best = re[i];
        bestIm = im[i];
      }
    }
    return new Rightmost(best, bestIm, ev.norm());
  }

  /**
   * Eigenvalues (re, im; arrays owned by the record) of a rotating-frame Jacobian and the
   * balanced max-row-sum norm of the matrix they belong to (units of gamma_nr).
   */
  record Eigenvalues(double[] re, double[] im, double norm) {}

  /**
   * The rotating-frame Jacobian J - omega A (n x n, a new array) from central differences with the
   * increments times {@code stepFactor}; A is block diagonal with [[0, -q], [q, 0]] on each complex
   * field of charge q. For a lasing state it has the phase mode A z with eigenvalue 0.
   */
  static double[][] rotatingJacobian(Model model, double[] y, double omega, double stepFactor) {
    int n = model.dimension();
    double[][] j = new double[n][n];
    FiniteDifferences.jacobianCentral(model, 0.0, y, FD_FLOOR, stepFactor, j);
    for (var f : model.layout().fields()) {
      if (f.complex() && f.charge() != 0) {
        j[f.offset()][f.offset() + 1] += omega * f.charge();
        j[f.offset() + 1][f.offset()] -= omega * f.charge();
      }
    }
    return j;
  }

  /**
   * Every eigenvalue of the rotating-frame Jacobian J - omega A from central differences with the
   * increments times {@code stepFactor}; for a lasing state on the quotient R^n / span(A z), i.e.
   * without the phase mode (n - 1 eigenvalues). Dense: n at most a few thousand.
   */
  static Eigenvalues denseEigenvalues(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    // Shared by the stability verdict and the relaxation analysis of the same state (SpectrumMemo).
    return SpectrumMemo.get(model, y, omega, lasing, DENSE + stepFactor,
        () -> computeDenseEigenvalues(model, y, omega, lasing, stepFactor));
  }

  static Eigenvalues computeDenseEigenvalues(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    Matrices mats = matrices(model, y, omega, lasing, stepFactor);
    double[] re;
    double[] im;
    // Our eigenvalue-only Francis QR (FrancisEigenvalues; EJML's where it does not converge) is the
    // primary solver: Hipparchus's Schur iteration fails to converge on some of the larger polydisperse
    // Jacobians. Block by block: a non-lasing state's Jacobian splits exactly by phase charge (issue 14).
    double[][] blocks = BlockTriangularEigenvalues.of(mats.balanced());
    if (blocks != null) {
      re = blocks[0];
      im = blocks[1];
    } else {
      Complex[] ev;
      try {
        ev = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(mats.unbalanced(), false)).getEigenvalues();
      } catch (org.hipparchus.exception.MathIllegalStateException e) {
        throw new EquilibriumException("eigenvalues of the " + model.kind() + " Jacobian at r = " + model.pump()
            + " did not converge (our, EJML's and Hipparchus' QR): " + e.getMessage());
      }
      re = new double[ev.length];
      im = new double[ev.length];
      for (int i = 0; i < ev.length; i++) {
        re[i] = ev[i].getReal();
        im[i] = ev[i].getImaginary();
      }
    }
    return new Eigenvalues(re, im, mats.norm());
  }

  /**
   * The matrix whose eigenvalues are the spectrum (the rotating-frame Jacobian, on the quotient by the
   * phase mode for a lasing state) as computed, and balanced, with the balanced max-row-sum norm.
   * Arrays owned by the record.
   */
  record Matrices(double[][] unbalanced, double[][] balanced, double norm) {}

  /** The {@link Matrices} of the spectrum of {@link #denseEigenvalues} (new arrays). */
  static Matrices matrices(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    int n = model.dimension();
    double[][] j = rotatingJacobian(model, y, omega, stepFactor);
    StateLayout layout = model.layout();
    double[] az = new double[n];
    layout.applyRotationGenerator(y, az);
    double[][] m = j;
    if (lasing) {
      int k = layout.field("b").offset() + 1; // Im b: (A z)_k = charge(b) * Re b = |b| != 0
      double azk = az[k];
      double[][] q = new double[n - 1][n - 1];
      for (int r = 0, rr = 0; r < n; r++) {
        if (r == k) {
          continue;
        }
        for (int c = 0, cc = 0; c < n; c++) {
          if (c == k) {
            continue;
          }
          q[rr][cc] = j[r][c] - az[r] * j[k][c] / azk;
          cc++;
        }
        rr++;
      }
      m = q;
    }
    double[][] unbalanced = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      unbalanced[i] = m[i].clone();
    }
    balance(m);
    // The noise of a central-difference Jacobian is relative to the balanced matrix: its norm sets
    // the scale below which an eigenvalue's sign is not resolved.
    return new Matrices(unbalanced, m, MatrixNorms.infinity(m));
  }

  /**
   * Largest coupling, relative to the largest entry of the Jacobian, between the real parts of the
   * charge-1 fields and the rest for that subspace to count as invariant: at a non-lasing state of a
   * conjugation-symmetric model the couplings are exact zeros of the difference quotients (terms
   * linear in fields that are zero, or products of them); a detuning makes them O(Delta nu).
   */
  static final double INVARIANT_SUBSPACE_TOLERANCE = 1e-14;

  /**
   * The determinant of the Jacobian restricted to the real parts of the charge-1 fields (b, Vc, ...)
   * at a non-lasing state, or NaN if that subspace is not invariant.
   *
   * <p>At a non-lasing state every charged field is zero, so the linearisation does not mix phase
   * charges; for a model also symmetric under complex conjugation of the charged fields (identical
   * dots at Delta nu = 0, real g) the charge-1 sector splits further into identical blocks on the
   * real and on the imaginary parts. The determinant of the real block changes sign where one of its
   * real eigenvalues crosses zero: the pitchfork of the lasing state. Unlike the rightmost eigenvalue
   * of the whole Jacobian from the QR iteration, whose rounding (~eps times the norm, 1e4 and more)
   * hides a crossing that is slow at small gamma_c (|d lambda / d ln r| ~ 1e-6), an LU determinant
   * of this small block is accurate to the rounding of its own cancelling terms (CIM: gamma_c gamma
   * against N g^2 (2 Cc - 1)).
   */
  public static double realChargeOneDeterminant(Model model, double[] y) {
    int n = model.dimension();
    double[][] j = new double[n][n];
    FiniteDifferences.jacobianCentral(model, 0.0, y, FD_FLOOR, j);
    StateLayout layout = model.layout();
    boolean[] in = new boolean[n];
    int k = 0;
    for (var f : layout.fields()) {
      if (f.complex() && Math.abs(f.charge()) == 1) {
        in[f.offset()] = true;
        k++;
      }
    }
    if (k == 0) {
      return Double.NaN;
    }
    double max = 0;
    for (double[] row : j) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    double[][] block = new double[k][k];
    for (int r = 0, rr = 0; r < n; r++) {
      for (int c = 0, cc = 0; c < n; c++) {
        if (in[r] != in[c] && Math.abs(j[r][c]) > INVARIANT_SUBSPACE_TOLERANCE * max) {
          return Double.NaN; // the real charge-1 parts couple to the rest: not invariant
        }
        if (in[r] && in[c]) {
          block[rr][cc++] = j[r][c];
        }
      }
      if (in[r]) {
        rr++;
      }
    }
    return new org.hipparchus.linear.LUDecomposition(new Array2DRowRealMatrix(block, false), 0.0).getDeterminant();
  }

  /**
   * Balances a matrix in place by a diagonal similarity with powers of 2 (Parlett and Reinsch), so
   * that row and column norms are comparable. The laser Jacobians mix entries from 1e-4 to 1e7;
   * unbalanced, the QR iteration can fail to converge or lose the small eigenvalues.
   */
  static void balance(double[][] a) {
    int n = a.length;
    boolean done = false;
    while (!done) {
      done = true;
      for (int i = 0; i < n; i++) {
        double c = 0;
        double r = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            c += Math.abs(a[j][i]);
            r += Math.abs(a[i][j]);
          }
        }
        if (c == 0 || r == 0) {
          continue;
        }
        double s = c + r;
        double f = 1;
        double g = r / 2;
        while (c < g) {
          f *= 2;
          c *= 4;
        }
        g = r * 2;
        while (c > g) {
          f /= 2;
          c /= 4;
        }
        if ((c + r) / f < 0.95 * s) {
          done = false;
          for (int j = 0; j < n; j++) {
            a[i][j] /= f;
            a[j][i] *= f;
          }
        }
      }
    }
  }
}
