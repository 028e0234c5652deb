package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.report.ActivationFigures;

/** Activation figures with unsettled samples: counted apart, drawn with open markers, listed with |b| and drift. */
class UnsettledFiguresTest {
  static ActivationRuns.Loaded result(long seed, String verdict, double omega, double drift) {
    ModelRun run = new ModelRun("TPM_d_w2_S" + seed, ModelKind.TPM_d, LaserParameters.tableI(), 0.97,
        Map.of("w_qd", "2", "seed", Long.toString(seed)));
    boolean lasing = verdict.equals("lasing");
    boolean drawn = !verdict.equals("non_lasing");
    double[] det = {-1, 0, 1};
    double[] scaled = drawn ? new double[] {0.5, 1, 0.5} : new double[] {Double.NaN, Double.NaN, Double.NaN};
    return new ActivationRuns.Loaded(run, new ActivationFigures.Run(run.label(), run.kind().name(), run.sampleWidth(),
        run.sampleSeed(), lasing, omega, drawn ? 97.4 + seed : 0, drawn ? 1 : Double.NaN, drawn ? 1 : Double.NaN,
        drawn ? 0.99 : Double.NaN, drawn ? 0.25 : Double.NaN, 0.1 * seed, 2, det, scaled, org.qdlaser.stages.equilibrium.Verdict.ofJsonName(verdict),
        verdict.equals("unsettled") ? drift : Double.NaN, verdict.equals("unsettled") ? 28 : Double.NaN),
        new ActivationDiagnostics.Run(run.label(), run.kind().name(), null, null));
  }

  @Test
  void unsettledSamplesAreCountedApartDrawnOpenAndListedWithTheirDrift() throws Exception {
    List<ActivationRuns.Loaded> rs = List.of(result(1, "lasing", 1.2, 0), result(2, "non_lasing", 0, 0),
        result(7, "unsettled", 1.906, -4.5e-4));
    Figure fig = new Figure("fig6", FigureKind.AMPLITUDE_VS_SHIFT, "Fig. 6", List.of(ModelKind.TPM_d),
        Double.NaN, null, false);
    Map<String, byte[]> out = new HashMap<>();
    String html = org.qdlaser.stages.report.HtmlReport.builder("t").section(ActivationRuns.render(fig, rs, out)).build().toHtml();

    JsonNode summary = CanonicalJson.mapper().readTree(out.get("report/fig6-summary.json"));
    assertThat(summary.get("lasing").asLong()).isEqualTo(1);
    assertThat(summary.get("unsettled").asLong()).isEqualTo(1);
    JsonNode g = summary.at("/groups/w2");
    assertThat(g.get("lasing").asInt()).isEqualTo(1);
    assertThat(g.get("unsettled_count").asInt()).isEqualTo(1);
    assertThat(g.get("unsettled").get(0).asText()).isEqualTo("TPM_d_w2_S7");
    assertThat(g.get("not_lasing")).hasSize(1);
    assertThat(g.get("not_lasing_count").asInt()).isEqualTo(1);
    assertThat(g.get("not_lasing").get(0).asText()).isEqualTo("TPM_d_w2_S2");
    // exact arithmetic on the inputs: |drift| and |drift| * time
    assertThat(g.get("unsettled_max_abs_drift_rate").asDouble()).isCloseTo(4.5e-4, offset(1e-15));
    assertThat(g.get("unsettled_max_drift_times_time").asDouble()).isCloseTo(4.5e-4 * 28, offset(1e-15));

    // SVG text is drawn as glyph paths: the open circles are the only stroked, unfilled shapes with a
    // stroke width (axes and grid have none): one on the plot, one in the legend entry
    assertThat(hollowMarkers(out.get("report/fig6.svg"))).isEqualTo(2);
    Map<String, byte[]> settled = new HashMap<>();
    ActivationRuns.render(fig, List.of(rs.get(0), rs.get(1)), settled);
    assertThat(hollowMarkers(settled.get("report/fig6.svg"))).isZero();
    assertThat(html).contains("Unsettled samples of fig6")
        .contains("<td>TPM_d_w2_S7</td><td>104.400</td><td>-0.000450000</td><td>2222.22</td>")
        .contains("Open circles");
    var table = TableCodec.fromArrowIpc(out.get("report/fig6.arrow"));
    assertThat(table.strings("verdict")).containsExactly("lasing", "non_lasing", "unsettled");
  }

  @Test
  void aFigureWhoseRunsAreAllBelowThresholdIsDrawnEmptyNotAnError() throws Exception {
    // e.g. a study of w_QD = 2 gamma's S2, S3, S5 alone: every TPM_d run non-lasing. The report once failed with
    // an internal error here after the whole study had been computed.
    List<ActivationRuns.Loaded> rs = List.of(result(2, "non_lasing", 0, 0), result(3, "non_lasing", 0, 0));
    Figure fig = new Figure("fig6", FigureKind.AMPLITUDE_VS_SHIFT, "Fig. 6", List.of(ModelKind.TPM_d),
        Double.NaN, null, false);
    Map<String, byte[]> out = new HashMap<>();
    ActivationRuns.render(fig, rs, out);
    assertThat(out).containsKeys("report/fig6.png", "report/fig6.svg", "report/fig6-summary.json");
    JsonNode summary = CanonicalJson.mapper().readTree(out.get("report/fig6-summary.json"));
    assertThat(summary.get("lasing").asLong()).isZero();
    assertThat(summary.at("/groups/w2/not_lasing_count").asInt()).isEqualTo(2);
  }

  @Test
  void unsettledPanelsAreDrawnAndTitledAsSuch() throws Exception {
    List<ActivationRuns.Loaded> rs = List.of(result(2, "non_lasing", 0, 0), result(7, "unsettled", 1.906, -4.5e-4));
    Figure fig = new Figure("fig8", FigureKind.ACTIVATION_PANELS, "Fig. 8", List.of(), Double.NaN, null, false);
    Map<String, byte[]> out = new HashMap<>();
    ActivationRuns.render(fig, rs, out);
    JsonNode summary = CanonicalJson.mapper().readTree(out.get("report/fig8-summary.json"));
    assertThat(summary.at("/fits/TPM_d_w2_S7/verdict").asText()).isEqualTo("unsettled");
    assertThat(summary.at("/fits/TPM_d_w2_S7/a_L").asDouble()).isEqualTo(1.0);
    Map<String, byte[]> filled = new HashMap<>();
    ActivationRuns.render(fig, List.of(result(7, "lasing", 1.906, 0)), filled);
    // the fit line is stroked too: the open panel has three more (data points) and one more (legend)
    assertThat(hollowMarkers(out.get("report/fig8.svg")) - hollowMarkers(filled.get("report/fig8.svg")))
        .as("three open data points and the legend's").isEqualTo(4);
  }

  static long hollowMarkers(byte[] svg) {
    return java.util.regex.Pattern.compile("fill:none;stroke:rgb\\(\\d+,\\d+,\\d+\\);stroke-width:")
        .matcher(new String(svg, StandardCharsets.UTF_8)).results().count();
  }
}
