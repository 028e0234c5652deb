package org.qdlaser.stages.numerics.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The detector against the analytic characteristic roots of BDF_q applied to y' = lambda y: the test
 * runs the constant-step BDF_q recurrence itself (complex scalar, y-form coefficients from
 * sum_{m=1..q} (1/m) nabla^m y_{n+1} = h lambda y_{n+1}), hands the detector the norms of the
 * backward differences of the last five steps, and compares its root modulus with the largest root
 * of the characteristic polynomial found by Durand-Kerner iteration.
 */
class StabilityLimitDetectorTest {
  /** Steps run before the window: the other roots (moduli <= 0.67 in every case here) die out. */
  private static final int WARM_UP = 300;
  /** Fit of exact single-mode data: only rounding is left. */
  private static final double EXACT_DATA = 1e-9;

  @Test
  void bdf4NearTheImaginaryAxisIsUndampedButBdf3WouldAmplifyItMore() {
    // h lambda = -5e-5 + 0.5 i: a lightly damped mode at h omega = 0.5 (RINGMOD's ringing at order 4).
    int q = 4;
    StabilityLimitDetector d = detectorFor(q, -5e-5, 0.5);
    boolean limit = d.limitReached(q);
    double[] root = largestRoot(q, -5e-5, 0.5);
    double modulus = Math.hypot(root[0], root[1]);
    assertThat(modulus).as("BDF4 does not damp it").isGreaterThan(1.0);
    assertThat(d.rootModulus()).isCloseTo(modulus, within(EXACT_DATA));
    assertThat(d.rootAngleCosine()).isCloseTo(root[0] / modulus, within(1e-7));
    assertThat(d.differenceRatio()).isCloseTo(oneMinusInverseModulus(root), within(EXACT_DATA));
    double[] hl = d.stepTimesEigenvalue(q);
    assertThat(hl[0]).as("Re h lambda").isCloseTo(-5e-5, within(1e-7));
    assertThat(hl[1]).as("Im h lambda").isCloseTo(0.5, within(1e-7));
    double[] lower = largestRoot(q - 1, -5e-5, 0.5);
    assertThat(Math.hypot(lower[0], lower[1])).as("BDF3 amplifies it more").isGreaterThan(modulus);
    assertThat(d.lowerOrderRootModulus()).isCloseTo(Math.hypot(lower[0], lower[1]), within(1e-7));
    assertThat(limit).as("lowering the order would not damp it").isFalse();
  }

  @Test
  void modesBeyondOrderQsLimitAndInsideOrderQMinusOnesAreFound() {
    // BDF5 at -1 + 2.5 i (root 1.124; BDF4's 0.935), BDF4 at -0.2 + 1.2 i (1.034; BDF3's 0.940).
    for (double[] c : new double[][] {{5, -1.0, 2.5}, {4, -0.2, 1.2}}) {
      int q = (int) c[0];
      StabilityLimitDetector d = detectorFor(q, c[1], c[2]);
      boolean limit = d.limitReached(q); // the fit; its estimates are read below
      double[] root = largestRoot(q, c[1], c[2]);
      double[] lower = largestRoot(q - 1, c[1], c[2]);
      String what = String.format("q=%d, h lambda=%g%+gi", q, c[1], c[2]);
      assertThat(d.rootModulus()).as(what).isCloseTo(Math.hypot(root[0], root[1]), within(EXACT_DATA));
      assertThat(d.rootModulus()).as(what).isGreaterThan(1.0);
      assertThat(d.lowerOrderRootModulus()).as(what).isCloseTo(Math.hypot(lower[0], lower[1]), within(1e-7));
      assertThat(d.lowerOrderRootModulus()).as(what).isLessThan(StabilityLimitDetector.RR_CUT);
      assertThat(limit).as(what).isTrue();
    }
  }

