package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.report.Figure;
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
    assertThat(s.models()).extracting(ModelRun::kind).containsExactly(ModelKind.CIM, ModelKind.TPM_IF, ModelKind.TPM);
    var p = s.models().get(0).parameters();
    assertThat(p.gamma()).isCloseTo(1e4, org.assertj.core.data.Percentage.withPercentage(1e-10));
    assertThat(p.g()).isCloseTo(70.0, org.assertj.core.data.Offset.offset(70 * CONVERSION_TOLERANCE));
    assertThat(p.n()).isEqualTo(50);
    assertThat(p.gammaNl()).isEqualTo(0.0);
    double[] pumps = ((Sweep) s.analysis()).pumps();
    assertThat(pumps[0]).isCloseTo(2e5, org.assertj.core.data.Offset.offset(2e5 * CONVERSION_TOLERANCE));
    assertThat(pumps).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void betaGivesGammaNl() {
    Study s = ManifestParser.parse(minimal("parameters: {beta: 7e-4}\n"));
    double expected = 0.97 * (1 - 7e-4) / 7e-4;
    assertThat(s.models().get(0).parameters().gammaNl()).isCloseTo(expected,
        org.assertj.core.data.Offset.offset(expected * CONVERSION_TOLERANCE));
  }

  /** The continuation's dense tangent systems take at most LasingBranch.MAX_DIMENSION unknowns. */
  @Test
  void branchesRefuseTpmDAboveTheDenseLimitNamingN() {
    String tpmD = String.join("\n", "schema: qdlaser/manifest/v1", "study: b", "parameters: {N: 50}",
        "models: [{model: TPM_d, sample: {w_qd: 1, seed: 3}}]", "analysis: branches", "branch: {from: 2e14/s, to: 1e11/s}", "");
    assertThatThrownBy(() -> ManifestParser.parse(tpmD))
        .isInstanceOf(InputException.class).hasMessageContaining("parameters.N").hasMessageContaining("TPM_d")
        .hasMessageContaining("17605").hasMessageContaining("1000");
    String perModel = tpmD.replace("parameters: {N: 50}\n", "").replace("sample: {w_qd: 1, seed: 3}",
        "sample: {w_qd: 1, seed: 3}, parameters: {N: 12}");
    assertThatThrownBy(() -> ManifestParser.parse(perModel))
        .isInstanceOf(InputException.class).hasMessageContaining("models[0].parameters.N").hasMessageContaining("1037");
    // N = 11: 5 + 99 + 770 = 874 unknowns, inside the limit; CIM_d and TPM_IF_d at N = 50 too.
    assertThat(ManifestParser.parse(perModel.replace("N: 12", "N: 11")).models()).hasSize(1);
    assertThat(ManifestParser.parse(tpmD.replace("TPM_d", "TPM_IF_d")).models()).hasSize(1);
  }

  @Test
  void amplitudeRangeFiguresBelongToBranchesStudies() {
    String base = String.join("\n", "schema: qdlaser/manifest/v1", "study: b", "parameters: {N: 50}",
        "models: [CIM, CIM_d]", "samples: {w_qd: 1, seed: 1..3}", "analysis: branches", "branch: {from: 2e14/s, to: 1e11/s}", "");
    Study ok = ManifestParser.parse(base + "figures: [{id: fig3, kind: amplitude_range, seed: 3}]\n");
    Figure f = ((Branches) ok.analysis()).figures().get(0);
    assertThat(ok.models().stream().filter(f::showsBranch)).extracting(ModelRun::label)
        .containsExactly("CIM", "CIM_d_w1_S3");
    assertThat(ok.models().stream().filter(f::inRange)).hasSize(3);
    // A sample set expands one models entry into several runs: the error names the entry.
    assertThatThrownBy(() -> ManifestParser.parse(base.replace("branch: {from: 2e14/s, to: 1e11/s}",
            "branch: {parameter: g, from: 7e10/s, to: 1e10/s, pump: 2e14/s}")))
        .isInstanceOf(InputException.class).hasMessageContaining("models[1].model").hasMessageContaining("branch.parameter");
    assertThatThrownBy(() -> ManifestParser.parse(base + "figures: [{id: fig3, kind: amplitude_range, seed: 7}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].seed").hasMessageContaining("7");
    assertThatThrownBy(() -> ManifestParser.parse(base + "figures: [{id: f, kind: width_vs_frequency}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].kind").hasMessageContaining("branches");
    assertThatThrownBy(() -> ManifestParser.parse(base + "figures: [{id: f, kind: amplitude_range, models: [TPM]}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0]").hasMessageContaining("selects no");
    String activation = base.replace("analysis: branches\nbranch: {from: 2e14/s, to: 1e11/s}", "analysis: activation\n"
        + "activation: {pump: 2e14/s}").replace("models: [CIM, CIM_d]", "models: [CIM_d]");
    assertThatThrownBy(() -> ManifestParser.parse(activation + "figures: [{id: f, kind: amplitude_range}]\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("figures[0].kind").hasMessageContaining("amplitude_range");
  }

  @Test
  void activationTransientBudgetDefaultsAndIsBounded() {
    String activation = String.join("\n", "schema: qdlaser/manifest/v1", "study: a", "parameters: {N: 50}",
        "models: [CIM_d]", "samples: {w_qd: 1, seed: 1..3}", "analysis: activation", "activation: {pump: 2e14/s}", "");
    assertThat(((Activation) ManifestParser.parse(activation).analysis()).transientBudget())
        .isEqualTo(org.qdlaser.stages.equilibrium.Equilibria.DEFAULT_TRANSIENT_BUDGET);
    Study twelve = ManifestParser.parse(activation.replace("{pump: 2e14/s}", "{pump: 2e14/s, transient_budget: 12}"));
    assertThat(((Activation) twelve.analysis()).transientBudget()).isEqualTo(12.0);
    for (String bad : new String[] {"2", "20000", "-1", "x"}) {
      assertThatThrownBy(() -> ManifestParser.parse(activation.replace("{pump: 2e14/s}", "{pump: 2e14/s, transient_budget: " + bad + "}")))
          .as(bad).isInstanceOf(InputException.class).hasMessageContaining("activation.transient_budget")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void activationProcedureAndLongTimeLimit() {
    String activation = String.join("\n", "schema: qdlaser/manifest/v1", "study: a", "parameters: {N: 50}",
        "models: [CIM_d]", "samples: {w_qd: 1, seed: 1..3}", "analysis: activation", "activation: {pump: 2e14/s}", "");
    Activation ours = (Activation) ManifestParser.parse(activation).analysis();
    assertThat(ours.procedure()).isEqualTo(org.qdlaser.pipeline.tasks.ActivationTask.Procedure.OURS);
    assertThat(ours.longTimeLimit()).isEqualTo(org.qdlaser.stages.equilibrium.Equilibria.DEFAULT_LONG_TIME_LIMIT);
    Activation hundred = (Activation) ManifestParser.parse(activation.replace("{pump: 2e14/s}",
        "{pump: 2e14/s, procedure: ours, long_time_limit: 100}")).analysis();
    assertThat(hundred.longTimeLimit()).isEqualTo(100.0);
    Activation paper = (Activation) ManifestParser.parse(activation.replace("{pump: 2e14/s}",
        "{pump: 2e14/s, procedure: paper}")).analysis();
    assertThat(paper.procedure()).isEqualTo(org.qdlaser.pipeline.tasks.ActivationTask.Procedure.PAPER);
    assertThat(paper.longTimeLimit()).as("paper does not use the limit: not in its task key").isNull();
    for (String bad : new String[] {"1", "2000000", "-1", "x", "1/s"}) {
      assertThatThrownBy(() -> ManifestParser.parse(activation.replace("{pump: 2e14/s}", "{pump: 2e14/s, long_time_limit: " + bad + "}")))
          .as(bad).isInstanceOf(InputException.class).hasMessageContaining("activation.long_time_limit")
          .hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> ManifestParser.parse(activation.replace("{pump: 2e14/s}", "{pump: 2e14/s, procedure: theirs}")))
        .isInstanceOf(InputException.class).hasMessageContaining("activation.procedure").hasMessageContaining("theirs")
        .hasMessageContaining("ours or paper");
    assertThatThrownBy(() -> ManifestParser.parse(activation.replace("{pump: 2e14/s}",
        "{pump: 2e14/s, procedure: paper, long_time_limit: 100}")))
        .isInstanceOf(InputException.class).hasMessageContaining("activation.long_time_limit").hasMessageContaining("ours");
    assertThat(ours.thresholds()).as("threshold searches are opt-in (minutes per sample)").isFalse();
    Activation thresholds = (Activation) ManifestParser.parse(activation.replace("{pump: 2e14/s}",
        "{pump: 2e14/s, thresholds: true}")).analysis();
    assertThat(thresholds.thresholds()).isTrue();
    assertThatThrownBy(() -> ManifestParser.parse(activation.replace("{pump: 2e14/s}", "{pump: 2e14/s, thresholds: yes-please}")))
        .isInstanceOf(InputException.class).hasMessageContaining("activation.thresholds").hasMessageContaining("yes-please")
        .hasMessageContaining("true or false");
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
    // Pump continuation of polydisperse dots is allowed (Fig. 3); in other parameters it is not.
    assertThat(ManifestParser.parse(branches).models()).extracting(ModelRun::kind)
        .containsExactly(org.qdlaser.stages.physics.ModelKind.CIM_d);
    assertThatThrownBy(() -> ManifestParser.parse(branches.replace("branch: {from: 1e15/s, to: 1e11/s}",
            "branch: {parameter: g, from: 7e10/s, to: 1e10/s, pump: 2e14/s}")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.parameter").hasMessageContaining("CIM_d")
        .hasMessageContaining("identical-dot");
    String inG = String.join("\n", "schema: qdlaser/manifest/v1", "study: b", "models: [CIM]", "analysis: branches",
        "branch: {parameter: g, from: 7e10/s, to: 1e10/s, pump: 2e14/s}", "");
    Branches ok = (Branches) ManifestParser.parse(inG).analysis();
    assertThat(ok.parameter()).isEqualTo("g");
    assertThat(new double[] {ok.from(), ok.to(), ok.pump()}).containsExactly(70.0, 10.0, 2e5);
    assertThatThrownBy(() -> ManifestParser.parse(inG.replace("parameter: g", "parameter: N")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.parameter").hasMessageContaining("gamma_c");
    assertThatThrownBy(() -> ManifestParser.parse(inG.replace(", pump: 2e14/s", "")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.pump");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {N: 2.5}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("parameters.N").hasMessageContaining("2.5");
    assertThatThrownBy(() -> ManifestParser.parse(minimal("parameters: {beta: 1, gamma_nl: 3}\n")))
        .isInstanceOf(InputException.class).hasMessageContaining("beta");
  }

  /** Continuation in the sample width: polydisperse models only, w_qd in units of gamma (manifests/branches-in-w.yaml). */
  @Test
  void branchesInWidthTakeSamplesOnly() {
    String inW = String.join("\n", "schema: qdlaser/manifest/v1", "study: w",
        "models: [{model: CIM_d, sample: {w_qd: 1, seed: 3}}, {model: TPM_IF_d, sample: {w_qd: 1, seed: 3}}]",
        "analysis: branches", "branch: {parameter: w_qd, from: 0.1, to: 2, pump: 2e14/s}", "");
    Study ok = ManifestParser.parse(inW);
    Branches b = (Branches) ok.analysis();
    assertThat(b.parameter()).isEqualTo("w_qd");
    assertThat(new double[] {b.from(), b.to(), b.pump()}).containsExactly(0.1, 2.0, 2e5);
    assertThat(ok.models()).extracting(ModelRun::kind).containsExactly(
        org.qdlaser.stages.physics.ModelKind.CIM_d, org.qdlaser.stages.physics.ModelKind.TPM_IF_d);
    assertThatThrownBy(() -> ManifestParser.parse(inW.replace("{model: CIM_d, sample: {w_qd: 1, seed: 3}}", "CIM")))
        .isInstanceOf(InputException.class).hasMessageContaining("models[0].model").hasMessageContaining("w_qd");
    assertThatThrownBy(() -> ManifestParser.parse(inW.replace("to: 2,", "to: 2e9/s,")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.to").hasMessageContaining("/s");
    assertThatThrownBy(() -> ManifestParser.parse(inW.replace("from: 0.1", "from: -0.1")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.from").hasMessageContaining("-0.1");
    // w_qd was added to the continuation parameters in the message of a bad one.
    assertThatThrownBy(() -> ManifestParser.parse(inW.replace("parameter: w_qd", "parameter: seed")))
        .isInstanceOf(InputException.class).hasMessageContaining("branch.parameter").hasMessageContaining("w_qd");
  }

  @Test
  void perSecondSuffixUsesGammaNr() {
    var r = ParameterResolver.resolve(java.util.Map.of("gamma_nr", "2e9/s", "g", "7e10/s"), "--set ");
    assertThat(r.parameters().g()).isCloseTo(35.0, org.assertj.core.data.Offset.offset(35 * CONVERSION_TOLERANCE));
    assertThatThrownBy(() -> ParameterResolver.resolve(java.util.Map.of("mu", "1/s"), "--set "))
        .isInstanceOf(InputException.class).hasMessageContaining("--set mu");
  }
}
