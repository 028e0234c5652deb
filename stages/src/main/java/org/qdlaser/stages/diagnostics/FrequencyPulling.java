package org.qdlaser.stages.diagnostics;

import org.qdlaser.stages.physics.CimDisperseModel;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.StateLayout;

/**
 * The frequency-pulling relation of CIM^(d) lasing states, exact for any steady state rotating at
 * omega (derived from (D1a) and (D1b) in docs/decisions.md, "Frequency pulling"):
 *
 * <pre>
 *   omega = gamma_c / (gamma + gamma_c) * sum_l W_l dnu_l / sum_l W_l,
 *   W_l   = g_l^2 (2 n_l - 1) / (gamma^2 + (omega - dnu_l)^2),
 * </pre>
 *
 * and, from the real part of the same equation, the gain clamp {@code gamma sum_l W_l = gamma_c}.
 * Conventions are the code's and the paper's: {@code dnu_l = nu - nu_eps_l} (B6) enters (D1b) as
 * {@code -(gamma - i dnu_l)}, and a state rotating at omega has {@code <b>(t) = |b| e^{i omega t}}
 * (RotatingFrame: f(z) = omega A z with A the phase generator). Rates, detunings and omega in units
 * of gamma_nr.
 *
 * @param omega the state's rotation frequency
 * @param pulledOmega the right-hand side of the relation, evaluated with the state's populations and omega
 * @param difference {@code omega - pulledOmega}
 * @param gainClampRatio {@code gamma sum_l W_l / gamma_c}, 1 for a CIM^(d) lasing state
 */
public record FrequencyPulling(double omega, double pulledOmega, double difference, double gainClampRatio) {

  /** {@code |difference| / |omega|} (NaN for omega = 0). */
  public double relativeDifference() {
    return omega == 0 ? Double.NaN : Math.abs(difference) / Math.abs(omega);
  }

  /**
   * The relation evaluated on per-dot values (arrays caller-owned, read only).
   *
   * @param gamma polarisation dephasing rate
   * @param gammaC cavity decay rate
   * @param detunings per-dot dnu_l
   * @param couplings per-dot real g_l
   * @param upperPopulation per-dot n_l = {@code <c_l+ c_l>}
   * @param omega the state's rotation frequency
   */
  public static FrequencyPulling evaluate(
      double gamma, double gammaC, double[] detunings, double[] couplings, double[] upperPopulation, double omega) {
    int n = detunings.length;
    if (couplings.length != n || upperPopulation.length != n) {
      throw new IllegalArgumentException("detunings, couplings and populations must have equal lengths, got "
          + n + ", " + couplings.length + ", " + upperPopulation.length);
    }
    double sw = 0;
    double swd = 0;
    for (int l = 0; l < n; l++) {
      double dw = omega - detunings[l];
      double w = couplings[l] * couplings[l] * (2 * upperPopulation[l] - 1) / (gamma * gamma + dw * dw);
      sw += w;
      swd += w * detunings[l];
    }
    double pulled = gammaC / (gamma + gammaC) * swd / sw;
    return new FrequencyPulling(omega, pulled, omega - pulled, gamma * sw / gammaC);
  }

  /** The relation on a CIM^(d) state (its populations Cc[l] and the model's detunings and couplings). */
  public static FrequencyPulling evaluate(CimDisperseModel model, double[] state, double omega) {
    DisperseParameters p = model.parameters();
    StateLayout layout = model.layout();
    int n = model.dots();
    double[] cc = new double[n];
    for (int l = 0; l < n; l++) {
      cc[l] = state[layout.field("Cc[" + l + "]").offset()];
    }
    return evaluate(p.gamma(), p.gammaC(), p.detunings(), p.couplings(), cc, omega);
  }

  /**
   * Omega predicted from the populations alone: the fixed point of the relation, by iteration from
   * omega = 0. The map's slope is ~ gamma_c / (gamma + gamma_c) * |omega - dnu| / gamma^2 &lt;&lt; 1 at
   * the paper's rates (omega ~ 1 against gamma = 1e4), so a few iterations reach rounding.
   */
  public static double predictOmega(
      double gamma, double gammaC, double[] detunings, double[] couplings, double[] upperPopulation) {
    double omega = 0;
    for (int k = 0; k < 100; k++) {
      double next = evaluate(gamma, gammaC, detunings, couplings, upperPopulation, omega).pulledOmega();
      if (Math.abs(next - omega) <= 1e-15 * Math.max(Math.abs(next), Double.MIN_NORMAL)) {
        return next;
      }
      omega = next;
    }
    throw new IllegalStateException("frequency-pulling iteration did not converge in 100 steps (omega = " + omega + ")");
  }
}
