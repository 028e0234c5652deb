package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RelaxationFitTest {
  /** Noise-free synthetic data: Levenberg-Marquardt converges to the rounding level of the residuals. */
  static final double RELATIVE = 1e-8;

  static double[] grid(double t1, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = t1 * i / (n - 1);
    }
    return t;
  }

  @Test
  void recoversAKnownOscillationWithASlowExponential() {
    double w = 1959.2;
    double d = 222.1;
    double s = 141.5;
    double[] t = grid(0.03, 3001);
    double[] x = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      x[i] = 547.2 + 0.8 * Math.exp(-d * t[i]) * Math.cos(w * t[i] + 1.1) - 0.3 * Math.exp(-s * t[i]);
    }
    double t0 = t[10]; // the window starts at a sample: tau = t - t0
    RelaxationFit f = RelaxationFit.fit(t, x, 547.2, t0, 0.03);
    assertThat(f.frequency()).isCloseTo(w, within(RELATIVE * w));
    assertThat(f.damping()).isCloseTo(d, within(RELATIVE * d));
    assertThat(f.slowRate()).isCloseTo(s, within(RELATIVE * s));
    assertThat(f.relativeRms()).isLessThan(RELATIVE);
    // amplitudes and phase at the window start
    assertThat(f.amplitude()).isCloseTo(0.8 * Math.exp(-d * t0), within(RELATIVE));
    assertThat(f.slowAmplitude()).isCloseTo(-0.3 * Math.exp(-s * t0), within(RELATIVE));
    assertThat(Math.cos(f.phase())).isCloseTo(Math.cos(w * t0 + 1.1), within(RELATIVE));
  }

  @Test
  void overdampedDataAreRefused() {
    double[] t = grid(1.0, 200);
    double[] x = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      x[i] = Math.exp(-3 * t[i]) + 0.5 * Math.exp(-11 * t[i]);
    }
    assertThatThrownBy(() -> RelaxationFit.fit(t, x, 0.0, 0.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no decaying oscillation");
    assertThatThrownBy(() -> RelaxationFit.fit(t, x, 0.0, 0.0, 0.02))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 12 samples");
  }
}
