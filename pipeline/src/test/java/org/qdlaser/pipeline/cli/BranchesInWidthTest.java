package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuation in the sample width w_qd from a manifest (manifests/branches-in-w.yaml, shortened):
 * CIM_d sample S3 (seed 3, drawn at w_qd = 1), N = 50, at 2e14 s^-1. Both ends of the family are
 * checked against independent computations: at w = 1 the model is the sample itself ({@code
 * qdlaser point} with w_qd = 1, seed 3), and as w -> 0 it becomes the identical-dot CIM.
 */
class BranchesInWidthTest {
  /**
   * The branch's first point is the start state, found by the same point solver as {@code qdlaser
   * point} and polished by Newton at the continuation's tolerance: equal to rounding, with margin.
   */
  static final double SAME_STATE = 1e-9;
  /**
   * |b|(w) = |b|_identical - c w^2 + O(w^4): extrapolating the first two points (w = 0.1 and ~0.104)
   * to w = 0 leaves O(w^4) ~ 1e-4 of the w^2 term (measured: 1.8e-5 relative of |b|).
   */
  static final double IDENTICAL_LIMIT = 1e-4;
  /**
   * omega(w) = a w + O(w^3) (the sample's mean detuning scales with w): between the first two points
   * the w^3 term changes omega / w by ~1e-4 relative (measured 6e-5).
   */
  static final double FREQUENCY_LINEARITY = 1e-3;

  static String manifest(String from, String to) {
    return String.join("\n", "schema: qdlaser/manifest/v1", "study: w", "parameters: {N: 50, beta: 1}",
        "models: [{model: CIM_d, sample: {w_qd: 1, seed: 3}}]", "analysis: branches",
        "branch: {parameter: w_qd, from: " + from + ", to: " + to + ", pump: 2e14/s}", "");
  }

  /** Columns w_qd, b_abs and omega of the run's CIM_d branch table. */
  static double[][] branch(Path runDir) throws Exception {
    List<String> lines = Files.readAllLines(runDir.resolve("equilibrium/CIM_d-branch.csv"));
    List<String> head = Arrays.asList(lines.get(0).split(","));
    int w = head.indexOf("w_qd");
    int b = head.indexOf("b_abs");
    int o = head.indexOf("omega");
    double[][] out = new double[3][lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      out[0][i - 1] = Double.parseDouble(f[w]);
      out[1][i - 1] = Double.parseDouble(f[b]);
      out[2][i - 1] = Double.parseDouble(f[o]);
    }
    return out;
  }

  static Path runStudy(Path tmp, String name, String manifest) throws Exception {
    Path m = tmp.resolve(name + ".yaml");
    Files.writeString(m, manifest);
    Path runDir = tmp.resolve(name);
    CliTest.Result r = CliTest.run("run", m.toString(), "-o", runDir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return runDir;
  }

  @Test
  void atTheSampleWidthTheBranchIsTheSample(@TempDir Path tmp) throws Exception {
    double[][] br = branch(runStudy(tmp, "at1", manifest("1", "1.05")));
    assertThat(br[0][0]).isEqualTo(1.0);
    CliTest.Result p = CliTest.run("point", "--model", "CIM_d", "--set", "N=50", "--set", "beta=1", "--set", "r=2e14/s",
        "--set", "w_qd=1", "--set", "seed=3", "--json");
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(p.out());
    assertThat(br[1][0]).isCloseTo(j.get("b_abs").asDouble(), offset(SAME_STATE * j.get("b_abs").asDouble()));
    assertThat(br[2][0]).isCloseTo(j.get("omega").asDouble(), offset(SAME_STATE * Math.abs(j.get("omega").asDouble())));
    // Wider than the sample: less coherent field (the paper: broadening raises the threshold).
    assertThat(br[0][br[0].length - 1]).isGreaterThan(1.0);
    assertThat(br[1][br[1].length - 1]).isLessThan(br[1][0]);
  }

  @Test
  void narrowSamplesApproachTheIdenticalDots(@TempDir Path tmp) throws Exception {
    double[][] br = branch(runStudy(tmp, "narrow", manifest("0.1", "0.12")));
    assertThat(br[0].length).isGreaterThanOrEqualTo(2);
    CliTest.Result p = CliTest.run("point", "--model", "CIM", "--set", "N=50", "--set", "beta=1", "--set", "r=2e14/s", "--json");
    assertThat(p.code()).as(p.err()).isZero();
    double identical = new ObjectMapper().readTree(p.out()).get("b_abs").asDouble();
    double w1 = br[0][0];
    double w2 = br[0][1];
    double c = (br[1][0] - br[1][1]) / (w2 * w2 - w1 * w1);
    double b0 = br[1][0] + c * w1 * w1;
    assertThat(b0).isCloseTo(identical, offset(IDENTICAL_LIMIT * identical));
    // The rotation frequency vanishes linearly with the width (the sample's mean detuning scales with w).
    assertThat(br[2][1] / w2).isCloseTo(br[2][0] / w1, offset(FREQUENCY_LINEARITY * Math.abs(br[2][0] / w1)));
  }

  /**
   * At w = 2 gamma S3 does not lase at this pump: the branch is recorded as missing with the reason,
   * and the report is written without a branch diagram (it failed on the empty figure before).
   */
  @Test
  void noLasingStartIsReportedNotFatal(@TempDir Path tmp) throws Exception {
    Path runDir = runStudy(tmp, "wide", manifest("2", "2.1"));
    assertThat(Files.readString(runDir.resolve("equilibrium/CIM_d-folds.json"))).contains("no stable lasing state");
    assertThat(Files.readString(runDir.resolve("report/index.html"))).contains("Missing branch: CIM_d");
  }
}
