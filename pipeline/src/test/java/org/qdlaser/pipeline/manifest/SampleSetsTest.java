package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.report.Figure;
import org.qdlaser.stages.physics.ModelKind;

/** The compact sample-set form of manifests ({@code samples:} and list/range values in {@code sample:}). */
class SampleSetsTest {
  static String activation(String models, String extra) {
    return "schema: qdlaser/manifest/v1\nstudy: t\nparameters: {N: 10}\nmodels: " + models + "\n"
        + "analysis: activation\nactivation: {pump: 2e14/s}\n" + extra;
  }

  @Test
  void studyWideSamplesExpandPerModelWidthAndSeedWithGeneratedLabels() {
    Study s = ManifestParser.parse(activation("[CIM_d, TPM_d]", "samples: {w_qd: [0.2, 1], seed: 1..3}\n"));
    assertThat(s.models()).hasSize(2 * 2 * 3);
    assertThat(s.models()).extracting(ModelRun::label).startsWith(
        "CIM_d_w0.2_S1", "CIM_d_w0.2_S2", "CIM_d_w0.2_S3", "CIM_d_w1_S1").contains("TPM_d_w1_S3");
    ModelRun r = s.models().get(5);
    assertThat(r.kind()).isEqualTo(ModelKind.CIM_d);
    assertThat(r.sample()).containsEntry("w_qd", "1").containsEntry("seed", "3");
    assertThat(r.sampleWidth()).isEqualTo(1.0);
    assertThat(r.sampleSeed()).isEqualTo(3L);
  }

  @Test
  void perModelSampleListsExpandAndScalarSamplesKeepTheirLabel() {
    Study s = ManifestParser.parse(activation(
        "[{model: TPM_d, label: T, sample: {w_qd: [0.5, 2], seed: 3, tail: 2}}, {model: CIM_d, label: C3, sample: {seed: 3}}]", ""));
    assertThat(s.models()).extracting(ModelRun::label).containsExactly("T_w0.5_S3_t2", "T_w2_S3_t2", "C3");
  }

  @Test
  void couplingFractionsExpandLastWithTheirPrefix() {
    Study s = ManifestParser.parse(activation(
        "[{model: CIM_d, label: C, sample: {w_qd: 0, seed: 1, identical_coupling_fraction: [0.9, 0.5]}}]", ""));
    assertThat(s.models()).extracting(ModelRun::label).containsExactly("C_w0_S1_gf0.9", "C_w0_S1_gf0.5");
    assertThat(s.models().get(1).sample()).containsEntry("identical_coupling_fraction", "0.5");
  }

  @Test
  void identicalDotModelsAreNotExpanded() {
    String m = "schema: qdlaser/manifest/v1\nstudy: t\nparameters: {N: 10}\nmodels: [CIM, CIM_d]\n"
        + "samples: {seed: [1, 2]}\nsweep: {values: [2e14/s]}\n";
    assertThat(ManifestParser.parse(m).models()).extracting(ModelRun::label).containsExactly("CIM", "CIM_d_S1", "CIM_d_S2");
  }

  @Test
  void shippedWidthsManifestExpandsAndHasSixFigures() throws Exception {
    Study s = ManifestParser.parse(Files.readString(Path.of("..", "manifests", "fig5-6-9-10-activation-widths.yaml")));
    // CIM_d, TPM_IF_d and TPM_d: 4 widths x 10 seeds (TPM_d at 2 gamma: mostly unsettled, docs/decisions.md).
    assertThat(s.models()).hasSize(3 * 40);
    assertThat(((Activation) s.analysis()).transientBudget()).isEqualTo(12.0);
    assertThat(((Activation) s.analysis()).figures()).extracting(Figure::id).contains("fig5", "fig6", "fig9-panels", "fig10-CIM_d");
    Figure fig5 = ((Activation) s.analysis()).figures().get(0);
    assertThat(s.models().stream().filter(fig5::selects)).hasSize(30);
  }

  @Test
  void invalidSampleSetsNameTheFieldPath() {
    record Case(String models, String extra, String path, String detail) {}
    for (Case c : List.of(
        new Case("[CIM_d]", "samples: {w_qd: [0.2, x]}\n", "samples.w_qd[1]", "'x'"),
        new Case("[CIM_d]", "samples: {seed: 3..1}\n", "samples.seed", "3..1"),
        new Case("[CIM_d]", "samples: {seed: 1..x}\n", "samples.seed", "1..x"),
        new Case("[CIM_d]", "samples: {w_qd: 1..2}\n", "samples.w_qd", "integer options"),
        new Case("[CIM_d]", "samples: {seed: 0.5..2}\n", "samples.seed", "FIRST..LAST"),
        new Case("[CIM_d]", "samples: {seed: [1.5]}\n", "samples.seed[0]", "1.5"),
        new Case("[CIM_d]", "samples: {seed: [1, 1]}\n", "samples.seed", "twice"),
        new Case("[CIM_d]", "samples: {w_qd: []}\n", "samples.w_qd", "empty"),
        new Case("[CIM_d]", "samples: {width: [1]}\n", "samples.width", "allowed"),
        new Case("[CIM_d]", "samples: {w_qd: [-1]}\n", "samples.w_qd", "-1"),
        new Case("[CIM_d]", "samples: {w_qd: [1/s]}\n", "samples.w_qd[0]", "/s"),
        new Case("[CIM_d]", "samples: {seed: 1..5000}\n", "samples.seed", "2000"),
        new Case("[CIM_d]", "samples: [1, 2]\n", "samples", "mapping"),
        new Case("[{model: CIM_d, sample: {seed: [1, 2], tail: [1, 9]}}]", "", "models[0].sample.tail", "9"),
        new Case("[CIM_d]", "samples: {seed: 1..2}\nfigures: [{id: f, kind: pie}]\n", "figures[0].kind", "pie"),
        new Case("[CIM_d]", "samples: {seed: 1..2}\nfigures: [{id: f, kind: activation_panels, seed: 7}]\n", "figures[0]", "selects no"),
        new Case("[CIM_d]", "samples: {seed: 1..2}\nfigures: [{id: f, kind: activation_panels, models: [XYZ]}]\n", "figures[0].models[0]",
            "XYZ"))) {
      assertThatThrownBy(() -> ManifestParser.parse(activation(c.models(), c.extra())))
          .as(c.path()).isInstanceOf(InputException.class)
          .hasMessageContaining(c.path()).hasMessageContaining(c.detail());
    }
  }

  @Test
  void samplesWithoutPolydisperseModelsIsAnError() {
    String m = "schema: qdlaser/manifest/v1\nstudy: t\nmodels: [CIM]\nsamples: {seed: 1..2}\nsweep: {values: [2e14/s]}\n";
    assertThatThrownBy(() -> ManifestParser.parse(m)).isInstanceOf(InputException.class).hasMessageContaining("samples");
  }
}
