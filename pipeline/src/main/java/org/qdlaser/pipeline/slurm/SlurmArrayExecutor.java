package org.qdlaser.pipeline.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.qdlaser.pipeline.exec.ExecutionFailure;
import org.qdlaser.pipeline.exec.ExecutionResult;
import org.qdlaser.pipeline.exec.Executor;
import org.qdlaser.pipeline.exec.Placement;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan as one SLURM job array plus a merge job. It writes the plan ({@link PlanFile}) and
 * the shard list ({@link ShardList}: whole per-model chains packed LPT on estimated cost) into
 * {@code .qdlaser/}, the batch scripts into {@code slurm/}, submits the array (one
 * {@code qdlaser run-shard} per shard) and the merge ({@code qdlaser collect}, with
 * {@code --dependency=afterok:<array>} and {@code --kill-on-invalid-dep=yes}), then follows them
 * with {@code squeue} until the merge wrote {@code lock.json}, or returns at once when detached.
 * A failed shard means the merge never runs and no lock is written; rerunning recomputes only
 * the tasks without verified artifacts.
 */
public final class SlurmArrayExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SlurmArrayExecutor.class);
  /** Consecutive squeue failures tolerated while following (slurmctld restarts, timeouts). */
  static final int MAX_QUEUE_FAILURES = 6;

  /**
   * What the executor needs besides the plan.
   *
   * @param runDir absolute run directory
   * @param study study name
   * @param manifestSha256 SHA-256 of the manifest copy in the run directory
   * @param runId this run's id
   * @param force recompute tasks of earlier runs
   * @param context the report context every process must use
   * @param jar the shaded jar the jobs run
   * @param poll interval between squeue calls when following
   */
  public record Submission(Path runDir, String study, String manifestSha256, String runId, boolean force, ReportContext context,
      Path jar, Duration poll) {
    public Submission {
      runDir = runDir.toAbsolutePath().normalize();
      jar = jar.toAbsolutePath().normalize();
      Objects.requireNonNull(poll, "poll");
    }
  }

  private final Submission submission;
  private final SlurmOptions options;
  private final SlurmClient client;

  public SlurmArrayExecutor(Submission submission, SlurmOptions options, SlurmClient client) {
    this.submission = Objects.requireNonNull(submission, "submission");
    this.options = Objects.requireNonNull(options, "options");
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public String name() {
    return Placement.SLURM;
  }

  /** Writes plan, shard list and scripts; returns the shard list. Submits nothing. */
  public ShardList prepare(List<PlannedTask> plan) {
    Path runDir = submission.runDir();
    PlanFile pf = PlanFile.of(submission.study(), submission.manifestSha256(), submission.runId(), submission.force(),
        submission.context(), plan, Files.isRegularFile(submission.jar()) ? Hashing.sha256Hex(submission.jar()) : null);
    Path planPath = RunLayout.planFile(runDir);
    String planSha = pf.write(planPath);
    ShardList shards = ShardList.pack(plan, options.shards(), planSha);
    shards.write(RunLayout.shardsFile(runDir));
    try {
      Files.createDirectories(RunLayout.slurmDir(runDir).resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + RunLayout.slurmDir(runDir) + ": " + e, e);
    }
    AtomicFiles.writeString(arrayScript(),
        SlurmScripts.array(submission.study(), runDir, planPath, submission.jar(), shards.shards().size(), options));
    AtomicFiles.writeString(mergeScript(), SlurmScripts.merge(submission.study(), runDir, submission.jar(), options));
    for (ShardList.Shard s : shards.shards()) {
      LOG.debug("shard {}: cost {}, labels {}", s.index(), s.cost(), s.labels());
    }
    return shards;
  }

  private Path arrayScript() {
    return RunLayout.slurmDir(submission.runDir()).resolve("shards.sbatch");
  }

  private Path mergeScript() {
    return RunLayout.slurmDir(submission.runDir()).resolve("merge.sbatch");
  }

  @Override
  public ExecutionResult execute(List<PlannedTask> plan) {
    Path runDir = submission.runDir();
    refuseWhileQueued(runDir);
    ShardList shards = prepare(plan);
    String arrayJob = client.submit(arrayScript(), List.of());
    String mergeJob;
    try {
      mergeJob = client.submit(mergeScript(), List.of("--dependency=afterok:" + arrayJob, "--kill-on-invalid-dep=yes"));
    } catch (ExecutionFailure e) {
      client.cancel(arrayJob);
      throw new ExecutionFailure(e.getMessage() + "; cancelled array job " + arrayJob, e);
    }
    Map<String, String> jobs = new TreeMap<>();
    jobs.put("executor", Placement.SLURM);
    jobs.put("array_job", arrayJob);
    jobs.put("merge_job", mergeJob);
    jobs.put("shards", Integer.toString(shards.shards().size()));
    jobs.put("cpus_per_task", Integer.toString(options.cpusPerTask()));
    jobs.put("submitted_at", org.qdlaser.pipeline.provenance.Timestamps.format(java.time.Instant.now()));
    if (options.partition() != null) {
      jobs.put("partition", options.partition());
    }
    if (options.account() != null) {
      jobs.put("account", options.account());
    }
    if (options.time() != null) {
      jobs.put("time", options.time());
    }
    AtomicFiles.write(RunLayout.jobsFile(runDir), CanonicalJson.prettyBytes(jobs));
    LOG.info("submitted array job {} ({} shard(s), {} CPU(s) each) and merge job {} (afterok:{}) for {}", arrayJob,
        shards.shards().size(), options.cpusPerTask(), mergeJob, arrayJob, runDir);
    jobs.remove("executor");
    if (options.detach()) {
      return new ExecutionResult(ExecutionResult.State.SUBMITTED, Map.of(), jobs);
    }
    LOG.info("following with squeue every {} s (interrupting stops following, not the jobs; qdlaser collect {} finishes)",
        submission.poll().toSeconds(), runDir);
    follow(arrayJob, mergeJob, shards.shards().size());
    if (Files.isRegularFile(runDir.resolve(LockFile.FILE_NAME))) {
      return new ExecutionResult(ExecutionResult.State.MERGED, Map.of(), jobs);
    }
    throw new ExecutionFailure(failureMessage(arrayJob, mergeJob, shards));
  }

  /** A new submission would replace the plan under queued jobs of an earlier one: refuse. */
  private void refuseWhileQueued(Path runDir) {
    Path jobsFile = RunLayout.jobsFile(runDir);
    if (!Files.exists(jobsFile)) {
      return;
    }
    try {
      var earlier = CanonicalJson.mapper().readTree(jobsFile.toFile());
      List<String> ids = List.of(earlier.path("array_job").asText(), earlier.path("merge_job").asText());
      Map<String, String> queued = client.queue(ids);
      if (!queued.isEmpty()) {
        throw new ExecutionFailure("run directory " + runDir + " has queued jobs " + String.join(", ", queued.keySet())
            + " of an earlier submission: wait for them (the merge finishes that run) or scancel " + String.join(" ", ids));
      }
    } catch (IOException e) {
      LOG.debug("ignoring unreadable {}: {}", jobsFile, e.toString());
    }
  }

  private void follow(String arrayJob, String mergeJob, int shardCount) {
    String last = "";
    int failures = 0;
    while (true) {
      Map<String, String> q;
      try {
        q = client.queue(List.of(arrayJob, mergeJob));
        failures = 0;
      } catch (ExecutionFailure e) {
        if (++failures >= MAX_QUEUE_FAILURES) {
          throw new ExecutionFailure(e.getMessage() + " (" + failures + " times in a row); jobs " + arrayJob + " and " + mergeJob
              + " may still run: the merge job finishes the run, or qdlaser collect " + submission.runDir() + " later", e);
        }
        LOG.warn("{}; retrying in {} s", e.getMessage(), submission.poll().toSeconds());
        sleep(arrayJob, mergeJob);
        continue;
      }
      if (q.isEmpty()) {
        LOG.info("jobs {} and {} have left the queue", arrayJob, mergeJob);
        return;
      }
      int pending = 0;
      int running = 0;
      String merge = "done";
      for (Map.Entry<String, String> e : q.entrySet()) {
        if (e.getKey().equals(mergeJob)) {
          merge = e.getValue().toLowerCase(java.util.Locale.ROOT);
        } else if (e.getValue().equals("PENDING")) {
          pending++;
        } else {
          running++;
        }
      }
      String now = "shards: " + (shardCount - pending - running) + " finished, " + running + " running, " + pending
          + " pending of " + shardCount + "; merge " + merge;
      if (!now.equals(last)) {
        LOG.info(now);
        last = now;
      }
      sleep(arrayJob, mergeJob);
    }
  }

  private void sleep(String arrayJob, String mergeJob) {
    try {
      Thread.sleep(submission.poll().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionFailure("interrupted while following jobs " + arrayJob + " and " + mergeJob
          + "; they go on: run qdlaser collect " + submission.runDir() + " when they are done");
    }
  }

  private String failureMessage(String arrayJob, String mergeJob, ShardList shards) {
    Map<String, String> states = client.finalStates(arrayJob);
    List<String> failed = new ArrayList<>();
    for (ShardList.Shard s : shards.shards()) {
      String st = states.get(arrayJob + "_" + s.index());
      if (st != null && !st.equals("COMPLETED")) {
        failed.add(s.index() + " (" + st + ", labels " + String.join(", ", s.labels()) + ", log "
            + RunLayout.slurmDir(submission.runDir()).resolve("logs").resolve("shard-" + s.index() + ".out") + ")");
      }
    }
    Path logs = RunLayout.slurmDir(submission.runDir()).resolve("logs");
    String mergeState = client.finalStates(mergeJob).getOrDefault(mergeJob, "unknown");
    if (failed.isEmpty() && states.isEmpty()) {
      return "the merge job " + mergeJob + " wrote no lock.json (state " + mergeState + "); see the logs in " + logs
          + "; rerun the same command to recompute only the missing tasks";
    }
    if (failed.isEmpty()) {
      return "every shard of array job " + arrayJob + " completed but the merge job " + mergeJob + " (state " + mergeState
          + ") wrote no lock.json; see " + logs.resolve("merge.out") + "; qdlaser collect " + submission.runDir() + " retries it";
    }
    return "shard(s) " + String.join("; ", failed) + " of array job " + arrayJob + " failed, so merge job " + mergeJob
        + " did not run (state " + mergeState + ") and no lock.json was written; rerun the same command to recompute only the"
        + " missing tasks";
  }
}
