package org.qdlaser.pipeline.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on a local thread pool. A task runs once all its upstream tasks are done; its key is
 * the SHA-256 of the canonical JSON of (stage, version, label, parameters, input artifact hashes).
 * A task whose key is in the previous lock and whose artifacts still verify is reused, not rerun;
 * every decision is logged and recorded with its reason.
 */
public final class LocalExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

  private final ArtifactStore store;
  private final LockFile previous;
  private final int jobs;
  private final boolean force;
  private final ProvenanceCollector provenance;

  /**
   * @param previous lock of the previous run in this directory, or null
   * @param jobs worker threads (>= 1)
   * @param force recompute every task
   */
  public LocalExecutor(ArtifactStore store, LockFile previous, int jobs, boolean force, ProvenanceCollector provenance) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    this.store = store;
    this.previous = previous;
    this.jobs = jobs;
    this.force = force;
    this.provenance = provenance;
  }

  /** Executes the plan; returns outcomes by task id, in plan order. Throws on the first failure. */
  public Map<String, TaskOutcome> execute(List<PlannedTask> plan) {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "qdlaser-worker");
      t.setDaemon(true);
      return t;
    });
    Map<String, CompletableFuture<TaskOutcome>> futures = new HashMap<>();
    AtomicInteger done = new AtomicInteger();
    int total = plan.size();
    try {
      for (PlannedTask task : plan) {
        List<CompletableFuture<TaskOutcome>> deps = new ArrayList<>();
        for (String d : task.spec().dependsOn()) {
          CompletableFuture<TaskOutcome> f = futures.get(d);
          if (f == null) {
            throw new IllegalStateException("task " + task.spec().id() + " depends on unknown or later task " + d);
          }
          deps.add(f);
        }
        CompletableFuture<TaskOutcome> f = CompletableFuture.allOf(deps.toArray(new CompletableFuture<?>[0]))
            .thenApplyAsync(v -> {
              List<TaskOutcome> ins = deps.stream().map(CompletableFuture::join).toList();
              TaskOutcome o = runOne(task, ins);
              LOG.info("[{}/{}] {} {} ({})", done.incrementAndGet(), total, task.spec().id(),
                  o.reused() ? "reused" : "ran in " + seconds(o) + " s", o.reason());
              return o;
            }, pool);
        futures.put(task.spec().id(), f);
      }
      Map<String, TaskOutcome> out = new LinkedHashMap<>();
      for (PlannedTask task : plan) {
        out.put(task.spec().id(), futures.get(task.spec().id()).join());
      }
      return out;
    } catch (CompletionException e) {
      Throwable c = e.getCause() != null ? e.getCause() : e;
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c.getMessage(), c);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String seconds(TaskOutcome o) {
    return String.format(java.util.Locale.ROOT, "%.2f", Duration.between(o.start(), o.end()).toNanos() / 1e9);
  }

  /** Canonical key of a task given its upstream outcomes. */
  public static String key(TaskSpec spec, List<TaskOutcome> inputs) {
    Map<String, String> inputHashes = new TreeMap<>();
    for (TaskOutcome in : inputs) {
      for (ArtifactRef a : in.artifacts()) {
        inputHashes.put(a.path(), a.sha256());
      }
    }
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("stage", spec.stage());
    canonical.put("stage_version", spec.stageVersion());
    canonical.put("label", spec.label());
    canonical.put("parameters", spec.parameters());
    canonical.put("inputs", inputHashes);
    return CanonicalJson.sha256(canonical);
  }

  private TaskOutcome runOne(PlannedTask task, List<TaskOutcome> inputs) {
    TaskSpec spec = task.spec();
    String key = key(spec, inputs);
    Instant start = Instant.now();
    String reason;
    if (force) {
      reason = TaskRecord.REASON_FORCED;
    } else if (previous == null) {
      reason = "no previous run";
    } else {
      LockFile.TaskEntry prev = previous.tasks().get(key);
      if (prev == null) {
        reason = sameStageAndLabelRanBefore(spec) ? TaskRecord.REASON_PARAMETERS_CHANGED + " or inputs changed"
            : TaskRecord.REASON_NO_PREVIOUS_ARTIFACT;
      } else {
        String bad = null;
        for (ArtifactRef a : prev.artifacts()) {
          if (!store.verifies(a)) {
            bad = a.path();
            break;
          }
        }
        if (bad == null) {
          Instant end = Instant.now();
          provenance.recordTask(key, spec.stage(), spec.stageVersion(), spec.label(), TaskRecord.Status.REUSED,
              TaskRecord.REASON_REUSED, start, end);
          return new TaskOutcome(spec, key, prev.artifacts(), true, TaskRecord.REASON_REUSED, start, end);
        }
        reason = TaskRecord.REASON_CHECKSUM_MISMATCH + ": " + bad;
      }
    }
    LOG.debug("running {} (key {}): {}", spec.id(), key, reason);
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
    Map<String, byte[]> outputs;
    try {
      outputs = task.action().run(new TaskInputs(inBytes));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("task " + spec.id() + " failed: " + e.getMessage(), e);
    }
    List<ArtifactRef> refs = new ArrayList<>();
    for (Map.Entry<String, byte[]> o : new TreeMap<>(outputs).entrySet()) {
      refs.add(store.put(o.getKey(), o.getValue()));
    }
    Instant end = Instant.now();
    provenance.recordTask(key, spec.stage(), spec.stageVersion(), spec.label(), TaskRecord.Status.RAN, reason, start, end);
    return new TaskOutcome(spec, key, refs, false, reason, start, end);
  }

  private boolean sameStageAndLabelRanBefore(TaskSpec spec) {
    String prefix = spec.stage().equals("report") ? "report/" : null;
    for (LockFile.TaskEntry e : previous.tasks().values()) {
      if (!e.stage().equals(spec.stage())) {
        continue;
      }
      for (ArtifactRef a : e.artifacts()) {
        if (prefix != null || a.path().contains("/" + spec.label() + ".") || a.path().contains("/" + spec.label() + "-")) {
          return true;
        }
      }
    }
    return false;
  }
}
