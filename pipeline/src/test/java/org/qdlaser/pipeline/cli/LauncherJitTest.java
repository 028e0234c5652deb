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
 * but TPM_d; tiered compilation for TPM_d and the batch commands. And its collector ({@code gc_for},
 * docs/decisions.md "The memory of a TPM_d point"): the serial collector for {@code point} of TPM_d, the
 * JVM's default for everything else.
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

  @Test
  void onlyTpmDPointsRunWithTheSerialCollector() throws Exception {
    assertThat(choice("gc_for", "point", "--model", "TPM_d", "--set", "N=100", "--json")).isEqualTo("serial");
    assertThat(choice("gc_for", "--log-level", "DEBUG", "point", "--model=tpm_d")).isEqualTo("serial");
    assertThat(choice("gc_for", "point", "--model", "CIM_d")).isEqualTo("default");
    assertThat(choice("gc_for", "threshold", "--model", "TPM_d")).isEqualTo("default");
    assertThat(choice("gc_for", "spectrum", "--model", "TPM_d")).isEqualTo("default");
    assertThat(choice("gc_for", "run", "manifests/quickstart.yaml")).isEqualTo("default");
    assertThat(choice("gc_for", "--version")).isEqualTo("default");
  }

  private static String jit(String... args) throws IOException, InterruptedException {
    return choice("jit_for", args);
  }

  /** What the launcher's {@code fn} (jit_for or gc_for) prints for a command line (the function alone, nothing run). */
  private static String choice(String fn, String... args) throws IOException, InterruptedException {
    String script = Files.readString(LAUNCHER);
    int from = script.indexOf("parse_command() {");
    int to = script.indexOf("\n}\n", script.indexOf(fn + "() {"));
    assertThat(from).as("parse_command in the launcher").isGreaterThanOrEqualTo(0);
    assertThat(script.indexOf(fn + "() {")).as(fn + " in the launcher").isGreaterThan(from);
    // the functions alone, from parse_command to fn's end (the lines between only set arrays or run jit_for)
    String functions = functionsOnly(script.substring(from, to + 3));
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", functions + "\n" + fn + " \"$@\"", fn));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  /** The function definitions of {@code text} (blocks from a line ending in "() {" to the next "}" line). */
  private static String functionsOnly(String text) {
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (String line : text.split("\n")) {
      if (line.endsWith("() {")) {
        in = true;
      }
      if (in) {
        out.append(line).append('\n');
      }
      if (line.equals("}")) {
        in = false;
      }
    }
    return out.toString();
  }
}
