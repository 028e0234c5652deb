package org.qdlaser.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.Main;

/** The quickstart study, run from its manifest, matches golden/quickstart (the fast golden subset). */
class QuickstartGoldenTest {
  @Test
  void quickstartMatchesGoldenData(@TempDir Path tmp) {
    Path runDir = tmp.resolve("quickstart");
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", Path.of("..", "manifests", "quickstart.yaml").toString(), "-o", runDir.toString());
    assertThat(code).as(err.toString()).isZero();
    List<GoldenResult> results = new GoldenChecker(Path.of("..", "golden")).check(runDir);
    assertThat(results).hasSizeGreaterThan(10);
    assertThat(results.stream().filter(r -> !r.passed()).map(GoldenResult::message).toList()).isEmpty();
  }
}
