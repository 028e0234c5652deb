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
    int sameCoupling = (int) Math.round(spec.identicalCouplingFraction() * n);
    // After the detunings, so that the detunings of every sample without a coupling spread stay as they were.
    spreadCouplings(g, sameCoupling, spec.coupling(), rng);
    String description = String.format(java.util.Locale.ROOT,
        "gaussian w_qd=%s gamma, seed=%d, tail=%d, identical_fraction=%s%s (WELL19937c)",
        spec.width(), spec.seed(), spec.tail(), spec.identicalFraction(),
        sameCoupling < n ? ", identical_coupling_fraction=" + spec.identicalCouplingFraction() : "");
    return new Sample(d, g, description);
  }

  /**
   * The couplings of the dots {@code from..N-1}: |g_n| of a standing-wave cavity mode at uniformly random positions,
   * g_n proportional to |cos(pi u_n)| with u_n uniform in [0, 1) (the Reply: "the coefficients g_ns depend on the
   * cavity-mode field at the QDs' positions"), scaled so that their mean square is exactly {@code g}^2. The sum
   * sum_n g_n^2, which alone sets the gain of identical resonant dots (N g^2 in the CIM threshold), is then the same
   * as with all couplings g: what changes is the spread alone, not the total coupling. Couplings are real and
   * positive: a phase of g_n is removed by rephasing the dot's operators (docs/decisions.md, "The Reply's
   * 'identical' dots").
   *
   * @param couplings per-dot couplings (caller-owned; entries {@code from..} are overwritten)
   */
  static void spreadCouplings(double[] couplings, int from, double g, RandomGenerator rng) {
    int m = couplings.length - from;
    if (m <= 0) {
      return;
    }
    double sumSquares = 0;
    for (int i = from; i < couplings.length; i++) {
      double c = Math.abs(Math.cos(Math.PI * rng.nextDouble()));
      couplings[i] = c;
      sumSquares += c * c;
    }
    if (!(sumSquares > 0)) {
      throw new IllegalStateException("all " + m + " drawn couplings are zero (positions at the nodes of the mode)");
    }
    double scale = Math.abs(g) * Math.sqrt(m / sumSquares);
    for (int i = from; i < couplings.length; i++) {
      couplings[i] *= scale;
    }
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
