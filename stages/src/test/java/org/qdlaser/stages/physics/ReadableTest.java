package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableTest {
  @Test
  void numbersKeepFiveSignificantDigitsPlainInTheMiddleRangeAndInENotationOutside() {
    assertThat(Readable.number(142017.1697261373)).isEqualTo("1.4202e5");
    assertThat(Readable.number(2334.1030597)).isEqualTo("2334.1");
    assertThat(Readable.number(0.5)).isEqualTo("0.5");
    assertThat(Readable.number(-1.2345678e-7)).isEqualTo("-1.2346e-7");
    assertThat(Readable.number(0)).isEqualTo("0");
    assertThat(Readable.number(Double.NaN)).isEqualTo("NaN");
    assertThat(Readable.number(2e14)).isEqualTo("2e14");
  }

  @Test
  void ratesCarryTheirUnit() {
    assertThat(Readable.rate(142017.1697261373)).isEqualTo("1.4202e5 gamma_nr");
    assertThat(Readable.rate(142017.1697261373, 1e9)).isEqualTo("1.4202e14 s^-1");
  }

  @Test
  void durationsReadAsSecondsMinutesOrHours() {
    assertThat(Readable.seconds(0.8412)).isEqualTo("0.84 s");
    assertThat(Readable.seconds(12.34)).isEqualTo("12.3 s");
    assertThat(Readable.seconds(65)).isEqualTo("1 min 05 s");
    assertThat(Readable.seconds(7380)).isEqualTo("2 h 03 min");
  }

  @Test
  void countsAgreeWithTheirNoun() {
    assertThat(Readable.count(1, "fold", "folds")).isEqualTo("1 fold");
    assertThat(Readable.count(0, "fold", "folds")).isEqualTo("0 folds");
    assertThat(Readable.count(3, "branch point", "branch points")).isEqualTo("3 branch points");
  }
}
