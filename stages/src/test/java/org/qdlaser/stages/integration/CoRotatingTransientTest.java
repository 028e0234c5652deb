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
  /**
   * 1e-9: with the phase-invariant error weights (each complex field weighed by its modulus,
   * docs/decisions.md) the global error is BDF2's under per-step control of rtol, measured at t = 28
   * over the three guesses: b 1.2e-5 to 1.4e-5 and bb (charge 2, twice the phase error) 2.4e-5 to
   * 2.9e-5 at rtol 1e-8, 2.6e-6 to 3.2e-6 and 5.2e-6 to 6.3e-6 at 1e-9, 5.6e-7 to 6.9e-7 and 1.1e-6
   * to 1.4e-6 at 1e-10 (rtol^(2/3), BDF2's global order with a neutral phase). Before them the
   * gauged imaginary parts were held to atol alone and rtol 1e-8 gave 1.4e-6.
   */
  static final double RTOL = 1e-9;
  /**
   * Global relative error allowed at t = 28: the integrator's error at {@link #RTOL} (above), not the
   * frame's. An error in the frame bookkeeping (a lost window rotation, a wrong charge) would show
   * at the size of the accumulated phase, ~50 rad.
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
    // drift and mean frequency of the record: eps, and the chirped frequency averaged over the recorded
    // steps in [14, 28] (the fit sees the steps, which follow the envelope: a few units apart; the
    // chirp, -1e-3 per unit, moves the average by 5e-4 per unit of span)
    assertThat(rec.driftRate(14, 28)).isCloseTo(FIELD.eps(), offset(1e-6));
    double[] times = rec.times();
    int lo = 0;
    while (times[lo] < 14) {
      lo++;
    }
    double tLo = times[lo];
    double meanOmega = (FIELD.phase(28) - FIELD.phase(tLo)) / (28 - tLo);
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

  @Test
  void eachComplexFieldIsWeighedByItsModulusWhateverItsPhase() {
    BdfSettings s = bdf2Settings();
    // b nearly real (the gauge), bb with a small imaginary part, Bb (charge 0) as it is
    double[] y = {3.0, 4e-4, 9.0, -2.4e-3, 9.0};
    double[] atol = CoRotatingTransient.phaseInvariantAtol(s, new int[] {0, 2}, y);
    for (int o : new int[] {0, 2}) {
      double weightOfModulus = s.rtol() * Math.hypot(y[o], y[o + 1]) + s.atol();
      for (int k = o; k <= o + 1; k++) {
        assertThat(s.rtol() * Math.abs(y[k]) + atol[k]).as("component %d", k).isCloseTo(weightOfModulus, offset(1e-15 * weightOfModulus));
      }
    }
    assertThat(atol[4]).as("uncharged Bb keeps the plain atol").isEqualTo(s.atol());
  }

  /** |b| 100 -> 8.3e-5 over 28 units (e^-14); below 1e-3 of the start (t = ln 1000 / 0.5 = 13.8) the field counts as decayed. */
  static final ChirpedField DECAYING = new ChirpedField(-0.5, 1.9, 0.01, 100.0);

  @Test
  void belowTheFollowFloorTheFrameStopsFollowingAndTheLabStateStaysExact() {
    CoRotatingTransient c = new CoRotatingTransient(bdf2Settings(), DECAYING, DECAYING.exact(0), 1.9,
        CoRotatingTransient.Settings.defaults());
    double floor = CoRotatingTransient.FIELD_DECAYED * 100.0;
    // follow the field down to the floor: the frame tracks the chirp, omega(|b|) -> 0.9 + 0.01 |b|
    assertThat(c.advance(T, (t, y, yDot) -> Math.hypot(y[0], y[1]) < floor)).isTrue();
    double omegaAtFloor = c.omega();
    int windowsAtFloor = c.windows();
    assertThat(omegaAtFloor).isCloseTo(DECAYING.omega(floor), offset(0.05));
    // below it: one frozen window to the end, the frequency as it was, and still the exact lab state
    assertThat(c.advance(T, StopCondition.NEVER)).isFalse();
    assertThat(c.omega()).isEqualTo(omegaAtFloor);
    assertThat(c.windows()).isEqualTo(windowsAtFloor + 1);
    double[] lab = c.labState();
    double[] exact = DECAYING.exact(T);
    for (int i = 0; i < 2; i++) {
      // absolute: below the floor the field is held to atol plus rtol times its modulus at the floor
      assertThat(lab[i]).as("b").isCloseTo(exact[i], offset(EXACT * floor));
    }
  }
}
