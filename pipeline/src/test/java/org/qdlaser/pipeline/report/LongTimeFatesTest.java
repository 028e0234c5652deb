package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.artifacts.LongTimeSummary;
import org.qdlaser.pipeline.artifacts.PaperReadingSummary;
import org.qdlaser.pipeline.artifacts.SampleThreshold;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.equilibrium.Unsettled;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The undecided samples of an activation study (issue 13): the state file's long_time and
 * paper_reading survive their codec, the report lists one row per followed sample and its summary
 * counts the fates per model and width.
 */
class LongTimeFatesTest {
  static ModelRun run(long seed) {
    return new ModelRun("TPM_d_w2_S" + seed, ModelKind.TPM_d, LaserParameters.tableI(), 0.97,
        Map.of("w_qd", "2", "seed", Long.toString(seed)));
  }

  static final UnsettledSummary BUDGET = UnsettledSummary.of(new Unsettled(98.2, -4.4e-4, 1.906, 12, 10.8));
  static final PaperReadingSummary READING = new PaperReadingSummary(100, 5, -1e6, 4e5, false, 1.90610, 2e-6, true, 94.283);

  static StateSummary collapsed() {
    LongTimeSummary lt = new LongTimeSummary(10_000, Verdict.NON_LASING, 792.07, 1609, 30352, 679, 3, BUDGET, null);
    return new StateSummary(2e5, false, 0, 0, 9755.57, 9755.57, true, 1e-10, Verdict.NON_LASING, null, lt, READING);
  }

  static StateSummary pulsing() {
    LongTimeSummary lt = new LongTimeSummary(10_000, Verdict.SELF_PULSING, 300, 900, 9000, 200, 2, BUDGET,
        new LongTimeSummary.SelfPulsingSummary(12.5, 9000, 80, 120, 1.9, 4));
    return new StateSummary(2e5, false, 100, 1.9, 9000.0, -1.0, false, 1e-3, Verdict.SELF_PULSING, null, lt, READING);
  }

