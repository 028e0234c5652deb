package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.LongTimeSummary;
import org.qdlaser.pipeline.artifacts.PaperReadingSummary;
import org.qdlaser.pipeline.artifacts.SampleThreshold;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.report.ActivationFigures;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The undecided samples of an activation study (issue 13): every sample that spent its transient
 * budget unsettled and was followed to its long-time fate (procedure ours), or that has the paper's
 * App. A reading (procedure paper). One table row per sample, and {@code report/long-time-summary.json}:
 * per sample the budget's end, the fate, the work and the reading; per model and width the counts.
 */
final class LongTimeFates {
  private LongTimeFates() {}

  static final String SUMMARY = "long-time-summary.json";

  /** A run with its state and, where the study searched it ({@code activation.thresholds}), its threshold (else null). */
  record Sample(ModelRun run, StateSummary state, SampleThreshold threshold) {
    boolean undecided() {
      return state.longTime() != null || state.paperReading() != null;
    }
  }

  /**
   * The committed summary of the weekly's reviewed run beside a study's golden spec ({@code
   * golden/<study>/weekly-fates.csv}, written by ci/weekly-fates-table): the long-time fates at 10,000 units and the
   * thresholds, which the nightly cannot compute in its 30 minutes, shown as that run's, never as this one's.
   */
  static final String WEEKLY_FILE = "weekly-fates.csv";

  /** Adds the section and the summary when some sample is undecided; nothing otherwise. */
  static void add(HtmlReport.Builder html, List<Sample> all, Map<String, byte[]> out) {
    add(html, all, out, null);
  }

  /**
   * As {@link #add(HtmlReport.Builder, List, Map)}, with the weekly's reviewed summary ({@link #WEEKLY_FILE}'s text, or
   * null) shown as its own table, labelled with its run and checksum.
   */
  static void add(HtmlReport.Builder html, List<Sample> all, Map<String, byte[]> out, String weekly) {
    List<Sample> rows = all.stream().filter(Sample::undecided).toList();
    if (rows.isEmpty()) {
      return;
    }
    HtmlBlocks.Table.Builder t = HtmlBlocks.Table.builder("Undecided samples: the transient budget, the long-time fate "
        + "and the paper's reading").id("long-time-fates").columns("run", "budget (1/gamma_nr)", "|b| at the budget",
        "d ln|b|/dt at the budget", "long-time verdict", "time to decide (1/gamma_nr)", "limit", "end: |b|, photons",
        "details", "steps, factorisations, Newton attempts", "paper's reading (App. A): |b(T)|, omega_inf",
        "omega_inf converged (3 digits)", "a_inf (decay resolved?)", "threshold (Sec. III), pump in units of gamma_nr");
    for (Sample s : rows) {
      StateSummary st = s.state();
      LongTimeSummary lt = st.longTime();
      PaperReadingSummary pr = st.paperReading();
      UnsettledSummary budget = lt == null ? st.unsettled() : lt.budget();
      t.row(s.run().label(), budget == null ? "-" : fmt(budget.time()), budget == null ? "-" : fmt(budget.bAbsEnd()),
          budget == null ? "-" : fmt(budget.driftRate()), lt == null ? "(not followed: procedure paper)" : lt.verdict().jsonName(),
          lt == null ? "-" : fmt(lt.timeIntegrated()), lt == null ? "-" : fmt(lt.limit()),
          fmt(st.bAbs()) + ", " + (st.photons() == null ? "-" : fmt(st.photons())), details(st),
          lt == null ? "-" : lt.steps() + ", " + lt.factorizations() + ", " + lt.newtonAttempts(),
          pr == null ? "-" : "|b(" + fmt(pr.duration()) + ")| = " + fmt(pr.bAbsEnd()) + ", " + fmt(pr.omegaInf()) + " +- "
              + fmt(pr.omegaInfSpread()),
          pr == null ? "-" : (pr.omegaConverged() ? "yes" : "no"),
          pr == null ? "-" : fmt(pr.aInf()) + " +- " + fmt(pr.aInfSpread()) + (pr.aInfResolved() ? " (yes)" : " (no: extrapolation)"),
          threshold(s.threshold()));
    }
    html.section(HtmlReport.Section.builder("Long-time fates (issue 13)")
        .paragraph("Samples without a steady state after the transient budget (Newton from the seed chain and after each "
            + "transient window failed, the field neither settled nor decayed). Procedure ours follows each from its start "
            + "in the frame co-rotating with its field until Newton polishes a stable lasing state (lasing), the field "
            + "decays and Newton polishes the stable non-lasing state (non_lasing), |b| pulses periodically "
            + "(self_pulsing), or the long-time limit is reached still drifting (unsettled); the verdict, |b|, photons "
            + "and activation curve of the sample are then the fate's. The paper's reading (App. A) fits Eq. (A2) to the "
            + "first T time units of the same transient over growing windows: the paper took lasing from it (\"omega_inf "
            + "had converged to at least three significant digits\"); a_inf is an extrapolation where the decay of Eq. "
            + "(A2) is not resolved (c T < 1). CPU time of each sample: cpu_seconds of its equilibrium task in the run's "
            + "provenance (timeline.json); the artifacts hold work counters, which do not depend on the machine's load.")
        .paragraph("Threshold (Sec. III: the smallest pump with a stable steady lasing state, |<b>| != 0): searched "
            + "for each followed sample when the manifest sets activation.thresholds (threshold/<label>.json, the code path "
            + "of qdlaser threshold: Newton from the lifted seed, else the homotopy at fixed |b| from mu = 1 or from "
            + "identical dots, docs/decisions.md); a threshold above the study's pump, or none up to the ceiling, says the "
            + "sample is below threshold at the pump. '-': not searched by this study (the weekly "
            + "manifests/weekly/fig6-fates-2gamma.yaml follows these samples to 10,000 units and searches their thresholds; "
            + "where this study's golden directory holds that run's reviewed summary, it is shown in the next section, "
            + "labelled with the run).")
        .table(t.build()).build());
    if (weekly != null) {
      html.section(weeklySection(weekly));
    }
    out.put(ArtifactPaths.report(SUMMARY), CanonicalJson.prettyBytes(summary(rows)));
  }

