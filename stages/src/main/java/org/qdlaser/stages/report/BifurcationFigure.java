package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bifurcation diagram of the lasing branches (paper Fig. 3): coherent field amplitude |&lt;b&gt;|
 * versus normalised pump, one colour per model, stable points solid, unstable points dashed, the
 * threshold as a large diamond. A pure function: nothing is read from or written to disk.
 *
 * <p>Per model (colour and marker shape chosen by its position in the list) the chart holds up to
 * three XChart series: {@code "<label>"} (stable points, solid line), {@code "<label> (unstable)"}
 * (unstable points, dashed line; each unstable run is joined to its stable neighbours so the branch
 * stays continuous) and {@code "<label> threshold"} (one large diamond with a black outline). Runs
 * are broken (not bridged) where stability changes or a point cannot be drawn.
 *
 * <p>On a logarithmic axis non-positive values cannot be drawn: those points (e.g. the non-lasing
 * |&lt;b&gt;| = 0, or a pitchfork threshold at |&lt;b&gt;| = 0 on a log y axis) are dropped, and the
 * line is broken there. Logarithmic axes are widened to whole decades so that at least two decades
 * carry a tick label. A linear y axis starts at 0.
 *
 * <p>Output is deterministic for the same inputs, JDK and installed fonts: the PNG is written
 * without metadata (no timestamp) and the SVG produced by VectorGraphics2D 0.13 has no timestamp
 * and no random ids (its one clip-path id, {@code clip<n>}, is the clip rectangle's {@code
 * hashCode()}, a function of its coordinates). Text is drawn by XChart as glyph outlines, so the
 * SVG contains paths, not {@code <text>}. Number formatting uses {@link java.util.Locale#ROOT}. Glyph rasterisation depends on the fonts
 * installed (the logical font {@code
 * SansSerif} is used), so bytes can differ between machines; they do not differ between runs.
 */
public final class BifurcationFigure {

  /** Okabe-Ito colour-blind-safe palette (yellow left out: unreadable on white). */
  static final Color[] PALETTE = {
    new Color(0x0072B2), // blue
    new Color(0xD55E00), // vermillion
    new Color(0x009E73), // bluish green
    new Color(0xCC79A7), // reddish purple
    new Color(0xE69F00), // orange
    new Color(0x56B4E9), // sky blue
    new Color(0x000000), // black
  };

  /** Data-point marker shapes; the diamond is reserved for thresholds. */
  static final Marker[] MARKERS = {
    SeriesMarkers.CIRCLE,
    SeriesMarkers.SQUARE,
    SeriesMarkers.TRIANGLE_UP,
    SeriesMarkers.TRIANGLE_DOWN,
    SeriesMarkers.CROSS,
    SeriesMarkers.PLUS,
  };

  static final String UNSTABLE_SUFFIX = " (unstable)";
  /** A branch with more points than this is drawn as a line without markers (the paper's density). */
  static final int MARKED_POINTS_MAX = 40;
  static final String THRESHOLD_SUFFIX = " threshold";
  /** The stable data of a dashed look, drawn as one path; the legend entry is a point-less series with the label. */
  static final String LINE_SUFFIX = " (stable line)";

  /** Reference size for the font and stroke scale. */
  private static final double REF_WIDTH = FigureSpec.DEFAULT_WIDTH;

  private static final double REF_HEIGHT = FigureSpec.DEFAULT_HEIGHT;

  private BifurcationFigure() {}

  /**
   * Renders the figure.
   *
   * @param spec layout
   * @param series one branch per model, in legend order; labels must be distinct
   * @return PNG and SVG bytes of the same chart
   * @throws IllegalArgumentException if {@code series} is empty or two series would share a legend
   *     name
   */
  public static RenderedFigure render(FigureSpec spec, List<BranchSeries> series) {
    XYChart chart = buildChart(spec, series);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }

  /**
   * Renders the branches with range bars (error bars) in the colour of the branch each set names,
   * e.g. the min..max of |&lt;b&gt;| over samples (paper Fig. 3).
   *
   * @throws IllegalArgumentException as {@link #render(FigureSpec, List)}, or if a set of bars names
   *     no branch or its name clashes with a series
   */
  public static RenderedFigure render(FigureSpec spec, List<BranchSeries> series, List<RangeBars> bars) {
    XYChart chart = buildChart(spec, series, bars);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }

  /**
   * Renders the branches with the paper's per-model looks ({@link BranchLook}): {@code looks} runs parallel to
   * {@code series}; a null entry keeps the default look (palette colour, stable solid, unstable dashed). A branch
   * with a look has its stable part in the look's line and its unstable part thin and dotted, in its colour.
   */
  public static RenderedFigure renderWithLooks(FigureSpec spec, List<BranchSeries> series, List<BranchLook> looks) {
    XYChart chart = buildChart(spec, series, List.of(), looks);
    return new RenderedFigure(ChartEncoding.encodePng(chart), ChartEncoding.encodeSvg(chart));
  }

  /** Builds the XChart chart (package-private for tests). */
  static XYChart buildChart(FigureSpec spec, List<BranchSeries> series) {
    return buildChart(spec, series, List.of());
  }

  /** Builds the XChart chart with range bars (package-private for tests). */
  static XYChart buildChart(FigureSpec spec, List<BranchSeries> series, List<RangeBars> bars) {
    return buildChart(spec, series, bars, null);
  }

  /** Builds the XChart chart with range bars and per-branch looks (null: all default; package-private for tests). */
  static XYChart buildChart(FigureSpec spec, List<BranchSeries> series, List<RangeBars> bars, List<BranchLook> looks) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(series, "series");
    if (series.isEmpty()) {
      throw new IllegalArgumentException("series must not be empty");
    }
    checkNames(series);

    ReportChart chart = new ReportChart(spec.width(), spec.height());
    chart.setTitle(spec.title());
    chart.setXAxisTitle(spec.xAxisLabel());
    chart.setYAxisTitle(spec.yAxisLabel());
    double scale = Math.max(0.5, Math.min(spec.width() / REF_WIDTH, spec.height() / REF_HEIGHT));
    style(chart.getStyler(), spec, scale);

    Polyline.Range xRange = new Polyline.Range();
    Polyline.Range yRange = new Polyline.Range();
    Strokes strokes = new Strokes(scale);
    if (looks != null && looks.size() != series.size()) {
      throw new IllegalArgumentException("looks has " + looks.size() + " entries for " + series.size() + " series");
    }
    for (int m = 0; m < series.size(); m++) {
      BranchSeries b = Objects.requireNonNull(series.get(m), "series[" + m + "]");
      addBranch(chart, spec, b, m, looks == null ? null : looks.get(m), strokes, xRange, yRange);
    }
    addRangeBars(chart, spec, series, Objects.requireNonNull(bars, "bars"), strokes.thin(), xRange, yRange);
    AxisRanges.setAxisRanges(chart.getStyler(), spec, xRange, yRange, true);
    chart.placeLegend();
    return chart;
  }

  /**
   * The lines of a chart scaled to its size: branches solid (stable) and dashed, range bars thin; the threshold
   * diamond; for branches with a {@link BranchLook}, the dot-dashed line and the thin dotted unstable line.
   */
  private record Strokes(BasicStroke solid, BasicStroke dashed, BasicStroke thin, Marker threshold, BasicStroke dotDashed,
      BasicStroke dotted) {
    Strokes(double scale) {
      this(new BasicStroke((float) (2.0 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
          new BasicStroke((float) (2.0 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
              new float[] {(float) (7 * scale), (float) (5 * scale)}, 0f),
          new BasicStroke((float) Math.max(1.0, 1.5 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND),
          new ThresholdDiamond(scale),
          new BasicStroke((float) (2.5 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
              new float[] {(float) (10 * scale), (float) (4 * scale), (float) (2 * scale), (float) (4 * scale)}, 0f),
          new BasicStroke((float) Math.max(1.5, 2.0 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
              new float[] {(float) (0.1 * scale), (float) (4.5 * scale)}, 0f));
    }

    /** The stable line of a look (thicker than the default so that the dashes read at the paper's density). */
    BasicStroke of(BranchLook.Line line) {
      return switch (line) {
        case SOLID -> new BasicStroke(dotDashed.getLineWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        case DASHED -> new BasicStroke(dotDashed.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            dashed.getDashArray(), 0f);
        case DOT_DASHED -> dotDashed;
      };
    }
  }

  /** The {@code m}-th branch: its stable part solid, unstable runs dashed (joined to their stable neighbours), its threshold. */
  private static void addBranch(ReportChart chart, FigureSpec spec, BranchSeries b, int m, BranchLook look, Strokes strokes,
      Polyline.Range xRange, Polyline.Range yRange) {
    Color colour = look != null ? look.colour() : PALETTE[m % PALETTE.length];
    Marker marker = MARKERS[m % MARKERS.length];
    boolean[] drawable = new boolean[b.size()];
    for (int i = 0; i < drawable.length; i++) {
      drawable[i] = drawable(spec, b.pumpAt(i), b.amplitudeAt(i));
    }
    Polyline stable = new Polyline();
    for (int i = 0; i < drawable.length; i++) {
      if (drawable[i] && b.stableAt(i)) {
        stable.add(b.pumpAt(i), b.amplitudeAt(i));
      } else {
        stable.breakLine();
      }
    }
    Polyline unstable = new Polyline();
    for (int i = 0; i < drawable.length; i++) {
      if (!drawable[i] || b.stableAt(i)) {
        continue;
      }
      // First point of an unstable run: join to the stable neighbour before it.
      if (i > 0 && (!drawable[i - 1] || b.stableAt(i - 1))) {
        unstable.breakLine();
        if (drawable[i - 1]) {
          unstable.add(b.pumpAt(i - 1), b.amplitudeAt(i - 1));
        }
      }
      unstable.add(b.pumpAt(i), b.amplitudeAt(i));
      // Last point of the run: join to the stable neighbour after it.
      if (i + 1 < drawable.length && drawable[i + 1] && b.stableAt(i + 1)) {
        unstable.add(b.pumpAt(i + 1), b.amplitudeAt(i + 1));
      }
    }
    // Markers only where points are sparse: on a dense branch they would hide the dashes of its unstable part.
    Marker shown = b.size() <= MARKED_POINTS_MAX ? marker : SeriesMarkers.NONE;
    BasicStroke stableLine = look == null ? strokes.solid() : strokes.of(look.line());
    BasicStroke unstableLine = look == null ? strokes.dashed() : strokes.dotted();
    if (!stable.isEmpty()) {
      boolean patterned = look != null && look.line() != BranchLook.Line.SOLID;
      XYSeries st = chart.addSeries(patterned ? b.label() + LINE_SUFFIX : b.label(), stable.x(), stable.y());
      styleData(st, colour, shown, stableLine);
      if (patterned) {
        // A dashed stable line is drawn as one path (the dashes run on at any point density); XChart would draw no
        // line in its legend entry, so a legend-only series without drawable points shows the pattern.
        chart.drawAsOnePath(st, colour, stableLine);
        st.setShowInLegend(false);
        XYSeries key = chart.addSeries(b.label(), new double[] {Double.NaN}, new double[] {Double.NaN});
        styleData(key, colour, SeriesMarkers.NONE, stableLine);
      }
      stable.extend(xRange, yRange);
    }
    if (!unstable.isEmpty()) {
      XYSeries u = chart.addSeries(b.label() + UNSTABLE_SUFFIX, unstable.x(), unstable.y());
      styleData(u, colour, shown, unstableLine);
      chart.drawAsOnePath(u, colour, unstableLine); // the dashes run on along the whole unstable run
      // One legend entry per model (its stable part, or the unstable one if it has none): the captions say
      // solid = stable, dashed = unstable, diamond = threshold.
      u.setShowInLegend(stable.isEmpty());
      unstable.extend(xRange, yRange);
    }
    if (b.hasThreshold() && drawable(spec, b.thresholdPump(), b.thresholdAmplitude())) {
      XYSeries s = chart.addSeries(b.label() + THRESHOLD_SUFFIX, new double[] {b.thresholdPump()},
          new double[] {b.thresholdAmplitude()});
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setLineStyle(SeriesLines.NONE);
      s.setMarker(strokes.threshold());
      s.setMarkerColor(colour);
      s.setLineColor(colour);
      s.setShowInLegend(false);
      xRange.add(b.thresholdPump());
      yRange.add(b.thresholdAmplitude());
    }
  }

  /** Range bars in the colour of the branch they belong to: one series each, a vertical segment per bar. */
  private static void addRangeBars(XYChart chart, FigureSpec spec, List<BranchSeries> series, List<RangeBars> bars,
      BasicStroke thin, Polyline.Range xRange, Polyline.Range yRange) {
    Set<String> names = new HashSet<>(chart.getSeriesMap().keySet());
    for (RangeBars r : bars) {
      int m = -1;
      for (int k = 0; k < series.size(); k++) {
        if (series.get(k).label().equals(r.branchLabel())) {
          m = k;
        }
      }
      if (m < 0) {
        throw new IllegalArgumentException("range bars '" + r.name() + "' name branch '" + r.branchLabel() + "', which is not drawn");
      }
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("range bars '" + r.name() + "' clash with another series name");
      }
      // One series: a vertical segment per bar, NaN between bars (XChart breaks the line there).
      Polyline line = new Polyline();
      double[] x = r.x();
      double[] lo = r.low();
      double[] hi = r.high();
      for (int i = 0; i < x.length; i++) {
        if (Double.isNaN(lo[i]) || Double.isNaN(hi[i]) || !drawable(spec, x[i], lo[i]) || !drawable(spec, x[i], hi[i])) {
          continue;
        }
        line.breakLine();
        line.add(x[i], lo[i]);
        line.add(x[i], hi[i]);
      }
      if (!line.isEmpty()) {
        styleData(chart.addSeries(r.name(), line.x(), line.y()), PALETTE[m % PALETTE.length], SeriesMarkers.NONE, thin);
        line.extend(xRange, yRange);
      }
    }
  }

  private static boolean drawable(FigureSpec spec, double x, double y) {
    return Double.isFinite(x) && Double.isFinite(y) && (!spec.logX() || x > 0) && (!spec.logY() || y > 0);
  }

  private static void checkNames(List<BranchSeries> series) {
    Set<String> names = new HashSet<>();
    for (int m = 0; m < series.size(); m++) {
      BranchSeries b = Objects.requireNonNull(series.get(m), "series[" + m + "]");
      for (String name :
          List.of(b.label(), b.label() + UNSTABLE_SUFFIX, b.label() + THRESHOLD_SUFFIX, b.label() + LINE_SUFFIX)) {
        if (!names.add(name)) {
          throw new IllegalArgumentException(
              "series[" + m + "] label '" + b.label() + "' clashes with another series ('" + name
                  + "' is used twice); labels must be distinct");
        }
      }
    }
  }

  static void style(XYStyler st, FigureSpec spec, double scale) {
    st.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderVisible(true);
    st.setPlotBorderColor(Color.DARK_GRAY);
    st.setPlotGridLinesVisible(true);
    st.setPlotGridLinesColor(new Color(0xDDDDDD));
    st.setPlotGridLinesStroke(new BasicStroke((float) Math.max(1.0, scale)));
    st.setChartFontColor(Color.BLACK);
    st.setAxisTickLabelsColor(Color.BLACK);
    st.setAxisTickMarksColor(Color.DARK_GRAY);
    st.setChartTitleVisible(!spec.title().isEmpty());
    st.setChartTitleBoxVisible(false);
    st.setChartTitleFont(titleFont(spec, 20 * scale, 12 * scale));
    st.setAxisTitleFont(font(Font.PLAIN, 18 * scale));
    st.setAxisTickLabelsFont(font(Font.PLAIN, 15 * scale));
    st.setLegendFont(font(Font.PLAIN, 15 * scale));
    st.setLegendVisible(true);
    st.setLegendPosition(LegendPosition.InsideNW);
    st.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    st.setLegendBorderColor(Color.GRAY);
    st.setLegendPadding((int) Math.round(8 * scale));
    st.setLegendSeriesLineLength((int) Math.round(36 * scale));
    st.setMarkerSize((int) Math.max(4, Math.round(7 * scale)));
    st.setChartPadding((int) Math.round(12 * scale));
    st.setAxisTitlePadding((int) Math.round(8 * scale));
    st.setAxisTickPadding((int) Math.round(6 * scale));
    st.setAxisTickMarkLength((int) Math.round(6 * scale));
    st.setPlotMargin(0);
    st.setAntiAlias(true);
    st.setToolTipsEnabled(false);
    st.setCursorEnabled(false);
    st.setZoomEnabled(false);
    st.setLocale(Locale.ROOT);
    st.setXAxisLogarithmic(spec.logX());
    st.setYAxisLogarithmic(spec.logY());

    // No tick-label formatting function: in XChart 3.8.8 setting one replaces the logarithmic
    // tick calculator by a linear one, which loops forever on a log axis.
  }

  /**
   * The bold title font at {@code size}, made smaller (down to 9 pt) when the title would be wider than
   * the image less two paddings: XChart draws one line and clips what does not fit.
   */
  static Font titleFont(FigureSpec spec, double size, double padding) {
    Font f = font(Font.BOLD, size);
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double room = 0.92 * (spec.width() - 2 * padding); // XChart measures its glyphs a little wider
    double wide = f.getStringBounds(spec.title(), frc).getWidth();
    if (wide > room) {
      f = font(Font.BOLD, Math.floor(size * room / wide));
    }
    return f;
  }

  private static Font font(int style, double size) {
    return new Font(Font.SANS_SERIF, style, (int) Math.max(9, Math.round(size)));
  }

  private static void styleData(XYSeries s, Color colour, Marker marker, BasicStroke stroke) {
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setMarker(marker);
    s.setLineStyle(stroke);
  }
}
