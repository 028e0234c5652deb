package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The error bars of Fig. 3: per-sample stable branches on a common pump grid. */
class AmplitudeRangeTest {
  /** Interpolation and grid arithmetic in doubles. */
  static final double ROUNDING = 1e-12;

  /** A fold branch: stable from r = 100 down to 10, fold at 8 (|b| = 2), unstable back up. */
  static BranchSeries fold(String label, double scale) {
    return new BranchSeries(label, new double[] {100, 50, 10, 9, 20, 60},
        new double[] {10 * scale, 7 * scale, 3 * scale, 2.5 * scale, 1 * scale, 0.5 * scale},
        new boolean[] {true, true, true, false, false, false}).withThreshold(8, 2 * scale);
  }

  @Test
  void stableBranchIsInterpolatedInLogPumpAndZeroBelowThreshold() {
    BranchSeries s = fold("S1", 1);
    assertThat(AmplitudeRange.stableAmplitudeAt(s, 100)).isCloseTo(10, offset(ROUNDING));
    // Halfway in ln r between 100 and 50.
    assertThat(AmplitudeRange.stableAmplitudeAt(s, Math.sqrt(100 * 50))).isCloseTo(8.5, offset(ROUNDING));
    // Between the last stable point (10, 3) and the fold marker (8, 2); not on the unstable part.
    assertThat(AmplitudeRange.stableAmplitudeAt(s, Math.sqrt(80))).isCloseTo(2.5, offset(ROUNDING));
    assertThat(AmplitudeRange.stableAmplitudeAt(s, 5)).isZero();
    assertThat(AmplitudeRange.stableAmplitudeAt(s, 200)).isNaN();
    BranchSeries noThreshold = new BranchSeries("x", new double[] {100, 50}, new double[] {10, 7}, new boolean[] {true, true});
    assertThat(AmplitudeRange.stableAmplitudeAt(noThreshold, 20)).isNaN();
  }

  @Test
  void bandContainsEverySampleAndCountsTheLasingOnes() {
    BranchSeries s1 = fold("S1", 1);
    BranchSeries s3 = fold("S3", 1.5);
    BranchSeries s2 = new BranchSeries("S2", new double[] {100, 40, 20}, new double[] {12, 6, 1}, new boolean[] {true, true, true})
        .withThreshold(18, 0);
    List<BranchSeries> samples = List.of(s1, s2, s3);
    double[] grid = AmplitudeRange.logGrid(8, 100, 25);
    assertThat(grid[0]).isEqualTo(8);
    assertThat(grid[24]).isEqualTo(100);
    AmplitudeRange.Band band = AmplitudeRange.band(samples, grid);
    for (int i = 0; i < grid.length; i++) {
      for (BranchSeries s : samples) {
        double b = AmplitudeRange.stableAmplitudeAt(s, grid[i]);
        assertThat(b).as("%s at %s", s.label(), grid[i]).isBetween(band.min()[i], band.max()[i]);
      }
      assertThat(band.counted()[i]).isEqualTo(3);
    }
    assertThat(band.lasing()[0]).as("at r = 8 only the fold samples lase").isEqualTo(2);
    assertThat(band.min()[0]).isZero();
    assertThat(band.lasing()[24]).isEqualTo(3);
    assertThat(band.max()[24]).isEqualTo(15);
    assertThatThrownBy(() -> AmplitudeRange.logGrid(0, 1, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low = 0");
  }

  @Test
  void rangeBarsAreDrawnInTheirBranchColour() {
    BranchSeries s3 = fold("S3", 1);
    RangeBars bars = new RangeBars("range", "S3", new double[] {20, 50}, new double[] {3, 5}, new double[] {6, Double.NaN});
    var chart = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), List.of(s3), List.of(bars));
    assertThat(chart.getSeriesMap()).containsKey("range");
    // One bar drawn (the other has a NaN end): two points.
    assertThat(chart.getSeriesMap().get("range").getXData()).hasSize(2);
    assertThat(chart.getSeriesMap().get("range").getLineColor()).isEqualTo(chart.getSeriesMap().get("S3").getLineColor());
    RenderedFigure f = BifurcationFigure.render(FigureSpec.bifurcation("t"), List.of(s3), List.of(bars));
    assertThat(f.png()).isNotEmpty();
    assertThatThrownBy(() -> BifurcationFigure.render(FigureSpec.bifurcation("t"), List.of(s3),
        List.of(new RangeBars("r", "S9", new double[0], new double[0], new double[0]))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S9");
  }
}
