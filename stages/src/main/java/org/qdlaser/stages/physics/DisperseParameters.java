package org.qdlaser.stages.physics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Parameters of the polydisperse laser models CIM^(d), TPM_IF^(d), TPM^(d) (App. B-D): the rates of
 * {@link LaserParameters} plus one detuning and one coupling per dot. All rates and detunings are
 * normalised to the non-radiative decay rate gamma_nr (1 in normalised units); couplings are real.
 *
 * <p>The arrays are copied on construction and every accessor returns a fresh copy, so an instance
 * is immutable; use {@link #detuning(int)} and {@link #coupling(int)} for allocation-free reads.
 *
 * @param gamma polarisation dephasing rate gamma
 * @param gammaC cavity (laser mode) decay rate gamma_c
 * @param gammaNl decay rate into non-lasing modes gamma_NL (0 for beta = 1)
 * @param gammaNr non-radiative decay rate (1 in normalised units)
 * @param mu phonon dephasing parameter (dimensionless, >= 0; enters only the two-dot TPM fields)
 * @param r pump rate per emitter
 * @param detunings per-dot detuning Delta_nu_l = nu - nu_eps_l, length N
 * @param couplings per-dot real light-matter coupling g_l, length N
 */
public record DisperseParameters(
    double gamma, double gammaC, double gammaNl, double gammaNr, double mu, double r,
    double[] detunings, double[] couplings) {

  public DisperseParameters {
    requirePositive("gamma", gamma);
    requirePositive("gamma_c", gammaC);
    requireNonNegative("gamma_nl", gammaNl);
    requirePositive("gamma_nr", gammaNr);
    requireNonNegative("mu", mu);
    requireNonNegative("r", r);
    Objects.requireNonNull(detunings, "detunings");
    Objects.requireNonNull(couplings, "couplings");
    if (detunings.length < 1) {
      throw new IllegalArgumentException("at least one dot is needed: detunings is empty");
    }
    if (detunings.length != couplings.length) {
      throw new IllegalArgumentException(
          "detunings and couplings must have one entry per dot, got " + detunings.length
              + " detunings and " + couplings.length + " couplings");
    }
    detunings = detunings.clone();
    couplings = couplings.clone();
    for (int l = 0; l < detunings.length; l++) {
      if (!Double.isFinite(detunings[l])) {
        throw new IllegalArgumentException("detunings[" + l + "] must be finite, got " + detunings[l]);
      }
      if (!Double.isFinite(couplings[l])) {
        throw new IllegalArgumentException("couplings[" + l + "] must be finite, got " + couplings[l]);
      }
    }
  }

  /**
   * All N dots equal to the identical-dot parameters: detuning {@code p.deltaNu()} and coupling
   * {@code p.g()} on every dot. The {@code _d} models then reduce to CIM, TPM_IF and TPM.
   */
  public static DisperseParameters identical(LaserParameters p) {
    double[] det = new double[p.n()];
    double[] cpl = new double[p.n()];
    Arrays.fill(det, p.deltaNu());
    Arrays.fill(cpl, p.g());
    return new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), det, cpl);
  }

  /**
   * Identical-dot rates with the given per-dot detunings and the same coupling {@code p.g()} on
   * every dot; {@code p.n()} and {@code p.deltaNu()} are ignored (N is the number of detunings).
   */
  public static DisperseParameters withDetunings(LaserParameters p, double[] detunings) {
    double[] cpl = new double[detunings.length];
    Arrays.fill(cpl, p.g());
    return new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), detunings, cpl);
  }

  /** Number of dots N. */
  public int n() {
    return detunings.length;
  }

  /** Detuning of dot l (0-based), without copying. */
  public double detuning(int l) {
    return detunings[l];
  }

  /** Coupling g_l of dot l (0-based), without copying. */
  public double coupling(int l) {
    return couplings[l];
  }

  /** Mean coupling (1/N) sum_l g_l. */
  public double meanCoupling() {
    double s = 0;
    for (double g : couplings) {
      s += g;
    }
    return s / couplings.length;
  }

  /** A copy of the per-dot detunings. */
  @Override
  public double[] detunings() {
    return detunings.clone();
  }

  /** A copy of the per-dot couplings. */
  @Override
  public double[] couplings() {
    return couplings.clone();
  }

  public DisperseParameters withR(double value) {
    return new DisperseParameters(gamma, gammaC, gammaNl, gammaNr, mu, value, detunings, couplings);
  }

  public DisperseParameters withMu(double value) {
    return new DisperseParameters(gamma, gammaC, gammaNl, gammaNr, value, r, detunings, couplings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DisperseParameters q
        && Double.compare(gamma, q.gamma) == 0
        && Double.compare(gammaC, q.gammaC) == 0
        && Double.compare(gammaNl, q.gammaNl) == 0
        && Double.compare(gammaNr, q.gammaNr) == 0
        && Double.compare(mu, q.mu) == 0
        && Double.compare(r, q.r) == 0
        && Arrays.equals(detunings, q.detunings)
        && Arrays.equals(couplings, q.couplings);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(gamma, gammaC, gammaNl, gammaNr, mu, r);
    return 31 * (31 * h + Arrays.hashCode(detunings)) + Arrays.hashCode(couplings);
  }

  @Override
  public String toString() {
    return "DisperseParameters[gamma=" + gamma + ", gammaC=" + gammaC + ", gammaNl=" + gammaNl
        + ", gammaNr=" + gammaNr + ", mu=" + mu + ", r=" + r + ", N=" + detunings.length
        + ", detunings=" + Arrays.toString(detunings) + ", couplings=" + Arrays.toString(couplings) + "]";
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
    }
  }
}
