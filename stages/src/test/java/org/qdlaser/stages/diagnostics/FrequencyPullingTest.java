package org.qdlaser.stages.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.physics.CimDisperseModel;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The frequency-pulling relation (derived from (D1a), (D1b): docs/decisions.md) on CIM^(d) lasing
 * states solved by rotating-frame Newton, which knows nothing of it.
 */
class FrequencyPullingTest {
  /**
   * The states are Newton-polished to a residual ~1e-9 of their largest component; the relation
   * then holds to ~1e-10 relative (measured 1e-11..1e-10). 1e-6 is the bound, with room for
   * other platforms' rounding.
   */
  static final double RELATIVE_TOLERANCE = 1e-6;

  @ParameterizedTest(name = "w_QD = {0} gamma, seed {1}, tail {2}")
  @CsvSource({"1, 3, 0", "1, 7, 0", "0.5, 2, 0", "2, 1, 0", "1, 3, 5", "0.2, 3, 5"})
  void cimDLasingStatesObeyTheRelation(double width, long seed, int tail) {
    CimDisperseModel m = (CimDisperseModel) DiagnosticStates.disperse(ModelKind.CIM_d, width, seed, tail);
    Equilibrium e = DiagnosticStates.solve(m);
    assertThat(e.lasing()).as("sample lases at Table I").isTrue();
    assertThat(Math.abs(e.omega())).as("detuned dots pull the frequency").isGreaterThan(1e-3);

    FrequencyPulling fp = FrequencyPulling.evaluate(m, e.state(), e.omega());
    assertThat(fp.relativeDifference()).isLessThan(RELATIVE_TOLERANCE);
    assertThat(fp.gainClampRatio()).isCloseTo(1.0, offset(RELATIVE_TOLERANCE));

    // The same frequency from the populations alone (fixed point of the relation).
    DisperseParameters p = m.parameters();
    double[] cc = new double[m.dots()];
    for (int l = 0; l < cc.length; l++) {
      cc[l] = e.state()[m.layout().field("Cc[" + l + "]").offset()];
    }
    double predicted = FrequencyPulling.predictOmega(p.gamma(), p.gammaC(), p.detunings(), p.couplings(), cc);
    assertThat(predicted).isCloseTo(e.omega(), offset(RELATIVE_TOLERANCE * Math.abs(e.omega())));
  }

  /** The check can fail: with the opposite sign convention for the detuning it is off by 2 omega. */
  @Test
  void theOppositeDetuningConventionViolatesIt() {
    CimDisperseModel m = (CimDisperseModel) DiagnosticStates.disperse(ModelKind.CIM_d, 1, 3, 0);
    Equilibrium e = DiagnosticStates.solve(m);
    DisperseParameters p = m.parameters();
    double[] flipped = p.detunings();
    for (int l = 0; l < flipped.length; l++) {
      flipped[l] = -flipped[l];
    }
    double[] cc = new double[m.dots()];
    for (int l = 0; l < cc.length; l++) {
      cc[l] = e.state()[m.layout().field("Cc[" + l + "]").offset()];
    }
    FrequencyPulling wrong = FrequencyPulling.evaluate(p.gamma(), p.gammaC(), flipped, p.couplings(), cc, e.omega());
    // 2 up to the O(omega / gamma) change of the weights.
    assertThat(wrong.relativeDifference()).isCloseTo(2.0, offset(0.01));
  }

  /** Analytic: a symmetric sample (+-d, equal populations) is not pulled; one detuned dot kind is pulled by gamma_c/(gamma + gamma_c). */
  @Test
  void analyticLimits() {
    double gamma = 1e4;
    double gammaC = 10;
    double[] g = {70, 70};
    assertThat(FrequencyPulling.predictOmega(gamma, gammaC, new double[] {3e3, -3e3}, g, new double[] {0.7, 0.7}))
        .isCloseTo(0.0, offset(1e-12));
    // All dots at the same detuning d: omega = gamma_c d / (gamma + gamma_c) exactly.
    double d = 5e3;
    assertThat(FrequencyPulling.predictOmega(gamma, gammaC, new double[] {d, d}, g, new double[] {0.7, 0.9}))
        .isCloseTo(gammaC * d / (gamma + gammaC), offset(1e-12 * d));
  }

  /** TPM_IF^(d) is not bound by it exactly ((C1b) couples to <b c+c>, not <b><c+c>), but nearly: a diagnostic there. */
  @Test
  void tpmIfDNearlyObeysIt() {
    Model m = DiagnosticStates.disperse(ModelKind.TPM_IF_d, 1, 3, 0);
    Equilibrium e = DiagnosticStates.solve(m);
    CimDisperseModel cim = (CimDisperseModel) DiagnosticStates.disperse(ModelKind.CIM_d, 1, 3, 0);
    double[] cc = new double[m.dots()];
    for (int l = 0; l < cc.length; l++) {
      cc[l] = e.state()[m.layout().field("Cc[" + l + "]").offset()];
    }
    DisperseParameters p = cim.parameters();
    FrequencyPulling fp = FrequencyPulling.evaluate(p.gamma(), p.gammaC(), p.detunings(), p.couplings(), cc, e.omega());
    // Fig. 5: "All three models predict similar oscillation frequencies".
    assertThat(fp.relativeDifference()).isLessThan(0.05);
  }
}
