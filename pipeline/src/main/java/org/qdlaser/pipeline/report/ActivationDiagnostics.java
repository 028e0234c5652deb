package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.stages.diagnostics.FrequencyPulling;
import org.qdlaser.stages.diagnostics.PhysicalBounds;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.physics.LaserParameters;

/**
 * Issue 15: two diagnostics of an activation study's steady lasing states, from their artifacts (the
 * per-dot populations n_l of {@code equilibrium/<label>-activation}): the frequency-pulling relation
 * ({@link FrequencyPulling}, exact in CIM^(d), an approximation in the two-particle models) and the
 * physical bounds ({@link PhysicalBounds}: the two-level bound per dot, the incoherent photon number).
 * Each figure's summary gains {@code frequency_pulling} and {@code physical_bounds}, per model over the
 * figure's steady lasing states (unsettled and non-lasing states have neither a rotation frequency of
 * a steady state nor a place in the paper's figures' fits).
 */
final class ActivationDiagnostics {
  private ActivationDiagnostics() {}

  /**
   * A run's diagnostics (null pulling and bounds for a state that is not a steady lasing state).
   *
   * @param label run label
   * @param model model name
   * @param pulling the relation on the state's populations and omega
   * @param bounds the state's bounds
   */
  record Run(String label, String model, FrequencyPulling pulling, PhysicalBounds bounds) {}

  static Run of(String label, String model, LaserParameters p, StateSummary st, SampleTable s, ActivationTable t) {
    if (st.verdict() != Verdict.LASING || !st.lasing()) {
      return new Run(label, model, null, null);
    }
    double[] n = t.upperPopulation();
    FrequencyPulling fp = FrequencyPulling.evaluate(p.gamma(), p.gammaC(), s.detunings(), s.couplings(), n, st.omega());
    double incoherent = st.incoherentPhotons() == null ? Double.NaN : st.incoherentPhotons();
    return new Run(label, model, fp, PhysicalBounds.of(incoherent, t.activation(), n, 1));
  }

  /** {@code frequency_pulling} and {@code physical_bounds} of a figure's runs, per model, into its summary. */
  static void summarise(List<Run> runs, Map<String, Object> summary) {
    Map<String, List<Run>> byModel = byModel(runs);
    Map<String, Object> pulling = new TreeMap<>();
    Map<String, Object> bounds = new TreeMap<>();
    byModel.forEach((model, rs) -> {
      pulling.put(model, pulling(rs));
      bounds.put(model, bounds(rs));
    });
    summary.put("frequency_pulling", pulling);
    summary.put("physical_bounds", bounds);
  }

  private static Map<String, List<Run>> byModel(List<Run> runs) {
    Map<String, List<Run>> byModel = new TreeMap<>();
    for (Run r : runs) {
      if (r.pulling() != null) {
        byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
      }
    }
    return byModel;
  }

  private static Map<String, Object> pulling(List<Run> rs) {
    double maxAbs = 0;
    double maxRel = 0;
    double maxClamp = 0;
    String worst = null;
    for (Run r : rs) {
      FrequencyPulling fp = r.pulling();
      double d = Math.abs(fp.difference());
      if (worst == null || d > maxAbs) {
        maxAbs = d;
        worst = r.label();
      }
      if (Double.isFinite(fp.relativeDifference())) {
        maxRel = Math.max(maxRel, fp.relativeDifference());
      }
      maxClamp = Math.max(maxClamp, Math.abs(fp.gainClampRatio() - 1));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("states", rs.size());
    m.put("max_abs_difference", maxAbs);
    m.put("max_relative_difference", maxRel);
    m.put("max_gain_clamp_deviation", maxClamp);
    m.put("worst_run", worst);
    return m;
  }

  private static Map<String, Object> bounds(List<Run> rs) {
    int violating = 0;
    int maxDots = 0;
    double worstRatio = Double.NaN;
    String worstRun = null;
    double minIncoherent = Double.POSITIVE_INFINITY;
    for (Run r : rs) {
      PhysicalBounds b = r.bounds();
      if (b.dotsViolating() > 0) {
        violating++;
      }
      maxDots = Math.max(maxDots, b.dotsViolating());
      if (worstRun == null || b.worstRatio() > worstRatio) {
        worstRatio = b.worstRatio();
        worstRun = r.label();
      }
      minIncoherent = Math.min(minIncoherent, b.incoherentPhotons());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("states", rs.size());
    m.put("states_violating_two_level_bound", violating);
    m.put("max_dots_violating", maxDots);
    m.put("worst_ratio", Double.isFinite(worstRatio) ? worstRatio : null);
    m.put("worst_run", worstRun);
    m.put("states_with_negative_incoherent_photons", rs.stream().filter(r -> r.bounds().incoherentPhotons() < 0).count());
    m.put("min_incoherent_photons", Double.isFinite(minIncoherent) ? minIncoherent : null);
    return m;
  }

  /** The report's section: both diagnostics per model, and which figures rest on states outside the bounds. */
  static HtmlReport.Section section(List<Run> runs) {
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Frequency pulling and physical bounds")
        .paragraph("Frequency pulling (docs/decisions.md, derived from (D1a), (D1b)): omega = gamma_c/(gamma + gamma_c) "
            + "sum_l W_l Delta_nu_l / sum_l W_l with W_l = g_l^2 (2 n_l - 1)/(gamma^2 + (omega - Delta_nu_l)^2), evaluated "
            + "on each steady lasing state's populations n_l and omega. Exact in CIM_d; the two-particle models (TPM_IF_d, "
            + "TPM_d) carry the correlations <b+ c> etc. that the relation leaves out, so there it is an approximation.")
        .paragraph("Physical bounds (docs/decisions.md, 'Physical bounds'): every dot of a quantum state has "
            + "|<v_l+ c_l>|^2 <= n_l (1 - n_l) <= 1/4, and <b+b> - |<b>|^2 >= 0. The truncated equations do not enforce "
            + "them; states outside them are reported, not rejected (the paper's figures are built from them).");
    HtmlBlocks.Table.Builder t = HtmlBlocks.Table.builder("Per model, over the steady lasing states")
        .columns("model", "states", "max |omega - pulled| (gamma_nr)", "max relative", "max |gain clamp - 1|",
            "states over the two-level bound", "most dots over it", "worst |<v+c>|^2 / (n (1 - n))",
            "states with <b+b> - |<b>|^2 < 0");
    List<String> outside = new ArrayList<>();
    byModel(runs).forEach((model, rs) -> {
      Map<String, Object> p = pulling(rs);
      Map<String, Object> b = bounds(rs);
      t.row(model, rs.size(), fmt((Double) p.get("max_abs_difference")), fmt((Double) p.get("max_relative_difference")),
          fmt((Double) p.get("max_gain_clamp_deviation")), b.get("states_violating_two_level_bound"),
          b.get("max_dots_violating"), b.get("worst_ratio") == null ? "inf" : fmt((Double) b.get("worst_ratio")),
          b.get("states_with_negative_incoherent_photons"));
      for (Run r : rs) {
        if (!r.bounds().satisfied()) {
          outside.add(r.label());
        }
      }
    });
    sec.table(t.build());
    sec.paragraph(outside.isEmpty()
        ? "Every steady lasing state of this study satisfies both bounds."
        : "States outside the bounds (" + outside.size() + "), which the figures of this study show as they are: "
            + String.join(", ", outside) + ".");
    return sec.build();
  }
}
