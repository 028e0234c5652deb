package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.CliTest.Result;

/**
 * The issue 16 reproducers of {@code point} and {@code threshold} (items 3 and 4): unbounded and
 * non-finite inputs are refused with exit 2 naming the option, the value and the limit, before
 * anything large is read or allocated; a computation that fails on valid input is exit 1 with
 * diagnostics, never a trace.
 */
class InputLimitsTest {
  static void refused(Result r, String... mentions) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("qdlaser: bad input: ").contains(mentions).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @Timeout(30)
  void anEndlessDetuningsFileIsRefusedAtOnce() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
    refused(CliTest.run("point", "--model", "CIM_d", "--detunings", zero.toString(), "--json"),
        "--detunings", "larger than the limit of 4194304 bytes");
  }

  @Test
  void aDetuningsFileOfTheLargestNIsRefusedByTheStateSizeNamingTheFile(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("hundred-thousand.txt");
    Files.writeString(file, IntStream.range(0, 100_000).mapToObj(i -> "0.001").collect(Collectors.joining("\n")));
    refused(CliTest.run("point", "--model", "CIM_d", "--detunings", file.toString(), "--json"), "(field --detunings)",
        "N = 100000 dots has 500003 unknowns", "limit of 100000");
  }

  @Test
  void aDetuningsFileOfMoreThanTheLargestNIsRefused(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("many.txt");
    Files.writeString(file, IntStream.range(0, 100_001).mapToObj(i -> "0.001").collect(Collectors.joining("\n")));
    refused(CliTest.run("point", "--model", "CIM_d", "--detunings", file.toString(), "--json"),
        "--detunings", "more than the limit of 100000 detunings", "line 100001");
  }

  @Test
  void parametersBeyondPhysicalRangesAreRefusedNamingTheRange() {
    refused(CliTest.run("point", "--model", "CIM", "--set", "r=1e308", "--json"), "(field --set r)", "in [0, 1e+12]", "got 1e308");
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=5", "--set", "w_qd=1e308", "--json"), "(field --set w_qd)",
        "in [0, 1000000]", "units of gamma");
    refused(CliTest.run("threshold", "--model", "CIM", "--set", "gamma_c=1e-30", "--json"), "(field --set gamma_c)",
        "in [1e-09, 1e+12]");
    refused(CliTest.run("point", "--model", "CIM", "--set", "beta=1e-320", "--json"), "(field --set beta)", "in [1e-12, 1]");
    refused(CliTest.run("point", "--model", "CIM", "--set", "beta=1e-12", "--set", "gamma_l=1e12", "--json"), "(field --set beta)",
        "gives gamma_NL");
  }

  @Test
  void tooManyDotsAreRefusedBeforeAnythingIsAllocated() {
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=100000", "--json"), "(field --set N)", "500003 unknowns",
        "limit of 100000", "N <= 19999");
    refused(CliTest.run("threshold", "--model", "TPM_d", "--set", "N=200", "--json"), "(field --set N)", "N <= 119",
        "--max-unknowns raises the limit");
  }

  /** {@code --max-unknowns} moves the limit (the scaling benchmark's TPM_d N = 150 goes past it); nonsense is exit 2. */
  @Test
  void theUnknownsLimitIsAnOption() {
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=50", "--max-unknowns", "100", "--json"), "(field --set N)",
        "253 unknowns", "limit of 100", "N <= 19 ");
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=5", "--max-unknowns", "0", "--json"), "--max-unknowns",
        "positive", "got 0");
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=5", "--max-unknowns", "many", "--json"), "--max-unknowns");
  }

  /** The threshold search's threads ({@code --threads}, docs/decisions.md "S8's threshold search on two threads"). */
  @Test
  void theThresholdsThreadsAreBounded() {
    refused(CliTest.run("threshold", "--model", "TPM_d", "--set", "N=5", "--threads", "0", "--json"), "--threads",
        "in [1, 64]", "got 0");
    refused(CliTest.run("threshold", "--model", "TPM_d", "--set", "N=5", "--threads", "65", "--json"), "--threads", "got 65");
  }

  @Test
  void aSeedBeyondDoublePrecisionIsTakenExactly() {
    refused(CliTest.run("point", "--model", "CIM_d", "--set", "N=5", "--set", "seed=1.5", "--json"), "(field --set seed)",
        "any 64-bit integer");
  }

  @Test
  void aComputationThatFailsOnValidInputIsExit1WithDiagnostics() {
    // No stable lasing state up to the ceiling is a result since issue 13 item 4 (exit 0, verdict "none").
    Result r = CliTest.run("threshold", "--model", "CIM", "--set", "gamma_c=1e12", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"verdict\" : \"none\"").contains("no stable lasing state");

    // The numerics refuse a non-finite state with IllegalArgumentException (the r = 1e308 gave
    // "y0[0] is not finite"): from valid input that is a failed computation naming the model and parameters.
    ModelOptions o = new ModelOptions();
    o.model = "CIM";
    ModelOptions.Resolved resolved = o.resolve();
    ComputationFailure f = org.junit.jupiter.api.Assertions.assertThrows(ComputationFailure.class,
        () -> ModelOptions.compute(resolved, "the equilibrium", () -> {
          throw new IllegalArgumentException("y0[0] is not finite: Infinity");
        }));
    assertThat(f.getMessage()).contains("the equilibrium of CIM failed: y0[0] is not finite: Infinity").contains("gamma_c=");
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("b_abs", Double.POSITIVE_INFINITY);
    out.put("activation", new double[] {0.5, Double.NaN});
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(ComputationFailure.class, () -> ModelOptions.json(resolved, out))
        .getMessage()).contains("not finite: b_abs = Infinity, activation[1] = NaN");
  }
}
