package org.qdlaser.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.exec.ExecutionFailure;
import org.qdlaser.pipeline.exec.LocalExecutor;
import org.qdlaser.pipeline.exec.Placement;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.exec.TaskOutcome;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.slurm.PlanFile;
import org.qdlaser.pipeline.slurm.ShardList;
import org.qdlaser.pipeline.store.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One shard of a SLURM run (an array task): runs its model chains on the local thread pool. Each
 * task is idempotent (it skips work whose artifacts verify), so a requeued shard is safe. Writes
 * artifacts and task records only; the merge ({@code qdlaser collect}) writes the lock.
 */
@Command(name = "run-shard", mixinStandardHelpOptions = true,
    description = "Run one shard of a plan written by run --executor slurm (called by the array job).")
public final class RunShardCommand implements Callable<Integer> {
  /**
   * Looked up on use, not in a static field: picocli instantiates every subcommand to parse any
   * command line, and a static logger would start the logging system even for {@code --version}.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(RunShardCommand.class);
  }
  /**
   * Fault injection for tests: a comma-separated list of shard indices that fail (exit 1) before
   * running any task. Never set it in production.
   */
  public static final String FAIL_ENV = "QDLASER_FAIL_SHARD";

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the plan: RUN_DIR/.qdlaser/plan.json")
  Path plan;

  @Option(names = "--shard", required = true, paramLabel = "I", description = "shard index ($SLURM_ARRAY_TASK_ID)")
  int shard;

  @Option(names = "--jobs", paramLabel = "N", description = "worker threads (default: $SLURM_CPUS_PER_TASK, else the CPUs)")
  Integer jobs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path planPath = plan.toAbsolutePath().normalize();
    Path stateDir = planPath.getParent();
    if (stateDir == null || stateDir.getFileName() == null || !stateDir.getFileName().toString().equals(RunLayout.STATE_DIR)
        || stateDir.getParent() == null) {
      throw new InputException("--plan", "plan must be RUN_DIR/" + RunLayout.STATE_DIR + "/plan.json, got " + plan);
    }
    Path runDir = stateDir.getParent();
    PlanFile pf;
    byte[] planBytes;
    try {
      planBytes = Files.readAllBytes(planPath);
      pf = PlanFile.read(planPath);
    } catch (NoSuchFileException e) {
      throw new InputException("--plan", "plan file not found: " + plan);
    }
    ShardList shards = ShardList.read(RunLayout.shardsFile(runDir));
    if (!shards.planSha256().equals(Hashing.sha256Hex(planBytes))) {
      throw new ExecutionFailure("shard list " + RunLayout.shardsFile(runDir) + " belongs to another plan than " + planPath
          + " (a newer submission?); resubmit with qdlaser run");
    }
    if (shard < 0 || shard >= shards.shards().size()) {
      throw new InputException("--shard", "shard must be in [0, " + (shards.shards().size() - 1) + "] for " + planPath + ", got "
          + shard);
    }
    int threads = CliChecks.jobs(jobs, defaultThreads());
    String failing = System.getenv(FAIL_ENV);
    if (failing != null && Arrays.asList(failing.split(",")).contains(Integer.toString(shard))) {
      log().error("shard {} fails on request ({}={}, a test hook)", shard, FAIL_ENV, failing);
      spec.commandLine().getErr().println("qdlaser: shard " + shard + " failed on request (" + FAIL_ENV + ")");
      return ExitCodes.FAILURE;
    }
    SubmittedRun run = SubmittedRun.open(runDir, pf);
    List<PlannedTask> mine = shards.tasksOf(shard, run.tasks());
    ShardList.Shard s = shards.shards().get(shard);
    Placement placement = run.placement();
    log().info("shard {} of {}: {} task(s) of {} on {} thread(s), host {}, job {}", shard, shards.shards().size(), mine.size(),
        String.join(", ", s.labels()), threads, placement.host(), placement.jobId());
    TaskRunner runner = run.runner(t -> true, t -> "");
    Instant began = run.provenance().startedAt();
    Map<String, TaskOutcome> outcomes = new LocalExecutor(runner, threads).run(mine);
    long reused = outcomes.values().stream().filter(TaskOutcome::reused).count();
    long earlier = outcomes.values().stream().filter(o -> !o.reused() && o.start().isBefore(began)).count();
    spec.commandLine().getOut().println("shard " + shard + ": " + (outcomes.size() - reused - earlier) + " task(s) ran, " + reused
        + " reused, " + earlier + " already done in this run");
    return ExitCodes.OK;
  }

  private static int defaultThreads() {
    String cpus = System.getenv("SLURM_CPUS_PER_TASK");
    if (cpus != null && cpus.matches("\\d+")) {
      return Integer.parseInt(cpus);
    }
    return Runtime.getRuntime().availableProcessors();
  }
}
