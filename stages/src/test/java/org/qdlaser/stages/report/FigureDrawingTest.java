package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The drawing rules that make a figure read like the paper's: line runs, dashes, log axes, legend placement. */
class FigureDrawingTest {

  /** Runs of a series: maximal stretches of non-NaN points (XChart breaks the line at NaN). */
  static List<double[]> runs(double[] x) {
    List<double[]> out = new ArrayList<>();
    List<Double> cur = new ArrayList<>();
    for (double v : x) {
      if (Double.isNaN(v)) {
        if (!cur.isEmpty()) {
          out.add(cur.stream().mapToDouble(Double::doubleValue).toArray());
        }
        cur = new ArrayList<>();
      } else {
        cur.add(v);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  @Test
  void aBranchWithAFoldIsTwoPolylinesSolidAndDashedMeetingAtTheFold() {
    BranchSeries fold = BifurcationFigureTest.fold("TPM", 20.0, 0.3, 25);
    Map<String, XYSeries> map = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), List.of(fold)).getSeriesMap();
    List<double[]> stable = runs(map.get("TPM").getXData());
    List<double[]> unstable = runs(map.get("TPM (unstable)").getXData());
    assertThat(stable).hasSize(1);
    assertThat(unstable).hasSize(1);
    // The lower (unstable) branch runs down in pump to the fold, the upper (stable) one up from it: the
    // two lines share only the fold's neighbourhood, no segment crosses from one to the other elsewhere.
    double[] u = unstable.get(0);
    double[] s = stable.get(0);
    assertThat(u[0]).isGreaterThan(u[u.length - 1]);
    assertThat(s[0]).isLessThan(s[s.length - 1]);
    assertThat(map.get("TPM").getLineStyle().getDashArray()).isNull();
  }

  @Test
  void aMissingPointBreaksTheLineInsteadOfBridgingIt() {
    BranchSeries gap = new BranchSeries("CIM", new double[] {1, 2, Double.NaN, 4, 5},
        new double[] {1, 2, Double.NaN, 4, 5}, new boolean[] {true, true, true, true, true});
    Map<String, XYSeries> map = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), List.of(gap)).getSeriesMap();
    List<double[]> r = runs(map.get("CIM").getXData());
    assertThat(r).hasSize(2);
    assertThat(r.get(0)).containsExactly(1, 2);
    assertThat(r.get(1)).containsExactly(4, 5);
  }

  @Test
  void aSweepThatJumpsOffAFoldIsNotJoinedAcrossTheJump() {
    boolean[] all = {true, true, true, true, true};
    BranchSeries sweep = new BranchSeries("TPM", new double[] {5, 4, 3, 2, 1}, new double[] {9, 8, 7, 0, 0}, all, 3.0, 7.0)
        .brokenBefore(new boolean[] {false, false, false, true, false});
    assertThat(sweep.size()).isEqualTo(6);
    assertThat(sweep.thresholdPump()).isEqualTo(3.0);
    Map<String, XYSeries> map = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), List.of(sweep)).getSeriesMap();
    List<double[]> r = runs(map.get("TPM").getXData());
    assertThat(r).hasSize(2);
    assertThat(r.get(0)).containsExactly(5, 4, 3);
    assertThat(r.get(1)).containsExactly(2, 1);
  }

  @Test
  void theSvgDrawsUnstableSegmentsDashedAndStableOnesSolid() {
    String svg = new String(BifurcationFigure.render(FigureSpec.bifurcation("t"),
        List.of(BifurcationFigureTest.fold("TPM", 20.0, 0.3, 25))).svg(), StandardCharsets.UTF_8);
    // The dashed stroke of the unstable branch at this size: 7 px dash, 5 px gap (XChart's own grid and border
    // strokes carry a degenerate "3,0" pattern, which is solid).
    // One dashed path for the one unstable run, however many points it has (a path per segment would
    // restart the dash pattern at every point and look solid at the paper's density).
    assertThat(svg.split("stroke-dasharray:7,5", -1)).hasSize(2);
    String before = svg.split("stroke-dasharray:7,5", -1)[0];
    assertThat(before.substring(Math.max(0, before.length() - 200))).contains("stroke:rgb(0,114,178)"); // its colour
    String allStable = new String(BifurcationFigure.render(FigureSpec.bifurcation("t"),
        List.of(BifurcationFigureTest.pitchfork("CIM", 2.0, 0.8, 41))).svg(), StandardCharsets.UTF_8);
    assertThat(allStable).doesNotContain("stroke-dasharray:7,5");
  }

  @Test
  void denseBranchesAreLinesWithoutMarkersSoTheirDashesShow() {
    Map<String, XYSeries> dense = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"),
        List.of(BifurcationFigureTest.fold("TPM", 20.0, 0.3, 60))).getSeriesMap();
    assertThat(dense.get("TPM (unstable)").getMarker()).isSameAs(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    Map<String, XYSeries> sparse = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"),
        List.of(BifurcationFigureTest.fold("TPM", 20.0, 0.3, 10))).getSeriesMap();
    assertThat(sparse.get("TPM (unstable)").getMarker()).isNotSameAs(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
  }

  @Test
  void aLogAxisFrom3e3To2e6HasItsTicksAt1e4_1e5_1e6() {
    double[] r = AxisRanges.logRange(3e3, 2e6);
    assertThat(r[0]).isLessThan(3e3).isGreaterThan(1e3);
    assertThat(r[1]).isGreaterThan(2e6).isLessThan(1e7);
    assertThat(AxisRanges.decadeTicks(r[0], r[1])).containsExactly(1e4, 1e5, 1e6);
    // Less than two decades inside: widened to whole decades, both ends labelled.
    double[] narrow = AxisRanges.logRange(2e3, 8e3);
    assertThat(narrow).containsExactly(1e3, 1e4);
    assertThat(AxisRanges.decadeTicks(narrow[0], narrow[1])).containsExactly(1e3, 1e4);
    assertThat(AxisRanges.decadeTicks(1e-3, 0.5)).containsExactly(1e-3, 1e-2, 1e-1);
  }

  @Test
  void aLinearAxisEndsOnRoundValuesAroundTheData() {
    assertThat(AxisRanges.niceRange(0, 343)).containsExactly(0, 350);
    assertThat(AxisRanges.niceRange(2.3e12, 1.9e13)).containsExactly(2e12, 2e13);
    double[] r = AxisRanges.niceRange(-0.37, 0.81);
    assertThat(r[0]).isCloseTo(-0.4, within(1e-12));
    assertThat(r[1]).isCloseTo(1.0, within(1e-12)); // step 0.2 (a tenth of the span 1.18, rounded up)
  }

  /** A curve through the upper-left corner, falling to the lower right. */
  static BranchSeries falling(String label, int n) {
    double[] p = new double[n];
    double[] a = new double[n];
    boolean[] s = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = 1 + i;
      a[i] = 100.0 * (n - i) / n;
      s[i] = true;
    }
    return new BranchSeries(label, p, a, s);
  }

  @Test
  void theLegendBoxMeetsNoDataPoint() {
    List<BranchSeries> data = List.of(falling("falls through the upper left", 30),
        BifurcationFigureTest.fold("TPM", 20.0, 0.3, 25));
    ReportChart chart = (ReportChart) BifurcationFigure.buildChart(
        new FigureSpec("t", "x", "y", false, false, 900, 600), List.of(falling("falls through the upper left", 30)));
    LegendPosition at = chart.getStyler().getLegendPosition();
    assertThat(at).isNotEqualTo(LegendPosition.InsideNW); // the curve fills that corner
    assertThat(ReportChart.CORNERS).contains(at);
    assertThat(chart.dataHits(chart.legendBoxAt(at))).isZero();
    // ... which the check would see: the NW box does meet the curve.
    assertThat(chart.dataHits(chart.legendBoxAt(LegendPosition.InsideNW))).isPositive();
    assertThat(data).hasSize(2);
  }

  @Test
  void whenEveryCornerHoldsDataTheLegendGoesOutsideThePlot() {
    // Points in all four corners of the plot.
    BranchSeries corners = new BranchSeries("corners", new double[] {1, 1.05, 2.95, 1.05, 2.95, 3},
        new double[] {0, 9.7, 9.7, 0.3, 0.3, 10}, new boolean[] {true, true, true, true, true, true});
    ReportChart chart = (ReportChart) BifurcationFigure.buildChart(new FigureSpec("t", "x", "y", false, false, 900, 600),
        List.of(corners));
    assertThat(chart.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideE);
  }

  @Test
  void legendBoxAtMatchesWhereXChartPaintsTheLegend() throws Exception {
    // The legend's white box painted in the chosen corner: the box's centre pixel is the legend background.
    ReportChart chart = (ReportChart) BifurcationFigure.buildChart(new FigureSpec("t", "x", "y", false, false, 900, 600),
        List.of(falling("a", 30)));
    java.awt.geom.Rectangle2D box = chart.legendBoxAt(chart.getStyler().getLegendPosition());
    byte[] png = ChartEncoding.encodePng(chart);
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    // The legend border (grey) runs along the box's edges; just outside them lies the white plot background or grid.
    int left = (int) Math.round(box.getX());
    int mid = (int) Math.round(box.getCenterY());
    boolean border = false;
    for (int dx = -2; dx <= 2; dx++) {
      int rgb = img.getRGB(left + dx, mid) & 0xFFFFFF;
      border |= rgb != 0xFFFFFF && rgb != 0xDDDDDD;
    }
    assertThat(border).as("legend border near x = %d, y = %d", left, mid).isTrue();
  }
}
