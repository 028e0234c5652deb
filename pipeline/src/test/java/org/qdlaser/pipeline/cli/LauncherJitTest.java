package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JIT choice ({@code jit_for} in {@code ./qdlaser}, docs/decisions.md "Start-up, fourth
 * step"): C1 alone for the commands that print and exit and for point/threshold/spectrum of every model
 * but TPM_d; tiered compilation for TPM_d and the batch commands.
 */
class LauncherJitTest {
  private static final Path LAUNCHER = Path.of("..", "qdlaser");

  @Test
  void shortCommandsRunWithC1AndTheLongOnesTiered() throws Exception {
    assertThat(jit("--version")).isEqualTo("c1");
    assertThat(jit()).isEqualTo("c1");
    assertThat(jit("--help")).isEqualTo("c1");
    assertThat(jit("point", "--model", "CIM_d", "--set", "N=50", "--json")).isEqualTo("c1");
    assertThat(jit("-q", "--log-level", "DEBUG", "threshold", "--model=TPM_IF_d")).isEqualTo("c1");
    assertThat(jit("spectrum", "--model", "SIMPLE_CDSE")).isEqualTo("c1");
    assertThat(jit("point", "--model", "TPM_d", "--set", "N=100")).isEqualTo("tiered");
    assertThat(jit("--log-level", "INFO", "threshold", "--model=tpm_d")).isEqualTo("tiered");
    assertThat(jit("run", "manifests/quickstart.yaml")).isEqualTo("tiered");
    assertThat(jit("run-shard", "--plan", "p.json", "--shard", "1")).isEqualTo("tiered");
    // a value that looks like a subcommand does not make one
    assertThat(jit("--log-level", "point", "run", "m.yaml")).isEqualTo("tiered");
  }

  /** What the launcher's {@code jit_for} prints for a command line (the function alone, nothing run). */
  private static String jit(String... args) throws IOException, InterruptedException {
    String script = Files.readString(LAUNCHER);
    int from = script.indexOf("jit_for() {");
    int to = script.indexOf("\n}\n", from);
    assertThat(from).as("jit_for in the launcher").isGreaterThanOrEqualTo(0);
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", script.substring(from, to + 3) + "\njit_for \"$@\"", "jit"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
