package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.slurm.SlurmClient;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;

/**
 * The SLURM executor against a real SLURM (ci/slurm-setup makes a one-node cluster), driving the
 * shaded jar as a user would. Skips itself when the jar, sbatch or an idle node is missing.
 */
class SlurmIT {
  static final Path JAR = Path.of("target", "qdlaser.jar").toAbsolutePath();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  /** Two chains (TPM_IF is the costlier: shard 0), ~5 s of work. */
  static final String SMALL = CliTest.SMALL;
  /** A chain whose integration takes several seconds (CIM_d, N = 50), to be killed mid-task. */
  static final String SLOW = "schema: qdlaser/manifest/v1\nstudy: slow\nparameters: {N: 50, beta: 1}\n"
      + "models:\n  - CIM\n  - {model: CIM_d, label: D, sample: {w_qd: 1, seed: 3}}\n"
      + "sweep: {parameter: r, from: 2e14/s, to: 1e12/s, points: 40, spacing: log}\nintegration: {max_time: 2000}\n";

  record Result(int code, String out, String err) {}

  private final List<Path> runDirs = new ArrayList<>();

  static void requireJar() {
    assumeTrue(Files.isRegularFile(JAR), "no shaded jar " + JAR + " (mvn package builds it): SLURM tests skipped");
  }

  static void requireSlurm() throws Exception {
    requireJar();
    assumeTrue(SlurmClient.onPath("sbatch") && SlurmClient.onPath("sinfo") && SlurmClient.onPath("squeue"),
        "sbatch/sinfo/squeue not on PATH: SLURM tests skipped (ci/slurm-setup installs a one-node SLURM)");
    Process p = new ProcessBuilder("sinfo", "-h", "-N", "-o", "%t").redirectErrorStream(true).start();
    boolean done = p.waitFor(20, TimeUnit.SECONDS);
    String states = done ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
    assumeTrue(done && states.lines().anyMatch(l -> l.strip().equals("idle") || l.strip().equals("mix")),
        "sinfo shows no idle node (" + states.strip() + "): SLURM tests skipped");
  }

