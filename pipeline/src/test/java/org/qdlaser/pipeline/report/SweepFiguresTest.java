package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.Main;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * The photons_vs_pump figure of a sweep study (the Reply's Fig. 1) and the exact thresholds of
 * polydisperse sweeps, on a cheap case: CIM and CIM_d with 100 % identical dots, N = 40, whose
 * thresholds are both the analytic CIM threshold.
 */
class SweepFiguresTest {
  /** Exact thresholds of the two locations (Brent on the eigenvalue): far below the sweep resolution. */
  static final double THRESHOLD_RELATIVE_TOLERANCE = 1e-8;

  static final String MANIFEST = String.join("\n", "schema: qdlaser/manifest/v1", "study: photons",
      "parameters: {N: 40, beta: 1}",
      "models: [CIM, {model: CIM_d, label: CIM_d_f1, sample: {identical_fraction: 1}}]",
      "sweep: {parameter: r, from: 1e13/s, to: 1e12/s, points: 6}",
      "figures: [{id: photons, kind: photons_vs_pump, title: Photons, markers: {CIM: star, CIM_d_f1: cross}}]", "");

  static int run(String... args) {
    return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
  }

  @Test
  void figureDataHoldEverySweepPointAndOneExactMarkPerModel(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("photons.yaml");
    Files.writeString(manifest, MANIFEST);
    Path runDir = tmp.resolve("run");
    assertThat(run("run", manifest.toString(), "-o", runDir.toString())).isZero();

    // Analytic CIM threshold (DESIGN.md) at N = 40, g = 70, gamma_c = 10, gamma = 1e4, gamma_NL = 0.
    double cc = 0.5 * (1 + 1e4 * 10 / (40 * 70.0 * 70.0));
    double rTh = cc * (1 + 2 * 70.0 * 70.0 / 10) / (1 - cc);
    JsonNode d = CanonicalJson.mapper().readTree(runDir.resolve("fitting/CIM_d_f1.json").toFile());
    assertThat(d.get("exact_threshold_pump").asDouble()).as("CIM_d, all dots identical")
        .isCloseTo(rTh, offset(THRESHOLD_RELATIVE_TOLERANCE * rTh));
    assertThat(d.get("exact_threshold_in_bracket").asBoolean()).isTrue();
    assertThat(d.get("exact_threshold_method").asText()).contains("sweep's bracket");

    Table curves = TableCodec.fromArrowIpc(Files.readAllBytes(runDir.resolve("report/photons.arrow")));
    assertThat(curves.rowCount()).isEqualTo(12);
    assertThat(List.of(curves.strings("model"))).containsOnly("CIM", "CIM_d_f1");
    double[] photons = curves.doubles("photons");
    double[] cimPhotons = java.util.Arrays.copyOfRange(photons, 0, 6);
    double[] dPhotons = java.util.Arrays.copyOfRange(photons, 6, 12);
    for (int i = 0; i < 6; i++) {
      assertThat(dPhotons[i]).as("photons at pump %d", i).isCloseTo(cimPhotons[i], offset(1e-6 * cimPhotons[i]));
    }
    assertThat(Files.readAllLines(runDir.resolve("report/photons.csv")).get(0))
        .isEqualTo("model,pump,pump_per_s,lasing,stable,photons,b_abs");

    Table marks = TableCodec.fromArrowIpc(Files.readAllBytes(runDir.resolve("report/photons-thresholds.arrow")));
    assertThat(marks.strings("model")).containsExactly("CIM", "CIM_d_f1");
    assertThat(marks.strings("marker")).containsExactly("star", "cross");
    assertThat(marks.strings("source")).containsExactly("exact", "exact");
    assertThat(marks.strings("kind")).containsExactly("pitchfork", "pitchfork");
    assertThat(marks.doubles("threshold_pump_per_s")[0]).isCloseTo(rTh * 1e9, offset(THRESHOLD_RELATIVE_TOLERANCE * rTh * 1e9));
    assertThat(runDir.resolve("report/photons.png")).isRegularFile();
    assertThat(runDir.resolve("report/photons.svg")).isRegularFile();
    assertThat(runDir.resolve("report/photons-thresholds.csv")).isRegularFile();
    assertThat(Files.readString(runDir.resolve("report/index.html"))).contains("photons.png").contains("Threshold marks");
  }

  @Test
  void figureErrorsNameTheField() {
    String sweep = "schema: qdlaser/manifest/v1\nstudy: x\nmodels: [CIM]\nsweep: {parameter: r, from: 1e13/s, to: 1e12/s, points: 3}\n";
    assertThatThrownBy(() -> ManifestParser.parse(sweep + "figures: [{id: f, kind: photons_vs_pump, markers: {TPM: star}}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].markers.TPM").hasMessageContaining("labels: CIM");
    assertThatThrownBy(() -> ManifestParser.parse(sweep + "figures: [{id: f, kind: photons_vs_pump, markers: {CIM: circle}}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].markers.CIM").hasMessageContaining("'circle'");
    assertThatThrownBy(() -> ManifestParser.parse(sweep + "figures: [{id: f, kind: width_vs_frequency}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].kind").hasMessageContaining("needs analysis activation");
    assertThat(((org.qdlaser.pipeline.manifest.Sweep) ManifestParser.parse(sweep
        + "figures: [{id: f, kind: photons_vs_pump}]\n").analysis())
        .figures().get(0).marker("CIM"))
        .isEqualTo("diamond");
  }
}
