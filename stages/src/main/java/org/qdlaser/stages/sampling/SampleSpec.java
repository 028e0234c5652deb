package org.qdlaser.stages.sampling;

/**
 * How to draw a polydisperse ensemble of N dots.
 *
 * @param n number of dots N
 * @param width standard deviation w_QD of the Gaussian detunings, in units of gamma (>= 0)
 * @param gamma polarisation dephasing gamma in units of gamma_nr (the unit of the width)
 * @param seed generator seed; the paper's samples S1..S10 are seeds 1..10 here
 * @param tail number k_max of tail pairs at +-k gamma, k = 1..k_max (App. F uses 5), 0 for none
 * @param identicalFraction fraction of the dots placed at zero detuning (the Reply's 90 % and 50 %)
 * @param coupling light-matter coupling g of the identical-coupling dots (units of gamma_nr)
 * @param identicalCouplingFraction fraction of the dots with coupling {@code coupling} (the Reply's "identical QD
 *     coefficients"; 1: all); the others have couplings of a standing-wave mode at random positions
 *     ({@link SampleGenerator#spreadCouplings}), with sum_n g_n^2 = N g^2
 */
public record SampleSpec(int n, double width, double gamma, long seed, int tail, double identicalFraction, double coupling,
    double identicalCouplingFraction) {

  /** All dots with the coupling {@code coupling}. */
  public SampleSpec(int n, double width, double gamma, long seed, int tail, double identicalFraction, double coupling) {
    this(n, width, gamma, seed, tail, identicalFraction, coupling, 1.0);
  }

  public SampleSpec {
    if (n < 1) {
      throw new IllegalArgumentException("number of dots N must be >= 1, got " + n);
    }
    if (!(width >= 0) || !Double.isFinite(width)) {
      throw new IllegalArgumentException("width w_qd must be finite and >= 0 (units of gamma), got " + width);
    }
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be positive, got " + gamma);
    }
    if (tail < 0 || 2 * tail > n) {
      throw new IllegalArgumentException("tail must be in [0, N/2] = [0, " + n / 2 + "], got " + tail);
    }
    if (!(identicalFraction >= 0 && identicalFraction <= 1)) {
      throw new IllegalArgumentException("identical_fraction must be in [0, 1], got " + identicalFraction);
    }
    if (tail > 0 && identicalFraction > 0) {
      throw new IllegalArgumentException("tail and identical_fraction cannot be combined");
    }
    if (!Double.isFinite(coupling)) {
      throw new IllegalArgumentException("coupling g must be finite, got " + coupling);
    }
    if (!(identicalCouplingFraction >= 0 && identicalCouplingFraction <= 1)) {
      throw new IllegalArgumentException("identical_coupling_fraction must be in [0, 1], got " + identicalCouplingFraction);
    }
  }
}
