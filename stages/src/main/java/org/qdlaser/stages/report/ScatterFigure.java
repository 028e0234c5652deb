package org.qdlaser.stages.report;

import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * Several point series on linear axes, one marker and colour per series, points optionally
 * labelled (Figs. 5, 6, 9, 10); open series (points that are not steady states) get hollow circles.
 * Series without finite points are left out of the chart (a width
 * whose samples are all below threshold has nothing to draw). Deterministic bytes.
 */
public final class ScatterFigure {
  private ScatterFigure() {}

  /** @throws IllegalArgumentException if no series has a finite point */
  public static RenderedFigure render(FigureSpec spec, List<PointSeries> series) {
    return render(spec, series, null);
  }

  /**
   * As {@link #render(FigureSpec, List)} with the marker of each series given (the paper's symbols: plus signs,
   * crosses, triangles); a null list or entry takes the default of its place, an open series hollow circles.
   *
   * @param markers one per series, or null
   * @throws IllegalArgumentException if no series has a finite point or the markers do not match the series
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
      throw new IllegalArgumentException("figure '" + spec.title() + "': no series has a finite point");
    }
    chart.fitAndPlaceLegend(spec, false);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }
}
