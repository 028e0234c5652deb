package org.qdlaser.stages.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named set of points drawn with markers only (one per sample, e.g. w_L against omega), with an
 * optional text label per point (the sample index of Fig. 9).
 *
 * @param name legend entry
 * @param x abscissae (copied)
 * @param y ordinates (copied)
 * @param labels one label per point, or null for none
 * @param open draw hollow markers: the points are not steady states (e.g. the ends of unsettled
 *     transients), to be told apart from the filled markers of steady states
 */
public record PointSeries(String name, double[] x, double[] y, String[] labels, boolean open) {
  /** Filled markers. */
  public PointSeries(String name, double[] x, double[] y, String[] labels) {
    this(name, x, y, labels, false);
  }

  public PointSeries {
    Objects.requireNonNull(name, "name");
    x = x.clone();
    y = y.clone();
    if (x.length != y.length) {
      throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
    }
    if (labels != null) {
      if (labels.length != x.length) {
        throw new IllegalArgumentException("series " + name + ": " + labels.length + " labels for " + x.length + " points");
      }
      labels = labels.clone();
    }
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public String[] labels() {
    return labels == null ? null : labels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PointSeries p && name.equals(p.name) && Arrays.equals(x, p.x) && Arrays.equals(y, p.y)
        && Arrays.equals(labels, p.labels) && open == p.open;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(labels), open);
  }

  @Override
  public String toString() {
    return "PointSeries[" + name + ", " + x.length + " points" + (open ? ", open" : "") + "]";
  }
}
