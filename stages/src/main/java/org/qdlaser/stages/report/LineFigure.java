package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several curves on linear axes that may go negative (Fig. 11: Re, Im and |&lt;b&gt;| against time),
 * one colour per curve, no markers. Deterministic bytes.
 */
public final class LineFigure {
  private LineFigure() {}

  public static RenderedFigure render(FigureSpec spec, List<PointSeries> curves) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("figure '" + spec.title() + "' needs at least one curve");
    }
    ReportChart chart = ReportChart.styled(spec);
    double scale = ReportChart.scale(spec);
    for (int s = 0; s < curves.size(); s++) {
      PointSeries c = curves.get(s);
      if (c.x().length == 0) {
        throw new IllegalArgumentException("curve " + c.name() + " has no points");
      }
      XYSeries xs = chart.addSeries(c.name(), c.x(), c.y());
      xs.setMarker(SeriesMarkers.NONE);
      xs.setLineColor(BifurcationFigure.PALETTE[s % BifurcationFigure.PALETTE.length]);
      xs.setLineStyle(new BasicStroke((float) (2.0 * scale)));
    }
    chart.fitAndPlaceLegend(spec, false);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }
}
