package org.qdlaser.stages.physics;

/**
 * From a measured spread of QD emission wavelengths to the model's detuning width (App. E): the
 * frequency spread is Delta nu_in = nu Delta lambda / lambda = c Delta lambda / lambda^2 (Eq. E1, in
 * Hz), and the paper compares it with the rates in s^-1 directly (1.3e12 Hz = 1300 gamma_nr, so
 * w_QD = Delta nu_in / gamma, with no factor 2 pi), which we follow to reproduce its w_QD ~ 0.13 gamma.
 * The detunings of the equations are angular frequencies (they stand beside the rate gamma in
 * -(gamma - i Delta nu_l)), so the consistent width is 2 pi Delta nu_in / gamma ~ 0.80 gamma
 * ({@link #angularWidthOverGamma}; docs/errata.md #9).
 */
public final class InhomogeneousBroadening {
  /** Speed of light in vacuum, m/s (exact, SI). */
  public static final double SPEED_OF_LIGHT = 299_792_458.0;

  private InhomogeneousBroadening() {}

  /** Delta nu_in = c Delta lambda / lambda^2, Hz (Eq. E1). */
  public static double frequencySpread(double wavelengthM, double wavelengthStdM) {
    if (!(wavelengthM > 0) || !(wavelengthStdM >= 0)) {
      throw new IllegalArgumentException("wavelength must be > 0 and its spread >= 0, got lambda = " + wavelengthM
          + " m, Delta lambda = " + wavelengthStdM + " m");
    }
    return SPEED_OF_LIGHT * wavelengthStdM / (wavelengthM * wavelengthM);
  }

  /** w_QD in units of gamma for a dephasing rate gamma (s^-1), as App. E computes it. */
  public static double widthOverGamma(double wavelengthM, double wavelengthStdM, double gammaPerSecond) {
    if (!(gammaPerSecond > 0)) {
      throw new IllegalArgumentException("gamma must be > 0 s^-1, got " + gammaPerSecond);
    }
    return frequencySpread(wavelengthM, wavelengthStdM) / gammaPerSecond;
  }

  /**
   * w_QD in units of gamma with the angular frequency 2 pi Delta nu_in, the unit of the model's
   * detunings (docs/errata.md #9): 0.80 for App. E's broader population, not the paper's 0.13.
   */
  public static double angularWidthOverGamma(double wavelengthM, double wavelengthStdM, double gammaPerSecond) {
    return 2 * Math.PI * widthOverGamma(wavelengthM, wavelengthStdM, gammaPerSecond);
  }
}
