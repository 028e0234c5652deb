package org.qdlaser.stages.fitting;

/**
 * The oscillation of a complex signal z(t) = x + i y that rotates at one frequency (the lasing
 * field of detuned dots in the lab frame, Fig. 11): the angular frequency is the least-squares
 * slope of the unwrapped phase arg z(t), and the modulus is summarised by its mean and relative
 * spread. Needs samples closer than half a period (the integrator resolves the oscillation, so
 * its accepted steps are).
 *
 * @param angularFrequency d arg z / dt (1/time unit of t); its sign is the sense of rotation
 * @param phaseRms rms deviation of the unwrapped phase from the straight line (rad)
 * @param modulusMean mean |z| over the samples
 * @param modulusRelativeSpread (max |z| - min |z|) / mean |z|
 * @param periods number of periods covered by the samples
 */
public record OscillationFit(double angularFrequency, double phaseRms, double modulusMean, double modulusRelativeSpread,
    double periods) {

  public static OscillationFit fit(double[] t, double[] x, double[] y) {
    int n = t.length;
    if (n < 3 || x.length != n || y.length != n) {
      throw new IllegalArgumentException("oscillation fit needs >= 3 samples of equal length, got " + n);
    }
    double[] phase = new double[n];
    double prev = Math.atan2(y[0], x[0]);
    phase[0] = prev;
    for (int i = 1; i < n; i++) {
      double p = Math.atan2(y[i], x[i]);
      double d = p - prev;
      d -= 2 * Math.PI * Math.rint(d / (2 * Math.PI));
      phase[i] = phase[i - 1] + d;
      prev = p;
    }
    double mt = 0;
    double mp = 0;
    for (int i = 0; i < n; i++) {
      mt += t[i] / n;
      mp += phase[i] / n;
    }
    double stt = 0;
    double stp = 0;
    for (int i = 0; i < n; i++) {
      stt += (t[i] - mt) * (t[i] - mt);
      stp += (t[i] - mt) * (phase[i] - mp);
    }
    if (!(stt > 0)) {
      throw new IllegalArgumentException("oscillation fit needs samples at distinct times");
    }
    double slope = stp / stt;
    double rss = 0;
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < n; i++) {
      double r = phase[i] - mp - slope * (t[i] - mt);
      rss += r * r;
      double m = Math.hypot(x[i], y[i]);
      mean += m / n;
      min = Math.min(min, m);
      max = Math.max(max, m);
    }
    double periods = Math.abs(phase[n - 1] - phase[0]) / (2 * Math.PI);
    return new OscillationFit(slope, Math.sqrt(rss / n), mean, mean > 0 ? (max - min) / mean : Double.NaN, periods);
  }
}
