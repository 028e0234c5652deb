package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * An XChart chart as the report draws it: logarithmic axes labelled 10<sup>n</sup> at each decade
 * (XChart 3.8.8 can only write "1E5": a custom label function there replaces the logarithmic tick
 * calculator by a linear one), and the legend placed where it covers no data ({@link #placeLegend}).
 *
 * <p>Subclassing gives access to XChart's protected plot and legend parts, whose bounds the placement
 * needs; the data-to-pixel map is ours ({@link #pixelX}, {@link #pixelY}) and holds when the styler
 * fixes both axis ranges, as every report figure does.
 */
class ReportChart extends XYChart {
  /** The inside corners tried for the legend, in order of preference (ties keep this order). */
  static final List<LegendPosition> CORNERS =
      List.of(LegendPosition.InsideNW, LegendPosition.InsideNE, LegendPosition.InsideSE, LegendPosition.InsideSW);

  /** XChart's inset of an inside legend from the plot's corner, px (a constant in its Legend_). */
  static final double LEGEND_INSET = 6.0;

  ReportChart(int width, int height) {
    super(width, height);
  }

  /** A chart of the spec's size with its title and axis labels, in the report style at {@link #scale}. */
  static ReportChart styled(FigureSpec spec) {
    ReportChart chart = new ReportChart(spec.width(), spec.height());
    chart.setTitle(spec.title());
    chart.setXAxisTitle(spec.xAxisLabel());
    chart.setYAxisTitle(spec.yAxisLabel());
    BifurcationFigure.style(chart.getStyler(), spec, scale(spec));
    return chart;
  }

  /** Scale of fonts, strokes and markers: the spec's size relative to the default figure size. */
  static double scale(FigureSpec spec) {
    return Math.min(spec.width() / (double) FigureSpec.DEFAULT_WIDTH, spec.height() / (double) FigureSpec.DEFAULT_HEIGHT);
  }

  /** A series whose line the chart draws itself, as one path per run (see {@link #drawAsOnePath}). */
  private record OnePath(XYSeries series, Color colour, BasicStroke stroke) {}

  private final List<OnePath> onePaths = new ArrayList<>();

  /**
   * Draws the series' line as one path per run of drawable points, with {@code stroke}, instead of
   * XChart's line (which strokes every segment on its own, so that a dash pattern restarts at each
   * point: on a densely sampled branch, segments shorter than one dash look solid). XChart still draws
   * the series' markers and legend entry.
   */
  void drawAsOnePath(XYSeries s, Color colour, BasicStroke stroke) {
    s.setLineStyle(SeriesLines.NONE);
    onePaths.add(new OnePath(s, colour, stroke));
  }

  /** Whether the chart draws this series' line itself. */
  boolean drawsAsOnePath(XYSeries s) {
    return onePaths.stream().anyMatch(o -> o.series() == s);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    super.paint(g, width, height);
    if (!onePaths.isEmpty()) {
      Shape clip = g.getClip();
      g.clip(plotBounds());
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (OnePath o : onePaths) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        double[] x = o.series().getXData();
        double[] y = o.series().getYData();
        for (int i = 0; i < x.length; i++) {
          if (!drawable(x[i], y[i])) {
            open = false;
            continue;
          }
          if (open) {
            path.lineTo(pixelX(x[i]), pixelY(y[i]));
          } else {
            path.moveTo(pixelX(x[i]), pixelY(y[i]));
            open = true;
          }
        }
        g.setColor(o.colour());
        g.setStroke(o.stroke());
        g.draw(path);
      }
      g.setClip(clip);
    }
    XYStyler st = getStyler();
    if (st.isXAxisLogarithmic() && st.isXAxisTicksVisible() && st.getXAxisMin() != null) {
      decadeLabels(g, true);
    }
    if (st.isYAxisLogarithmic() && st.isYAxisTicksVisible() && st.getYAxisMin() != null) {
      decadeLabels(g, false);
    }
  }

  /**
   * Fits both axes to the drawn data of every series ({@link BifurcationFigure#setAxisRanges}) and places
   * the legend ({@link #placeLegend}): the last step of drawing a figure.
   */
  void fitAndPlaceLegend(FigureSpec spec, boolean yFromZero) {
    Polyline.Range xr = new Polyline.Range();
    Polyline.Range yr = new Polyline.Range();
    for (XYSeries s : getSeriesMap().values()) {
      double[] x = s.getXData();
      double[] y = s.getYData();
      for (int i = 0; i < x.length; i++) {
        if (drawable(x[i], y[i])) {
          xr.add(x[i]);
          yr.add(y[i]);
        }
      }
    }
    AxisRanges.setAxisRanges(getStyler(), spec, xr, yr, yFromZero);
    placeLegend();
  }

  /** The plot area in pixels (valid after a paint). */
  Rectangle2D plotBounds() {
    return plot.getBounds();
  }

  /** The legend's width and height in pixels (its position is set by the styler). */
  Rectangle2D legendSize() {
    return legend.getBounds();
  }

  /** The pixel column of data value {@code x} (the styler fixes the x range). */
  double pixelX(double x) {
    XYStyler st = getStyler();
    Rectangle2D b = plotBounds();
    return b.getX() + b.getWidth() * fraction(x, st.getXAxisMin(), st.getXAxisMax(), st.isXAxisLogarithmic(), st);
  }

  /** The pixel row of data value {@code y} (the styler fixes the y range). */
  double pixelY(double y) {
    XYStyler st = getStyler();
    Rectangle2D b = plotBounds();
    return b.getY() + b.getHeight() * (1 - fraction(y, st.getYAxisMin(), st.getYAxisMax(), st.isYAxisLogarithmic(), st));
  }

  private static double fraction(double v, double min, double max, boolean log, XYStyler st) {
    double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
    double content = st.getPlotContentSize();
    return (1 - content) / 2 + content * f;
  }

  /**
   * The legend box at an inside position, in pixels, from the plot bounds and the legend's size (XChart
   * 3.8.8 insets it by a fixed {@value #LEGEND_INSET} px from the plot's corner).
   */
  Rectangle2D legendBoxAt(LegendPosition position) {
    Rectangle2D p = plotBounds();
    Rectangle2D l = legendSize();
    double pad = LEGEND_INSET;
    boolean west = position == LegendPosition.InsideNW || position == LegendPosition.InsideSW;
    boolean north = position == LegendPosition.InsideNW || position == LegendPosition.InsideNE;
    double x = west ? p.getX() + pad : p.getMaxX() - l.getWidth() - pad;
    double y = north ? p.getY() + pad : p.getMaxY() - l.getHeight() - pad;
    return new Rectangle2D.Double(x, y, l.getWidth(), l.getHeight());
  }

  /**
   * Places the legend in the inside corner whose box meets the fewest drawn data (points as boxes of
   * the marker size, and the segments between consecutive points); when every corner meets some, outside
   * on the right of the plot, where it cannot cover data. Call after every series is added and both
   * axis ranges are fixed.
   *
   * @return the chosen position
   */
  LegendPosition placeLegend() {
    XYStyler st = getStyler();
    if (!st.isLegendVisible() || st.getXAxisMin() == null || st.getXAxisMax() == null || st.getYAxisMin() == null
        || st.getYAxisMax() == null) {
      return st.getLegendPosition();
    }
    st.setLegendPosition(CORNERS.get(0));
    scratchPaint();
    LegendPosition best = null;
    int fewest = Integer.MAX_VALUE;
    for (LegendPosition c : CORNERS) {
      int hits = dataHits(legendBoxAt(c));
      if (hits < fewest) {
        fewest = hits;
        best = c;
      }
    }
    st.setLegendPosition(fewest == 0 ? best : LegendPosition.OutsideE);
    if (fewest != 0) {
      fitTitleToPlot();
    }
    return st.getLegendPosition();
  }

  /**
   * With the legend outside, XChart centres the title over the narrower plot and clips what does not fit: the title
   * font is made smaller (down to 9 pt) until the title fits the plot's width.
   */
  private void fitTitleToPlot() {
    XYStyler st = getStyler();
    if (!st.isChartTitleVisible() || getTitle() == null || getTitle().isEmpty()) {
      return;
    }
    scratchPaint();
    double room = 0.92 * plotBounds().getWidth();
    Font f = st.getChartTitleFont();
    double wide = f.getStringBounds(getTitle(), new FontRenderContext(null, true, true)).getWidth();
    if (wide > room) {
      st.setChartTitleFont(f.deriveFont((float) Math.max(9, Math.floor(f.getSize2D() * room / wide))));
    }
  }

  /** How many drawn points and segments of the series meet {@code box} (grown by half a marker). */
  int dataHits(Rectangle2D box) {
    double half = getStyler().getMarkerSize() / 2.0 + 2;
    Rectangle2D grown = new Rectangle2D.Double(box.getX() - half, box.getY() - half, box.getWidth() + 2 * half,
        box.getHeight() + 2 * half);
    int hits = 0;
    for (XYSeries s : getSeriesMap().values()) {
      if (!s.isEnabled()) {
        continue;
      }
      for (double[] seg : pixelSegments(s)) {
        if (seg.length == 2 ? grown.contains(seg[0], seg[1]) : grown.intersectsLine(seg[0], seg[1], seg[2], seg[3])) {
          hits++;
        }
      }
    }
    return hits;
  }

  /** A series as pixel points ({x, y}) and pixel segments ({x0, y0, x1, y1}) between drawable neighbours. */
  List<double[]> pixelSegments(XYSeries s) {
    double[] x = s.getXData();
    double[] y = s.getYData();
    XYSeries.XYSeriesRenderStyle style =
        s.getXYSeriesRenderStyle() != null ? s.getXYSeriesRenderStyle() : getStyler().getDefaultSeriesRenderStyle();
    boolean lines = drawsAsOnePath(s) || (style != XYSeries.XYSeriesRenderStyle.Scatter
        && (s.getLineStyle() == null || s.getLineStyle().getLineWidth() > 0));
    List<double[]> out = new ArrayList<>();
    double px = Double.NaN;
    double py = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      if (!drawable(x[i], y[i])) {
        px = Double.NaN;
        continue;
      }
      double cx = pixelX(x[i]);
      double cy = pixelY(y[i]);
      out.add(new double[] {cx, cy});
      if (lines && !Double.isNaN(px)) {
        out.add(new double[] {px, py, cx, cy});
      }
      px = cx;
      py = cy;
    }
    return out;
  }

  private boolean drawable(double x, double y) {
    XYStyler st = getStyler();
    return Double.isFinite(x) && Double.isFinite(y) && (!st.isXAxisLogarithmic() || x > 0)
        && (!st.isYAxisLogarithmic() || y > 0);
  }

  private void scratchPaint() {
    BufferedImage img = new BufferedImage(getWidth(), getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      paint(g, getWidth(), getHeight());
    } finally {
      g.dispose();
    }
  }

  /**
   * Writes 10<sup>n</sup> under (x) or left of (y) each decade tick of a logarithmic axis, in the tick
   * label font, as glyph outlines like XChart's own text. XChart's labels on that axis are drawn
   * transparent (see {@link BifurcationFigure#style}), so they keep their room in the layout.
   */
  private void decadeLabels(Graphics2D g, boolean xAxis) {
    XYStyler st = getStyler();
    double min = xAxis ? st.getXAxisMin() : st.getYAxisMin();
    double max = xAxis ? st.getXAxisMax() : st.getYAxisMax();
    Font base = st.getAxisTickLabelsFont();
    Font small = base.deriveFont(base.getSize2D() * 0.72f);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    FontRenderContext frc = g.getFontRenderContext();
    Rectangle2D p = plotBounds();
    double gap = st.getAxisTickMarkLength() + st.getAxisTickPadding();
    for (double v : AxisRanges.decadeTicks(min, max)) {
      long n = Math.round(Math.log10(v));
      TextLayout ten = new TextLayout("10", base, frc);
      TextLayout exp = new TextLayout(Long.toString(n).replace('-', '\u2212'), small, frc);
      double w = ten.getAdvance() + exp.getAdvance();
      double ascent = ten.getAscent();
      double raise = 0.45 * ascent;
      double left;
      double baseline;
      if (xAxis) {
        left = pixelX(v) - w / 2;
        baseline = p.getMaxY() + gap + 1.2 * ascent;
      } else {
        left = p.getX() - gap - w;
        baseline = pixelY(v) + ascent / 2;
      }
      fill(g, ten.getOutline(AffineTransform.getTranslateInstance(left, baseline)));
      fill(g, exp.getOutline(AffineTransform.getTranslateInstance(left + ten.getAdvance(), baseline - raise)));
    }
  }

  private static void fill(Graphics2D g, Shape s) {
    g.fill(s);
  }
}
