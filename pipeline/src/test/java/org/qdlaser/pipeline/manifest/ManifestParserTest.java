package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.ModelKind;

class ManifestParserTest {
  /** Unit conversions are one division: exact to rounding. */
  static final double CONVERSION_TOLERANCE = 1e-12;

  static String minimal(String extra) {
    return "schema: qdlaser/manifest/v1\nstudy: t\nmodels: [CIM]\n"
        + "sweep: {parameter: r, from: 2e14/s, to: 1e12/s, points: 3}\n" + extra;
  }

  @Test
  void quickstartManifestParsesWithTableIValues() throws Exception {
    Study s = ManifestParser.parse(Files.readString(Path.of("..", "manifests", "quickstart.yaml")));
    assertThat(s.name()).isEqualTo("quickstart");
    assertThat(s.models()).extracting(Study.ModelRun::kind).containsExactly(ModelKind.CIM, ModelKind.TPM_IF, ModelKind.TPM);
    var p = s.models().get(0).parameters();
    assertThat(p.gamma()).isCloseTo(1e4, org.assertj.core.data.Percentage.withPercentage(1e-10));
    assertThat(p.g()).isCloseTo(70.0, org.assertj.core.data.Offset.offset(70 * CONVERSION_TOLERANCE));
    assertThat(p.n()).isEqualTo(50);
    assertThat(p.gammaNl()).isEqualTo(0.0);
    assertThat(s.pumps()[0]).isCloseTo(2e5, org.assertj.core.data.Offset.offset(2e5 * CONVERSION_TOLERANCE));
    assertThat(s.pumps()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void betaGivesGammaNl() {
    Study s = ManifestParser.parse(minimal("parameters: {beta: 7e-4}\n"));
    double expected = 0.97 * (1 - 7e-4) / 7e-4;
    assertThat(s.models().get(0).parameters().gammaNl()).isCloseTo(expected, org.assertj.core.data.Offset.offset(expected * CONVERSION_TOLERANCE));
  }

  @Test
  void errorsNameTheFieldAndValue() {
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {g: -x}\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("parameters.g").hasMessageContaining("-x");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {gamma_c: -3}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("gamma_c").hasMessageContaining("-3");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {foo: 1}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("parameters.foo");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("").replace("models: [CIM]", "models: [XYZ]")))
        .isInstanceOf(InputException.class).hasMessageContaining("models[0].model").hasMessageContaining("XYZ");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("").replace("points: 3", "points: 1")))
        .isInstanceOf(InputException.class).hasMessageContaining("sweep.points");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("").replace("v1", "v9")))
        .isInstanceOf(InputException.class).hasMessageContaining("schema");
    assertThatThrownBy(() -> ManifestParser.parse("schema: [unclosed"))
        .isInstanceOf(InputException.class).hasMessageContaining("YAML");
    String branches = String.join("\n", "schema: qdlaser/manifest/v1", "study: b",
        "models: [{model: CIM_d, sample: {w_qd: 1, seed: 3}}]", "analysis: branches", "branch: {from: 1e15/s, to: 1e11/s}", "");
    assertThatThrownBy(() -> ManifestParser.parse(branches))
        .isInstanceOf(InputException.class).hasMessageContaining("models[0].model").hasMessageContaining("CIM_d")
        .hasMessageContaining("identical-dot");
    String inG = String.join("\n", "schema: qdlaser/manifest/v1", "study: b", "models: [CIM]", "analysis: branches",
        "branch: {parameter: g, from: 7e10/s, to: 1e10/s, pump: 2e14/s}", "");
    Study ok = ManifestParser.parse(inG);
    assertThat(ok.scan().parameter()).isEqualTo("g");
    assertThat(ok.pumps()).containsExactly(70.0, 10.0, 2e5);
    assertThatThrownBy(() -> ManifestParser.parse(inG.replace("parameter: g", "parameter: N")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.parameter").hasMessageContaining("gamma_c");
    assertThatThrownBy(() -> ManifestParser.parse(inG.replace(", pump: 2e14/s", "")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.pump");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {N: 2.5}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("parameters.N").hasMessageContaining("2.5");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {beta: 1, gamma_nl: 3}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("beta");
  }

  @Test
  void perSecondSuffixUsesGammaNr() {
    var r = ParameterResolver.resolve(java.util.Map.of("gamma_nr", "2e9/s", "g", "7e10/s"), "--set ");
    assertThat(r.parameters().g()).isCloseTo(35.0, org.assertj.core.data.Offset.offset(35 * CONVERSION_TOLERANCE));
    assertThatThrownBy(() -> ParameterResolver.resolve(java.util.Map.of("mu", "1/s"), "--set "))
        .isInstanceOf(InputException.class).hasMessageContaining("--set mu");
  }
}