  @Test
  void modesThatOrderQMinusOneDoesNotDampAreNotALimit() {
    // BDF5 at -0.3 + 1.2 i (root 1.087; BDF4's 0.990) and -0.5 + 2 i (1.195; BDF4's 1.024);
    // BDF3 at 0.3 i (1.0018; BDF2's 0.9983).
    for (double[] c : new double[][] {{5, -0.3, 1.2}, {5, -0.5, 2.0}, {3, 0.0, 0.3}}) {
      int q = (int) c[0];
      StabilityLimitDetector d = detectorFor(q, c[1], c[2]);
      boolean limit = d.limitReached(q);
      double[] root = largestRoot(q, c[1], c[2]);
      double[] lower = largestRoot(q - 1, c[1], c[2]);
      String what = String.format("q=%d, h lambda=%g%+gi", q, c[1], c[2]);
      assertThat(d.rootModulus()).as(what).isCloseTo(Math.hypot(root[0], root[1]), within(EXACT_DATA));
      assertThat(d.lowerOrderRootModulus()).as(what).isCloseTo(Math.hypot(lower[0], lower[1]), within(1e-7));
      assertThat(limit).as(what).isFalse();
    }
  }

  @Test
  void aDampedModeIsNotALimit() {
    // BDF3 at h lambda = -0.3 + 0.3 i: root 0.732.
    StabilityLimitDetector d = detectorFor(3, -0.3, 0.3);
    boolean limit = d.limitReached(3);
    double[] root = largestRoot(3, -0.3, 0.3);
    assertThat(d.rootModulus()).isCloseTo(Math.hypot(root[0], root[1]), within(EXACT_DATA));
    assertThat(d.rootModulus()).isLessThan(StabilityLimitDetector.RR_CUT);
    assertThat(limit).isFalse();
  }

  @Test
  void aSlowRealModeIsNotALimitAlthoughItsRootIsNearOne() {
    // A smooth, slowly decaying or growing solution: |zeta| = 0.995 or 1.010, but a positive real root.
    for (double hl : new double[] {-0.005, 0.01}) {
      StabilityLimitDetector d = detectorFor(4, hl, 0.0);
      boolean limit = d.limitReached(4);
      assertThat(d.rootModulus()).isCloseTo(Math.exp(hl), within(1e-4));
      assertThat(d.rootAngleCosine()).isCloseTo(1.0, within(1e-6));
      assertThat(d.lowerOrderRootModulus()).as("BDF3 reproduces it as e^{h lambda} too")
          .isCloseTo(Math.exp(hl), within(1e-4));
      assertThat(limit).as("h lambda = %g", hl).isFalse();
    }
  }

  @Test
  void noDecisionWithoutAFullFiniteWindow() {
    StabilityLimitDetector d = new StabilityLimitDetector();
    for (int i = 0; i < StabilityLimitDetector.STEPS - 1; i++) {
      d.record(1.0, 0.5, 0.25);
    }
    assertThat(d.full()).isFalse();
    assertThat(d.limitReached(4)).isFalse();
    d.record(0.0, 0.5, 0.25);
    assertThat(d.full()).isTrue();
    assertThat(d.limitReached(4)).as("a zero norm in the window").isFalse();
    d.reset();
    assertThat(d.full()).isFalse();
  }

  @Test
  void dataThatNoSingleModeFitsGiveNoDecision() {
    // Norms growing by 1.01 per step but with cross-order ratios 0.1 and 2 alternating per step: the
    // residual of the rank-one model makes the standard errors large.
    StabilityLimitDetector d = new StabilityLimitDetector();
    for (int i = 0; i < StabilityLimitDetector.STEPS; i++) {
      double g = Math.pow(1.01, i);
      double r = i % 2 == 0 ? 0.1 : 2.0;
      d.record(g, g * r, g * r * r);
    }
    assertThat(d.limitReached(4)).isFalse();
    assertThat(d.rootModulusLogError()).isGreaterThan(0.05);
  }

  // ---- the BDF recurrence and its characteristic roots, written here independently of the detector

