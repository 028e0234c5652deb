package org.qdlaser.stages.physics.simple;

/**
 * A peak-normalised Gaussian line G(E) = exp(-(E - E0)^2 / (2 s^2)), s = FWHM / (2 sqrt(2 ln 2))
 * (spec 1b: the paper models every line shape as a Gaussian, Sec. 3.3).
 *
 * @param center E0, eV
 * @param fwhm full width at half maximum, eV, &gt; 0
 */
public record Gaussian(double center, double fwhm) {
  /** FWHM / s = 2 sqrt(2 ln 2). */
  public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

  public Gaussian {
    if (!Double.isFinite(center)) {
      throw new IllegalArgumentException("line centre must be finite, got " + center);
    }
    if (!(fwhm > 0 && fwhm < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("line FWHM must be positive and finite, got " + fwhm);
    }
  }

  /** Standard deviation s, eV. */
  public double sigma() {
    return fwhm / FWHM_PER_SIGMA;
  }

  public double value(double e) {
    double s = sigma();
    double d = e - center;
    return Math.exp(-d * d / (2 * s * s));
  }

  /** dG/dE, eV^-1. */
  public double derivative(double e) {
    double s = sigma();
    double d = e - center;
    return -d / (s * s) * Math.exp(-d * d / (2 * s * s));
  }
}
