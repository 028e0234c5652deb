package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The range of the lasing amplitude |&lt;b&gt;| over samples at common pumps (the error bars of the
 * paper's Fig. 3). Each sample's branch was traced at its own continuation points; it is brought to
 * the common grid by {@link #stableAmplitudeAt}: the stable part of the branch (from its first point
 * down in pump while stable, ended by its threshold marker) interpolated linearly in ln(pump), and
 * |&lt;b&gt;| = 0 below the threshold (the non-lasing state is then the stable one: what a downward
 * sweep measures). A pure function of its inputs.
 */
public final class AmplitudeRange {
  private AmplitudeRange() {}

  /**
   * The range at each grid pump.
   *
   * @param pump grid pumps
   * @param min smallest |b| over the samples with a value there (NaN if none)
   * @param max largest |b|
   * @param lasing number of samples lasing there (|b| > 0)
   * @param counted number of samples with a value there (a pump above a branch's start has none)
   */
  public record Band(double[] pump, double[] min, double[] max, int[] lasing, int[] counted) {
    public Band {
      pump = pump.clone();
      min = min.clone();
      max = max.clone();
      lasing = lasing.clone();
      counted = counted.clone();
    }

    @Override
    public double[] pump() {
      return pump.clone();
    }

    @Override
    public double[] min() {
      return min.clone();
    }

    @Override
    public double[] max() {
      return max.clone();
    }

    @Override
    public int[] lasing() {
      return lasing.clone();
    }

    @Override
    public int[] counted() {
      return counted.clone();
    }
  }

  /** {@code points} pumps spaced evenly in ln(pump) from {@code low} to {@code high} (both included). */
  public static double[] logGrid(double low, double high, int points) {
    if (!(low > 0 && high > low) || points < 2) {
      throw new IllegalArgumentException("log grid needs 0 < low < high and >= 2 points, got low = " + low
          + ", high = " + high + ", points = " + points);
    }
    double[] g = new double[points];
    for (int i = 0; i < points; i++) {
      g[i] = low * Math.exp(Math.log(high / low) * i / (points - 1));
    }
    g[points - 1] = high;
    return g;
  }

  /**
   * |b| of the stable branch of {@code s} at {@code pump}: interpolated linearly in ln(pump) between
   * the stable points that bracket it (the stable part is the run of stable points from the first,
   * with non-increasing pump, ended by the threshold marker if it lies below the last of them); 0
   * below the threshold; NaN above the first point, or below the stable part when the branch has no
   * threshold marker (unknown there).
   */
  public static double stableAmplitudeAt(BranchSeries s, double pump) {
    Objects.requireNonNull(s, "s");
    List<double[]> pts = stablePart(s);
    if (pts.isEmpty() || pump > pts.get(0)[0]) {
      return Double.NaN;
    }
    double[] end = pts.get(pts.size() - 1);
    if (pump < end[0]) {
      return s.hasThreshold() ? 0.0 : Double.NaN;
    }
    for (int i = 1; i < pts.size(); i++) {
      double[] a = pts.get(i - 1);
      double[] b = pts.get(i);
      if (pump <= a[0] && pump >= b[0]) {
        if (a[0] == b[0]) {
          return a[1];
        }
        double t = Math.log(a[0] / pump) / Math.log(a[0] / b[0]);
        return a[1] + t * (b[1] - a[1]);
      }
    }
    return pts.get(0)[1]; // pump equals the only point
  }

  /** (pump, |b|) of the stable part, in decreasing pump, ended by the threshold marker. */
  static List<double[]> stablePart(BranchSeries s) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      if (!s.stableAt(i) || (i > 0 && s.pumpAt(i) > s.pumpAt(i - 1))) {
        break;
      }
      out.add(new double[] {s.pumpAt(i), s.amplitudeAt(i)});
    }
    if (!out.isEmpty() && s.hasThreshold() && s.thresholdPump() < out.get(out.size() - 1)[0]) {
      out.add(new double[] {s.thresholdPump(), s.thresholdAmplitude()});
    }
    return out;
  }

  /** The range over {@code samples} at every pump of {@code grid}. */
  public static Band band(List<BranchSeries> samples, double[] grid) {
    int n = grid.length;
    double[] min = new double[n];
    double[] max = new double[n];
    int[] lasing = new int[n];
    int[] counted = new int[n];
    for (int i = 0; i < n; i++) {
      min[i] = Double.POSITIVE_INFINITY;
      max[i] = Double.NEGATIVE_INFINITY;
      for (BranchSeries s : samples) {
        double b = stableAmplitudeAt(s, grid[i]);
        if (Double.isNaN(b)) {
          continue;
        }
        counted[i]++;
        if (b > 0) {
          lasing[i]++;
        }
        min[i] = Math.min(min[i], b);
        max[i] = Math.max(max[i], b);
      }
      if (counted[i] == 0) {
        min[i] = Double.NaN;
        max[i] = Double.NaN;
      }
    }
    return new Band(grid, min, max, lasing, counted);
  }
}
