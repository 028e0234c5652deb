package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The paper's reading (App. A, Eq. (A2) over growing windows) on signals with known answers. */
class PaperReadingTest {
  static double[][] signal(double aInf, double b, double c, double omega, double phi, double duration, double driftRate) {
    double dt = 2 * Math.PI / omega / PaperReading.SAMPLES_PER_PERIOD;
    int n = (int) (duration / dt) + 1;
    double[][] s = new double[3][n];
    for (int i = 0; i < n; i++) {
      double t = i * dt;
      double amp = (aInf + b * Math.exp(-c * t)) * Math.exp(driftRate * t);
      s[0][i] = t;
      s[1][i] = amp * Math.cos(omega * t + phi);
      s[2][i] = Math.abs(amp);
    }
    return s;
  }

  @Test
  void anExactDecayingSinusoidIsReadExactlyInEveryWindowAndOmegaConverges() {
    double[][] s = signal(96.4, 2.1, 0.3, 1.906, 0.4, 100, 0);
    PaperReading r = PaperReading.read(s[0], s[1], s[2], 1.9, 0.4, 5);
    assertThat(r.windows()).hasSize(5);
    assertThat(r.windows().get(0).end()).isCloseTo(s[0][s[0].length - 1] / 5, offset(1e-9));
    for (PaperReading.Window w : r.windows()) {
      assertThat(w.aInf()).isCloseTo(96.4, offset(1e-8));
      assertThat(w.omegaInf()).isCloseTo(1.906, offset(1e-10));
      assertThat(w.c()).isCloseTo(0.3, offset(1e-6));
      assertThat(w.rms()).isLessThan(1e-8);
    }
    assertThat(r.aInf()).isCloseTo(96.4, offset(1e-8));
    assertThat(r.omegaInfSpread()).isLessThan(1e-9);
    assertThat(r.omegaConverged()).isTrue();
    assertThat(r.aInfResolved()).as("c T = 30").isTrue();
    assertThat(r.windows().get(4).aInfError()).isLessThan(1e-6);
  }

  /**
   * A field that is gone after one time unit (a non-lasing sample, |b| decaying at 8 per unit from a
   * weak start, as TPM_d N = 10, g = 160, w_qd = 2, seed 7): Eq. (A2)'s frequency is then undetermined
   * by the data and Levenberg-Marquardt may not converge. Such a window is reported as not fitted
   * (NaN), never as a reading, and omega_inf is then not "converged".
   */
  @Test
  void aFieldGoneAfterOneUnitIsReadAsZeroOrNotFittedButNeverConverged() {
    int n = 201;
    double[] t = new double[n];
    double[] re = new double[n];
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 0.5 * i;
      abs[i] = 0.3 * Math.exp(-8 * t[i]);
      re[i] = abs[i] * Math.cos(0.7 * t[i] + 0.2);
    }
    PaperReading r = PaperReading.read(t, re, abs, 0.0, 0.2, 5);
    assertThat(r.windows()).hasSize(5);
    for (PaperReading.Window w : r.windows()) {
      if (Double.isFinite(w.aInf())) {
        assertThat(w.aInf()).as("a fitted window reads a_inf = 0").isCloseTo(0.0, offset(1e-6));
      } else {
        assertThat(w.omegaInf()).isNaN();
        assertThat(w.rms()).isNaN();
      }
    }
    assertThat(r.omegaConverged()).isFalse();
  }

  /**
   * An amplitude drifting exponentially (S7's d ln|b|/dt ~ -4.5e-4 at 2 gamma) is Eq. (A2) with
   * a_inf = 0, b = |b(0)|, c = -drift: the reading says "decays to zero" although |b| changes by
   * only 4.5 % over the 100 units, and omega_inf converges all the same.
   */
  @Test
  void anExponentiallyDriftingAmplitudeIsReadAsDecayingToZero() {
    double drift = -4.5e-4;
    double[][] s = signal(0.0, 98.0, 0.0, 1.906, 0.0, 100, drift);
    PaperReading r = PaperReading.read(s[0], s[1], s[2], 1.9, 0.0, 5);
    assertThat(r.omegaInf()).isCloseTo(1.906, offset(1e-8));
    assertThat(r.omegaConverged()).isTrue();
    PaperReading.Window last = r.windows().get(4);
    assertThat(last.aInf()).isCloseTo(0.0, offset(1e-4));
    assertThat(last.b()).isCloseTo(98.0, offset(1e-4));
    assertThat(last.c()).isCloseTo(-drift, offset(1e-8));
    assertThat(r.aInfResolved()).as("c T = 0.045: a_inf is an extrapolation").isFalse();
  }

  @Test
  void halfAUnitOfTheThirdSignificantDigit() {
    assertThat(PaperReading.halfUnitOfThirdDigit(1.906)).isCloseTo(0.005, offset(1e-15));
    assertThat(PaperReading.halfUnitOfThirdDigit(-0.4)).isCloseTo(0.0005, offset(1e-15));
    assertThat(PaperReading.halfUnitOfThirdDigit(12.0)).isCloseTo(0.05, offset(1e-14));
  }
}
