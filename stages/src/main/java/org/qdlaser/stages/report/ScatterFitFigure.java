package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Data points with a fitted curve (e.g. the activation curve of Fig. 4 with its Lorentzian fit).
 * Axes may hold negative values (unlike {@link BifurcationFigure}). Deterministic bytes.
 */
public final class ScatterFitFigure {
  /** The paper's markers of Figs. 4 and 5, in its model order: CIM (plusses), TPM_IF (crosses), TPM (circles). */
  private static final Marker[] PAPER_MARKERS = {PaperMarkers.model("CIM"), PaperMarkers.model("TPM_IF"),
    PaperMarkers.model("TPM")};

  private ScatterFitFigure() {}

  /**
   * Several data series on one chart with one fitted curve, as the paper's Fig. 4 (three models' activation
   * curves and the Lorentzian fit): series {@code s} gets the paper's marker {@code s} (plus, cross, circle, then
   * repeating), hollow circles for an open series; drawn last series first.
   *
   * @param data the series (at least one; points copied by XChart)
   * @param fitX abscissae of the fitted curve (sorted)
   * @param fitY fitted values
   */
  public static RenderedFigure overlay(FigureSpec spec, List<PointSeries> data, String fitLabel, double[] fitX,
      double[] fitY) {
    if (data.isEmpty() || fitX.length != fitY.length || fitX.length == 0) {
      throw new IllegalArgumentException("an overlay needs at least one series and a non-empty fit of equal lengths");
    }
    ReportChart chart = ReportChart.styled(spec);
    double scale = ReportChart.scale(spec);
    chart.getStyler().setMarkerSize((int) Math.max(6, Math.round(10 * scale)));
    XYSeries fit = chart.addSeries(fitLabel, fitX, fitY);
    fit.setMarker(SeriesMarkers.NONE);
    fit.setLineColor(Color.BLACK);
    fit.setLineStyle(new BasicStroke((float) (2 * scale)));
    // Last series first: the filled circles of the last go under the plusses and crosses, which stay visible
    // where the models overlap (as they do in the paper's Fig. 4); the legend lists them in that order.
    for (int s = data.size() - 1; s >= 0; s--) {
      PointSeries p = data.get(s);
      XYSeries xs = chart.addSeries(p.name(), p.x(), p.y());
      xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      xs.setMarker(p.open() ? new OpenMarker() : PAPER_MARKERS[s % PAPER_MARKERS.length]);
      xs.setMarkerColor(BifurcationFigure.PALETTE[s % BifurcationFigure.PALETTE.length]);
    }
    chart.fitAndPlaceLegend(spec, false);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }

  /**
   * @param x data abscissae (copied by XChart)
   * @param y data ordinates
   * @param fitX abscissae of the fitted curve (sorted)
   * @param fitY fitted values
   */
  public static RenderedFigure render(
      FigureSpec spec, String dataLabel, double[] x, double[] y, String fitLabel, double[] fitX, double[] fitY) {
    return render(spec, dataLabel, x, y, fitLabel, fitX, fitY, false);
  }

  /** As above; {@code openData}: hollow markers (the data are not of a steady state, e.g. an unsettled transient's end). */
  public static RenderedFigure render(FigureSpec spec, String dataLabel, double[] x, double[] y, String fitLabel,
      double[] fitX, double[] fitY, boolean openData) {
    if (x.length != y.length || fitX.length != fitY.length || x.length == 0) {
      throw new IllegalArgumentException("data and fit arrays must be non-empty and of equal lengths");
    }
    ReportChart chart = ReportChart.styled(spec);
    double scale = ReportChart.scale(spec);
    XYSeries fit = chart.addSeries(fitLabel, fitX, fitY);
    fit.setMarker(SeriesMarkers.NONE);
    fit.setLineColor(BifurcationFigure.PALETTE[1]);
    fit.setLineStyle(new BasicStroke((float) (2.5 * scale)));
    XYSeries data = chart.addSeries(dataLabel, x, y);
    data.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    data.setMarker(openData ? new OpenMarker() : SeriesMarkers.CIRCLE);
    data.setMarkerColor(BifurcationFigure.PALETTE[0]);
    chart.fitAndPlaceLegend(spec, false);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }
}
