package org.qdlaser.stages.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.XYStyler;

/**
 * Axis ranges of the report's XY figures: log axes fitted to the data with labelled decades, linear
 * axes on round numbers with a small margin (figures drawn as the paper draws them, issue 15).
 */
final class AxisRanges {
  private AxisRanges() {}

  /**
   * Fixes the axis ranges of a {@link ReportChart}: log axes fitted to the data ({@link #logRange}) and
   * labelled 10^n by the chart, linear ones on round numbers ({@link #niceRange}; y from 0 if asked and the
   * data are not negative). The axis ends are the plot's edges (XChart's default draws 92 % of the plot
   * between them).
   */
  static void setAxisRanges(XYStyler st, FigureSpec spec, Polyline.Range x, Polyline.Range y, boolean yFromZero) {
    st.setPlotContentSize(1.0);
    // Log axes: XChart's decade labels ("1E5") keep their room in the layout but are transparent;
    // ReportChart writes 10^n over them.
    Color none = new Color(0, 0, 0, 0);
    if (spec.logX()) {
      st.setXAxisTickLabelsColor(none);
    }
    if (spec.logY()) {
      st.setYAxisTickLabelsColor(none);
    }
    if (x.isEmpty() || y.isEmpty()) {
      // Nothing drawable (e.g. only |<b>| = 0 on a log y axis): a fixed empty frame.
      st.setXAxisMin(spec.logX() ? 1.0 : 0.0);
      st.setXAxisMax(spec.logX() ? 10.0 : 1.0);
      st.setYAxisMin(spec.logY() ? 1.0 : 0.0);
      st.setYAxisMax(spec.logY() ? 10.0 : 1.0);
      return;
    }
    if (spec.logX()) {
      double[] r = logRange(x.min, x.max);
      st.setXAxisMin(r[0]);
      st.setXAxisMax(r[1]);
      st.setXAxisDecimalPattern(logPattern(st.getXAxisMin(), st.getXAxisMax()));
    } else {
      double[] r = padded(niceRange(x.min, x.max));
      st.setXAxisMin(r[0]);
      st.setXAxisMax(r[1]);
    }
    if (spec.logY()) {
      double[] r = logRange(y.min, y.max);
      st.setYAxisMin(r[0]);
      st.setYAxisMax(r[1]);
      st.setYAxisDecimalPattern(logPattern(st.getYAxisMin(), st.getYAxisMax()));
    } else {
      double[] r = padded(niceRange(yFromZero ? Math.min(0.0, y.min) : y.min, y.max));
      st.setYAxisMin(r[0]);
      st.setYAxisMax(r[1]);
    }
  }

  /** Margin of a log axis beyond the data, as a fraction of the data's span in decades. */
  static final double LOG_MARGIN = 0.03;

  /**
   * A log axis fitted to the data [lo, hi] (lo &gt; 0): the data range with a margin of {@value
   * #LOG_MARGIN} of its span on either side, so that the curves fill the plot; widened to whole decades
   * when fewer than two decades would fall inside (an axis needs two labelled ticks to be read).
   */
  static double[] logRange(double lo, double hi) {
    double span = Math.max(Math.log10(hi) - Math.log10(lo), 0.0);
    double a = lo / Math.pow(10, LOG_MARGIN * span);
    double b = hi * Math.pow(10, LOG_MARGIN * span);
    if (decadeTicks(a, b).size() < 2) {
      return new double[] {decadeFloor(lo), decadeCeil(hi, lo)};
    }
    return new double[] {a, b};
  }

  /** The powers of ten in [min, max] (min &gt; 0): where a log axis has labelled ticks. */
  static List<Double> decadeTicks(double min, double max) {
    List<Double> out = new ArrayList<>();
    for (long n = (long) Math.ceil(Math.log10(min) - 1e-9); n <= Math.floor(Math.log10(max) + 1e-9); n++) {
      double v = Math.pow(10, n);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The data range [lo, hi] widened to multiples of a round step (1, 2 or 5 x 10^k, about a tenth of the
   * span), so that the axis ends carry tick values; a point range gets one step on either side.
   */
  static double[] niceRange(double lo, double hi) {
    if (hi <= lo) {
      double pad = lo == 0 ? 1.0 : Math.abs(lo) * 0.1;
      return new double[] {lo - pad, hi + pad};
    }
    double step = niceStep((hi - lo) / 10);
    double a = Math.floor(lo / step + 1e-9) * step;
    double b = Math.ceil(hi / step - 1e-9) * step;
    return new double[] {lo >= 0 && a < 0 ? 0.0 : a, b};
  }

  /** Margin of a linear axis beyond its round range, as a fraction of it: markers on the ends stay whole. */
  static final double LINEAR_MARGIN = 0.02;

  private static double[] padded(double[] r) {
    double m = LINEAR_MARGIN * (r[1] - r[0]);
    return new double[] {r[0] - m, r[1] + m};
  }

  /** The smallest of 1, 2, 5 x 10^k that is >= {@code raw} (> 0). */
  static double niceStep(double raw) {
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= raw * (1 - 1e-12)) {
        return m * decade;
      }
    }
    return 10 * decade;
  }

  /**
   * Decade tick-label pattern: plain ("0.01", "1000") within 1e-3..1e3, otherwise scientific for
   * every label ("1E-4", "1E0", "1E5"), instead of XChart's per-label mix.
   */
  private static String logPattern(double min, double max) {
    return min >= 1e-3 && max <= 1e3 ? "0.###" : "0E0";
  }

  /** Largest power of ten &le; {@code v} (v &gt; 0). */
  static double decadeFloor(double v) {
    double f = Math.pow(10, Math.floor(Math.log10(v)));
    if (f > v) {
      f = Math.pow(10, Math.floor(Math.log10(v)) - 1); // log10 rounded up across a decade
    } else if (f * 10 <= v) {
      f = Math.pow(10, Math.floor(Math.log10(v)) + 1);
    }
    return f;
  }

  /** Smallest power of ten &ge; {@code max} and strictly above {@code decadeFloor(min)}. */
  static double decadeCeil(double max, double min) {
    double c = Math.pow(10, Math.ceil(Math.log10(max)));
    if (c < max) {
      c = Math.pow(10, Math.ceil(Math.log10(max)) + 1);
    } else if (c / 10 >= max) {
      c = Math.pow(10, Math.ceil(Math.log10(max)) - 1);
    }
    return Math.max(c, 10 * decadeFloor(min));
  }
}
