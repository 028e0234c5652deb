package org.qdlaser.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qdlaser.pipeline.cli.Main;

/**
 * The fast golden subset of {@code ci/fast}, inside the README's test command: each study runs from
 * its manifest, its run directory verifies, and it matches {@code golden/<study>/}.
 */
class FastGoldenSubsetTest {
  @ParameterizedTest
  @ValueSource(strings = {"quickstart", "fig7-branches-N25", "simple-standard-model"})
  void studyMatchesGoldenData(String manifest, @TempDir Path tmp) {
    Path runDir = tmp.resolve("run");
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new StringWriter(), true);
    int code = Main.execute(out, new PrintWriter(err, true),
        "run", Path.of("..", "manifests", manifest + ".yaml").toString(), "-o", runDir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Main.execute(out, new PrintWriter(err, true), "verify", runDir.toString())).as(err.toString()).isZero();
    List<GoldenResult> results = new GoldenChecker(Path.of("..", "golden")).check(runDir);
    assertThat(results).as("golden checks of " + manifest).isNotEmpty();
    assertThat(results.stream().filter(r -> !r.passed()).map(GoldenResult::message).toList()).isEmpty();
  }
}
