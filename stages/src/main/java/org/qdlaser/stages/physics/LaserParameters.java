package org.qdlaser.stages.physics;

/**
 * Parameters of the identical-dot laser models, all rates normalised to the non-radiative decay
 * rate gamma_nr (so {@code gamma = 1e4} means 1e13 s^-1 when gamma_nr = 1e9 s^-1).
 *
 * @param gamma polarisation dephasing rate gamma
 * @param gammaC cavity (laser mode) decay rate gamma_c
 * @param gammaNl decay rate into non-lasing modes gamma_NL
 * @param gammaNr non-radiative decay rate (1 in normalised units)
 * @param g light-matter coupling (real)
 * @param mu phonon dephasing parameter (dimensionless, >= 0)
 * @param n number of quantum dots N
 * @param r pump rate per emitter
 * @param deltaNu detuning nu - nu_eps of the (identical) dots
 */
public record LaserParameters(
    double gamma, double gammaC, double gammaNl, double gammaNr, double g, double mu, int n, double r,
    double deltaNu) {

  /** Normalised spontaneous emission rate into the cavity mode of Table I (9.7e8 s^-1 / 1e9 s^-1). */
  public static final double GAMMA_L_TABLE_I = 0.97;

  public LaserParameters {
    requirePositive("gamma", gamma);
    requirePositive("gamma_c", gammaC);
    requireNonNegative("gamma_nl", gammaNl);
    requirePositive("gamma_nr", gammaNr);
    requireFinite("g", g);
    requireNonNegative("mu", mu);
    if (n < 1) {
      throw new IllegalArgumentException("number of dots N must be >= 1, got " + n);
    }
    requireNonNegative("r", r);
    requireFinite("delta_nu", deltaNu);
  }

  /** Table I of the paper in normalised units: N = 50, beta = 1 (gamma_NL = 0), r = 2e14 s^-1. */
  public static LaserParameters tableI() {
    return new LaserParameters(1e4, 10.0, 0.0, 1.0, 70.0, 0.0, 50, 2e5, 0.0);
  }

  /** gamma_NL = gamma_l (1 - beta) / beta for a spontaneous emission factor beta in (0, 1]. */
  public static double gammaNlFromBeta(double beta, double gammaL) {
    if (!(beta > 0 && beta <= 1)) {
      throw new IllegalArgumentException("beta must be in (0, 1], got " + beta);
    }
    return gammaL * (1 - beta) / beta;
  }

  /**
   * These parameters with one replaced by a normalised value: the rates, mu, N (rounded value) and
   * r. beta and gamma_l set gamma_NL together ({@link #gammaNlFromBeta}); the sample options are not
   * laser parameters.
   *
   * @throws IllegalArgumentException for beta, gamma_l and the sample options, or an invalid value
   */
  public LaserParameters with(Parameter p, double value) {
    return switch (p) {
      case GAMMA -> new LaserParameters(value, gammaC, gammaNl, gammaNr, g, mu, n, r, deltaNu);
      case GAMMA_C -> new LaserParameters(gamma, value, gammaNl, gammaNr, g, mu, n, r, deltaNu);
      case GAMMA_NL -> new LaserParameters(gamma, gammaC, value, gammaNr, g, mu, n, r, deltaNu);
      case GAMMA_NR -> new LaserParameters(gamma, gammaC, gammaNl, value, g, mu, n, r, deltaNu);
      case G -> withG(value);
      case MU -> withMu(value);
      case N -> withN((int) value);
      case R -> withR(value);
      case DELTA_NU -> withDeltaNu(value);
      default -> throw new IllegalArgumentException(p + " is not set on its own: " + (p == Parameter.BETA || p == Parameter.GAMMA_L
          ? "beta and gamma_l give gamma_nl together" : "it is a sample option"));
    };
  }

  public LaserParameters withR(double value) {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, g, mu, n, value, deltaNu);
  }

  public LaserParameters withN(int value) {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, g, mu, value, r, deltaNu);
  }

  public LaserParameters withG(double value) {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, value, mu, n, r, deltaNu);
  }

  public LaserParameters withMu(double value) {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, g, value, n, r, deltaNu);
  }

  public LaserParameters withDeltaNu(double value) {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, g, mu, n, r, value);
  }

  private static void requireFinite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite, got " + v);
    }
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
