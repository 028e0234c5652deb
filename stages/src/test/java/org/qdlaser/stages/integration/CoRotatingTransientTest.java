package org.qdlaser.stages.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;

/** The co-rotating integration against the exact solution of a chirped, slowly decaying field. */
class CoRotatingTransientTest {
  /** eps, omega0, kappa, b0: |b| 100 -> 97.2 over 28 units, the frequency 1.9 -> 1.872 (chirp ~ -1e-3 per unit). */
  static final ChirpedField FIELD = new ChirpedField(-1e-3, 1.9, 0.01, 100.0);
  static final double T = 28.0;
  static final double RTOL = 1e-8;
  /**
   * Global relative error allowed at t = 28. Measured: 1.4e-6 at rtol 1e-8 and below 1e-8 at rtol
   * 1e-10 (the phase is neutral, so BDF2's local errors accumulate: ~100 rtol), i.e. the integrator's
   * error, not the frame's. An error in the frame bookkeeping (a lost window rotation, a wrong
   * charge) would show at the size of the accumulated phase, ~50 rad.
   */
  static final double EXACT = 1e-5;

  static BdfIntegrator bdf2() {
    return new BdfIntegrator(bdf2Settings());
  }

  static BdfSettings bdf2Settings() {
    return BdfSettings.of(RTOL, RTOL * 1e-2).withMaxOrder(2);
  }

  @Test
  void theLabStateRecoveredFromTheCoRotatingFrameIsTheExactSolutionWhateverTheFirstFrequencyGuess() {
    for (double guess : new double[] {1.9, 1.7, 0.0}) {
      CoRotatingTransient c = new CoRotatingTransient(bdf2Settings(), FIELD, FIELD.exact(0), guess,
          CoRotatingTransient.Settings.defaults());
      assertThat(c.advance(T, StopCondition.NEVER)).isFalse();
      assertThat(c.time()).isEqualTo(T);
      double[] lab = c.labState();
      double[] exact = FIELD.exact(T);
      double scale = Math.hypot(exact[0], exact[1]);
      for (int i = 0; i < 2; i++) {
        assertThat(lab[i]).as("b, guess %s", guess).isCloseTo(exact[i], offset(EXACT * scale));
      }
      for (int i = 2; i < 5; i++) {
        assertThat(lab[i]).as("charge-2 bb and Bb, guess %s", guess).isCloseTo(exact[i], offset(EXACT * scale * scale));
      }
      // the frame follows the chirp (d omega / dt = kappa eps |b| ~ -1e-3 per unit): its frequency is a slope over the second half of the last window, so it lags by about
      // half a window (<= 10 units here) times the chirp
      double omegaEnd = FIELD.omega(Math.hypot(exact[0], exact[1]));
      assertThat(c.omega()).as("frame frequency, guess %s", guess).isCloseTo(omegaEnd, offset(1e-2));
      // the recorded lab frequency at the end is the field's instantaneous one
      FieldRecord rec = c.record();
      assertThat(rec.frequency(rec.size() - 1)).as("lab frequency, guess %s", guess).isCloseTo(omegaEnd, offset(1e-6));
      // the co-rotating state is gauged: b real and positive
      assertThat(c.state()[1]).isEqualTo(0.0);
      assertThat(c.state()[0]).isPositive();
    }
  }

  @Test
  void theRecordedLabFieldIsTheExactSolutionBetweenTheStepsWhichSpanManyPeriods() {
    CoRotatingTransient c = new CoRotatingTransient(bdf2Settings(), FIELD, FIELD.exact(0), 1.9, CoRotatingTransient.Settings.defaults());
    c.advance(T, StopCondition.NEVER);
    FieldRecord rec = c.record();
    // the steps follow the slow envelope: far fewer than the lab frame's, which resolve every period
    IntegrationResult lab = bdf2().integrate(FIELD, 0, FIELD.exact(0), T, StepObserver.NONE, StopCondition.NEVER);
    assertThat((long) c.stats().steps()).isLessThan(lab.stats().steps() / 5);
    double[][] f = rec.labField(0, T, 0.01);
    double worst = 0;
    for (int k = 0; k < f[0].length; k++) {
      double[] e = FIELD.exact(f[0][k]);
      worst = Math.max(worst, Math.hypot(f[1][k] - e[0], f[2][k] - e[1]) / Math.hypot(e[0], e[1]));
    }
    // cubic Hermite in |b| and phase between steps: error ~ h^4 |phase''''| / 384, tiny for this chirp
    assertThat(worst).isLessThan(EXACT);
    // drift and mean frequency of the record: eps, and the chirped frequency averaged over [14, 28]
    assertThat(rec.driftRate(14, 28)).isCloseTo(FIELD.eps(), offset(1e-6));
    double meanOmega = (FIELD.phase(28) - FIELD.phase(14)) / 14;
    assertThat(rec.meanFrequency(14, 28)).isCloseTo(meanOmega, offset(1e-5));
  }

  @Test
  void aStopConditionEndsTheTransientAndSeesTheCoRotatingState() {
    CoRotatingTransient c = new CoRotatingTransient(bdf2Settings(), FIELD, FIELD.exact(0), 1.9, CoRotatingTransient.Settings.defaults());
    // |b| is the same in both frames: stop when it fell below 99 (exactly at t = ln(100/99)/1e-3 = 10.05)
    boolean stopped = c.advance(T, (t, y, yDot) -> Math.hypot(y[0], y[1]) < 99.0);
    assertThat(stopped).isTrue();
    assertThat(c.time()).isBetween(Math.log(100 / 99.0) / 1e-3, 12.0);
    double[] lab = c.labState();
    double[] exact = FIELD.exact(c.time());
    assertThat(lab[0]).isCloseTo(exact[0], offset(EXACT * 100));
    assertThat(lab[1]).isCloseTo(exact[1], offset(EXACT * 100));
    // and it continues from there to the end
    assertThat(c.advance(T, StopCondition.NEVER)).isFalse();
    assertThat(c.labState()[0]).isCloseTo(FIELD.exact(T)[0], offset(EXACT * 100));
  }
}
