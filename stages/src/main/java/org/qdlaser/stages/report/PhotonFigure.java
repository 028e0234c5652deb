package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;

/**
 * Photon number &lt;b<sup>+</sup>b&gt; versus pump with the thresholds marked by chosen shapes (the
 * Reply's Fig. 1: stars, a diamond and a cross). The curves are drawn as in {@link
 * BifurcationFigure} (colour and data marker by position, stable solid, unstable dashed); each
 * threshold mark takes the colour of its curve, a black outline and its own legend entry. Normally
 * log-log ({@link FigureSpec#logX()}, {@link FigureSpec#logY()}). A pure function, deterministic
 * bytes as {@link BifurcationFigure}.
 */
public final class PhotonFigure {
  private PhotonFigure() {}

  /** Shape of a threshold mark. */
  public enum Shape {
    STAR,
    DIAMOND,
    CROSS;

    /** The manifest name ({@code star}, {@code diamond}, {@code cross}). */
    public String manifestName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Shape parse(String name) {
      for (Shape s : values()) {
        if (s.manifestName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown marker shape '" + name + "', allowed: star, diamond, cross");
    }
  }

  /**
   * One threshold mark.
   *
   * @param series label of the curve it belongs to (its colour)
   * @param pump abscissa (same unit as the curves' pump), finite and &gt; 0 on a log axis
   * @param value ordinate (photon number), finite
   * @param shape marker shape
   * @param legend legend entry, unique in the figure
   */
  public record Mark(String series, double pump, double value, Shape shape, String legend) {
    public Mark {
      Objects.requireNonNull(series, "series");
      Objects.requireNonNull(shape, () -> "shape (mark of '" + series + "')");
      Objects.requireNonNull(legend, () -> "legend (mark of '" + series + "')");
      if (!Double.isFinite(pump) || !Double.isFinite(value)) {
        throw new IllegalArgumentException("mark of '" + series + "': pump = " + pump + " and value = " + value
            + " must be finite");
      }
    }
  }

  /**
   * Renders the curves and the marks.
   *
   * @throws IllegalArgumentException if a mark names no curve, two legend entries coincide, or
   *     {@code curves} is empty
   */
  public static RenderedFigure render(FigureSpec spec, List<BranchSeries> curves, List<Mark> marks) {
    XYChart chart = buildChart(spec, curves, marks);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }

  /** Builds the XChart chart (package-private for tests). */
  static XYChart buildChart(FigureSpec spec, List<BranchSeries> curves, List<Mark> marks) {
    XYChart chart = BifurcationFigure.buildChart(spec, curves);
    double scale = Math.max(0.5, Math.min(spec.width() / (double) FigureSpec.DEFAULT_WIDTH,
        spec.height() / (double) FigureSpec.DEFAULT_HEIGHT));
    for (Mark m : marks) {
      int index = -1;
      for (int i = 0; i < curves.size(); i++) {
        if (curves.get(i).label().equals(m.series())) {
          index = i;
        }
      }
      if (index < 0) {
        throw new IllegalArgumentException("mark '" + m.legend() + "' names no curve: '" + m.series() + "'");
      }
      if (chart.getSeriesMap().containsKey(m.legend())) {
        throw new IllegalArgumentException("legend entry '" + m.legend() + "' used twice");
      }
      if ((spec.logX() && m.pump() <= 0) || (spec.logY() && m.value() <= 0)) {
        continue; // not drawable on a log axis, as the curves' points
      }
      XYSeries s = chart.addSeries(m.legend(), new double[] {m.pump()}, new double[] {m.value()});
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setLineStyle(SeriesLines.NONE);
      s.setMarker(marker(m.shape(), scale));
      Color c = BifurcationFigure.PALETTE[index % BifurcationFigure.PALETTE.length];
      s.setMarkerColor(c);
      s.setLineColor(c);
    }
    ((ReportChart) chart).placeLegend(); // again: the marks are data too
    return chart;
  }

  private static Marker marker(Shape shape, double scale) {
    return switch (shape) {
      case DIAMOND -> new ThresholdDiamond(scale);
      case STAR -> new Outlined(scale, 1.8, star());
      case CROSS -> new Outlined(scale, 1.5, cross());
    };
  }

  /** Unit five-pointed star (outer radius 1, inner 0.45), point up. */
  private static double[] star() {
    double[] xy = new double[20];
    for (int k = 0; k < 10; k++) {
      double r = k % 2 == 0 ? 1.0 : 0.45;
      double a = -Math.PI / 2 + k * Math.PI / 5;
      xy[2 * k] = r * Math.cos(a);
      xy[2 * k + 1] = r * Math.sin(a);
    }
    return xy;
  }

  /** Unit saltire (an x of two bars of width 0.36). */
  private static double[] cross() {
    double w = 0.18;
    double[] base = {w, 0, 1, 1 - w, 1 - w, 1, 0, w, -1 + w, 1, -1, 1 - w, -w, 0, -1, -1 + w, -1 + w, -1, 0, -w,
        1 - w, -1, 1, -1 + w};
    return base;
  }

  /** A filled polygon (unit coordinates, scaled by the marker size) with a black outline. */
  private static final class Outlined extends Marker {
    private final BasicStroke outline;
    private final double size;
    private final double[] unit;

    Outlined(double scale, double size, double[] unit) {
      this.outline = new BasicStroke((float) Math.max(1.0, 1.5 * scale));
      this.size = size;
      this.unit = unit;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      double h = size * markerSize;
      Path2D.Double p = new Path2D.Double();
      p.moveTo(x + h * unit[0], y + h * unit[1]);
      for (int i = 2; i < unit.length; i += 2) {
        p.lineTo(x + h * unit[i], y + h * unit[i + 1]);
      }
      p.closePath();
      g.fill(p);
      g.setColor(Color.BLACK);
      g.setStroke(outline);
      g.draw(p);
    }
  }
}
