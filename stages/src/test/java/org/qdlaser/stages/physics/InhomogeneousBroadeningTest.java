package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** App. E of the paper, recomputed from the physical constants. */
class InhomogeneousBroadeningTest {
  /** The paper rounds to two figures: 1.3e12 Hz and 0.13 gamma. */
  static final double PAPER_ROUNDING = 0.005;

  @Test
  void appendixEBroaderPopulationGivesAboutOneEighthOfGamma() {
    double lambda = 920e-9;
    double dLambda = 3.6e-9;
    double dNu = InhomogeneousBroadening.frequencySpread(lambda, dLambda);
    // c * 3.6e-9 / (920e-9)^2 = 1.2751e12 Hz; the paper: "~ 1.3 x 10^12 Hz = 1300 gamma_nr"
    assertThat(dNu / 1e12).isCloseTo(1.3, within(0.05));
    assertThat(dNu / 1e9).isCloseTo(1275.1, within(0.1));
    // "This is equivalent to w_QD ~ 0.13 gamma" with gamma = 1e13 s^-1 (Table I)
    assertThat(InhomogeneousBroadening.widthOverGamma(lambda, dLambda, 1e13)).isCloseTo(0.13, within(PAPER_ROUNDING));
  }

  /** docs/errata.md #9: with the angular frequency (the unit of the model's detunings) the same population is 0.80 gamma. */
  @Test
  void angularFrequencyGivesFourFifthsOfGamma() {
    double w = InhomogeneousBroadening.angularWidthOverGamma(920e-9, 3.6e-9, 1e13);
    assertThat(w).isCloseTo(2 * Math.PI * InhomogeneousBroadening.widthOverGamma(920e-9, 3.6e-9, 1e13), within(1e-15));
    assertThat(w).isCloseTo(0.80, within(0.005));
  }

  @Test
  void narrowerPopulationAndBadInput() {
    // 2.5 nm: the narrower population of the same measurement, 0.0886 gamma
    assertThat(InhomogeneousBroadening.widthOverGamma(920e-9, 2.5e-9, 1e13)).isCloseTo(0.0886, within(1e-4));
    assertThatThrownBy(() -> InhomogeneousBroadening.frequencySpread(0, 1e-9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda");
    assertThatThrownBy(() -> InhomogeneousBroadening.widthOverGamma(920e-9, 1e-9, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
  }
}
