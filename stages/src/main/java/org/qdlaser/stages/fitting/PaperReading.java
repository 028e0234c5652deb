package org.qdlaser.stages.fitting;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The paper's reading of a TPM^(d) transient (App. A): "We integrated each QD sample ... for at least
 * 100 time units ... We then fitted to &lt;b&gt; a decaying sinusoidal function f(t) = (a_inf + b e^{-ct})
 * cos(omega_inf t + phi), (A2), and used a_inf and omega_inf as estimates of the asymptotic amplitude
 * and frequency of the lasing solution. We checked the convergence of these two parameters by fitting
 * the data over increasing integration window sizes. omega_inf had converged to at least three
 * significant digits."
 *
 * <p>Here Eq. (A2) is fitted (Levenberg-Marquardt, {@link CurveFitter#decayingSinusoid}) to Re &lt;b&gt;
 * in the lab frame over the windows [t0, t0 + k T / K], k = 1..K, of a transient of length T;
 * a_inf and omega_inf are those of the longest window, their spread the largest deviation of the
 * other windows of the second half (k >= K / 2) from it, and omega_inf has converged to three
 * significant digits when that deviation is at most half a unit of its third significant digit.
 * The paper does not say where its windows start or how many there were; t0 (default 0, the start
 * of the integration) and K are parameters.
 *
 * @param aInf a_inf of the longest window (units of |&lt;b&gt;|)
 * @param omegaInf omega_inf of the longest window (units of gamma_nr; the sign of the fit's start,
 *     Eq. (A2) is even in (omega, phi))
 * @param aInfSpread largest |a_inf(k) - a_inf(K)| over the windows of the second half
 * @param omegaInfSpread largest |omega_inf(k) - omega_inf(K)| over the windows of the second half
 * @param omegaConverged whether omegaInfSpread is at most half a unit of omega_inf's third
 *     significant digit
 * @param aInfResolved whether the longest window resolves the decay of Eq. (A2), c T >= 1: otherwise
 *     a_inf + b e^{-ct} is nearly linear over the window, a_inf and b are determined only in
 *     combination, and a_inf is an extrapolation far beyond the data (a slowly drifting |b| is fitted
 *     by c -> 0 and a_inf, b of opposite signs and large)
 * @param windows every window's fit, shortest first; a window whose fit did not converge has NaN
 *     values ({@link Window#fitted()}), and so have the spreads when one of the second half did
 */
public record PaperReading(double aInf, double omegaInf, double aInfSpread, double omegaInfSpread,
    boolean omegaConverged, boolean aInfResolved, List<Window> windows) {
  public PaperReading {
    windows = List.copyOf(windows);
  }

  /**
   * One window's fit of Eq. (A2).
   *
   * @param end end of the window (1/gamma_nr; it starts at the reading's t0)
   * @param aInf a_inf
   * @param omegaInf omega_inf (units of gamma_nr)
   * @param b the transient amplitude b of Eq. (A2)
   * @param c its decay rate c (per unit time)
   * @param phi the phase
   * @param rms root-mean-square residual of the fit (units of |&lt;b&gt;|)
   * @param aInfError standard error of a_inf from the fit's covariance (infinite if singular)
   */
  public record Window(double end, double aInf, double omegaInf, double b, double c, double phi, double rms,
      double aInfError) {
    /** A window whose fit did not converge: every fitted value NaN. */
    static Window notFitted(double end) {
      return new Window(end, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether the fit of this window converged. */
    public boolean fitted() {
      return !Double.isNaN(aInf);
    }
  }

  /** Samples per period of the rotation in the fitted series (the field is interpolated onto them). */
  public static final int SAMPLES_PER_PERIOD = 20;

  /**
   * Fits Eq. (A2) over growing windows.
   *
   * @param t sample times, uniform, starting at t0 (1/gamma_nr)
   * @param re Re &lt;b&gt; at those times (lab frame)
   * @param bAbs |&lt;b&gt;| at those times (the fits' start: a_inf from the window's last tenth, b from its first)
   * @param omegaGuess the rotation frequency, e.g. the mean d arg &lt;b&gt; / dt (units of gamma_nr)
   * @param phaseAtStart arg &lt;b&gt; at t0 (rad)
   * @param windowCount K >= 2
   */
  public static PaperReading read(double[] t, double[] re, double[] bAbs, double omegaGuess, double phaseAtStart,
      int windowCount) {
    int n = t.length;
    if (re.length != n || bAbs.length != n) {
      throw new IllegalArgumentException("t, Re b and |b| must have equal lengths, got " + n + ", " + re.length + ", "
          + bAbs.length);
    }
    if (windowCount < 2) {
      throw new IllegalArgumentException("the paper's reading needs at least 2 windows, got " + windowCount);
    }
    if (n < 10 * windowCount) {
      throw new IllegalArgumentException("too few samples (" + n + ") for " + windowCount + " windows");
    }
    double t0 = t[0];
    double span = t[n - 1] - t0;
    List<Window> fits = new ArrayList<>();
    for (int k = 1; k <= windowCount; k++) {
      double end = t0 + span * k / windowCount;
      int m = 0;
      while (m < n && t[m] <= end + 1e-9 * span) {
        m++;
      }
      double[] tt = new double[m];
      double[] yy = new double[m];
      for (int i = 0; i < m; i++) {
        tt[i] = t[i] - t0;
        yy[i] = re[i];
      }
      double aEnd = 0;
      int tailFrom = (int) (0.9 * m);
      for (int i = tailFrom; i < m; i++) {
        aEnd += bAbs[i] / (m - tailFrom);
      }
      // each window is fitted on its own, from the data's own start values (as independent readings)
      double[] guess = {aEnd, bAbs[0] - aEnd, 1.0 / Math.max(end - t0, 1e-9), omegaGuess, phaseAtStart};
      FitResult f;
      try {
        f = CurveFitter.decayingSinusoid(tt, yy, guess);
      } catch (MathIllegalStateException notConverged) {
        // A field gone after a few units leaves omega undetermined and Levenberg-Marquardt wandering:
        // this window has no reading (NaN), and a reading with such a window is not converged.
        fits.add(Window.notFitted(end));
        continue;
      }
      double[] p = f.parameters();
      fits.add(new Window(end, p[0], p[3], p[1], p[2], p[4], f.rms(), f.standardErrors()[0]));
    }
    Window last = fits.get(fits.size() - 1);
    double aSpread = 0;
    double wSpread = 0;
    for (int k = windowCount / 2; k <= windowCount; k++) {
      Window w = fits.get(k - 1);
      aSpread = Math.max(aSpread, Math.abs(w.aInf() - last.aInf()));
      wSpread = Math.max(wSpread, Math.abs(w.omegaInf() - last.omegaInf()));
    }
    return new PaperReading(last.aInf(), last.omegaInf(), aSpread, wSpread,
        wSpread <= halfUnitOfThirdDigit(last.omegaInf()), last.c() * (last.end() - t0) >= 1, fits);
  }

  /** Half a unit in the third significant digit of x: 0.5e-2 for x in [1, 10). */
  static double halfUnitOfThirdDigit(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return 0;
    }
    return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 2);
  }
}
