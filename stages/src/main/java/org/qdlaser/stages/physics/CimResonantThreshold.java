package org.qdlaser.stages.physics;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The lasing threshold of the CIM^(d) (D1) with resonant dots (every Delta nu_l = 0) and per-dot couplings g_l, by
 * reduction to two scalar equations: an independent truth for the threshold search, and the answer to whether the
 * threshold depends on the couplings only through sum_l g_l^2 (it does not).
 *
 * <p>Derivation. Below threshold b = 0 and <v_l+ c_l> = 0; write n_l = <c_l+ c_l>, p = <b+ b>, X_l = <b c_l+ v_l>,
 * a_l = g_l^2 / (gamma + gamma_c), Gamma = gamma_NL + gamma_nr. The steady state of (D1e) gives
 * X_l = g_l [n_l (1 + 2p) - p] / (gamma + gamma_c); of (D1c), n_l = (r + 2 a_l p) / (r + Gamma + 2 a_l (1 + 2p));
 * of (D1d), gamma_c p = sum_l a_l [n_l (1 + 2p) - p]. Linearised about it, (D1a-b) with Delta nu_l = 0 give
 * (lambda + gamma_c)(lambda + gamma) = S with S = sum_l g_l^2 (2 n_l - 1): real eigenvalues for S > 0, one
 * crossing zero (a pitchfork, b -> -b symmetry) when
 * <pre>  sum_l g_l^2 (2 n_l - 1) = gamma gamma_c.</pre>
 * With equal couplings this is DESIGN.md's n_th = (1 + gamma gamma_c / (N g^2)) / 2 and
 * r_th = n_th (Gamma + 2 g^2 / gamma_c) / (1 - n_th). With a spread, n_l depends on g_l nonlinearly (dots with a
 * smaller coupling are depleted less by the incoherent photons), so two samples with the same sum g_l^2 have
 * different thresholds.
 *
 * <p>Solved here by nested Brent root finding (Hipparchus): p(r) from the photon balance, then r from the gain
 * condition, bracketed by doubling r from {@link #LOWEST_PUMP}.
 */
public final class CimResonantThreshold {
  /** Relative accuracy of both roots: round-off level, so that the result is a reference for the Newton searches. */
  static final double RELATIVE_ACCURACY = 1e-15;
  /** Lowest pump tried (units of gamma_nr): far below any threshold of the paper (1e3 .. 1e6). */
  static final double LOWEST_PUMP = 1e-6;
  private static final int MAX_EVALUATIONS = 1000;

  /**
   * The threshold: pump r_th and the photon number p at it (both normalised to gamma_nr), and the sum of the squared
   * couplings for the record.
   */
  public record Result(double pump, double photons, double sumSquaredCouplings) {}

  private final double gamma;
  private final double gammaC;
  private final double gammaTotal;
  private final double[] g2;
  private final double[] a;

  private CimResonantThreshold(DisperseParameters p) {
    for (int l = 0; l < p.n(); l++) {
      if (p.detuning(l) != 0) {
        throw new IllegalArgumentException("the reduction needs resonant dots (every detuning 0), dot " + l
            + " has detuning " + p.detuning(l));
      }
    }
    gamma = p.gamma();
    gammaC = p.gammaC();
    gammaTotal = p.gammaNl() + p.gammaNr();
    g2 = new double[p.n()];
    a = new double[p.n()];
    for (int l = 0; l < p.n(); l++) {
      g2[l] = p.coupling(l) * p.coupling(l);
      a[l] = g2[l] / (gamma + gammaC);
    }
  }

  /**
   * The threshold of the CIM^(d) with these parameters (their pump is ignored), or {@code null} when there is none
   * below {@link Parameter#MAX_RATE} (e.g. sum g_l^2 <= gamma gamma_c: the gain never exceeds the losses).
   *
   * @throws IllegalArgumentException if a detuning is not 0
   */
  public static Result of(DisperseParameters p) {
    return new CimResonantThreshold(p).solve();
  }

  private Result solve() {
    double lo = LOWEST_PUMP;
    if (gain(lo) >= 0) {
      throw new IllegalStateException("the gain condition holds already at r = " + lo + ": no threshold above it");
    }
    double hi = 2 * lo;
    while (gain(hi) < 0) {
      lo = hi;
      hi *= 2;
      if (hi > Parameter.MAX_RATE) {
        return null;
      }
    }
    BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL, Double.MIN_NORMAL);
    double r = solver.solve(MAX_EVALUATIONS, this::gain, lo, hi);
    double s = 0;
    for (double v : g2) {
      s += v;
    }
    return new Result(r, photons(r), s);
  }

  /** sum_l g_l^2 (2 n_l - 1) - gamma gamma_c at pump r (negative below threshold). */
  private double gain(double r) {
    double p = photons(r);
    double s = 0;
    for (int l = 0; l < g2.length; l++) {
      s += g2[l] * (2 * population(l, r, p) - 1);
    }
    return s - gamma * gammaC;
  }

  /** The non-lasing photon number at pump r: root of gamma_c p = sum_l a_l [n_l (1 + 2p) - p]. */
  double photons(double r) {
    UnivariateFunction balance = p -> {
      double s = 0;
      for (int l = 0; l < a.length; l++) {
        s += a[l] * (population(l, r, p) * (1 + 2 * p) - p);
      }
      return s - gammaC * p;
    };
    double hi = 1;
    while (balance.value(hi) > 0) {
      hi *= 2;
      if (hi > 1e300) {
        throw new IllegalStateException("no photon number balances the emission at r = " + r);
      }
    }
    return new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL, Double.MIN_NORMAL).solve(MAX_EVALUATIONS, balance, 0, hi);
  }

  private double population(int l, double r, double p) {
    return (r + 2 * a[l] * p) / (r + gammaTotal + 2 * a[l] * (1 + 2 * p));
  }
}
