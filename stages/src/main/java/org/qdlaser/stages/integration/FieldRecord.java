package org.qdlaser.stages.integration;

import java.util.Arrays;

/**
 * The lab-frame coherent field &lt;b&gt;(t) = |b| e^{i Phi} and the phase-invariant observables of a
 * transient, at every accepted step (grow-only arrays). |b| and the unwrapped lab phase Phi are
 * smooth whatever frame the transient was integrated in, and each is stored with its time
 * derivative, so that {@link #labField} interpolates them by cubic Hermite polynomials between the
 * steps (fourth order, as accurate as the steps resolve the envelope) — a co-rotating integration
 * takes steps far longer than the rotation period, and the paper's Eq. (A2) is fitted to the
 * lab-frame oscillation on a fine grid.
 *
 * <p>Times are 1/gamma_nr from the start of the transient; rates per unit time.
 */
public final class FieldRecord {
  private int n;
  private double[] t = new double[256];
  private double[] amp = new double[256];
  private double[] ampDot = new double[256];
  private double[] phase = new double[256];
  private double[] phaseDot = new double[256];
  private double[] photons = new double[256];
  private double[] population = new double[256];

  /**
   * Appends one point (ignored if not later than the last). {@code labPhase} must already be
   * unwrapped: a co-rotating step may span many periods, so the caller accumulates it exactly.
   */
  void add(double time, double bAbs, double bAbsDot, double labPhase, double labPhaseDot, double photonNumber,
      double upperPopulation) {
    if (n > 0 && !(time > t[n - 1])) {
      return; // a window's first point repeats the previous window's last
    }
    if (n == t.length) {
      int c = 2 * n;
      t = Arrays.copyOf(t, c);
      amp = Arrays.copyOf(amp, c);
      ampDot = Arrays.copyOf(ampDot, c);
      phase = Arrays.copyOf(phase, c);
      phaseDot = Arrays.copyOf(phaseDot, c);
      photons = Arrays.copyOf(photons, c);
      population = Arrays.copyOf(population, c);
    }
    t[n] = time;
    amp[n] = bAbs;
    ampDot[n] = bAbsDot;
    phase[n] = labPhase;
    phaseDot[n] = labPhaseDot;
    photons[n] = photonNumber;
    population[n] = upperPopulation;
    n++;
  }

  public int size() {
    return n;
  }

  /** Time of point i (1/gamma_nr). */
  public double time(int i) {
    return t[i];
  }

  /** |&lt;b&gt;| at point i. */
  public double bAbs(int i) {
    return amp[i];
  }

  /** d|&lt;b&gt;|/dt at point i. */
  public double bAbsRate(int i) {
    return ampDot[i];
  }

  /** Unwrapped lab-frame phase arg &lt;b&gt; at point i (rad). */
  public double phase(int i) {
    return phase[i];
  }

  /** Instantaneous lab-frame frequency d arg &lt;b&gt; / dt at point i (units of gamma_nr). */
  public double frequency(int i) {
    return phaseDot[i];
  }

  /** &lt;b^+ b&gt; at point i. */
  public double photons(int i) {
    return photons[i];
  }

  /** Mean &lt;c^+ c&gt; at point i. */
  public double upperPopulation(int i) {
    return population[i];
  }

  /** Copies of the recorded times. */
  public double[] times() {
    return Arrays.copyOf(t, n);
  }

  /** Copies of the recorded |&lt;b&gt;|. */
  public double[] bAbs() {
    return Arrays.copyOf(amp, n);
  }

  /** Copies of the recorded photon numbers. */
  public double[] photons() {
    return Arrays.copyOf(photons, n);
  }

  /**
   * Least-squares slope of ln|b| over time in [from, to], each point weighted by the time it
   * represents (trapezoid weights), so that the slope is that of the continuous record and not
   * biased towards where the steps are short; NaN with fewer than 3 points.
   */
  public double driftRate(double from, double to) {
    return slope(from, to, true);
  }

  /** Time-weighted least-squares slope of the lab phase over [from, to] (mean frequency); NaN with fewer than 3 points. */
  public double meanFrequency(double from, double to) {
    return slope(from, to, false);
  }

  private double slope(double from, double to, boolean logAmplitude) {
    int lo = 0;
    while (lo < n && t[lo] < from) {
      lo++;
    }
    int hi = n - 1;
    while (hi >= 0 && t[hi] > to) {
      hi--;
    }
    if (hi - lo < 2) {
      return Double.NaN;
    }
    double sw = 0;
    double st = 0;
    double sv = 0;
    for (int i = lo; i <= hi; i++) {
      double w = weight(i, lo, hi);
      sw += w;
      st += w * t[i];
      sv += w * value(i, logAmplitude);
    }
    double mt = st / sw;
    double mv = sv / sw;
    double num = 0;
    double den = 0;
    for (int i = lo; i <= hi; i++) {
      double w = weight(i, lo, hi);
      num += w * (t[i] - mt) * (value(i, logAmplitude) - mv);
      den += w * (t[i] - mt) * (t[i] - mt);
    }
    return den > 0 ? num / den : Double.NaN;
  }

