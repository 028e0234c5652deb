package org.qdlaser.pipeline.graph;

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
import org.qdlaser.pipeline.manifest.InputException;
import org.qdlaser.pipeline.manifest.ManifestParser;

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
