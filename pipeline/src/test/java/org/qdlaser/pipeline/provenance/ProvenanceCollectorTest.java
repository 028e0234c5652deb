package org.qdlaser.pipeline.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.store.CanonicalJson;

class ProvenanceCollectorTest {
  static final String SHA = "e".repeat(64);
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;

  private static String key(int i) {
    return String.format("%064x", i);
  }

  private ProvenanceCollector collector(Path codeDir) {
    return new ProvenanceCollector("demo", SHA, codeDir, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(10));
  }

  @Test
  void writtenJsonHasTheRequiredKeys() throws Exception {
    ProvenanceCollector c = collector(dir);
    c.seed("sampling", 12345L);
    c.recordTask(key(1), "sampling", 1, "cim", TaskRecord.Status.RAN, TaskRecord.REASON_NO_PREVIOUS_ARTIFACT, T0, T0.plusMillis(1500));
    c.recordTask(key(2), "integration", 1, "cim", TaskRecord.Status.REUSED, TaskRecord.REASON_REUSED, T0, T0.plusMillis(20));
    Path file = dir.resolve("runs/demo/provenance.json");
    c.write(file);

    JsonNode json = CanonicalJson.mapper().readTree(file.toFile());
    assertThat(iterable(json.fieldNames()))
        .containsExactly(
            "availableProcessors", "code", "endedAt", "execution", "hostname", "jvm", "libraries", "manifestSha256", "os",
                "qdlaserVersion", "schema",
            "seeds", "startedAt", "study", "tasks");
    assertThat(json.get("schema").asText()).isEqualTo("qdlaser/provenance/v1");
    assertThat(json.get("manifestSha256").asText()).isEqualTo(SHA);
    assertThat(iterable(json.get("code").fieldNames())).containsExactly("dirty", "gitCommit", "source");
    assertThat(iterable(json.get("jvm").fieldNames())).containsExactly("vendor", "version");
    assertThat(iterable(json.get("os").fieldNames())).containsExactly("arch", "name", "version");
    assertThat(iterable(json.get("libraries").fieldNames()))
        .containsExactly("arrow-vector", "hipparchus-core", "jackson-databind", "logback-classic", "picocli", "slf4j-api", "xchart");
    assertThat(json.get("libraries").get("jackson-databind").asText()).matches("2\\.\\d+\\.\\d+.*");
    assertThat(json.get("libraries").get("arrow-vector").asText()).isEqualTo("17.0.0");
    assertThat(json.get("libraries").get("picocli").asText()).isNotEqualTo("unknown");
    assertThat(json.get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(json.get("endedAt").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(json.get("seeds").get("sampling").asLong()).isEqualTo(12345L);
    assertThat(json.get("availableProcessors").asInt()).isPositive();
    assertThat(json.get("hostname").asText()).isNotBlank();

    JsonNode task = json.get("tasks").get(0);
    assertThat(iterable(task.fieldNames()))
        .containsExactly("endedAt", "executor", "host", "jobId", "key", "label", "reason", "stage", "stageVersion", "startedAt", "status",
            "wallSeconds");
    assertThat(task.get("executor").asText()).isEqualTo("local");
    assertThat(task.get("jobId").isNull()).as("no SLURM job").isTrue();
    assertThat(json.get("execution").get("executor").asText()).isEqualTo("local");
    // same start: ordered by stage name
    assertThat(task.get("stage").asText()).isEqualTo("integration");
    assertThat(task.get("status").asText()).isEqualTo("REUSED");
    assertThat(json.get("tasks").get(1).get("wallSeconds").asDouble()).isEqualTo(1.5);
    assertThat(json.get("tasks").get(1).get("reason").asText()).isEqualTo("no previous artifact");
    assertThat(Files.list(file.getParent()).toList()).containsExactly(file);
  }

  @Test
  void nonGitDirectoryFallsBackWithoutFailing() {
    ProvenanceCollector c = collector(dir.resolve("not-a-checkout"));
    assertThat(c.code().gitCommit()).isNotBlank();
    assertThat(c.code().source()).isIn("unknown", "git.properties");
    Provenance p = collector(null).snapshot();
    assertThat(p.endedAt()).isNull();
    assertThat(p.code()).isNotNull();
  }

  @Test
  void gitCommitAndDirtyFlag() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    assumeTrue(git(repo, "init", "-q") == 0, "git not available");
    Files.writeString(repo.resolve("a.txt"), "a\n");
    assumeTrue(git(repo, "add", "a.txt") == 0);
    assumeTrue(git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m",
        "init") == 0);

    Provenance.CodeVersion clean = collector(repo).code();
    assertThat(clean.source()).isEqualTo("git");
    assertThat(clean.gitCommit()).matches("[0-9a-f]{40}");
    assertThat(clean.dirty()).isFalse();

    Files.writeString(repo.resolve("a.txt"), "changed\n");
    Provenance.CodeVersion dirty = collector(repo.resolve(".")).code();
    assertThat(dirty.gitCommit()).isEqualTo(clean.gitCommit());
    assertThat(dirty.dirty()).isTrue();
  }

  @Test
  void recordTaskIsThreadSafe() throws Exception {
    ProvenanceCollector c = collector(null);
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  Instant s = T0.plusMillis(base + i);
                  c.recordTask(key(base + i), "integration", 1, "m" + (base + i), TaskRecord.Status.RAN, TaskRecord.REASON_FORCED, s,
                      s.plusMillis(5));
                  c.seed("s" + (base + i), base + i);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Provenance p = c.finish();
    assertThat(p.tasks()).hasSize(threads * perThread);
    assertThat(p.seeds()).hasSize(threads * perThread);
    assertThat(p.tasks()).extracting(TaskRecord::startedAt).isSorted();
  }

  @Test
  void taskRecordValidatesAndNormalisesTimes() {
    TaskRecord r = new TaskRecord(key(1), "fitting", 2, "cim", TaskRecord.Status.RAN, TaskRecord.REASON_PARAMETERS_CHANGED,
        "2026-01-02T03:04:05Z", "2026-01-02T03:04:06.5Z", 1.5, "h");
    assertThat(r.startedAt()).isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(r.endedAt()).isEqualTo("2026-01-02T03:04:06.500Z");
    assertThatThrownBy(() -> new TaskRecord(key(1), "fitting", 2, "cim", TaskRecord.Status.RAN, "x", "yesterday", "2026-01-02T03:04:06Z",
        1, "h"))
        .hasMessageContaining("startedAt of task fitting/cim")
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> TaskRecord.of(key(1), "fitting", 2, "cim", TaskRecord.Status.RAN, "x", T0, T0.minusSeconds(1), "h"))
        .hasMessageContaining("before it starts");
    assertThatThrownBy(() -> TaskRecord.of("nothex", "fitting", 2, "cim", TaskRecord.Status.RAN, "x", T0, T0, "h"))
        .hasMessageContaining("task record key");
  }

  @Test
  void seedsMapIsRecorded() {
    ProvenanceCollector c = collector(null);
    c.seeds(Map.of("b", 2L, "a", 1L));
    assertThat(c.snapshot().seeds()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static int git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
