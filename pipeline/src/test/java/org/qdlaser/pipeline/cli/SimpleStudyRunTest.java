package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Simple Model study through the pipeline: artifacts, lock, report sections, reuse. */
class SimpleStudyRunTest {
  static final String ASE = "schema: qdlaser/manifest/v1\nstudy: small-ase\nanalysis: ase\n"
      + "models: [SIMPLE_4LS, SIMPLE_4LS_XX]\nsimple: {paper_figure: 9c-d, energies: {from: 1.95, to: 2.15, points: 41}, "
      + "fluence_multiples: [1, 2]}\n";

  @Test
  void aseStudyWritesFiguresTablesThresholdsAndTheDisagreements(@TempDir Path tmp) throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, ASE);
    Path run = tmp.resolve("run");
    CliTest.Result r = CliTest.run("run", m.toString(), "-o", run.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String f : new String[] {"lock.json", "provenance.json", "report/index.html", "report/fig9c-d-SIMPLE_4LS.png",
        "report/fig9c-d-SIMPLE_4LS_XX.svg", "simple/SIMPLE_4LS.json", "simple/SIMPLE_4LS-ase-spectra.arrow",
        "simple/SIMPLE_4LS_XX-ase-spikes.csv"}) {
      assertThat(run.resolve(f)).as(f).isRegularFile();
    }
    String html = Files.readString(run.resolve("report/index.html"));
    assertThat(html).contains("Disagreements with the paper").contains("not reproduced").contains("Figs. 9e-f")
        .contains("strong redshift with fluence for the 4LS with ESA into XX");
    assertThat(CliTest.run("verify", run.toString()).code()).isZero();
    CliTest.Result again = CliTest.run("run", m.toString(), "-o", run.toString());
    assertThat(again.out()).contains("0 task(s) ran, 3 reused");
  }
}
