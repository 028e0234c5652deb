package org.qdlaser.stages.sampling;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Draws QD ensembles. The generator is Hipparchus's WELL19937c seeded with the spec's seed, and the
 * Gaussian deviates are its {@code nextGaussian()} (polar Box–Muller on FastMath, pure Java), so the
 * same seed gives the same sample on every machine and JVM.
 */
public final class SampleGenerator {
  private SampleGenerator() {}

  /**
   * A sample: tail dots first (+1, -1, +2, -2, ... times gamma), then identical dots at zero
   * detuning, then the Gaussian core N(0, (w gamma)^2).
   */
  public static Sample generate(SampleSpec spec) {
    RandomGenerator rng = new Well19937c(spec.seed());
    int n = spec.n();
    double[] d = new double[n];
    int i = 0;
    for (int k = 1; k <= spec.tail(); k++) {
      d[i++] = k * spec.gamma();
      d[i++] = -k * spec.gamma();
    }
    int identical = (int) Math.round(spec.identicalFraction() * n);
    for (int k = 0; k < identical; k++) {
      d[i++] = 0.0;
    }
    double sigma = spec.width() * spec.gamma();
    while (i < n) {
      d[i++] = sigma * rng.nextGaussian();
    }
    double[] g = new double[n];
    java.util.Arrays.fill(g, spec.coupling());
    String description = String.format(java.util.Locale.ROOT,
        "gaussian w_qd=%s gamma, seed=%d, tail=%d, identical_fraction=%s (WELL19937c)",
        spec.width(), spec.seed(), spec.tail(), spec.identicalFraction());
    return new Sample(d, g, description);
  }

  /** A sample from an explicit list of normalised detunings, all with coupling g. */
  public static Sample explicit(double[] detunings, double coupling) {
    for (int i = 0; i < detunings.length; i++) {
      if (!Double.isFinite(detunings[i])) {
        throw new IllegalArgumentException("detuning " + (i + 1) + " must be finite, got " + detunings[i]);
      }
    }
    double[] g = new double[detunings.length];
    java.util.Arrays.fill(g, coupling);
    return new Sample(detunings, g, "explicit list of " + detunings.length + " detunings");
  }
}