  /** Runs BDF_q on y' = lambda y (complex) at constant h and feeds the detector the last five steps. */
  private static StabilityLimitDetector detectorFor(int q, double hlRe, double hlIm) {
    double[] alpha = new double[q + 1];
    for (int m = 1; m <= q; m++) {
      double binom = 1.0;
      for (int j = 0; j <= m; j++) {
        alpha[j] += ((j & 1) == 0 ? binom : -binom) / m;
        binom = binom * (m - j) / (j + 1);
      }
    }
    int total = WARM_UP + StabilityLimitDetector.STEPS + q + 1;
    double[] re = new double[total];
    double[] im = new double[total];
    for (int n = 0; n < q; n++) { // exact start values e^{n h lambda}
      re[n] = Math.exp(n * hlRe) * Math.cos(n * hlIm);
      im[n] = Math.exp(n * hlRe) * Math.sin(n * hlIm);
    }
    double dRe = alpha[0] - hlRe;
    double dIm = -hlIm;
    double dd = dRe * dRe + dIm * dIm;
    for (int n = q; n < total; n++) {
      double sRe = 0;
      double sIm = 0;
      for (int j = 1; j <= q; j++) {
        sRe -= alpha[j] * re[n - j];
        sIm -= alpha[j] * im[n - j];
      }
      re[n] = (sRe * dRe + sIm * dIm) / dd;
      im[n] = (sIm * dRe - sRe * dIm) / dd;
    }
    StabilityLimitDetector d = new StabilityLimitDetector();
    for (int n = total - StabilityLimitDetector.STEPS; n < total; n++) {
      d.record(differenceNorm(re, im, n, q - 1), differenceNorm(re, im, n, q), differenceNorm(re, im, n, q + 1));
    }
    return d;
  }

  /** |nabla^j y_n|. */
  private static double differenceNorm(double[] re, double[] im, int n, int j) {
    double sRe = 0;
    double sIm = 0;
    double binom = 1.0;
    for (int i = 0; i <= j; i++) {
      double s = (i & 1) == 0 ? binom : -binom;
      sRe += s * re[n - i];
      sIm += s * im[n - i];
      binom = binom * (j - i) / (i + 1);
    }
    return Math.hypot(sRe, sIm);
  }

  /**
   * The root zeta of largest modulus of sum_{m=1..q} (1/m) w^m = h lambda, w = 1 - 1/zeta, by
   * Durand-Kerner iteration on the monic polynomial in w.
   */
  private static double[] largestRoot(int q, double hlRe, double hlIm) {
    // monic: w^q + sum_{m<q} (q/m) w^m - q h lambda
    double[] cRe = new double[q + 1];
    double[] cIm = new double[q + 1];
    for (int m = 1; m <= q; m++) {
      cRe[m] = (double) q / m;
    }
    cRe[0] = -q * hlRe;
    cIm[0] = -q * hlIm;
    double[] wRe = new double[q];
    double[] wIm = new double[q];
    for (int i = 0; i < q; i++) { // the customary start (0.4 + 0.9 i)^i
      double a = Math.pow(Math.hypot(0.4, 0.9), i);
      double t = i * Math.atan2(0.9, 0.4);
      wRe[i] = a * Math.cos(t);
      wIm[i] = a * Math.sin(t);
    }
    for (int it = 0; it < 2000; it++) {
      for (int i = 0; i < q; i++) {
        double pRe = 1;
        double pIm = 0;
        for (int m = q - 1; m >= 0; m--) { // Horner: p = p w + c_m
          double t = pRe * wRe[i] - pIm * wIm[i] + cRe[m];
          pIm = pRe * wIm[i] + pIm * wRe[i] + cIm[m];
          pRe = t;
        }
        double qRe = 1;
        double qIm = 0;
        for (int j = 0; j < q; j++) {
          if (j != i) {
            double aRe = wRe[i] - wRe[j];
            double aIm = wIm[i] - wIm[j];
            double t = qRe * aRe - qIm * aIm;
            qIm = qRe * aIm + qIm * aRe;
            qRe = t;
          }
        }
        double qq = qRe * qRe + qIm * qIm;
        wRe[i] -= (pRe * qRe + pIm * qIm) / qq;
        wIm[i] -= (pIm * qRe - pRe * qIm) / qq;
      }
    }
    double[] best = null;
    for (int i = 0; i < q; i++) {
      double oRe = 1 - wRe[i];
      double oIm = -wIm[i];
      double oo = oRe * oRe + oIm * oIm;
      double[] z = {oRe / oo, -oIm / oo};
      if (best == null || Math.hypot(z[0], z[1]) > Math.hypot(best[0], best[1])) {
        best = z;
      }
    }
    return best;
  }

  private static double oneMinusInverseModulus(double[] z) {
    double zz = z[0] * z[0] + z[1] * z[1];
    return Math.hypot(1 - z[0] / zz, z[1] / zz);
  }
}