  Result qdlaser(Path workDir, Map<String, String> env, Duration timeout, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Djava.awt.headless=true",
        "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("QDLASER_JAVA", JAVA);
    pb.environment().remove(RunShardCommand.FAIL_ENV);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("qdlaser " + String.join(" ", args) + " did not finish in " + timeout + ": " + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  Path runDir(Path tmp, String name) {
    Path d = tmp.resolve(name);
    runDirs.add(d);
    return d;
  }

  @AfterEach
  void cancelLeftoverJobs() throws Exception {
    for (Path d : runDirs) {
      Path jobs = RunLayout.jobsFile(d);
      if (Files.exists(jobs)) {
        JsonNode j = CanonicalJson.mapper().readTree(jobs.toFile());
        new ProcessBuilder("scancel", j.path("array_job").asText(), j.path("merge_job").asText()).start().waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  static JsonNode json(Path file) throws IOException {
    return CanonicalJson.mapper().readTree(file.toFile());
  }

  @Test
  @Timeout(180)
  void localAndSlurmGiveIdenticalArtifactsAndLock(@TempDir Path tmp) throws Exception {
    requireSlurm();
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path local = runDir(tmp, "local");
    Path slurm = runDir(tmp, "slurm");
    Result l = qdlaser(tmp, Map.of(), Duration.ofSeconds(120), "run", manifest.toString(), "-o", local.toString(), "--jobs", "2");
    assertThat(l.code()).as(l.err()).isZero();
    Result s = qdlaser(tmp, Map.of(), Duration.ofSeconds(150), "run", manifest.toString(), "-o", slurm.toString(), "--executor",
        "slurm", "--shards", "2", "--cpus-per-task", "1", "--time", "10", "--poll-interval", "1");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("9 task(s) ran, 0 reused").contains("array job");
    assertThat(s.err()).contains("shards: 2 finished");

    assertThat(json(slurm.resolve("lock.json")).get("tasks")).isEqualTo(json(local.resolve("lock.json")).get("tasks"));
    assertThat(Files.readAllBytes(slurm.resolve("lock.json"))).as("identical lock.json")
        .isEqualTo(Files.readAllBytes(local.resolve("lock.json")));
    assertThat(qdlaser(tmp, Map.of(), Duration.ofSeconds(60), "verify", slurm.toString()).code()).isZero();

    JsonNode prov = json(slurm.resolve("provenance.json"));
    String arrayJob = prov.get("execution").get("array_job").asText();
    String mergeJob = prov.get("execution").get("merge_job").asText();
    assertThat(prov.get("execution").get("executor").asText()).isEqualTo("slurm");
    assertThat(prov.get("tasks")).hasSize(9).allSatisfy(t -> {
      assertThat(t.get("executor").asText()).isEqualTo("slurm");
      assertThat(t.get("host").asText()).isNotBlank();
      assertThat(t.get("status").asText()).isEqualTo("RAN");
      if (t.get("stage").asText().equals("report")) {
        assertThat(t.get("jobId").asText()).isEqualTo(mergeJob);
      } else {
        assertThat(t.get("jobId").asText()).matches(arrayJob + "_[01]");
      }
    });
    assertThat(json(local.resolve("provenance.json")).get("tasks")).allSatisfy(t -> assertThat(t.get("executor").asText())
        .isEqualTo("local"));
  }

  @Test
  @Timeout(240)
  void aFailedShardPreventsTheMergeAndTheRerunRecomputesOnlyItsTasks(@TempDir Path tmp) throws Exception {
    requireSlurm();
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path run = runDir(tmp, "run");
    String[] args = {"run", manifest.toString(), "-o", run.toString(), "--executor", "slurm", "--shards", "2", "--poll-interval", "1"};
    Result failed = qdlaser(tmp, Map.of(RunShardCommand.FAIL_ENV, "0"), Duration.ofSeconds(150), args);
    assertThat(failed.code()).as(failed.err()).isEqualTo(1);
    assertThat(failed.err()).contains("shard(s) 0 (FAILED").contains("did not run").contains("no lock.json");
    assertThat(run.resolve("lock.json")).doesNotExist();
    assertThat(run.resolve("provenance.json")).doesNotExist();
    assertThat(run.resolve("report")).doesNotExist();
    JsonNode shards = json(RunLayout.shardsFile(run)).get("shards");
    Set<String> failedLabels = new HashSet<>();
    shards.get(0).get("labels").forEach(l -> failedLabels.add(l.asText()));
    assertThat(failedLabels).containsExactly("TPM_IF");

    Result rerun = qdlaser(tmp, Map.of(), Duration.ofSeconds(150), args);
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(rerun.out()).contains("5 task(s) ran, 4 reused");
    JsonNode prov = json(run.resolve("provenance.json"));
    for (JsonNode t : prov.get("tasks")) {
      String label = t.get("label").asText();
      String expected = failedLabels.contains(label) || label.equals("all") ? "RAN" : "REUSED";
      assertThat(t.get("status").asText()).as(t.get("stage").asText() + "/" + label).isEqualTo(expected);
    }
    assertThat(qdlaser(tmp, Map.of(), Duration.ofSeconds(60), "verify", run.toString()).code()).isZero();
  }

  @Test
  @Timeout(240)
  void aShardKilledMidTaskLeavesNoPartialArtifact(@TempDir Path tmp) throws Exception {
    requireSlurm();
    Path manifest = tmp.resolve("slow.yaml");
    Files.writeString(manifest, SLOW);
    Path run = runDir(tmp, "run");
    Result submitted = qdlaser(tmp, Map.of(), Duration.ofSeconds(60), "run", manifest.toString(), "-o", run.toString(), "--executor",
        "slurm", "--shards", "2", "--detach");
    assertThat(submitted.code()).as(submitted.err()).isZero();
    assertThat(submitted.out()).contains("submitted array job").contains("qdlaser collect");
    JsonNode jobs = json(RunLayout.jobsFile(run));
    String arrayJob = jobs.get("array_job").asText();
    String mergeJob = jobs.get("merge_job").asText();

    // wait until the CIM_d chain is inside its integration (40 pumps: ~4.7 s on an idle 2-core machine, measured 2026-12-05;
    // 2 pumps took 0.9 s once the sparse LU got faster, and the kill came too late), then kill the shards
    Instant deadline = Instant.now().plusSeconds(90);
    while (!recordedTasks(run).contains("sampling/D")) {
      assertThat(Instant.now()).as("sampling/D done within 90 s").isBefore(deadline);
      Thread.sleep(100);
    }
    Thread.sleep(300);
    new ProcessBuilder("scancel", "--full", "--signal=KILL", arrayJob).start().waitFor(20, TimeUnit.SECONDS);
    new ProcessBuilder("scancel", arrayJob, mergeJob).start().waitFor(20, TimeUnit.SECONDS);
    SlurmClient client = new SlurmClient();
    while (!client.queue(List.of(arrayJob, mergeJob)).isEmpty()) {
      assertThat(Instant.now()).as("jobs gone within 90 s").isBefore(deadline.plusSeconds(60));
      Thread.sleep(500);
    }
    assertThat(run.resolve("lock.json")).doesNotExist();
    assertThat(recordedTasks(run)).as("the killed task has no record").doesNotContain("integration/D");
    Map<String, String> leftBehind = artifacts(run);

    // the rerun (here on the local executor) recomputes what the kill interrupted
    Result rerun = qdlaser(tmp, Map.of(), Duration.ofSeconds(150), "run", manifest.toString(), "-o", run.toString(), "--jobs", "2");
    assertThat(rerun.code()).as(rerun.err()).isZero();
    JsonNode lock = json(run.resolve("lock.json"));
    leftBehind.forEach((path, sha) -> assertThat(lock.get("artifacts").get(path).get("sha256").asText())
        .as("artifact " + path + " left by the killed shard is complete").isEqualTo(sha));
    Map<String, String> status = new TreeMap<>();
    json(run.resolve("provenance.json")).get("tasks").forEach(t -> status.put(t.get("stage").asText() + "/" + t.get("label").asText(),
        t.get("status").asText()));
    assertThat(status).containsEntry("sampling/D", "REUSED").containsEntry("integration/D", "RAN");
    try (Stream<Path> files = Files.walk(run)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).as("no temp files").isEmpty();
    }
    assertThat(qdlaser(tmp, Map.of(), Duration.ofSeconds(60), "verify", run.toString()).code()).isZero();
  }

  @Test
  @Timeout(60)
  void slurmWithoutSbatchIsExit2NamingTheOption(@TempDir Path tmp) throws Exception {
    requireJar();
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Result r = qdlaser(tmp, Map.of("PATH", tmp.resolve("no-bin").toString()), Duration.ofSeconds(50), "run", manifest.toString(), "-o",
        tmp.resolve("run").toString(), "--executor", "slurm");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("--executor").contains("sbatch");
    assertThat(tmp.resolve("run")).doesNotExist();
  }

  @Test
  @Timeout(60)
  void aShardRunningAnotherJarThanSubmittedRefuses(@TempDir Path tmp) throws Exception {
    requireJar();
    Path submittedJar = tmp.resolve("old.jar");
    Files.writeString(submittedJar, "the jar at submission time");
    Path run = tmp.resolve("run");
    ShardedRunTest.prepare(run, 2, submittedJar);
    Result r = qdlaser(tmp, Map.of(), Duration.ofSeconds(50), "run-shard", "--plan", RunLayout.planFile(run).toString(), "--shard", "0");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("changed since submission").contains(JAR.toString());
    assertThat(RunLayout.journalDir(run)).doesNotExist();
  }

  /** Task ids with a completion record in the run's journal. */
  static Set<String> recordedTasks(Path run) throws IOException {
    Set<String> ids = new HashSet<>();
    Path dir = RunLayout.journalDir(run);
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        ids.add(json(f).get("taskId").asText());
      }
    }
    return ids;
  }

  /** Every artifact file (not executor state, not temp files) by run-relative path, with its SHA-256. */
  static Map<String, String> artifacts(Path run) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(run)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = run.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith(RunLayout.STATE_DIR + "/") || rel.startsWith(RunLayout.SLURM_DIR + "/") || rel.equals("manifest.yaml")
            || f.getFileName().toString().startsWith(".")) {
          continue;
        }
        out.put(rel, Hashing.sha256Hex(f));
      }
    }
    return out;
  }
}
