package org.qdlaser.stages.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One model's lasing branch in a bifurcation diagram: coherent field amplitude |&lt;b&gt;| versus
 * normalised pump r/gamma_nr, with the linear stability of every point and an optional threshold
 * marker.
 *
 * <p>Points are plotted in array order (the continuation order along the branch), so a fold
 * (saddle-node) branch that turns back in pump is drawn correctly; callers should not sort by pump.
 * Arrays are cloned on the way in and out, so an instance is immutable. {@link #equals}, {@link
 * #hashCode} and {@link #toString} compare array contents.
 *
 * @param label model label shown in the legend, e.g. {@code "CIM"}; must not be blank
 * @param pump normalised pump r/gamma_nr per point; finite and &ge; 0, or NaN together with the
 *     amplitude: a gap (missing point), where the line is broken rather than drawn across
 * @param amplitude |&lt;b&gt;| per point; finite and &ge; 0 (0 = non-lasing), or NaN at a gap
 * @param stable linear stability per point (same length as {@code pump})
 * @param thresholdPump pump of the threshold marker, or {@code null} for none
 * @param thresholdAmplitude |&lt;b&gt;| of the threshold marker (0 for a pitchfork), or {@code null}
 *     for none; given together with {@code thresholdPump}
 */
public record BranchSeries(
    String label,
    double[] pump,
    double[] amplitude,
    boolean[] stable,
    Double thresholdPump,
    Double thresholdAmplitude) {

  public BranchSeries {
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    Objects.requireNonNull(pump, () -> "pump (series '" + label + "')");
    Objects.requireNonNull(amplitude, () -> "amplitude (series '" + label + "')");
    Objects.requireNonNull(stable, () -> "stable (series '" + label + "')");
    if (amplitude.length != pump.length) {
      throw new IllegalArgumentException(
          String.format(
              "amplitude has length %d but pump has length %d (series '%s')",
              amplitude.length, pump.length, label));
    }
    if (stable.length != pump.length) {
      throw new IllegalArgumentException(
          String.format(
              "stable has length %d but pump has length %d (series '%s')",
              stable.length, pump.length, label));
    }
    for (int i = 0; i < pump.length; i++) {
      if (Double.isNaN(pump[i]) && Double.isNaN(amplitude[i])) {
        continue; // a gap: the line is broken there
      }
      requireFiniteNonNegative("pump[" + i + "]", pump[i], label);
      requireFiniteNonNegative("amplitude[" + i + "]", amplitude[i], label);
    }
    if ((thresholdPump == null) != (thresholdAmplitude == null)) {
      throw new IllegalArgumentException(
          "thresholdPump and thresholdAmplitude must both be set or both be null (series '"
              + label
              + "')");
    }
    if (thresholdPump != null) {
      requireFiniteNonNegative("thresholdPump", thresholdPump, label);
      requireFiniteNonNegative("thresholdAmplitude", thresholdAmplitude, label);
    }
    pump = pump.clone();
    amplitude = amplitude.clone();
    stable = stable.clone();
  }

  /** A branch without a threshold marker. */
  public BranchSeries(String label, double[] pump, double[] amplitude, boolean[] stable) {
    this(label, pump, amplitude, stable, null, null);
  }

  /** A copy of this branch with the threshold marker at ({@code pump}, {@code amplitude}). */
  public BranchSeries withThreshold(double pump, double amplitude) {
    return new BranchSeries(label, this.pump, this.amplitude, stable, pump, amplitude);
  }

  /**
   * This branch with a gap (a NaN point) before every point {@code i} with {@code breakBefore[i]}: where
   * two neighbours in the data lie on different branches (a sweep that jumps off a fold), so that no line
   * joins them. The threshold marker is kept.
   */
  public BranchSeries brokenBefore(boolean[] breakBefore) {
    if (breakBefore.length != pump.length) {
      throw new IllegalArgumentException("breakBefore has length " + breakBefore.length + " but the series '" + label
          + "' has " + pump.length + " points");
    }
    int gaps = 0;
    for (int i = 1; i < breakBefore.length; i++) {
      gaps += breakBefore[i] ? 1 : 0;
    }
    double[] p = new double[pump.length + gaps];
    double[] a = new double[p.length];
    boolean[] st = new boolean[p.length];
    for (int i = 0, k = 0; i < pump.length; i++) {
      if (i > 0 && breakBefore[i]) {
        p[k] = Double.NaN;
        a[k] = Double.NaN;
        st[k++] = stable[i];
      }
      p[k] = pump[i];
      a[k] = amplitude[i];
      st[k++] = stable[i];
    }
    return new BranchSeries(label, p, a, st, thresholdPump, thresholdAmplitude);
  }

  /** Number of points. */
  public int size() {
    return pump.length;
  }

  /** Whether a threshold marker is set. */
  public boolean hasThreshold() {
    return thresholdPump != null;
  }

  @Override
  public double[] pump() {
    return pump.clone();
  }

  @Override
  public double[] amplitude() {
    return amplitude.clone();
  }

  @Override
  public boolean[] stable() {
    return stable.clone();
  }

  // Package-private, allocation-free access for the renderer (callers must not mutate).
  double pumpAt(int i) {
    return pump[i];
  }

  double amplitudeAt(int i) {
    return amplitude[i];
  }

  boolean stableAt(int i) {
    return stable[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BranchSeries b
        && label.equals(b.label)
        && Arrays.equals(pump, b.pump)
        && Arrays.equals(amplitude, b.amplitude)
        && Arrays.equals(stable, b.stable)
        && Objects.equals(thresholdPump, b.thresholdPump)
        && Objects.equals(thresholdAmplitude, b.thresholdAmplitude);
  }

  @Override
  public int hashCode() {
    int h = label.hashCode();
    h = 31 * h + Arrays.hashCode(pump);
    h = 31 * h + Arrays.hashCode(amplitude);
    h = 31 * h + Arrays.hashCode(stable);
    h = 31 * h + Objects.hashCode(thresholdPump);
    return 31 * h + Objects.hashCode(thresholdAmplitude);
  }

  @Override
  public String toString() {
    return "BranchSeries[label="
        + label
        + ", pump="
        + Arrays.toString(pump)
        + ", amplitude="
        + Arrays.toString(amplitude)
        + ", stable="
        + Arrays.toString(stable)
        + ", thresholdPump="
        + thresholdPump
        + ", thresholdAmplitude="
        + thresholdAmplitude
        + "]";
  }

  private static void requireFiniteNonNegative(String field, double v, String label) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(
          field + " = " + v + " must be finite and >= 0 (series '" + label + "')");
    }
  }
}
