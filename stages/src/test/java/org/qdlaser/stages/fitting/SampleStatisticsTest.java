package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleStatisticsTest {
  /** A few sums of small numbers: exact to a few ulps. */
  static final double ROUNDING = 1e-12;

  @Test
  void meanAndSampleStandardDeviation() {
    double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
    assertThat(SampleStatistics.mean(v)).isCloseTo(5.0, within(ROUNDING));
    // sum of squares 32 over n - 1 = 7
    assertThat(SampleStatistics.std(v)).isCloseTo(Math.sqrt(32.0 / 7), within(ROUNDING));
    assertThat(SampleStatistics.std(new double[] {1})).isNaN();
  }

  @Test
  void spearmanIsOneForAnyMonotoneMapAndMinusOneReversed() {
    double[] x = {0.1, 0.5, 0.2, 3, 1};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(3 * x[i]);
    }
    assertThat(SampleStatistics.spearman(x, y)).isCloseTo(1.0, within(ROUNDING));
    for (int i = 0; i < x.length; i++) {
      y[i] = -x[i] * x[i] * x[i];
    }
    assertThat(SampleStatistics.spearman(x, y)).isCloseTo(-1.0, within(ROUNDING));
  }

  @Test
  void spearmanWithTiesUsesMeanRanks() {
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> Pearson of ranks = 4.5 / sqrt(4.5 * 5)
    assertThat(SampleStatistics.ranks(new double[] {1, 2, 2, 3})).containsExactly(1, 2.5, 2.5, 4);
    assertThat(SampleStatistics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
        .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(ROUNDING));
    assertThat(SampleStatistics.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThatThrownBy(() -> SampleStatistics.spearman(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Hypergeometric tables by hand: C(13,k) C(7,10-k) / C(20,10) and C(14,k) C(6,10-k) / C(20,10). */
  @Test
  void fisherExactTestOfTwoCountsOutOfTen() {
    // 4 of 10 against 9 of 10: tables k = 3, 4, 9, 10 are at most as probable: (286 + 5005 + 5005 + 286) / 184756.
    assertThat(SampleStatistics.fisherExactTwoSided(4, 10, 9, 10)).isCloseTo(10582.0 / 184756, within(1e-12));
    // 4 of 10 against 10 of 10: k = 4 and 10, 2 x 1001 / 184756.
    assertThat(SampleStatistics.fisherExactTwoSided(4, 10, 10, 10)).isCloseTo(2002.0 / 184756, within(1e-12));
    assertThat(SampleStatistics.fisherExactTwoSided(4, 10, 4, 10)).isCloseTo(1.0, within(1e-12));
    assertThat(SampleStatistics.fisherExactTwoSided(4, 10, 3, 10)).isCloseTo(1.0, within(1e-12));
    assertThatThrownBy(() -> SampleStatistics.fisherExactTwoSided(11, 10, 3, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