  /** Trapezoid weight of point i among the points lo..hi. */
  private double weight(int i, int lo, int hi) {
    return 0.5 * (t[Math.min(i + 1, hi)] - t[Math.max(i - 1, lo)]);
  }

  private double value(int i, boolean logAmplitude) {
    return logAmplitude ? Math.log(amp[i]) : phase[i];
  }

  /**
   * The lab-frame field at the uniform times {@code from + k dt}, k = 0.. while <= {@code to}, from
   * the cubic Hermite interpolants of |b| and of the lab phase.
   *
   * @return {times, Re b, Im b}
   */
  public double[][] labField(double from, double to, double dt) {
    if (n < 2 || !(from >= t[0]) || !(to <= t[n - 1]) || !(to > from) || !(dt > 0)) {
      throw new IllegalArgumentException("lab field needs t[0] = " + (n > 0 ? t[0] : Double.NaN) + " <= from = " + from
          + " < to = " + to + " <= t_end = " + (n > 0 ? t[n - 1] : Double.NaN) + " and dt > 0, got dt = " + dt);
    }
    int m = (int) Math.floor((to - from) / dt + 1e-9) + 1;
    double[] time = new double[m];
    double[] re = new double[m];
    double[] im = new double[m];
    int j = 0;
    for (int k = 0; k < m; k++) {
      double s = from + k * dt;
      while (j < n - 2 && t[j + 1] < s) {
        j++;
      }
      double a = hermite(t[j], t[j + 1], amp[j], ampDot[j], amp[j + 1], ampDot[j + 1], s);
      double p = hermite(t[j], t[j + 1], phase[j], phaseDot[j], phase[j + 1], phaseDot[j + 1], s);
      time[k] = s;
      re[k] = a * Math.cos(p);
      im[k] = a * Math.sin(p);
    }
    return new double[][] {time, re, im};
  }

  /** |&lt;b&gt;| at time s in [t[0], t_end] (cubic Hermite between the steps). */
  public double bAbsAt(double s) {
    int j = segment(s);
    return hermite(t[j], t[j + 1], amp[j], ampDot[j], amp[j + 1], ampDot[j + 1], s);
  }

  /** Unwrapped lab phase of &lt;b&gt; at time s in [t[0], t_end] (cubic Hermite between the steps). */
  public double phaseAt(double s) {
    int j = segment(s);
    return hermite(t[j], t[j + 1], phase[j], phaseDot[j], phase[j + 1], phaseDot[j + 1], s);
  }

  /** Index j of the step interval [t[j], t[j + 1]] holding s. */
  private int segment(double s) {
    if (n < 2 || !(s >= t[0] && s <= t[n - 1])) {
      throw new IllegalArgumentException("time " + s + " outside the record [" + (n > 0 ? t[0] : Double.NaN) + ", "
          + (n > 0 ? t[n - 1] : Double.NaN) + "]");
    }
    int k = Arrays.binarySearch(t, 0, n, s);
    int j = k >= 0 ? k : -k - 2;
    return Math.max(0, Math.min(j, n - 2));
  }

  /**
   * Time average of &lt;b^+ b&gt; over [from, to] (trapezoid rule on the steps, the end points
   * interpolated linearly).
   */
  public double meanPhotons(double from, double to) {
    if (!(to > from)) {
      throw new IllegalArgumentException("need from < to, got " + from + ", " + to);
    }
    int j0 = segment(from);
    int j1 = segment(to);
    double sum = 0;
    double prevT = from;
    double prevV = linear(photons, j0, from);
    for (int i = j0 + 1; i <= j1; i++) {
      sum += 0.5 * (prevV + photons[i]) * (t[i] - prevT);
      prevT = t[i];
      prevV = photons[i];
    }
    double endV = linear(photons, j1, to);
    sum += 0.5 * (prevV + endV) * (to - prevT);
    return sum / (to - from);
  }

  private double linear(double[] v, int j, double s) {
    double u = (s - t[j]) / (t[j + 1] - t[j]);
    return v[j] + u * (v[j + 1] - v[j]);
  }

  /** Cubic Hermite interpolant on [t0, t1] with values and derivatives at both ends, at s. */
  static double hermite(double t0, double t1, double v0, double d0, double v1, double d1, double s) {
    double h = t1 - t0;
    double u = (s - t0) / h;
    double u2 = u * u;
    double u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * v0 + (u3 - 2 * u2 + u) * h * d0 + (-2 * u3 + 3 * u2) * v1 + (u3 - u2) * h * d1;
  }
}
