package org.qdlaser.stages.numerics.ode;

/**
 * Stability-limit detection for the BDF of order q >= 3 (our own formulation of the idea of
 * Hindmarsh's STALD: A. C. Hindmarsh, "Detecting stability barriers in BDF solvers", in
 * Computational Ordinary Differential Equations, Cash &amp; Gladwell eds., Oxford 1992; CVODE's
 * "stability limit detection").
 *
 * <p>BDF3-BDF5 are not A-stable: a lightly damped oscillatory mode whose h lambda lies near or
 * beyond the boundary of the stability region of order q is not damped by the method (its root
 * zeta of the characteristic equation sum_{m=1..q} (1/m)(1 - 1/zeta)^m = h lambda has |zeta| >= 1).
 * Such a mode, kept at the level of the local error, then dominates the high backward differences.
 *
 * <p><b>Model.</b> For a single mode y_n = zeta^n v integrated at constant step and order, every
 * backward difference is nabla^j y_n = (1 - 1/zeta)^j zeta^n v, so the weighted norms
 * S_{i,j} = |nabla^j y_i| of the last five steps i and the three highest differences j = q-1, q, q+1
 * satisfy ln S_{i,j} = a + i ln rr + j ln rho exactly, with rr = |zeta| (the per-step growth) and
 * rho = |1 - 1/zeta|. The detector fits this rank-one log-linear model to the 15 norms by least
 * squares and takes the residual's standard errors of ln rr and ln rho (12 degrees of freedom).
 * A limit is reported when
 * <ul>
 *   <li>rr >= {@link #RR_CUT} with two standard errors of margin: order q does not damp the mode
 *       (it is near or beyond the boundary of BDF_q's stability region);</li>
 *   <li>rho lies in [|1 - 1/rr|, 1 + 1/rr] within two standard errors (the range of |1 - 1/zeta| for
 *       |zeta| = rr): a single root fits; then cos(arg zeta) = rr (1 + 1/rr^2 - rho^2) / 2, and
 *       h lambda = sum_{m=1..q} (1/m) (1 - 1/zeta)^m (BDF_q's characteristic equation);</li>
 *   <li>the largest root of BDF_{q-1} at that h lambda is below {@link #RR_CUT}: lowering the order
 *       damps the mode. This also keeps slowly varying, non-oscillatory solutions (a real root near 1,
 *       which orders q and q-1 alike reproduce as e^{h lambda}) and physically growing modes from
 *       lowering the order.</li>
 * </ul>
 * Data that do not follow the model (several modes, the smooth solution, noise) give large standard
 * errors and no decision.
 *
 * <p>Not a port: CVODE fits its Nordsieck scaled derivatives by other means (three methods and a
 * cross-check against the BDF's structure); in the backward-difference form used here the single-mode
 * relation between orders is exact, and the fit above uses it directly.
 *
 * <p>A workspace (fixed arrays); not thread safe.
 */
final class StabilityLimitDetector {
  /** Steps of history used (as in STALD: the last five steps at constant order). */
  static final int STEPS = 5;
  /** Differences used per step: orders q-1, q, q+1 (the three highest the history holds). */
  static final int ORDERS = 3;
  /**
   * A root at least this large counts as not damped: CVODE's cut in its stability-limit
   * detection (0.98). Not a value fitted here; not re-derived either (the 1992 paper was not at hand).
   */
  static final double RR_CUT = 0.98;
  /** Margin of the decisions in standard errors of the fit (a conventional ~95 % one-sided bound). */
  static final double STANDARD_ERRORS = 2.0;
  /** Sums of (i - 2)^2 over the five steps and of (j - 1)^2 over the three orders, for the fit. */
  private static final double SUM_I2 = 10.0;
  private static final double SUM_J2 = 2.0;
  /** Durand-Kerner start points (0.4 + 0.9 i)^i, the customary non-real, non-symmetric choice. */
  private static final double START_MODULUS = Math.hypot(0.4, 0.9);
  private static final double START_ANGLE = Math.atan2(0.9, 0.4);
  /** Iteration limit and step tolerance of the root finder (quadratic convergence: a few dozen suffice). */
  private static final int ROOT_ITERATIONS = 500;
  private static final double ROOT_TOLERANCE = 1e-13;
  /** Degrees of freedom of the fit: 15 norms, 3 parameters. */
  private static final int DOF = STEPS * ORDERS - 3;

