package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.CliTest.Result;

/**
 * The manifest reproducers of issue 16 (items 1, 2, 5, 6), at the CLI: each is validated when the
 * manifest is read, so that {@code run --dry-run} refuses it (exit 2, the full field path, the value
 * and what is allowed), writes nothing and never hangs.
 */
class ManifestReproducersTest {
  static final String HEAD = "schema: qdlaser/manifest/v1\nstudy: s\n";
  static final String SWEEP = "sweep: {parameter: r, from: 2e13/s, to: 2e12/s, points: 3, spacing: log}\n";
  static final String BASE = HEAD + "parameters: {N: 50, beta: 1}\nmodels: [CIM, TPM_IF]\n" + SWEEP;
  static final String DISPERSE = HEAD + "parameters: {N: 5, beta: 1}\nmodels: [CIM_d]\n" + SWEEP;

  @TempDir Path tmp;

  Result dryRun(String manifest) throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, manifest);
    Result r = CliTest.run("run", m.toString(), "-o", tmp.resolve("run").toString(), "--dry-run");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).as("a dry run writes nothing").containsExactly(m);
    }
    return r;
  }

  Result refused(String manifest, String field, String... mentions) throws Exception {
    Result r = dryRun(manifest);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("(field " + field + ")").contains(mentions).doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContain("internal error");
    return r;
  }

  // ---- item 1: seed ranges at the 64-bit limit

  @Test
  void aOneSeedRangeAtTheLongLimitIsOneSampleNotAHang() throws Exception {
    Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> dryRun(DISPERSE + "samples: {w_qd: 1, seed: 9223372036854775807..9223372036854775807}\n"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("CIM_d_w1_S9223372036854775807");
  }

  @Test
  void aSeedRangeOverTheWholeLongRangeIsRefusedNotOverflowed() throws Exception {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> refused(DISPERSE + "samples: {w_qd: 1, seed: -9223372036854775808..9223372036854775807}\n", "samples.seed",
            "-9223372036854775808..9223372036854775807", "more than 2000 values"));
    refused(DISPERSE + "samples: {w_qd: 1, seed: 1..99999999999999999999}\n", "samples.seed", "must lie in");
  }

  // ---- item 2: upward and degenerate sweeps

  @Test
  void upwardAndDegenerateSweepsAreRefusedAtParseTime() throws Exception {
    String base = HEAD + "parameters: {N: 50, beta: 1}\nmodels: [CIM]\n";
    refused(base + "sweep: {parameter: r, from: 2e12/s, to: 2e13/s, points: 3}\n", "sweep.to", "downwards", "from 2e12/s, to 2e13/s");
    refused(base + "sweep: {parameter: r, from: 2e12/s, to: 2e12/s, points: 3}\n", "sweep.to", "downwards");
    refused(base + "sweep: {parameter: r, from: 0x10, to: 2e12/s, points: 3}\n", "sweep.to", "downwards");
    refused(base + "sweep: {values: [1e3, 2e3, 5e2]}\n", "sweep.values[1]", "below the one before", "2000.0 after 1000.0");
    refused(base + "sweep: {values: [2e3, 2e3]}\n", "sweep.values[1]", "below the one before");
    refused(base + "sweep: {values: [2e3, 1e3], from: 2e13/s, to: 2e12/s, points: 3}\n", "sweep.from", "not both");
  }

  // ---- item 5: duplicate keys, undefined aliases, second documents

  @Test
  void duplicateKeysAreRefusedWithBothLines() throws Exception {
    refused(HEAD + "parameters:\n  N: 50\n  N: 7\nmodels: [CIM]\n" + SWEEP, "parameters.N", "lines 4 and 5");
    refused(HEAD + "study: t\nparameters: {N: 50}\nmodels: [CIM]\n" + SWEEP, "study", "lines 2 and 3");
    refused(BASE + SWEEP, "sweep", "lines 5 and 6");
    refused(BASE + "models: [TPM]\n", "models", "lines 4 and 6");
    refused(HEAD + "parameters: {N: 50, N: 7}\nmodels: [CIM]\n" + SWEEP, "parameters.N", "lines 3 and 3");
    refused(HEAD + "parameters: {N: 50}\nmodels:\n  - {model: TPM, parameters: {mu: 0, mu: 1}}\n" + SWEEP,
        "models[0].parameters.mu", "appears twice");
  }

  @Test
  void anUndefinedAliasASecondDocumentAndDeepNestingAreRefused() throws Exception {
    refused(HEAD + "parameters: {N: 50}\nmodels:\n  - {model: CIM, label: *x}\n" + SWEEP, "line 5, column 25", "undefined alias");
    refused(BASE + "---\nstudy: other\n", "line 6, column 1", "one YAML document");
    refused(BASE + "description: " + "[".repeat(30) + "]".repeat(30) + "\n", "description" + "[0]".repeat(16), "deeper than 16");
  }

  // ---- item 6: every message names the full field path, the value and what is allowed

  @Test
  void nonFiniteAndTinyValuesNameTheirFieldAndTheRange() throws Exception {
    refused(HEAD + "parameters: {N: 50, gamma: .nan}\nmodels: [CIM]\n" + SWEEP, "parameters.gamma", "finite number", ".nan");
    refused(HEAD + "parameters: {N: 50, gamma_c: .inf}\nmodels: [CIM]\n" + SWEEP, "parameters.gamma_c", "finite number", ".inf");
    refused(HEAD + "parameters: {N: 50, beta: 1e-320}\nmodels: [CIM]\n" + SWEEP, "parameters.beta", "got 1.0E-320", "in [1e-12, 1]");
    refused(HEAD + "parameters: {N: 50}\nmodels: [CIM, {model: TPM, parameters: {mu: -1}}]\n" + SWEEP, "models[1].parameters.mu",
        "-1", "in [0, 1000000]");
    refused(HEAD + "parameters: {N: 50, r: 1}\nmodels: [CIM]\n" + SWEEP, "parameters.r", "set by the sweep");
  }

  @Test
  void aPolydisperseModelTooLargeForThisToolIsRefusedNamingTheLimit() throws Exception {
    refused(HEAD + "parameters: {N: 100000}\nmodels: [CIM_d]\n" + SWEEP, "parameters.N", "500003 unknowns",
        "limit of 100000", "N <= 19999");
  }
}
