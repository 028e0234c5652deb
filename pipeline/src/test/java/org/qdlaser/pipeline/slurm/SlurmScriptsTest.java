package org.qdlaser.pipeline.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generated batch scripts equal the golden files in src/test/resources/slurm/ (no SLURM needed). */
class SlurmScriptsTest {
  static final Path RUN = Path.of("/scratch/qdlaser/runs/fig3d-sweep-S3");
  static final Path PLAN = RUN.resolve(".qdlaser/plan.json");
  static final Path JAR = Path.of("/opt/qdlaser/qdlaser.jar");

  static String golden(String name) throws IOException {
    try (InputStream in = SlurmScriptsTest.class.getResourceAsStream("/slurm/" + name)) {
      assertThat(in).as("golden file slurm/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void arrayScriptWithEveryOptionMatchesGolden() throws IOException {
    SlurmOptions o = new SlurmOptions("compute", "2:00:00", 16, 8, "phys-123", false);
    assertThat(SlurmScripts.array("fig3d-sweep-S3", RUN, PLAN, JAR, 16, o)).isEqualTo(golden("shards-all-options.sbatch"));
  }

  @Test
  void mergeScriptWithEveryOptionMatchesGolden() throws IOException {
    SlurmOptions o = new SlurmOptions("compute", "2:00:00", 16, 8, "phys-123", false);
    assertThat(SlurmScripts.merge("fig3d-sweep-S3", RUN, JAR, o)).isEqualTo(golden("merge-all-options.sbatch"));
  }

  @Test
  void minimalScriptsLeaveTimePartitionAndAccountToTheCluster() throws IOException {
    SlurmOptions o = new SlurmOptions(null, null, 3, 1, null, true);
    assertThat(SlurmScripts.array("fig3d-sweep-S3", RUN, PLAN, JAR, 3, o)).isEqualTo(golden("shards-minimal.sbatch"));
    assertThat(SlurmScripts.merge("fig3d-sweep-S3", RUN, JAR, o)).isEqualTo(golden("merge-minimal.sbatch"));
  }

  @Test
  void optionsAndPathsAreValidated() {
    assertThat(new SlurmOptions(null, "1-12:00", 1, 1, null, false).problem()).isNull();
    assertThat(new SlurmOptions(null, "90", 1, 1, null, false).problem()).isNull();
    assertThat(new SlurmOptions(null, "2h", 1, 1, null, false).problem()).startsWith("--time");
    assertThat(new SlurmOptions(null, null, 0, 1, null, false).problem()).startsWith("--shards");
    assertThat(new SlurmOptions(null, null, 1, 0, null, false).problem()).startsWith("--cpus-per-task");
    assertThat(new SlurmOptions("a b", null, 1, 1, null, false).problem()).startsWith("--partition");
    assertThat(new SlurmOptions(null, null, 1, 1, "x;rm", false).problem()).startsWith("--account");
    assertThat(SlurmScripts.pathProblem(Path.of("/tmp/my runs/x"))).contains("/tmp/my runs/x");
    assertThat(SlurmScripts.pathProblem(RUN)).isNull();
  }
}
