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
  void aDetuningsFileOfMoreThanTheLargestNIsRefused(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("many.txt");
    Files.writeString(file, IntStream.range(0, 100_001).mapToObj(i -> "0.001").collect(Collectors.joining("\n")));
    refused(CliTest.run("point", "--model", "CIM_d", "--detunings", file.toString(), "--json"),
        "--detunings", "more than the limit of 100000 detunings", "line 100001");
  }
}
