package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.Verdict;

/** Model against model on the same sample (Figs. 4, 5): relative differences and the scaled curves dot by dot. */
class ModelAgreementTest {
  private static ActivationFigures.Run run(String model, long seed, boolean lasing, double omega, double aL, double wL,
      double[] scaled) {
    return new ActivationFigures.Run(model + "_S" + seed, model, 1, seed, lasing, omega, 100, aL, wL, 0.99, 1.2, 0, 1,
        new double[] {-1, 0, 1}, scaled, lasing ? Verdict.LASING : Verdict.NON_LASING, Double.NaN, Double.NaN);
  }

  @Test
  void eachModelIsComparedWithTheFirstOnTheSameSample() {
    Map<String, Object> a = ModelAgreement.of(List.of(
        run("CIM_d", 3, true, 2.0, 1.0, 1.8, new double[] {0.5, 1, 0.4}),
        run("TPM_d", 3, true, 2.2, 1.01, 1.89, new double[] {0.52, 1, 0.37}),
        run("TPM_IF_d", 3, false, 0, Double.NaN, Double.NaN, new double[] {0, 0, 0})));
    Map<?, ?> tpm = (Map<?, ?>) a.get("TPM_d");
    assertThat(tpm.get("reference")).isEqualTo("CIM_d");
    assertThat(tpm.get("samples")).isEqualTo(1);
    assertThat((Double) tpm.get("max_relative_difference_omega")).isCloseTo(0.1, within(1e-12));
    assertThat((Double) tpm.get("max_relative_difference_w_L")).isCloseTo(0.05, within(1e-12));
    assertThat((Double) tpm.get("max_relative_difference_a_L")).isCloseTo(0.01, within(1e-12));
    assertThat((Double) tpm.get("max_abs_difference_scaled_activation")).isCloseTo(0.03, within(1e-12));
    // A model that does not lase is compared on no sample: its zero differences say nothing (the golden
    // checks therefore also require the count of samples compared).
    assertThat(((Map<?, ?>) a.get("TPM_IF_d")).get("samples")).isEqualTo(0);
  }
}
