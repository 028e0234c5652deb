package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.tasks.SimpleFigureTask;
import org.qdlaser.stages.physics.simple.SimpleModelKind;

/** The Simple Model analyses in manifests: every figure manifest parses and plans; every bad field is named. */
class SimpleModelFigureTest {
  static final String BASE = "schema: qdlaser/manifest/v1\nstudy: s\nanalysis: se_map\nmodels: [SIMPLE_3LS, SIMPLE_4LS_XX]\n"
      + "parameters: {stokes: 10meV}\nsimple: {energies: {from: 1.9, to: 2.2, points: 31}, "
      + "occupancies: {from: 0.02, to: 2, points: 100}, cuts: [1, 2]}\n";

  @Test
  void theFigureManifestsParseAndPlanOneTaskPerModelAndAReport() throws Exception {
    for (String m : List.of("fig6d-cw-gain", "fig7b-cw-gain-esa", "fig8a-model-spectra", "fig8c-f-se-maps",
        "fig8g-h-threshold-vs-binding", "fig9a-d-ase", "simple-standard-model")) {
      Study s = ManifestParser.parse(Files.readString(Path.of("..", "manifests", m + ".yaml")));
      assertThat(s.analysis()).as(m).isInstanceOf(SimpleModelFigure.class);
      SimpleModelFigure a = (SimpleModelFigure) s.analysis();
      List<PlannedTask> plan = StudyPlanner.plan(s, new ReportContext("test", java.util.Map.of()));
      assertThat(plan).as(m).hasSize(a.models().size() + 1);
      assertThat(plan.get(plan.size() - 1).spec().stage()).isEqualTo("report");
    }
  }

  @Test
  void parametersTakeUnitsAndCutsSnapToTheGrid() {
    SimpleModelFigure a = (SimpleModelFigure) ManifestParser.parse(BASE).analysis();
    assertThat(a.figure()).isEqualTo(SimpleFigureTask.Figure.SE_MAP);
    assertThat(a.models()).containsExactly(SimpleModelKind.SIMPLE_3LS, SimpleModelKind.SIMPLE_4LS_XX);
    assertThat((Double) a.parameters().get(0).get("stokes")).isEqualTo(0.010);
    double[] occ = a.second().values();
    assertThat(a.cuts()).allSatisfy(c -> assertThat(occ).contains(c));
  }

  @Test
  void badFieldsAreNamed() {
    String[][] cases = {
        {"models[1]", BASE.replace("SIMPLE_4LS_XX]", "CIM]")},
        {"models[1]", BASE.replace("SIMPLE_4LS_XX]", "SIMPLE_3LS]")},
        {"parameters.stokes", BASE.replace("stokes: 10meV", "stokes: 10/s")},
        {"parameters.fwhm_abs", BASE.replace("stokes: 10meV", "fwhm_abs: -0.1")},
        {"parameters.statistics", BASE.replace("stokes: 10meV", "statistics: gauss")},
        {"parameters.n_max", BASE.replace("stokes: 10meV", "n_max: 3")},
        {"simple.occupancies", BASE.replace("occupancies: {from: 0.02, to: 2,", "occupancies: {from: 0.02, to: 2.5,")},
        {"simple.cuts", BASE.replace("cuts: [1, 2]", "cuts: [1.005]")},
        {"simple.energies", BASE.replace("energies: {from: 1.9, to: 2.2", "energies: {from: 2.2, to: 1.9")},
        {"simple.occupancies", BASE.replace("analysis: se_map", "analysis: ase")}, // not a field of the ASE figure
        {"simple", BASE.substring(0, BASE.indexOf("simple:"))},
        {"units", BASE + "units: {gamma_nr: 1e9/s}\n"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> ManifestParser.parse(c[1])).as(c[0]).isInstanceOf(InputException.class)
          .satisfies(e -> assertThat(((InputException) e).field()).as(e.getMessage()).isEqualTo(c[0]));
    }
  }
}