  /**
   * The weekly's reviewed run as a section: the file's comment lines ('#', the run, its commit and the checksum of
   * its source) as the paragraph, its rows as the table, the file's own sha256 in the caption.
   */
  static HtmlReport.Section weeklySection(String text) {
    StringBuilder about = new StringBuilder();
    StringBuilder csv = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        about.append(about.length() == 0 ? "" : " ").append(line.substring(1).trim());
      } else if (!line.isBlank()) {
        csv.append(line).append('\n');
      }
    }
    // RFC 4180 (quoted cells may hold commas and quotes), as ci/weekly-fates-table's csv.writer writes it.
    List<String[]> rows = new java.util.ArrayList<>();
    try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv.toString())) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException(WEEKLY_FILE + " is not valid CSV: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(WEEKLY_FILE + " has no header row");
    }
    HtmlBlocks.Table.Builder t = HtmlBlocks.Table.builder("The weekly's reviewed run (" + WEEKLY_FILE + ", sha256 "
        + org.qdlaser.pipeline.store.Hashing.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + ")").id("weekly-fates").columns(rows.get(0));
    for (String[] row : rows.subList(1, rows.size())) {
      t.row((Object[]) row);
    }
    return HtmlReport.Section.builder("Long-time fates and thresholds: the weekly's reviewed run")
        .paragraph(about.toString()).table(t.build()).build();
  }

  private static String threshold(SampleThreshold t) {
    if (t == null || !t.searched()) {
      return "-";
    }
    if (!t.found()) {
      return "none up to " + fmt(t.ceiling()) + " (below threshold)";
    }
    return t.kind() + " at " + fmt(t.thresholdPump()) + ", |b| = " + fmt(t.bAbs())
        + (t.belowThresholdAtPump() ? " (above the pump: below threshold)" : " (below the pump)");
  }

  private static String details(StateSummary st) {
    if (st.longTime() != null && st.longTime().selfPulsing() != null) {
      LongTimeSummary.SelfPulsingSummary p = st.longTime().selfPulsing();
      return "period " + fmt(p.period()) + ", mean photons " + fmt(p.meanPhotons()) + ", |b| in [" + fmt(p.bAbsMin())
          + ", " + fmt(p.bAbsMax()) + "]";
    }
    if (st.unsettled() != null) {
      return "drift d ln|b|/dt = " + fmt(st.unsettled().driftRate()) + " over [" + fmt(st.unsettled().driftWindowStart())
          + ", " + fmt(st.unsettled().time()) + "]";
    }
    return st.stable() ? "stable steady state" : "unstable steady state";
  }

  private static Map<String, Object> summary(List<Sample> rows) {
    Map<String, Object> samples = new TreeMap<>();
    Map<String, Map<String, Map<String, Object>>> groups = new TreeMap<>();
    for (Sample s : rows) {
      StateSummary st = s.state();
      LongTimeSummary lt = st.longTime();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", s.run().kind().name());
      m.put("w_qd", s.run().sampleWidth());
      m.put("seed", s.run().sampleSeed());
      m.put("verdict", st.verdict().jsonName());
      m.put("b_abs", st.bAbs());
      if (st.photons() != null) {
        m.put("photons", st.photons());
      }
      if (st.unsettled() != null) {
        m.put("unsettled", st.unsettled());
      }
      if (lt != null) {
        m.put("long_time", lt);
      }
      if (st.paperReading() != null) {
        m.put("paper_reading", st.paperReading());
      }
      if (s.threshold() != null) {
        m.put("threshold", s.threshold());
      }
      samples.put(s.run().label(), m);
      Map<String, Object> g = groups.computeIfAbsent(s.run().kind().name(), k -> new TreeMap<>())
          .computeIfAbsent("w" + ActivationFigures.fmtShort(s.run().sampleWidth()), k -> new TreeMap<>());
      g.merge("samples", 1L, (a, b) -> (Long) a + (Long) b);
      for (Verdict v : Verdict.values()) {
        g.putIfAbsent(v.jsonName(), 0L);
      }
      if (lt != null) {
        g.merge(lt.verdict().jsonName(), 1L, (a, b) -> (Long) a + (Long) b);
        double d = Math.abs(lt.budget().driftRate()) * lt.budget().time();
        g.merge("budget_max_drift_times_time", d, (a, b) -> Math.max((Double) a, (Double) b));
        g.merge("max_time_integrated", lt.timeIntegrated(), (a, b) -> Math.max((Double) a, (Double) b));
      }
      SampleThreshold th = s.threshold();
      if (th != null && th.searched()) {
        g.merge("thresholds_searched", 1L, (a, b) -> (Long) a + (Long) b);
        g.merge("below_threshold_by_threshold", th.belowThresholdAtPump() ? 1L : 0L, (a, b) -> (Long) a + (Long) b);
      }
      PaperReadingSummary pr = st.paperReading();
      // what App. A would count as lasing: a field at the end of its window whose omega_inf converged
      boolean paperLasing = pr != null && pr.omegaConverged() && pr.bAbsEnd() > 0;
      g.merge("paper_reading_converged", paperLasing ? 1L : 0L, (a, b) -> (Long) a + (Long) b);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("what", "samples unsettled after the transient budget, followed to their long-time fate (procedure ours) "
        + "and/or read as App. A reads (paper_reading); groups: per model and w_QD, the fates' verdict counts (lasing, "
        + "non_lasing, self_pulsing, unsettled at the limit), paper_reading_converged the samples whose App. A reading "
        + "has omega_inf converged to 3 digits with a field at its end (the paper's 'lasing'); thresholds_searched the samples "
        + "whose threshold was searched (activation.thresholds), below_threshold_by_threshold those of them whose threshold "
        + "lies above the pump or was not found up to the ceiling (Sec. III's definition)");
    out.put("groups", groups);
    out.put("samples", samples);
    return out;
  }
}
