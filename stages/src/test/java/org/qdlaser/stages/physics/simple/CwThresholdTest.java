package org.qdlaser.stages.physics.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cw threshold kinds (paper Figs. 6d, 7b) and the 3LS threshold against spec 1a's closed form. */
class CwThresholdTest {
  /** Brent on a gain accurate to rounding: a few ulps of W_th. */
  static final double RELATIVE_TOLERANCE = 1e-12;

  static CwThreshold of(SimpleModelKind k) {
    SimpleParameters p = SimpleParameters.defaults(k);
    return CwThreshold.of(k.scheme(), p.cw());
  }

  @Test
  void kindsOfThePaper() {
    // Fig. 6d: "the 2LS will never produce gain with cw pumping. The 3LS will produce gain with a
    // finite threshold. And the 4LS ... supports thresholdless gain."
    assertThat(of(SimpleModelKind.SIMPLE_2LS).kind()).isEqualTo(CwKind.NEVER);
    assertThat(of(SimpleModelKind.SIMPLE_3LS).kind()).isEqualTo(CwKind.FINITE);
    assertThat(of(SimpleModelKind.SIMPLE_4LS).kind()).isEqualTo(CwKind.THRESHOLDLESS);
    assertThat(of(SimpleModelKind.SIMPLE_4LS).pump()).isZero();
    // Fig. 7b: "even the 3LS and 4LS do not produce gain due to perfect cancellation of SE via ESA".
    for (SimpleModelKind k : new SimpleModelKind[] {
        SimpleModelKind.SIMPLE_2LS_XX, SimpleModelKind.SIMPLE_3LS_XX, SimpleModelKind.SIMPLE_4LS_XX}) {
      assertThat(of(k).kind()).as("%s", k).isEqualTo(CwKind.NEVER);
      assertThat(of(k).pump()).isNaN();
    }
  }

  @Test
  void defaultThreeLevelThresholdIs1001() {
    // Spec 1a: W_th = kappa / ((1 - r) kappa - 1) = 1000/999 at kappa = 1000.
    assertThat(of(SimpleModelKind.SIMPLE_3LS).pump()).isCloseTo(1000.0 / 999.0, offset(RELATIVE_TOLERANCE));
  }

  @ParameterizedTest
  @CsvSource({"1000, 0", "1000, 0.5", "10, 0", "10, 0.85", "2.5, 0.3", "1e6, 0.999", "1.01, 0"})
  void threeLevelThresholdIsTheClosedForm(double kappa, double r) {
    CwParameters p = new CwParameters(0, kappa, r, 5e7);
    CwThreshold t = CwThreshold.of(LevelScheme.THREE_LEVEL, p);
    double expected = kappa / ((1 - r) * kappa - 1);
    assertThat(t.kind()).isEqualTo(CwKind.FINITE);
    assertThat(t.pump()).isCloseTo(expected, offset(RELATIVE_TOLERANCE * expected));
    // And the numerical gain changes sign there.
    assertThat(gain(LevelScheme.THREE_LEVEL, p, expected * (1 - 1e-6))).isNegative();
    assertThat(gain(LevelScheme.THREE_LEVEL, p, expected * (1 + 1e-6))).isPositive();
  }

  @ParameterizedTest
  @CsvSource({
      "TWO_LEVEL, 1000, 0, NEVER", "TWO_LEVEL, 1.5, 0.2, NEVER",
      "THREE_LEVEL, 1000, 0, FINITE", "THREE_LEVEL, 1000, 1, NEVER", "THREE_LEVEL, 1, 0, NEVER",
      "THREE_LEVEL, 10, 0.95, NEVER", "THREE_LEVEL, 10, 0.85, FINITE",
      "FOUR_LEVEL, 1000, 0, THRESHOLDLESS", "FOUR_LEVEL, 1000, 1, NEVER", "FOUR_LEVEL, 1, 0, NEVER",
      "FOUR_LEVEL, 4, 0.8, NEVER", "FOUR_LEVEL, 4, 0.5, THRESHOLDLESS"})
  void kindAgreesWithTheSignOfTheGainOverAWidePumpScan(LevelScheme s, double kappa, double r, CwKind kind) {
    CwParameters p = new CwParameters(0, kappa, r, 5e7);
    CwThreshold t = CwThreshold.of(s, p);
    assertThat(t.kind()).isEqualTo(kind);
    int positive = 0;
    int points = 0;
    boolean positiveBelowThreshold = false;
    for (double lw = -6; lw <= 8; lw += 0.05, points++) {
      double w = Math.pow(10, lw);
      double g = gain(s, p, w);
      if (g > 0) {
        positive++;
        if (kind == CwKind.FINITE && w < t.pump()) {
          positiveBelowThreshold = true;
        }
      }
    }
    switch (kind) {
      case NEVER -> assertThat(positive).isZero();
      case THRESHOLDLESS -> assertThat(positive).isEqualTo(points);
      case FINITE -> {
        assertThat(positive).isBetween(1, points - 1);
        assertThat(positiveBelowThreshold).isFalse();
      }
    }
  }

  static double gain(LevelScheme s, CwParameters p, double w) {
    return new CwRateEquations(s, p.withPump(w)).steadyState().gain();
  }
}
