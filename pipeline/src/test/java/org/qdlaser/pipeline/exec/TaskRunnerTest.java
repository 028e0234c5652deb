package org.qdlaser.pipeline.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;

/** The idempotent task protocol, with a fake stage task that counts its runs and echoes what it was given. */
class TaskRunnerTest {
  static final String SHA = "0".repeat(64);

  /** Writes {@code <label>.txt}: its parameters' JSON and, if it has one, the first input's text. */
  enum Echo implements StageTask<Echo.Params> {
    TASK;

    static final AtomicInteger RUNS = new AtomicInteger();
    static final List<Params> SEEN = new ArrayList<>();

    record Params(@JsonProperty("x") double x, @JsonProperty("input") String input) {}

    @Override
    public String stage() {
      return "fake";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
      RUNS.incrementAndGet();
      synchronized (SEEN) {
        SEEN.add(p);
      }
      String upstream = p.input() == null ? "" : " <- " + new String(in.get(p.input()), StandardCharsets.UTF_8);
      return Map.of("fake/" + label + ".txt", (CanonicalJson.string(p) + upstream).getBytes(StandardCharsets.UTF_8));
    }
  }

  @TempDir Path dir;

  @BeforeEach
  void reset() {
    Echo.RUNS.set(0);
    Echo.SEEN.clear();
  }

  ProvenanceCollector provenance() {
    return new ProvenanceCollector("fake", SHA, null, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        Duration.ofSeconds(1));
  }

  TaskRunner runner(LockFile previous, boolean force) {
    return TaskRunner.local(new ArtifactStore(dir), previous, force, provenance());
  }

  static PlannedTask task(String label, double x) {
    return Echo.TASK.plan(label, new Echo.Params(x, null), List.of());
  }

  static LockFile lock(TaskOutcome... outcomes) {
    List<LockFile.TaskEntry> entries = new ArrayList<>();
    for (TaskOutcome o : outcomes) {
      entries.add(new LockFile.TaskEntry(o.spec().stage(), o.spec().stageVersion(), o.key(), o.artifacts()));
    }
    return LockFile.of("fake", SHA, entries);
  }

  @Test
  void computesOnceWritesItsArtifactsAndPassesTheHashedParameters() throws Exception {
    PlannedTask t = task("a", 0.5);
    TaskOutcome o = runner(null, false).run(t, List.of());
    assertThat(o.reused()).isFalse();
    assertThat(Echo.RUNS).hasValue(1);
    assertThat(Files.readString(dir.resolve("fake/a.txt"))).isEqualTo("{\"input\":null,\"x\":0.5}");
    // What the action got is exactly what the key hashed.
    assertThat(CanonicalJson.string(Echo.SEEN.get(0))).isEqualTo(CanonicalJson.string(t.spec().parameters()));
    assertThat(o.key()).isEqualTo(TaskRunner.key(t.spec(), List.of()));
  }

  @Test
  void reusesVerifiedArtifactsOfTheSameKeyAndRecomputesWhenParametersChangeOrForced() {
    TaskOutcome first = runner(null, false).run(task("a", 0.5), List.of());
    LockFile previous = lock(first);

    TaskOutcome again = runner(previous, false).run(task("a", 0.5), List.of());
    assertThat(again.reused()).isTrue();
    assertThat(again.reason()).isEqualTo(TaskRecord.REASON_REUSED);
    assertThat(Echo.RUNS).hasValue(1);

    TaskOutcome changed = runner(previous, false).run(task("a", 0.75), List.of());
    assertThat(changed.reused()).isFalse();
    assertThat(changed.key()).isNotEqualTo(first.key());
    assertThat(changed.reason()).startsWith(TaskRecord.REASON_PARAMETERS_CHANGED);

    TaskOutcome forced = runner(lock(changed), true).run(task("a", 0.75), List.of());
    assertThat(forced.reused()).isFalse();
    assertThat(forced.reason()).isEqualTo(TaskRecord.REASON_FORCED);
    assertThat(Echo.RUNS).hasValue(3);
  }

  @Test
  void recomputesAnArtifactThatNoLongerVerifies() throws Exception {
    TaskOutcome first = runner(null, false).run(task("a", 0.5), List.of());
    Files.writeString(dir.resolve("fake/a.txt"), "tampered");
    // A fresh run id: the journal's record of the first run is not adopted, and its artifact fails.
    TaskOutcome again = runner(lock(first), false).run(task("a", 0.5), List.of());
    assertThat(again.reused()).isFalse();
    assertThat(again.reason()).startsWith(TaskRecord.REASON_CHECKSUM_MISMATCH).contains("fake/a.txt");
    assertThat(Files.readString(dir.resolve("fake/a.txt"))).isEqualTo("{\"input\":null,\"x\":0.5}");
  }

  @Test
  void aDownstreamKeyFollowsItsInputsArtifactsAndTheActionReadsThem() throws Exception {
    TaskRunner r = runner(null, false);
    TaskOutcome up = r.run(task("up", 1.0), List.of());
    PlannedTask down = Echo.TASK.plan("down", new Echo.Params(2.0, "fake/up.txt"), List.of(up.spec().id()));
    TaskOutcome d = r.run(down, List.of(up));
    assertThat(Files.readString(dir.resolve("fake/down.txt"))).endsWith("<- {\"input\":null,\"x\":1.0}");

    TaskOutcome up2 = r.run(task("up", 3.0), List.of());
    assertThat(TaskRunner.key(down.spec(), List.of(up2))).as("same parameters, other input").isNotEqualTo(d.key());
  }

  @Test
  void aTaskThatMayNotBeComputedHereFailsNamingItself() {
    TaskRunner r = new TaskRunner(new ArtifactStore(dir), null, org.qdlaser.pipeline.exec.TaskJournal.of(dir), false,
        provenance(), "run-1", Placement.local("host"), t -> false, t -> "; it belongs to shard 3");
    assertThatThrownBy(() -> r.run(task("a", 0.5), List.of())).isInstanceOf(ExecutionFailure.class)
        .hasMessageContaining("fake/a").hasMessageContaining("shard 3");
    assertThat(Echo.RUNS).hasValue(0);
  }
}
