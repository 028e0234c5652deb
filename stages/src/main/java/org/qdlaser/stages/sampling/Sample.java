package org.qdlaser.stages.sampling;

/**
 * A quantum-dot ensemble: per-dot detuning and coupling (normalised to gamma_nr), with statistics.
 *
 * @param detunings Delta nu_l per dot (copy)
 * @param couplings g_l per dot (copy)
 * @param description how it was generated (e.g. "identical")
 */
public record Sample(double[] detunings, double[] couplings, String description) {
  public Sample {
    if (detunings.length == 0 || detunings.length != couplings.length) {
      throw new IllegalArgumentException(
          "a sample needs one detuning and one coupling per dot, got " + detunings.length + " and " + couplings.length);
    }
    detunings = detunings.clone();
    couplings = couplings.clone();
  }

  /** N identical dots at detuning {@code deltaNu} with coupling {@code g}. */
  public static Sample identical(int n, double deltaNu, double g) {
    double[] d = new double[n];
    double[] c = new double[n];
    java.util.Arrays.fill(d, deltaNu);
    java.util.Arrays.fill(c, g);
    return new Sample(d, c, "identical");
  }

  public int size() {
    return detunings.length;
  }

  @Override
  public double[] detunings() {
    return detunings.clone();
  }

  @Override
  public double[] couplings() {
    return couplings.clone();
  }

  /** Mean detuning. */
  public double meanDetuning() {
    double s = 0;
    for (double d : detunings) {
      s += d;
    }
    return s / detunings.length;
  }

  /** Sample standard deviation w-bar of the detunings (population form, divisor N, as a width). */
  public double detuningStd() {
    double m = meanDetuning();
    double s = 0;
    for (double d : detunings) {
      s += (d - m) * (d - m);
    }
    return Math.sqrt(s / detunings.length);
  }
}
