package org.qdlaser.pipeline.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.plan.ModelRun;

/**
 * The name a figure's legend gives a model run, in the paper's words: "TPM (mu = 0)", "TPM^(d) (mu = 0,
 * 90 % identical dots, w_QD = 1 gamma, S1)", not the run's internal label ("TPM_mu0", "TPM_d_f0.9"), which
 * stays in data tables and file names.
 */
final class DisplayName {
  private DisplayName() {}

  static String of(ModelRun run) {
    String base = switch (run.kind()) {
      case CIM -> "CIM";
      case TPM_IF -> "TPM_IF";
      case TPM -> "TPM";
      case CIM_d -> "CIM^(d)";
      case TPM_IF_d -> "TPM_IF^(d)";
      case TPM_d -> "TPM^(d)";
    };
    List<String> details = new ArrayList<>();
    if (run.kind().name().startsWith("TPM") && !run.kind().name().startsWith("TPM_IF")) {
      // mu (phonon scattering) is the TPM's own parameter (App. C); the other models do not have it
      details.add("mu = " + plain(BigDecimal.valueOf(run.parameters().mu())));
    }
    Map<String, String> s = run.sample();
    if (s.containsKey("identical_fraction")) {
      details.add(plain(new BigDecimal(s.get("identical_fraction")).movePointRight(2)) + " % at zero detuning");
    }
    if (s.containsKey("identical_coupling_fraction")) {
      details.add(plain(new BigDecimal(s.get("identical_coupling_fraction")).movePointRight(2)) + " % identical g");
    }
    if (s.containsKey("w_qd") && !(s.containsKey("identical_coupling_fraction") && new BigDecimal(s.get("w_qd")).signum() == 0)) {
      // a coupling spread on resonant dots (the Reply's reading) says "identical g"; its zero width is no detail
      details.add("w_QD = " + s.get("w_qd") + " gamma");
    }
    if (s.containsKey("seed")) {
      details.add("S" + s.get("seed"));
    }
    return details.isEmpty() ? base : base + " (" + String.join(", ", details) + ")";
  }

  /** The decimal as typed: 0, 0.05, 90 (no exponent, no trailing zeros). */
  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }
}
