package org.qdlaser.stages.report;

import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several point series on linear axes, one marker and colour per series, points optionally
 * labelled (Figs. 5, 6, 9, 10); open series (points that are not steady states) get hollow circles.
 * Series without finite points are left out of the chart (a width
 * whose samples are all below threshold has nothing to draw); a figure without any finite point is a frame with a
 * note. Deterministic bytes.
 */
public final class ScatterFigure {
  private ScatterFigure() {}

  /** The note drawn in place of points when no series has a finite point. */
  public static final String NOTHING_TO_DRAW = "no point to draw: no run of this figure has a finite value here";

  /** As {@link #render(FigureSpec, List, List)} with the default markers. */
  public static RenderedFigure render(FigureSpec spec, List<PointSeries> series) {
    return render(spec, series, null);
  }

  /**
   * As {@link #render(FigureSpec, List)} with the marker of each series given (the paper's symbols: plus signs,
   * crosses, triangles); a null list or entry takes the default of its place, an open series hollow circles.
   *
   * When no series has a finite point (e.g. every sample below threshold) the frame is drawn with the note
   * {@link #NOTHING_TO_DRAW} instead of points.
   *
   * @param markers one per series, or null
   * @throws IllegalArgumentException if the markers do not match the series
   */
  public static RenderedFigure render(FigureSpec spec, List<PointSeries> series, List<Marker> markers) {
    if (markers != null && markers.size() != series.size()) {
      throw new IllegalArgumentException(markers.size() + " markers for " + series.size() + " series");
    }
    ReportChart chart = ReportChart.styled(spec);
    double scale = ReportChart.scale(spec);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize((int) Math.max(6, Math.round(10 * scale)));
    int drawn = 0;
    for (int s = 0; s < series.size(); s++) {
      PointSeries p = series.get(s);
      double[] x = p.x();
      double[] y = p.y();
      String[] labels = p.labels();
      int n = 0;
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      double[] fx = new double[n];
      double[] fy = new double[n];
      for (int i = 0, k = 0; i < x.length; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          fx[k] = x[i];
          fy[k++] = y[i];
          if (labels != null) {
            // Beside the marker, in data coordinates: the label moves with the point.
            AnnotationText t = new AnnotationText("  " + labels[i], x[i], y[i], false);
            chart.addAnnotation(t);
          }
        }
      }
      XYSeries xs = chart.addSeries(p.name(), fx, fy);
      Marker given = markers == null ? null : markers.get(s);
      xs.setMarker(p.open() ? new OpenMarker() : given != null ? given : BifurcationFigure.MARKERS[s % BifurcationFigure.MARKERS.length]);
      xs.setMarkerColor(BifurcationFigure.PALETTE[s % BifurcationFigure.PALETTE.length]);
      drawn++;
    }
    if (drawn == 0) {
      // Every run below threshold (or unsettled without a value) is a result, not an error: draw the frame
      // with a note, so that the study's report still says what was run.
      XYSeries frame = chart.addSeries(" ", new double[] {0, 1}, new double[] {0, 1});
      frame.setMarker(SeriesMarkers.NONE);
      frame.setLineStyle(SeriesLines.NONE);
      frame.setShowInLegend(false);
      chart.addAnnotation(new AnnotationText(NOTHING_TO_DRAW, 0.5, 0.5, false));
    }
    chart.fitAndPlaceLegend(spec, false);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }
}
