package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.stages.diagnostics.FrequencyPulling;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.physics.LaserParameters;

/** The summary's frequency pulling and physical bounds, per model over the steady lasing states. */
class ActivationDiagnosticsTest {
  private static final LaserParameters P = LaserParameters.tableI();
  private static final double[] DETUNINGS = {-3000, -500, 200, 1500, 4000};
  private static final double[] COUPLINGS = {1, 1, 1, 1, 1};
  private static final double[] N = {0.8, 0.85, 0.9, 0.86, 0.82};

  private static ActivationDiagnostics.Run run(String label, String model, double omega, double[] activation,
      Verdict verdict, double incoherent) {
    StateSummary st = new StateSummary(1e5, verdict != Verdict.NON_LASING, 100, omega, 1e4, incoherent, true, 1e-10,
        verdict, null, null, null);
    ActivationTable t = ActivationTable.of(DETUNINGS, P.gamma(), activation, 1, N);
    return ActivationDiagnostics.of(label, model, P, st, new SampleTable(DETUNINGS, COUPLINGS), t);
  }

  @Test
  void theRelationsFixedPointHasNoResidualAndAShiftedOmegaIsReportedAsIs() {
    double omega = FrequencyPulling.predictOmega(P.gamma(), P.gammaC(), DETUNINGS, COUPLINGS, N);
    double[] act = {0.1, 0.1, 0.1, 0.1, 0.1};
    Map<String, Object> summary = new TreeMap<>();
    ActivationDiagnostics.summarise(List.of(run("CIM_d_S1", "CIM_d", omega, act, Verdict.LASING, 5),
        run("TPM_d_S1", "TPM_d", omega + 0.25, act, Verdict.LASING, 5),
        run("TPM_d_S2", "TPM_d", 7, act, Verdict.UNSETTLED, 5)), summary);

    Map<?, ?> pulling = (Map<?, ?>) summary.get("frequency_pulling");
    Map<?, ?> cim = (Map<?, ?>) pulling.get("CIM_d");
    Map<?, ?> tpm = (Map<?, ?>) pulling.get("TPM_d");
    assertThat((Double) cim.get("max_abs_difference")).isLessThan(1e-12 * Math.abs(omega) + 1e-15);
    // The unsettled state is left out: one state, the shifted one.
    assertThat(tpm.get("states")).isEqualTo(1);
    assertThat((Double) tpm.get("max_abs_difference")).isCloseTo(0.25, within(1e-3));
  }

  @Test
  void dotsAboveTheTwoLevelBoundAndNegativeIncoherentPhotonsAreCounted() {
    // n (1 - n) = 0.16, 0.1275, 0.09, 0.1204, 0.1476: the second and fourth dots exceed it.
    double[] act = {0.1, 0.2, 0.05, 0.13, 0.1};
    Map<String, Object> summary = new TreeMap<>();
    ActivationDiagnostics.summarise(List.of(run("CIM_d_S1", "CIM_d", 1, act, Verdict.LASING, -3),
        run("CIM_d_S2", "CIM_d", 1, new double[] {0.1, 0.1, 0.05, 0.1, 0.1}, Verdict.LASING, 2)), summary);

    Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) summary.get("physical_bounds")).get("CIM_d");
    assertThat(b.get("states")).isEqualTo(2);
    assertThat(b.get("states_violating_two_level_bound")).isEqualTo(1);
    assertThat(b.get("max_dots_violating")).isEqualTo(2);
    assertThat((Double) b.get("worst_ratio")).isCloseTo(0.2 / (0.85 * 0.15), within(1e-12));
    assertThat(b.get("worst_run")).isEqualTo("CIM_d_S1");
    assertThat(b.get("states_with_negative_incoherent_photons")).isEqualTo(1L);
    String html = org.qdlaser.stages.report.HtmlReport.builder("t")
        .section(ActivationDiagnostics.section(List.of(run("CIM_d_S1", "CIM_d", 1, act, Verdict.LASING, -3)))).build()
        .toHtml();
    assertThat(html).contains("States outside the bounds (1)").contains("CIM_d_S1");
  }
}
