package org.qdlaser.pipeline.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.golden.GoldenChecker;
import org.qdlaser.pipeline.golden.GoldenResult;
import org.qdlaser.pipeline.golden.GoldenSource;
import org.qdlaser.pipeline.golden.GoldenSpec;
import org.qdlaser.pipeline.golden.PaperDisagreement;
import org.qdlaser.pipeline.golden.RunArtifacts;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The report's "Validation" section (the study's golden checks, {@code <table id="validation">}: check,
 * expected, its source, obtained, tolerance, result) and its "Disagreements with the paper" section
 * (the spec's {@code disagreements:}, errata D1.., and every check whose source records a
 * disagreement). The checks are {@code golden check}'s, run on the report task's inputs and the
 * files it has just made, against the golden files its parameters carry.
 */
final class Validation {
  /** The validation table's element id. */
  static final String TABLE_ID = "validation";
  /** The disagreements table's element id. */
  static final String DISAGREEMENTS_ID = "disagreements";

  private Validation() {}

  /**
   * Adds the sections when the study has golden checks.
   *
   * @param in the report task's inputs
   * @param out the report task's outputs so far (report tables and summaries the checks read)
   */
  static void add(HtmlReport.Builder html, ReportHeader h, TaskInputs in, Map<String, byte[]> out) {
    if (h.context().golden().isEmpty()) {
      return;
    }
    GoldenSpec spec = new GoldenSpec(h.study(), h.context().golden());
    Map<String, byte[]> all = new LinkedHashMap<>(in.all());
    all.putAll(out);
    List<GoldenResult> results = GoldenChecker.check(spec, RunArtifacts.of(all), true);
    html.section(validation(spec, results));
    HtmlReport.Section disagreements = disagreements(PaperDisagreement.of(spec.spec(), spec.where()), results);
    if (disagreements != null) {
      html.section(disagreements);
    }
  }

  static HtmlReport.Section validation(GoldenSpec spec, List<GoldenResult> results) {
    long passed = results.stream().filter(GoldenResult::passed).count();
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (String k : List.of(GoldenSource.PAPER, GoldenSource.ANALYTIC, GoldenSource.REGRESSION)) {
      byKind.put(k, (int) results.stream().filter(r -> r.source().kind().equals(k)).count());
    }
    HtmlBlocks.Table.Builder t = HtmlBlocks.Table.builder("Golden checks of " + spec.where())
        .id(TABLE_ID).columns("check", "expected", "source", "obtained", "tolerance", "result");
    for (GoldenResult r : results) {
      t.row(r.quantity() + " [" + r.file() + "]", r.expected(), source(r.source()), r.actual(), r.tolerance(),
          r.passed() ? "pass" : "FAIL");
    }
    return HtmlReport.Section.builder("Validation")
        .paragraph(results.size() + " checks, " + passed + " pass, " + (results.size() - passed) + " fail; expected values from the paper: "
            + byKind.get(GoldenSource.PAPER) + ", analytic: " + byKind.get(GoldenSource.ANALYTIC) + ", our reviewed runs (regression): "
            + byKind.get(GoldenSource.REGRESSION) + ". These are the checks of `qdlaser golden check` on this run; docs/golden.md"
            + " lists which statements of the paper are checked and which are not.")
        .table(t.build())
        .build();
  }

  /** Null when there is nothing to show. */
  static HtmlReport.Section disagreements(List<PaperDisagreement> study, List<GoldenResult> results) {
    HtmlBlocks.Table.Builder t = HtmlBlocks.Table.builder("The paper's statements we do not reproduce")
        .id(DISAGREEMENTS_ID).columns("where", "the paper", "ours", "reason");
    int rows = 0;
    for (PaperDisagreement d : study) {
      t.row("docs/errata.md " + d.errata(), d.place() + ": \"" + d.quote() + "\"", d.ours(), d.reason());
      rows++;
    }
    for (GoldenResult r : results) {
      GoldenSource.Disagreement d = r.source().disagreement();
      if (d != null) {
        t.row("check: " + r.quantity(), d.place() + ": \"" + d.quote() + "\"", r.actual() + " (" + (r.passed() ? "as reviewed" : "changed since review") + ")",
            d.reason());
        rows++;
      }
    }
    if (rows == 0) {
      return null;
    }
    return HtmlReport.Section.builder("Disagreements with the paper")
        .paragraph("Statements of the paper this study does not reproduce: the paper's words, our number and the reason."
            + " Recorded in docs/errata.md; the checks that carry them compare with our reviewed run, never with the paper.")
        .table(t.build())
        .build();
  }

  private static String source(GoldenSource s) {
    return switch (s.kind()) {
      case GoldenSource.PAPER -> "paper, " + s.place() + ": \"" + s.quote() + "\"";
      case GoldenSource.ANALYTIC -> "analytic: " + s.formula() + (s.text() == null ? "" : " (" + s.text() + ")");
      default -> "regression: " + s.text();
    };
  }
}
