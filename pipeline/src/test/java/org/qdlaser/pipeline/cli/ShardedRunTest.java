package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.manifest.StudyPlanner;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.slurm.ShardList;
import org.qdlaser.pipeline.slurm.SlurmArrayExecutor;
import org.qdlaser.pipeline.slurm.SlurmClient;
import org.qdlaser.pipeline.slurm.SlurmOptions;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;

/**
 * The sharded protocol without SLURM: a plan and shard list written as for a SLURM run, each
 * shard run by {@code run-shard} in this JVM, then {@code collect}. Gives the local run's lock;
 * a missing shard makes the merge fail without a lock; bad options are exit 2 naming the option.
 */
class ShardedRunTest {
  static final String SMALL = CliTest.SMALL;

  /** Writes manifest copy, plan, shards and scripts as run --executor slurm does, submits nothing. */
  static ShardList prepare(Path runDir, int shards) throws Exception {
    return prepare(runDir, shards, Path.of("/opt/qdlaser.jar"));
  }

  /** As {@link #prepare(Path, int)}, naming the jar the jobs would run. */
  static ShardList prepare(Path runDir, int shards, Path jar) throws Exception {
    byte[] manifest = SMALL.getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(runDir);
    AtomicFiles.write(runDir.resolve("manifest.yaml"), manifest);
    ReportContext context = new ReportContext("test-code", Map.of("JVM", "test"));
    List<PlannedTask> plan = StudyPlanner.plan(ManifestParser.parse(SMALL), context);
    var sub = new SlurmArrayExecutor.Submission(runDir, "small", Hashing.sha256Hex(manifest), UUID.randomUUID().toString(), false,
        context, jar, Duration.ofSeconds(1));
    return new SlurmArrayExecutor(sub, new SlurmOptions(null, null, shards, 1, null, false), new SlurmClient()).prepare(plan);
  }

  @Test
  @Timeout(180)
  void shardsThenCollectGiveTheLocalLockAndAMissingShardBlocksTheMerge(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path local = tmp.resolve("local");
    assertThat(CliTest.run("run", manifest.toString(), "-o", local.toString(), "--jobs", "2").code()).isZero();

    Path sharded = tmp.resolve("sharded");
    ShardList shards = prepare(sharded, 2);
    assertThat(shards.shards()).hasSize(2);
    String plan = RunLayout.planFile(sharded).toString();
    assertThat(Files.readString(RunLayout.planFile(sharded))).contains("\"schema\": \"qdlaser/plan/v1\"").contains("integration/CIM");
    assertThat(sharded.resolve("slurm/shards.sbatch")).content().contains("--array=0-1", "run-shard --plan " + plan);

    CliTest.Result s0 = CliTest.run("run-shard", "--plan", plan, "--shard", "0", "--jobs", "1");
    assertThat(s0.code()).as(s0.err()).isZero();
    assertThat(s0.out()).contains("shard 0: 4 task(s) ran, 0 reused");
    // shard 1 has not run: the merge fails naming a missing task and its shard, and writes no lock
    CliTest.Result early = CliTest.run("collect", sharded.toString());
    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err()).contains("has no verified artifacts").contains("shard 1").contains("shard-1.out");
    assertThat(sharded.resolve("lock.json")).doesNotExist();

    // a requeued shard 0 does nothing
    assertThat(CliTest.run("run-shard", "--plan", plan, "--shard",
        "0").out()).contains("0 task(s) ran, 0 reused, 4 already done in this run");
    assertThat(CliTest.run("run-shard", "--plan", plan, "--shard", "1").code()).isZero();
    CliTest.Result merged = CliTest.run("collect", sharded.toString());
    assertThat(merged.code()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("9 task(s) ran, 0 reused");

    JsonNode lockLocal = CanonicalJson.mapper().readTree(local.resolve("lock.json").toFile());
    JsonNode lockSharded = CanonicalJson.mapper().readTree(sharded.resolve("lock.json").toFile());
    assertThat(lockSharded.get("tasks")).as("same task keys and artifacts except the report (other code identity)")
        .hasSameSizeAs(lockLocal.get("tasks"));
    lockLocal.get("artifacts").fields().forEachRemaining(e -> {
      if (!e.getKey().startsWith("report/")) {
        assertThat(lockSharded.get("artifacts").get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      }
    });
    assertThat(CliTest.run("verify", sharded.toString()).code()).isZero();
    try (Stream<Path> files = Files.walk(RunLayout.journalDir(sharded))) {
      assertThat(files.filter(Files::isRegularFile).count()).as("one record per locked task").isEqualTo(9);
    }
    // collecting again is idempotent
    assertThat(CliTest.run("collect", sharded.toString()).code()).isZero();
    assertThat(CanonicalJson.mapper().readTree(sharded.resolve("lock.json").toFile())).isEqualTo(lockSharded);
  }

  @Test
  void badExecutorOptionsAreExit2NamingTheOption(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    String m = manifest.toString();
    String out = tmp.resolve("run").toString();
    assertBad(CliTest.run("run", m, "-o", out, "--executor", "pbs"), "--executor", "pbs");
    assertBad(CliTest.run("run", m, "-o", out, "--executor", "slurm", "--shards", "0"), "--shards", "0");
    assertBad(CliTest.run("run", m, "-o", out, "--executor", "slurm", "--cpus-per-task", "0"), "--cpus-per-task");
    assertBad(CliTest.run("run", m, "-o", out, "--executor", "slurm", "--time", "2h"), "--time", "2h");
    assertBad(CliTest.run("run", m, "-o", out, "--executor", "slurm", "--jobs", "2"), "--jobs");
    assertBad(CliTest.run("run", m, "-o", out, "--partition", "x"), "--partition");
    assertBad(CliTest.run("run", m, "-o", out, "--detach"), "--detach");
    if (!SlurmClient.onPath("sbatch")) {
      assertBad(CliTest.run("run", m, "-o", out, "--executor", "slurm"), "--executor", "sbatch");
    }
    assertThat(tmp.resolve("run")).doesNotExist();
    assertBad(CliTest.run("collect", tmp.toString()), "RUN_DIR", "plan.json");
    assertBad(CliTest.run("run-shard", "--plan", tmp.resolve("x.json").toString(), "--shard", "0"), "--plan");
    Path run = tmp.resolve("prepared");
    prepare(run, 2);
    assertBad(CliTest.run("run-shard", "--plan", RunLayout.planFile(run).toString(), "--shard", "2"), "--shard", "[0, 1]");
  }

  @Test
  void dryRunWithSlurmPrintsTheShardsAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    CliTest.Result r = CliTest.run("run", manifest.toString(), "-o", tmp.resolve("run").toString(), "--executor", "slurm",
        "--shards", "5", "--dry-run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 shard(s)").contains("shard 0: cost").contains("TPM_IF").contains("report/all");
    assertThat(tmp.resolve("run")).doesNotExist();
  }

  static void assertBad(CliTest.Result r, String... mentions) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(mentions).doesNotContain("Exception");
  }
}
