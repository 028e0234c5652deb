package org.qdlaser.stages.equilibrium;

import java.util.Arrays;
import java.util.Optional;
import org.qdlaser.stages.integration.FieldRecord;

/**
 * Detects a periodic oscillation of |&lt;b&gt;| (self-pulsing) at the end of a recorded transient: the
 * maxima of |b| (zeros of d|b|/dt from + to -, located between the steps by the record's Hermite
 * interpolant) over the second half of an interval must be at least {@link #MIN_CYCLES} + 1, equally
 * spaced ({@link #PERIOD_TOLERANCE}), of equal height ({@link #HEIGHT_TOLERANCE} of the
 * oscillation's depth, so that a decaying relaxation oscillation is not taken for a limit cycle)
 * and deep enough ({@link #MIN_DEPTH}) to be a pulsation rather than the noise of a steady state.
 */
final class Pulsation {
  private Pulsation() {}

  /** Whole periods required within the second half of the interval. */
  static final int MIN_CYCLES = 5;
  /** Relative spread (max - min) / mean of the intervals between maxima. */
  static final double PERIOD_TOLERANCE = 1e-3;
  /**
   * Spread of the maxima's heights relative to the depth max|b| - min|b|. A relaxation oscillation
   * decaying at rate lambda over MIN_CYCLES periods P changes its maxima by ~lambda P MIN_CYCLES of the
   * depth: 1e-2 accepts only limit cycles damped or growing slower than ~2e-3 / P.
   */
  static final double HEIGHT_TOLERANCE = 1e-2;
  /** Smallest depth (max|b| - min|b|) / mean|b| counted as a pulsation (integrator noise at rtol 1e-6 is ~1e-6). */
  static final double MIN_DEPTH = 1e-4;
  /** Shortest interval (1/gamma_nr) worth examining. */
  static final double MIN_SPAN = 8.0;

  /** A self-pulsing in the record over the second half of [from, to], or empty. */
  static Optional<SelfPulsing> detect(FieldRecord rec, double from, double to) {
    double start = from + 0.5 * (to - from);
    double[] maxima = new double[16];
    double[] heights = new double[16];
    int m = 0;
    int n = rec.size();
    for (int i = 1; i < n; i++) {
      double t0 = rec.time(i - 1);
      double t1 = rec.time(i);
      if (t0 < start || t1 > to) {
        continue;
      }
      double d0 = rec.bAbsRate(i - 1);
      double d1 = rec.bAbsRate(i);
      if (d0 > 0 && d1 <= 0) {
        double s = t0 + (t1 - t0) * d0 / (d0 - d1);
        if (m == maxima.length) {
          maxima = Arrays.copyOf(maxima, 2 * m);
          heights = Arrays.copyOf(heights, 2 * m);
        }
        maxima[m] = s;
        heights[m] = rec.bAbsAt(s);
        m++;
      }
    }
    if (m < MIN_CYCLES + 1) {
      return Optional.empty();
    }
    double first = maxima[0];
    double last = maxima[m - 1];
    int cycles = m - 1;
    double period = (last - first) / cycles;
    double pMin = Double.POSITIVE_INFINITY;
    double pMax = 0;
    for (int k = 1; k < m; k++) {
      double p = maxima[k] - maxima[k - 1];
      pMin = Math.min(pMin, p);
      pMax = Math.max(pMax, p);
    }
    if ((pMax - pMin) / period > PERIOD_TOLERANCE) {
      return Optional.empty();
    }
    double bMin = Double.POSITIVE_INFINITY;
    double bMax = 0;
    double mean = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      double t = rec.time(i);
      if (t >= first && t <= last) {
        double b = rec.bAbs(i);
        bMin = Math.min(bMin, b);
        bMax = Math.max(bMax, b);
        mean += b;
        count++;
      }
    }
    double hMin = Double.POSITIVE_INFINITY;
    double hMax = 0;
    for (int k = 0; k < m; k++) {
      hMin = Math.min(hMin, heights[k]);
      hMax = Math.max(hMax, heights[k]);
    }
    bMax = Math.max(bMax, hMax);
    mean /= Math.max(count, 1);
    double depth = bMax - bMin;
    if (!(depth > MIN_DEPTH * mean) || (hMax - hMin) > HEIGHT_TOLERANCE * depth) {
      return Optional.empty();
    }
    double omega = (rec.phaseAt(last) - rec.phaseAt(first)) / (last - first);
    return Optional.of(new SelfPulsing(period, rec.meanPhotons(first, last), bMin, bMax, omega, cycles, first));
  }
}
