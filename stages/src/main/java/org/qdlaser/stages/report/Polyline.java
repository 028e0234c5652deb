package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;

/** Points of one XChart series; NaN y values break the line (XChart skips them). */
final class Polyline {
  private final List<double[]> points = new ArrayList<>();
  private boolean broken = true;
  private int real;

  void add(double x, double y) {
    points.add(new double[] {x, y});
    broken = false;
    real++;
  }

  void breakLine() {
    if (!broken) {
      points.add(new double[] {Double.NaN, Double.NaN});
      broken = true;
    }
  }

  boolean isEmpty() {
    return real == 0;
  }

  private int length() {
    int n = points.size();
    return broken && n > 0 ? n - 1 : n; // drop a trailing break
  }

  double[] x() {
    double[] x = new double[length()];
    for (int i = 0; i < x.length; i++) {
      x[i] = points.get(i)[0];
    }
    return x;
  }

  double[] y() {
    double[] y = new double[length()];
    for (int i = 0; i < y.length; i++) {
      y[i] = points.get(i)[1];
    }
    return y;
  }

  void extend(Range xr, Range yr) {
    for (double[] p : points) {
      if (!Double.isNaN(p[1])) {
        xr.add(p[0]);
        yr.add(p[1]);
      }
    }
  }

  /** The extent of drawn values along one axis. */
  static final class Range {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    void add(double v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    boolean isEmpty() {
      return min > max;
    }
  }
}
