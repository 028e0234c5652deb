package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OscillationFitTest {
  /** Exact samples of a rotating phasor: only rounding in atan2 and the sums. */
  static final double ROUNDING = 1e-10;

  @Test
  void rotatingPhasorGivesItsSignedFrequencyAndConstantModulus() {
    int n = 400;
    double[] t = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (double omega : new double[] {1.37, -0.42}) {
      for (int i = 0; i < n; i++) {
        // uneven spacing, like an integrator's accepted steps, always < half a period
        t[i] = 0.05 * i + 0.01 * Math.sin(i);
        x[i] = 3 * Math.cos(omega * t[i] + 0.3);
        y[i] = 3 * Math.sin(omega * t[i] + 0.3);
      }
      OscillationFit f = OscillationFit.fit(t, x, y);
      assertThat(f.angularFrequency()).isCloseTo(omega, within(ROUNDING));
      assertThat(f.phaseRms()).isLessThan(ROUNDING);
      assertThat(f.modulusMean()).isCloseTo(3.0, within(ROUNDING));
      assertThat(f.modulusRelativeSpread()).isLessThan(ROUNDING);
      assertThat(f.periods()).isCloseTo(Math.abs(omega) * (t[n - 1] - t[0]) / (2 * Math.PI), within(ROUNDING));
    }
  }

  @Test
  void modulatedAmplitudeShowsInTheSpread() {
    double[] t = {0, 0.1, 0.2, 0.3};
    double[] x = {1, 1.1 * Math.cos(0.1), Math.cos(0.2), 0.9 * Math.cos(0.3)};
    double[] y = {0, 1.1 * Math.sin(0.1), Math.sin(0.2), 0.9 * Math.sin(0.3)};
    // mean modulus 1, range 0.2
    assertThat(OscillationFit.fit(t, x, y).modulusRelativeSpread()).isCloseTo(0.2, within(ROUNDING));
    assertThatThrownBy(() -> OscillationFit.fit(new double[] {0, 1}, new double[] {1, 1}, new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 3");
  }
}
