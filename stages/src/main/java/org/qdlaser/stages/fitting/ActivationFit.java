package org.qdlaser.stages.fitting;

/**
 * The Lorentzian activation curve of Eq. (2), f(dnu) = a_L / (1 + (dnu / w_L)^2), fitted twice to
 * the time-averaged per-dot {@code |<v_l+ c_l>|^2} against detuning / gamma:
 *
 * <ul>
 *   <li>{@link #unscaled}: to the values themselves. The paper (Sec. IV, after Eq. 2): "a_L is the
 *       maximum of |<v_l^+ c_l>|^2"; Figs. 6 and 10 compare a_L across widths and samples, which
 *       only the unscaled curve can show.
 *   <li>{@link #scaled}: to the values divided by their maximum ("scaled in the range [0, 1]", Fig. 4
 *       caption), whose a_L is ~1 by construction (the paper's Fig. 4: a_L = 1.016).
 * </ul>
 *
 * Least squares is equivariant under scaling the data, so {@code scaled.aL = unscaled.aL /
 * maxActivation} and the widths and R^2 agree; both fits are computed independently (the test of
 * this class checks the equivariance, i.e. the optimiser's convergence). w_L is in units of gamma.
 *
 * @param unscaled fit to {@code |<v+c>|^2}
 * @param scaled fit to {@code |<v+c>|^2 / max}
 * @param maxActivation the largest {@code |<v+c>|^2} over the dots
 */
public record ActivationFit(Lorentzian unscaled, Lorentzian scaled, double maxActivation) {

  /**
   * One Lorentzian fit.
   *
   * @param aL amplitude (units of the data)
   * @param wL width (units of the detuning axis: gamma)
   * @param aLStandardError one-sigma uncertainty of a_L
   * @param wLStandardError one-sigma uncertainty of w_L
   * @param rms root-mean-square residual (units of the data)
   * @param rSquared coefficient of determination
   */
  public record Lorentzian(double aL, double wL, double aLStandardError, double wLStandardError, double rms, double rSquared) {
    static Lorentzian of(FitResult f) {
      double[] p = f.parameters();
      double[] se = f.standardErrors();
      return new Lorentzian(p[0], p[1], se[0], se[1], f.rms(), f.rSquared());
    }
  }

  /**
   * Both fits.
   *
   * @param detuningOverGamma per-dot detuning / gamma (caller-owned, read only)
   * @param activation per-dot {@code |<v+c>|^2}, finite and not all zero (caller-owned, read only)
   */
  public static ActivationFit of(double[] detuningOverGamma, double[] activation) {
    double max = 0;
    for (double a : activation) {
      if (!Double.isFinite(a) || a < 0) {
        throw new IllegalArgumentException("activation must be finite and non-negative, got " + a);
      }
      max = Math.max(max, a);
    }
    if (max == 0) {
      throw new IllegalArgumentException("activation is zero on every dot: no curve to fit (not lasing?)");
    }
    double[] scaled = new double[activation.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = activation[i] / max;
    }
    return new ActivationFit(Lorentzian.of(CurveFitter.lorentzian(detuningOverGamma, activation)),
        Lorentzian.of(CurveFitter.lorentzian(detuningOverGamma, scaled)), max);
  }
}