  @Test
  void longTimeAndPaperReadingSurviveTheCodec() {
    for (StateSummary s : List.of(collapsed(), pulsing())) {
      StateSummary back = StateSummary.fromJson(s.toJson());
      assertThat(back).isEqualTo(s);
      assertThat(new String(s.toJson(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"long_time\"")
          .contains("\"paper_reading\"").contains("\"omega_converged\": true");
    }
    // a window whose fit did not converge leaves NaN in the reading: written as "NaN" and read back
    PaperReadingSummary gone = new PaperReadingSummary(100, 5, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, false, 0);
    StateSummary decayed = new StateSummary(2e5, false, 0, 0, 1.0, 1.0, true, 1e-10, Verdict.NON_LASING, null, null, gone);
    assertThat(Double.isNaN(StateSummary.fromJson(decayed.toJson()).paperReading().omegaInf())).isTrue();
    // a state without them writes neither key (the bytes of settled samples stay as they were)
    StateSummary plain = new StateSummary(2e5, true, 300, 1.2, 9e4, 1.0, true, 1e-10, Verdict.LASING, null, null, null);
    assertThat(new String(plain.toJson(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("long_time")
        .doesNotContain("paper_reading");
  }

  @Test
  void followedSamplesAreListedAndCountedPerModelAndWidth() throws Exception {
    StateSummary settled = new StateSummary(2e5, true, 300, 1.2, 9e4, 1.0, true, 1e-10, Verdict.LASING, null, null, null);
    // S7's threshold above the pump (below threshold there), S9's below it
    List<LongTimeFates.Sample> all = List.of(new LongTimeFates.Sample(run(1), settled, null),
        new LongTimeFates.Sample(run(7), collapsed(), SampleThreshold.found(2e5, 7.735e5, "fold", 184.28, 1.9061, 1e8)),
        new LongTimeFates.Sample(run(9), pulsing(), SampleThreshold.found(2e5, 1.5e5, "fold", 100, 2.2, 1e8)));
    Map<String, byte[]> out = new HashMap<>();
    HtmlReport.Builder html = HtmlReport.builder("t");
    LongTimeFates.add(html, all, out);
    String page = html.build().toHtml();
    assertThat(page).contains("Long-time fates (issue 13)").contains("<td>TPM_d_w2_S7</td>").contains("non_lasing")
        .contains("<td>TPM_d_w2_S9</td>").contains("self_pulsing").contains("period 12.5")
        .doesNotContain("<td>TPM_d_w2_S1</td>").contains("fold at 773500, |b| = 184.280").contains("above the pump: below threshold")
        .contains("(below the pump)");
    JsonNode s = CanonicalJson.mapper().readTree(out.get("report/" + LongTimeFates.SUMMARY));
    JsonNode g = s.at("/groups/TPM_d/w2");
    assertThat(g.get("samples").asInt()).isEqualTo(2);
    assertThat(g.get("non_lasing").asInt()).isEqualTo(1);
    assertThat(g.get("self_pulsing").asInt()).isEqualTo(1);
    assertThat(g.get("lasing").asInt()).isZero();
    assertThat(g.get("unsettled").asInt()).isZero();
    assertThat(g.get("paper_reading_converged").asInt()).isEqualTo(2);
    assertThat(g.get("max_time_integrated").asDouble()).isEqualTo(792.07);
    // exact arithmetic on the inputs: |drift| * budget time of the budget's ends
    assertThat(g.get("budget_max_drift_times_time").asDouble()).isCloseTo(4.4e-4 * 12, offset(1e-15));
    assertThat(s.at("/samples/TPM_d_w2_S7/long_time/time_integrated").asDouble()).isEqualTo(792.07);
    assertThat(s.at("/samples/TPM_d_w2_S7/paper_reading/omega_inf").asDouble()).isEqualTo(1.90610);
    assertThat(g.get("thresholds_searched").asInt()).isEqualTo(2);
    assertThat(g.get("below_threshold_by_threshold").asInt()).isEqualTo(1);
    assertThat(s.at("/samples/TPM_d_w2_S7/threshold/threshold_pump").asDouble()).isEqualTo(7.735e5);
    SampleThreshold none = SampleThreshold.none(2e5, 1e8, "no stable lasing state of TPM_d found");
    assertThat(SampleThreshold.fromJson(none.toJson())).isEqualTo(none);
    assertThat(none.belowThresholdAtPump()).isTrue();
  }

  @Test
  void nothingIsAddedWithoutUndecidedSamples() {
    StateSummary settled = new StateSummary(2e5, true, 300, 1.2, 9e4, 1.0, true, 1e-10, Verdict.LASING, null, null, null);
    Map<String, byte[]> out = new HashMap<>();
    HtmlReport.Builder html = HtmlReport.builder("t");
    LongTimeFates.add(html, List.of(new LongTimeFates.Sample(run(1), settled, null)), out);
    assertThat(out).isEmpty();
    assertThat(html.build().toHtml()).doesNotContain("Long-time fates");
  }

  @Test
  void theWeeklysReviewedRunIsShownAsThatRunsWithItsChecksum() {
    String weekly = "# Weekly run of 2026-12-06 05:53 UTC, commit 5ee38ba979, not this run\n"
        + "sample,long-time verdict,threshold (s^-1)\nTPM_d_w2_S7,non_lasing,7.73496e+14\n";
    List<LongTimeFates.Sample> all = List.of(new LongTimeFates.Sample(run(7), collapsed(), null));
    Map<String, byte[]> out = new HashMap<>();
    HtmlReport.Builder html = HtmlReport.builder("t");
    LongTimeFates.add(html, all, out, weekly);
    String page = html.build().toHtml();
    assertThat(page).contains("Long-time fates and thresholds").contains("Weekly run of 2026-12-06 05:53 UTC, commit 5ee38ba979")
        .contains("<td>7.73496e+14</td>")
        .contains("weekly-fates.csv, sha256 " + org.qdlaser.pipeline.store.Hashing.sha256Hex(weekly.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    // without the file the page is the one of before (the nightly studies without it keep their bytes)
    HtmlReport.Builder plain = HtmlReport.builder("t");
    LongTimeFates.add(plain, all, new HashMap<>());
    assertThat(plain.build().toHtml()).doesNotContain("Long-time fates and thresholds");
  }

  @Test
  void aQuotedCellKeepsItsCommaAndAnEmptyLastCellStays() {
    String weekly = "# run\nsample,kind,note\nTPM_d_w2_S8,\"none up to 1e+17, three paths\",\n";
    String page = HtmlReport.builder("t").section(LongTimeFates.weeklySection(weekly)).build().toHtml();
    assertThat(page).contains("<td>none up to 1e+17, three paths</td>").doesNotContain("\"none");
    assertThat(page.split("<td>", -1)).hasSize(4); // three cells in the one data row
  }

  @Test
  void aFileWithoutRowsIsRefusedNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LongTimeFates.weeklySection("# only a comment\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weekly-fates.csv");
  }
}