  /** Ring buffer of ln S: STEPS rows of ORDERS values. */
  private final double[] logNorms = new double[STEPS * ORDERS];
  /** Durand-Kerner iterates of the roots w of order q-1's characteristic polynomial. */
  private final double[] wRe = new double[BdfSettings.MAX_ORDER];
  private final double[] wIm = new double[BdfSettings.MAX_ORDER];
  private int next;
  private int stored;

  private double rr = Double.NaN;
  private double rho = Double.NaN;
  private double seLogRr = Double.NaN;
  private double seLogRho = Double.NaN;
  private double lowerRoot = Double.NaN;
  private double hlRe;
  private double hlIm;

  /** Forgets the history (after a change of step size or order). */
  void reset() {
    stored = 0;
    next = 0;
  }

  /**
   * Records the weighted norms of nabla^{q-1} y, nabla^q y and nabla^{q+1} y of an accepted step.
   * A zero or non-finite norm is recorded as NaN (no decision while it is in the window).
   */
  void record(double lower, double same, double higher) {
    final int r = next * ORDERS;
    logNorms[r] = logOrNaN(lower);
    logNorms[r + 1] = logOrNaN(same);
    logNorms[r + 2] = logOrNaN(higher);
    next = (next + 1) % STEPS;
    if (stored < STEPS) {
      stored++;
    }
  }

  /** Whether a full window of {@link #STEPS} steps is recorded. */
  boolean full() {
    return stored == STEPS;
  }

  /**
   * Fits the single-mode model to the window of order q's differences and reports whether it shows a
   * mode that order q does not damp (rr >= {@link #RR_CUT} with {@link #STANDARD_ERRORS} of margin)
   * and order q-1 does (the largest root of BDF_{q-1} at the mode's h lambda below {@link #RR_CUT}).
   * False without a full window or when no single mode fits.
   *
   * @param q the order the window was recorded at, 3..5
   */
  boolean limitReached(int q) {
    lowerRoot = Double.NaN;
    if (!fit()) {
      return false;
    }
    final double margin = STANDARD_ERRORS;
    if (Math.log(rr) - margin * seLogRr < Math.log(RR_CUT)) {
      return false; // damped, or not known to be undamped
    }
    // |1 - 1/zeta| lies in [|1 - 1/rr|, 1 + 1/rr] for a root of modulus rr.
    if (Math.log(rho) - margin * seLogRho > Math.log(1.0 + 1.0 / rr)
        || Math.log(rho) + margin * seLogRho < Math.log(Math.abs(1.0 - 1.0 / rr))) {
      return false;
    }
    lowerRoot = largestRootModulus(q - 1);
    return lowerRoot < RR_CUT;
  }

  /** Largest root modulus of BDF_{q-1} at the mode's h lambda in the last {@link #limitReached} (else NaN). */
  double lowerOrderRootModulus() {
    return lowerRoot;
  }

  /**
   * h lambda of the fitted root zeta = rr e^{i theta} (theta in [0, pi] from {@link #rootAngleCosine},
   * clamped), from BDF_q's characteristic equation h lambda = sum_{m=1..q} (1/m) (1 - 1/zeta)^m;
   * returns {re, im} (allocates: for tests and diagnostics only).
   */
  double[] stepTimesEigenvalue(int q) {
    locus(q);
    return new double[] {hlRe, hlIm};
  }

  private void locus(int q) {
    final double c = Math.max(-1.0, Math.min(1.0, rootAngleCosine()));
    final double sn = Math.sqrt(1.0 - c * c);
    final double uRe = 1.0 - c / rr; // w = 1 - 1/zeta, 1/zeta = e^{-i theta}/rr
    final double uIm = sn / rr;
    double pRe = 1.0;
    double pIm = 0.0;
    hlRe = 0.0;
    hlIm = 0.0;
    for (int m = 1; m <= q; m++) {
      double t = pRe * uRe - pIm * uIm;
      pIm = pRe * uIm + pIm * uRe;
      pRe = t;
      hlRe += pRe / m;
      hlIm += pIm / m;
    }
  }

