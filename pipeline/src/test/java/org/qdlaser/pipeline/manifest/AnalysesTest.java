package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.Main;
import org.qdlaser.pipeline.input.InputException;

/** Threshold curves and branches as studies, checked against analytic values. */
class AnalysesTest {
  /** The threshold finder's claimed accuracy, with margin for the CSV round trip (shortest repr, exact). */
  static final double RELATIVE_TOLERANCE = 1e-9;

  static int run(String... args) {
    return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
  }

  @Test
  void cimThresholdCurveInGIsTheAnalyticFormulaAtEveryPoint(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("curve.yaml");
    Files.writeString(manifest, String.join("\n", "schema: qdlaser/manifest/v1", "study: curve",
        "parameters: {N: 70, beta: 7e-4, gamma_c: 10}", "models: [CIM]", "analysis: threshold_curve",
        "scan: {parameter: g, from: 45, to: 900, points: 4, spacing: log}", ""));
    Path runDir = tmp.resolve("run");
    assertThat(run("run", manifest.toString(), "-o", runDir.toString())).isZero();
    List<String> lines = Files.readAllLines(runDir.resolve("equilibrium/CIM-thresholds.csv"));
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("g,threshold_pump");
    double gammaNl = 0.97 * (1 - 7e-4) / 7e-4;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      double g = Double.parseDouble(c[0]);
      double cc = 0.5 * (1 + 1e4 * 10 / (70 * g * g));
      double rTh = cc * (1 + gammaNl + 2 * g * g / 10) / (1 - cc);
      assertThat(Double.parseDouble(c[1])).as("g = " + g).isCloseTo(rTh, offset(RELATIVE_TOLERANCE * rTh));
      assertThat(c[3]).isEqualTo("pitchfork");
    }
    assertThat(runDir.resolve("report/thresholds.png")).isRegularFile();
    assertThat(runDir.resolve("report/population.svg")).isRegularFile();
  }

  /**
   * Fig. 3 in small: branches of CIM and of three CIM_d samples (10 dots, twice the Table I coupling
   * so that they lase), the amplitude_range figure with its error bars, data and summary.
   */
  @Test
  void amplitudeRangeFigureOfPolydisperseBranches(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("fig3.yaml");
    Files.writeString(manifest, String.join("\n", "schema: qdlaser/manifest/v1", "study: f3",
        "parameters: {N: 10, beta: 1, g: 1.4e11/s}", "models: [CIM, CIM_d]", "samples: {w_qd: 1, seed: 1..3}",
        "analysis: branches", "branch: {from: 2e14/s, to: 1e11/s}", "figures: [{id: fig3, kind: amplitude_range, seed: 2}]", ""));
    Path runDir = tmp.resolve("run");
    assertThat(run("run", manifest.toString(), "-o", runDir.toString())).isZero();
    for (String f : List.of("fig3.png", "fig3.svg", "fig3.arrow", "fig3.csv", "fig3-summary.json", "index.html")) {
      assertThat(runDir.resolve("report/" + f)).isRegularFile();
    }
    var summary = org.qdlaser.pipeline.store.CanonicalJson.mapper().readTree(runDir.resolve("report/fig3-summary.json").toFile());
    var cimD = summary.path("polydisperse").path("CIM_d");
    assertThat(cimD.path("shown").asText()).isEqualTo("CIM_d_w1_S2");
    assertThat(cimD.path("samples").asInt()).isEqualTo(3);
    assertThat(cimD.path("shown_inside_range").asBoolean()).isTrue();
    assertThat(cimD.path("threshold_kinds").toString()).isEqualTo("[\"hopf\"]");
    double cc = 0.5 * (1 + 1e4 * 10 / (10 * 140.0 * 140.0));
    double rTh = cc * (1 + 2 * 140.0 * 140.0 / 10) / (1 - cc) * 1e9;
    var cim = summary.path("identical").path("CIM");
    assertThat(cim.path("kind").asText()).isEqualTo("pitchfork");
    // Extrapolated to |b| = 0 from the last two continuation points: O(|b|^4).
    assertThat(cim.path("pump_per_s").asDouble()).isCloseTo(rTh, offset(1e-6 * rTh));
    assertThat(cimD.path("threshold_pump_per_s_min").asDouble()).as("detuned dots lase later").isGreaterThan(rTh);
    List<String> rows = Files.readAllLines(runDir.resolve("report/fig3.csv"));
    assertThat(rows.get(0)).isEqualTo("model,pump_per_s,b_abs_min,b_abs_max,b_abs_shown_sample,samples_lasing,samples_counted");
    assertThat(rows).hasSize(1 + org.qdlaser.stages.report.AmplitudeRangeFigure.GRID_POINTS);
    assertThat(Files.readString(runDir.resolve("report/index.html"))).contains("fig3.png").contains("hopf");
  }

  @Test
  void branchesStudyTracesBothBranchesOfTpmIf(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("branches.yaml");
    Files.writeString(manifest, String.join("\n", "schema: qdlaser/manifest/v1", "study: br",
        "parameters: {N: 50, beta: 1}", "models: [TPM_IF]", "analysis: branches", "branch: {from: 2e13/s, to: 1e11/s}", ""));
    Path runDir = tmp.resolve("run");
    assertThat(run("run", manifest.toString(), "-o", runDir.toString())).isZero();
    List<String> rows = Files.readAllLines(runDir.resolve("equilibrium/TPM_IF-branch.csv"));
    assertThat(rows.stream().skip(1).anyMatch(r -> r.contains(",true,"))).as("stable points").isTrue();
    assertThat(rows.stream().skip(1).anyMatch(r -> r.contains(",false,"))).as("unstable points").isTrue();
    assertThat(Files.readString(runDir.resolve("equilibrium/TPM_IF-folds.json"))).contains("fold (minimum of r)");
  }

  @Test
  void scanAndBranchErrorsNameTheField() {
    String base = "schema: qdlaser/manifest/v1\nstudy: x\nmodels: [CIM]\n";
    assertThatThrownBy(() -> ManifestParser.parse(base + "analysis: threshold_curve\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("scan");
    assertThatThrownBy(() -> ManifestParser.parse(base + "analysis: threshold_curve\nscan: {parameter: r, from: 1, to: 2, points: 3}\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("scan.parameter").hasMessageContaining("'r'");
    assertThatThrownBy(() -> ManifestParser.parse(base + "analysis: branches\nbranch: {from: 1e11/s, to: 1e12/s}\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.to");
    assertThatThrownBy(() -> ManifestParser.parse(base + "analysis: nonsense\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("analysis").hasMessageContaining("nonsense");
  }
}
