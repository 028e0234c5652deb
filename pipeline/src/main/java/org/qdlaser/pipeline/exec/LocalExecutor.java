package org.qdlaser.pipeline.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.LockFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on a local thread pool. A task runs once all its upstream tasks are done, through the
 * idempotent {@link TaskRunner} protocol: its key is the SHA-256 of the canonical JSON of (stage,
 * version, label, parameters, input artifact hashes); a task whose key is in the previous lock or
 * the task journal and whose artifacts still verify is reused, not rerun; every decision is logged
 * and recorded with its reason. A SLURM shard runs its part of the plan with this executor too.
 */
public final class LocalExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

  private final TaskRunner runner;
  private final int jobs;

  /**
   * @param previous lock of the previous run in this directory, or null
   * @param jobs worker threads (>= 1)
   * @param force recompute every task
   */
  public LocalExecutor(ArtifactStore store, LockFile previous, int jobs, boolean force, ProvenanceCollector provenance) {
    this(TaskRunner.local(store, previous, force, provenance), jobs);
  }

  /** Runs tasks with {@code runner} on {@code jobs} worker threads. */
  public LocalExecutor(TaskRunner runner, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    this.runner = runner;
    this.jobs = jobs;
  }

  @Override
  public String name() {
    return TaskRecord.EXECUTOR_LOCAL;
  }

  @Override
  public ExecutionResult execute(List<PlannedTask> plan) {
    return ExecutionResult.completed(run(plan));
  }

  /**
   * Executes the plan (closed under dependencies); returns outcomes by task id, in plan order.
   * Throws on the first failure.
   */
  public Map<String, TaskOutcome> run(List<PlannedTask> plan) {
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
              TaskOutcome o = runner.run(task, ins);
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

  /** Canonical key of a task given its upstream outcomes (see {@link TaskRunner#key}). */
  public static String key(TaskSpec spec, List<TaskOutcome> inputs) {
    return TaskRunner.key(spec, inputs);
  }
}