  /**
   * Largest |zeta| over the roots of BDF_p's characteristic equation sum_{m=1..p} (1/m) w^m = h lambda,
   * w = 1 - 1/zeta, at the fitted mode's h lambda of order p+1; Durand-Kerner iteration on the monic
   * polynomial w^p + sum_{m<p} (p/m) w^m - p h lambda (p <= 4, simple roots for h lambda != 0).
   */
  private double largestRootModulus(int p) {
    locus(p + 1);
    for (int i = 0; i < p; i++) { // customary start: powers of 0.4 + 0.9 i
      double a = Math.pow(START_MODULUS, i);
      wRe[i] = a * Math.cos(i * START_ANGLE);
      wIm[i] = a * Math.sin(i * START_ANGLE);
    }
    for (int it = 0; it < ROOT_ITERATIONS; it++) {
      double change = 0;
      for (int i = 0; i < p; i++) {
        double vRe = 1.0; // Horner
        double vIm = 0.0;
        for (int m = p - 1; m >= 0; m--) {
          double cRe = m == 0 ? -p * hlRe : (double) p / m;
          double cIm = m == 0 ? -p * hlIm : 0.0;
          double t = vRe * wRe[i] - vIm * wIm[i] + cRe;
          vIm = vRe * wIm[i] + vIm * wRe[i] + cIm;
          vRe = t;
        }
        double dRe = 1.0;
        double dIm = 0.0;
        for (int j = 0; j < p; j++) {
          if (j != i) {
            double aRe = wRe[i] - wRe[j];
            double aIm = wIm[i] - wIm[j];
            double t = dRe * aRe - dIm * aIm;
            dIm = dRe * aIm + dIm * aRe;
            dRe = t;
          }
        }
        double dd = dRe * dRe + dIm * dIm;
        double sRe = (vRe * dRe + vIm * dIm) / dd;
        double sIm = (vIm * dRe - vRe * dIm) / dd;
        wRe[i] -= sRe;
        wIm[i] -= sIm;
        change = Math.max(change, Math.hypot(sRe, sIm));
      }
      if (change <= ROOT_TOLERANCE) {
        break;
      }
    }
    double largest = 0;
    for (int i = 0; i < p; i++) {
      largest = Math.max(largest, 1.0 / Math.hypot(1.0 - wRe[i], wIm[i]));
    }
    return largest;
  }

  /** Per-step growth |zeta| of the last fit (NaN before a fit). */
  double rootModulus() {
    return rr;
  }

  /** |1 - 1/zeta| of the last fit: the ratio of consecutive differences (NaN before a fit). */
  double differenceRatio() {
    return rho;
  }

  /** Standard error of ln |zeta| of the last fit. */
  double rootModulusLogError() {
    return seLogRr;
  }

  /** cos(arg zeta) implied by the last fit, not clamped (outside [-1, 1] when no single mode fits). */
  double rootAngleCosine() {
    return rr * (1.0 + 1.0 / (rr * rr) - rho * rho) / 2.0;
  }

  /** Least-squares fit of ln S_{i,j} = a + (i-2) ln rr + (j-1) ln rho; false without a full, finite window. */
  private boolean fit() {
    rr = Double.NaN;
    rho = Double.NaN;
    if (stored < STEPS) {
      return false;
    }
    double mean = 0;
    double si = 0;
    double sj = 0;
    for (int i = 0; i < STEPS; i++) {
      final int r = ((next + i) % STEPS) * ORDERS; // oldest first
      for (int j = 0; j < ORDERS; j++) {
        double x = logNorms[r + j];
        if (Double.isNaN(x)) {
          return false;
        }
        mean += x;
        si += (i - 2) * x;
        sj += (j - 1) * x;
      }
    }
    mean /= STEPS * ORDERS;
    final double u = si / (ORDERS * SUM_I2);
    final double v = sj / (STEPS * SUM_J2);
    double ssr = 0;
    for (int i = 0; i < STEPS; i++) {
      final int r = ((next + i) % STEPS) * ORDERS;
      for (int j = 0; j < ORDERS; j++) {
        double e = logNorms[r + j] - (mean + (i - 2) * u + (j - 1) * v);
        ssr += e * e;
      }
    }
    final double sigma = Math.sqrt(ssr / DOF);
    rr = Math.exp(u);
    rho = Math.exp(v);
    seLogRr = sigma / Math.sqrt(ORDERS * SUM_I2);
    seLogRho = sigma / Math.sqrt(STEPS * SUM_J2);
    return true;
  }

  private static double logOrNaN(double s) {
    return s > 0 && s < Double.POSITIVE_INFINITY ? Math.log(s) : Double.NaN;
  }
}
