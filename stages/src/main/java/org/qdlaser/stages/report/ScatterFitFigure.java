package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Data points with a fitted curve (e.g. the activation curve of Fig. 4 with its Lorentzian fit).
 * Axes may hold negative values (unlike {@link BifurcationFigure}). Deterministic bytes.
 */
public final class ScatterFitFigure {
  private ScatterFitFigure() {}

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
    ReportChart chart = new ReportChart(spec.width(), spec.height());
    chart.setTitle(spec.title());
    chart.setXAxisTitle(spec.xAxisLabel());
    chart.setYAxisTitle(spec.yAxisLabel());
    double scale = Math.min(spec.width() / (double) FigureSpec.DEFAULT_WIDTH, spec.height() / (double) FigureSpec.DEFAULT_HEIGHT);
    BifurcationFigure.style(chart.getStyler(), spec, scale);
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
