package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.input.InputException;

/** The relaxation analysis (issue 19): its manifest section, and a small study end to end. */
class RelaxationAnalysisTest {
  static final String HEAD = "schema: qdlaser/manifest/v1\nstudy: rel\nparameters: {N: 50, beta: 1}\nmodels: [CIM]\n"
      + "analysis: relaxation\n";

  static String manifest(String section) {
    return HEAD + "relaxation: " + section + "\n";
  }

  @Test
  void parsesTheSectionAndThePumpStep() {
    Study s = ManifestParser.parse(manifest("{from: 2e12/s, to: 1e13/s, non_lasing_points: 3, lasing_points: 4,"
        + " pump_step: {model: CIM, pump: 3e12/s, relative_step: 1e-3, fit_from: 3e-4, fit_to: 1.5e-3}}"));
    RelaxationSweepAnalysis a = (RelaxationSweepAnalysis) s.analysis();
    assertThat(a.from()).isEqualTo(2000.0);
    assertThat(a.to()).isEqualTo(10000.0);
    assertThat(a.pumpStep().label()).isEqualTo("CIM");
    assertThat(a.pumpStep().pump()).isEqualTo(3000.0);
  }

  @Test
  void eachBadFieldIsNamed() {
    String ok = "from: 2e12/s, to: 1e13/s, non_lasing_points: 3, lasing_points: 4";
    String step = ", pump_step: {model: CIM, pump: 3e12/s, relative_step: 1e-3, fit_from: 3e-4, fit_to: 1.5e-3}";
    List<String[]> cases = List.of(
        new String[] {"{to: 1e13/s, non_lasing_points: 3, lasing_points: 4}", "relaxation.from"},
        new String[] {"{from: -2e12/s, to: 1e13/s, non_lasing_points: 3, lasing_points: 4}", "relaxation.from"},
        new String[] {"{from: 2e13/s, to: 1e13/s, non_lasing_points: 3, lasing_points: 4}", "relaxation.to"},
        new String[] {"{from: 2e12/s, to: 1e13/s, non_lasing_points: 1, lasing_points: 4}", "relaxation.non_lasing_points"},
        new String[] {"{from: 2e12/s, to: 1e13/s, non_lasing_points: 3, lasing_points: 2.5}", "relaxation.lasing_points"},
        new String[] {"{" + ok + ", bogus: 1}", "relaxation.bogus"},
        new String[] {"{" + ok + step.replace("model: CIM", "model: TPM") + "}", "relaxation.pump_step.model"},
        new String[] {"{" + ok + step.replace("relative_step: 1e-3", "relative_step: 0.7") + "}", "relaxation.pump_step.relative_step"},
        new String[] {"{" + ok + step.replace("fit_from: 3e-4", "fit_from: -1") + "}", "relaxation.pump_step.fit_from"},
        new String[] {"{" + ok + step.replace("fit_to: 1.5e-3", "fit_to: 1e-4") + "}", "relaxation.pump_step.fit_to"},
        new String[] {"{" + ok + step.replace("pump: 3e12/s", "pump: 0") + "}", "relaxation.pump_step.pump"});
    for (String[] c : cases) {
      assertThatThrownBy(() -> ManifestParser.parse(manifest(c[0]))).as(c[0]).isInstanceOf(InputException.class)
          .hasMessageContaining(c[1]);
    }
    assertThatThrownBy(() -> ManifestParser.parse(HEAD)).isInstanceOf(InputException.class).hasMessageContaining("relaxation");
  }

  /**
   * The CIM across its pitchfork (2.334e12 s^-1 at Table I, N = 50): the non-lasing states' g2 is 2
   * exactly (thermal at the closure's order), the lasing branch's g2 falls below 2 from threshold,
   * and the table, summary and figures are written.
   */
  @Test
  void cimStudyWritesTablesSummaryAndFigures(@TempDir Path tmp) throws Exception {
    Path m = tmp.resolve("rel.yaml");
    Files.writeString(m, manifest("{from: 1.5e12/s, to: 6e12/s, non_lasing_points: 3, lasing_points: 4}"));
    Path run = tmp.resolve("run");
    assertThat(AnalysesTest.run("run", m.toString(), "-o", run.toString())).isZero();
    JsonNode s = new ObjectMapper().readTree(run.resolve("equilibrium/CIM-relaxation.json").toFile());
    assertThat(s.get("non_lasing_points").asInt()).isEqualTo(3);
    assertThat(s.get("lasing_points").asInt()).isEqualTo(4);
    assertThat(s.get("g2_non_lasing_max_deviation").asDouble()).isEqualTo(0.0);
    assertThat(s.get("g2_top").asDouble()).isBetween(1.0, 2.0);
    List<String> csv = Files.readAllLines(run.resolve("equilibrium/CIM-relaxation.csv"));
    assertThat(csv).hasSize(8);
    assertThat(csv.get(0)).contains("frequency_per_s").contains("g2_physical");
    for (String f : new String[] {"report/index.html", "report/g2.png", "report/relaxation-frequency.svg",
        "equilibrium/CIM-relaxation.arrow"}) {
      assertThat(run.resolve(f)).as(f).isRegularFile();
    }
    assertThat(Files.readString(run.resolve("report/index.html"))).contains("Beyond the paper");
    // the lasing branch's top point is the stable state at 6e12 s^-1: r = 6000 (normalised)
    assertThat(s.get("top_pump").asDouble()).isCloseTo(6000.0, offset(1e-9));
  }
}
