package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class CurveFitterTest {
  @Test
  void lorentzianRecoversExactParameters() {
    double[] x = new double[41];
    double[] y = new double[41];
    for (int i = 0; i < x.length; i++) {
      x[i] = -5 + 0.25 * i;
      y[i] = 1.016 / (1 + Math.pow(x[i] / 1.864, 2)); // Fig. 4 values
    }
    FitResult r = CurveFitter.lorentzian(x, y);
    // Noise-free data: LM converges to rounding level.
    assertThat(r.parameters()[0]).isCloseTo(1.016, offset(1e-9));
    assertThat(r.parameters()[1]).isCloseTo(1.864, offset(1e-9));
    assertThat(r.rSquared()).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void lorentzianUncertaintiesCoverTheTruthWithNoise() {
    Well19937c rng = new Well19937c(5);
    double sigma = 0.02;
    double[] x = new double[50];
    double[] y = new double[50];
    for (int i = 0; i < x.length; i++) {
      x[i] = -4 + 8.0 * i / 49;
      y[i] = 0.9 / (1 + Math.pow(x[i] / 1.5, 2)) + sigma * rng.nextGaussian();
    }
    FitResult r = CurveFitter.lorentzian(x, y);
    // Within 4 standard errors (fails by chance with probability ~6e-5 per parameter).
    assertThat(r.parameters()[0]).isCloseTo(0.9, offset(4 * r.standardErrors()[0]));
    assertThat(r.parameters()[1]).isCloseTo(1.5, offset(4 * r.standardErrors()[1]));
    assertThat(r.rms()).isCloseTo(sigma, offset(0.3 * sigma));
  }

  @Test
  void decayingSinusoidRecoversAsymptoticAmplitudeAndFrequency() {
    int n = 2000;
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 0.05 * i;
      y[i] = (3.0 + 1.5 * Math.exp(-0.05 * t[i])) * Math.cos(2.3 * t[i] + 0.4);
    }
    FitResult r = CurveFitter.decayingSinusoid(t, y, new double[] {2.5, 1.0, 0.1, 2.29, 0.3});
    assertThat(r.parameters()[0]).isCloseTo(3.0, offset(1e-8));
    assertThat(r.parameters()[3]).isCloseTo(2.3, offset(1e-10));
  }
}
