package org.qdlaser.pipeline.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.provenance.Timestamps;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent protocol of one task, shared by every executor. Given the task's upstream
 * outcomes it computes the task key and then, in this order:
 *
 * <ol>
 *   <li>adopts the task's {@linkplain TaskJournal record} of this same run if its artifacts
 *       verify (a requeued or restarted shard, or the merge collecting the shards' work);
 *   <li>unless forced, reuses the previous lock's or the journal's artifacts of the same key if
 *       they verify;
 *   <li>otherwise runs the action (if {@code mayCompute} allows it, else fails naming the task),
 *       withdraws from the standing {@code lock.json} the tasks whose artifacts it is about to
 *       replace with other content ({@link StandingLock}), writes every artifact atomically and
 *       then the task's record (its commit marker).
 * </ol>
 *
 * A task killed at any point leaves either no record (it reruns) or a complete one. Thread-safe.
 */
public final class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final ArtifactStore store;
  private final LockFile previous;
  private final TaskJournal journal;
  private final boolean force;
  private final ProvenanceCollector provenance;
  private final String runId;
  private final Placement placement;
  private final Predicate<TaskSpec> mayCompute;
  private final Function<TaskSpec, String> missingHint;
  private volatile Map<String, Double> lastWall;
  private final StandingLock standing;

  /**
   * @param previous lock of the previous complete run in this directory, or null
   * @param force recompute every task not already computed in this run
   * @param runId identifies this run (a sharded run's plan); records of the same run are adopted
   * @param mayCompute which tasks this process may compute; the others must already exist
   * @param missingHint explains a task that may not be computed here and has no artifacts
   */
  public TaskRunner(ArtifactStore store, LockFile previous, TaskJournal journal, boolean force, ProvenanceCollector provenance,
      String runId, Placement placement, Predicate<TaskSpec> mayCompute, Function<TaskSpec, String> missingHint) {
    this.store = Objects.requireNonNull(store, "store");
    this.previous = previous;
    this.journal = Objects.requireNonNull(journal, "journal");
    this.force = force;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.placement = Objects.requireNonNull(placement, "placement");
    this.mayCompute = Objects.requireNonNull(mayCompute, "mayCompute");
    this.missingHint = Objects.requireNonNull(missingHint, "missingHint");
    this.standing = new StandingLock(store.runDir());
  }

  /** A runner for a local run: computes anything, fresh run id, local placement. */
  public static TaskRunner local(ArtifactStore store, LockFile previous, boolean force, ProvenanceCollector provenance) {
    return new TaskRunner(store, previous, TaskJournal.of(store.runDir()), force, provenance, UUID.randomUUID().toString(),
        Placement.local(provenance.hostname()), t -> true, t -> "");
  }

  /** Canonical key of a task given its upstream outcomes: the SHA-256 of its {@linkplain #hashed hashed material}. */
  public static String key(TaskSpec spec, List<TaskOutcome> inputs) {
    return CanonicalJson.sha256(hashed(spec, inputs));
  }

  /**
   * Everything a task key is the hash of: stage, stage version, label, parameters and the input
   * artifacts' SHA-256 by path. Kept in the task's journal record, so that {@code qdlaser status}
   * can say which of them changed.
   */
  public static Map<String, Object> hashed(TaskSpec spec, List<TaskOutcome> inputs) {
    Map<String, String> inputHashes = new TreeMap<>();
    for (TaskOutcome in : inputs) {
      for (ArtifactRef a : in.artifacts()) {
        inputHashes.put(a.path(), a.sha256());
      }
    }
    return hashed(spec, inputHashes);
  }

  /** The hashed material of a task given its input artifacts' SHA-256 by path. */
  public static Map<String, Object> hashed(TaskSpec spec, Map<String, String> inputHashes) {
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("stage", spec.stage());
    canonical.put("stage_version", spec.stageVersion());
    canonical.put("label", spec.label());
    canonical.put("parameters", spec.parameters());
    canonical.put("inputs", new TreeMap<>(inputHashes));
    return canonical;
  }

  /** Runs (or reuses) one task whose upstream tasks are done. */
  public TaskOutcome run(PlannedTask task, List<TaskOutcome> inputs) {
    TaskSpec spec = task.spec();
    Map<String, Object> hashed = hashed(spec, inputs);
    String key = CanonicalJson.sha256(hashed);
    Instant start = provenance.now();
    Optional<TaskJournal.Entry> recorded = journal.read(key);
    if (recorded.isPresent() && recorded.get().runId().equals(runId) && allVerify(recorded.get().artifacts())) {
      return doneInThisRun(spec, key, recorded.get());
    }
    Reuse reuse = force ? new Reuse(null, TaskRecord.REASON_FORCED) : reuse(spec, key, recorded);
    if (reuse.artifacts() != null) {
      Instant end = provenance.now();
      provenance.recordTask(record(key, spec, TaskRecord.Status.REUSED, TaskRecord.REASON_REUSED, start, end));
      return new TaskOutcome(spec, key, reuse.artifacts(), true, TaskRecord.REASON_REUSED, start, end);
    }
    String reason = reuse.reason();
    if (!mayCompute.test(spec)) {
      throw new ExecutionFailure("task " + spec.id() + " (key " + key + ") has no verified artifacts and is not computed here ("
          + reason + ")" + missingHint.apply(spec));
    }
    LOG.debug("running {} (key {}): {}", spec.id(), key, reason);
    Map<String, byte[]> inBytes = readInputs(spec, inputs);
    long cpuStart = cpuNanos();
    List<ArtifactRef> refs = storeOutputs(compute(task, inBytes));
    Instant end = provenance.now();
    long cpuEnd = cpuNanos();
    TaskRecord r = record(key, spec, TaskRecord.Status.RAN, reason, start, end);
    if (cpuStart >= 0 && cpuEnd >= cpuStart) {
      r = r.withCpuSeconds((cpuEnd - cpuStart) / 1e9);
    }
    journal.write(new TaskJournal.Entry(TaskJournal.SCHEMA, key, spec.id(), runId, refs, r, hashed));
    provenance.recordTask(r);
    return new TaskOutcome(spec, key, refs, false, reason, start, end);
  }

  /** The outcome of a task another worker of this run already ran or reused (its journal record). */
  private TaskOutcome doneInThisRun(TaskSpec spec, String key, TaskJournal.Entry recorded) {
    TaskRecord r = recorded.record();
    provenance.recordTask(r);
    LOG.debug("{} (key {}) already done in this run by {} {} on {}", spec.id(), key, r.executor(), r.jobId(), r.host());
    return new TaskOutcome(spec, key, recorded.artifacts(), r.status() == TaskRecord.Status.REUSED, r.reason(),
        Timestamps.parse(r.startedAt(), "start of " + spec.id()),
        Timestamps.parse(r.endedAt(), "end of " + spec.id()));
  }

  /** Verified artifacts to reuse (null if none) and otherwise the reason the task runs. */
  private record Reuse(List<ArtifactRef> artifacts, String reason) {}

  /**
   * The artifacts recorded under {@code key} in the previous lock or the journal that still verify,
   * else why the task must run: a checksum mismatch, no previous run, changed parameters or inputs,
   * or no previous artifact of this stage and label.
   */
  private Reuse reuse(TaskSpec spec, String key, Optional<TaskJournal.Entry> recorded) {
    List<ArtifactRef> reusable = null;
    String bad = null;
    LockFile.TaskEntry prev = previous == null ? null : previous.tasks().get(key);
    if (prev != null) {
      bad = firstFailing(prev.artifacts());
      reusable = bad == null ? prev.artifacts() : null;
    }
    if (reusable == null && recorded.isPresent()) {
      String badJournal = firstFailing(recorded.get().artifacts());
      if (badJournal == null) {
        reusable = recorded.get().artifacts();
      } else if (bad == null) {
        bad = badJournal;
      }
    }
    if (reusable != null) {
      return new Reuse(reusable, TaskRecord.REASON_REUSED);
    }
    if (bad != null) {
      return new Reuse(null, TaskRecord.REASON_CHECKSUM_MISMATCH + ": " + bad);
    } else if (previous == null) {
      return new Reuse(null, "no previous run");
    }
    return new Reuse(null, sameStageAndLabelRanBefore(spec) ? TaskRecord.REASON_PARAMETERS_CHANGED + " or inputs changed"
        : TaskRecord.REASON_NO_PREVIOUS_ARTIFACT);
  }

  /** The input artifacts' bytes by path, each checked against the hash its key was computed from. */
  private Map<String, byte[]> readInputs(TaskSpec spec, List<TaskOutcome> inputs) {
    Map<String, byte[]> inBytes = new TreeMap<>();
    for (TaskOutcome in : inputs) {
      for (ArtifactRef a : in.artifacts()) {
        byte[] b = store.read(a.path());
        if (!ArtifactRef.of(a.path(), b).equals(a)) {
          throw new IllegalStateException("input artifact " + a.path() + " of " + spec.id() + " changed while the run was in progress");
        }
        inBytes.put(a.path(), b);
      }
    }
    return inBytes;
  }

  /** Runs the task's action with the heartbeat on; a checked failure becomes an unchecked one. */
  private Map<String, byte[]> compute(PlannedTask task, Map<String, byte[]> inBytes) {
    TaskSpec spec = task.spec();
    Heartbeat heartbeat = Heartbeat.global();
    heartbeat.started(spec.id(), lastWallSeconds(spec.id()));
    try {
      return task.action().run(new TaskInputs(inBytes));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("task " + spec.id() + " failed: " + e.getMessage(), e);
    } finally {
      heartbeat.finished();
    }
  }

  /** Writes the outputs (in path order), first withdrawing from the standing lock the tasks that list their paths. */
  private List<ArtifactRef> storeOutputs(Map<String, byte[]> outputs) {
    List<ArtifactRef> replacing = new ArrayList<>();
    outputs.forEach((path, bytes) -> replacing.add(ArtifactRef.of(path, bytes)));
    standing.withdraw(replacing);
    List<ArtifactRef> refs = new ArrayList<>();
    for (Map.Entry<String, byte[]> o : new TreeMap<>(outputs).entrySet()) {
      refs.add(store.put(o.getKey(), o.getValue()));
    }
    return refs;
  }

  /** CPU time of this thread in ns (tasks compute on one thread), or -1 where the JVM does not measure it. */
  private static long cpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
  }

  /** How long the task took when it last ran in this run directory (its journal record), NaN if unknown. */
  private double lastWallSeconds(String taskId) {
    Map<String, Double> m = lastWall;
    if (m == null) {
      synchronized (this) {
        if (lastWall == null) {
          Map<String, Double> byId = new HashMap<>();
          Map<String, String> endById = new HashMap<>();
          for (TaskJournal.Entry e : journal.all()) {
            TaskRecord r = e.record();
            if (r.status() == TaskRecord.Status.RAN && r.endedAt().compareTo(endById.getOrDefault(e.taskId(), "")) > 0) {
              byId.put(e.taskId(), r.wallSeconds());
              endById.put(e.taskId(), r.endedAt());
            }
          }
          lastWall = byId;
        }
        m = lastWall;
      }
    }
    return m.getOrDefault(taskId, Double.NaN);
  }

  private TaskRecord record(String key, TaskSpec spec, TaskRecord.Status status, String reason, Instant start, Instant end) {
    return TaskRecord.of(key, spec.stage(), spec.stageVersion(), spec.label(), status, reason, start, end, placement.host(),
        placement.executor(), placement.jobId());
  }

  private boolean allVerify(List<ArtifactRef> artifacts) {
    return firstFailing(artifacts) == null;
  }

  private String firstFailing(List<ArtifactRef> artifacts) {
    for (ArtifactRef a : artifacts) {
      if (!store.verifies(a)) {
        return a.path();
      }
    }
    return null;
  }

  private boolean sameStageAndLabelRanBefore(TaskSpec spec) {
    boolean report = spec.stage().equals("report");
    for (LockFile.TaskEntry e : previous.tasks().values()) {
      if (!e.stage().equals(spec.stage())) {
        continue;
      }
      for (ArtifactRef a : e.artifacts()) {
        if (report || ArtifactPaths.ofLabel(a.path(), spec.label())) {
          return true;
        }
      }
    }
    return false;
  }
}
