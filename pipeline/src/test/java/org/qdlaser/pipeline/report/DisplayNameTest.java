package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;

/** Legends name runs as the paper does, not by their internal labels. */
class DisplayNameTest {
  @Test
  void namesTheModelItsMuAndItsSample() {
    LaserParameters p = LaserParameters.tableI();
    assertThat(DisplayName.of(new ModelRun("TPM_mu0", ModelKind.TPM, p, 0.97, Map.of()))).isEqualTo("TPM (mu = 0)");
    assertThat(DisplayName.of(new ModelRun("CIM", ModelKind.CIM, p, 0.97, Map.of()))).isEqualTo("CIM");
    assertThat(DisplayName.of(new ModelRun("TPM_IF", ModelKind.TPM_IF, p, 0.97, Map.of()))).isEqualTo("TPM_IF");
    assertThat(DisplayName.of(new ModelRun("TPM_d_f0.9", ModelKind.TPM_d, p, 0.97,
        Map.of("identical_fraction", "0.9", "w_qd", "1", "seed", "1"))))
        .isEqualTo("TPM^(d) (mu = 0, 90 % at zero detuning, w_QD = 1 gamma, S1)");
    assertThat(DisplayName.of(new ModelRun("CIM_d_w2_S3", ModelKind.CIM_d, p, 0.97, Map.of("w_qd", "2", "seed", "3"))))
        .isEqualTo("CIM^(d) (w_QD = 2 gamma, S3)");
    // the Reply's reading (identical couplings) on resonant dots: the zero width is no detail
    assertThat(DisplayName.of(new ModelRun("CIM_d_gf0.5", ModelKind.CIM_d, p, 0.97,
        Map.of("identical_coupling_fraction", "0.5", "w_qd", "0", "seed", "1"))))
        .isEqualTo("CIM^(d) (50 % identical g, S1)");
  }
}
