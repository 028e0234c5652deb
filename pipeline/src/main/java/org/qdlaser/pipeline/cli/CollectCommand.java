package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.exec.LocalExecutor;
import org.qdlaser.pipeline.exec.Placement;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.exec.RunMerge;
import org.qdlaser.pipeline.exec.TaskOutcome;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.inspect.RunPages;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.slurm.PlanFile;
import org.qdlaser.pipeline.slurm.ShardList;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.RunDirectoryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The merge of a sharded run (the SLURM merge job, or by hand after {@code --detach}): adopts
 * every shard's tasks, runs the report, writes {@code lock.json} and {@code provenance.json}.
 * Fails (exit 1, no lock) naming the first task no shard completed.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = "Finish a run submitted with --executor slurm: report, lock.json, provenance.json.")
public final class CollectCommand implements Callable<Integer> {
  /**
   * Looked up on use, not in a static field: picocli instantiates every subcommand to parse any
   * command line, and a static logger would start the logging system even for {@code --version}.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(CollectCommand.class);
  }

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory of a run submitted with --executor slurm")
  Path runDir;

  @Option(names = "--jobs", paramLabel = "N", description = "worker threads for the report (default: the CPUs)")
  Integer jobs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dir = runDir.toAbsolutePath().normalize();
    CliChecks.runDirectory(dir);
    PlanFile pf;
    try {
      pf = PlanFile.read(RunLayout.planFile(dir));
    } catch (NoSuchFileException e) {
      throw new InputException("RUN_DIR", runDir + " has no " + RunLayout.STATE_DIR + "/plan.json: it was not submitted with"
          + " --executor slurm (run it with qdlaser run)");
    }
    int threads = CliChecks.jobs(jobs, Runtime.getRuntime().availableProcessors());
    SubmittedRun run = SubmittedRun.open(dir, pf);
    List<PlannedTask> plan = run.tasks();
    ShardList shards = Files.exists(RunLayout.shardsFile(dir)) ? ShardList.read(RunLayout.shardsFile(dir)) : null;
    ProvenanceCollector prov = run.provenance();
    Map<String, String> execution = new TreeMap<>(Map.of("executor", Placement.SLURM));
    if (Files.exists(RunLayout.jobsFile(dir))) {
      execution.putAll(CanonicalJson.mapper().readValue(RunLayout.jobsFile(dir).toFile(), new TypeReference<Map<String, String>>() {}));
    }
    prov.execution(execution);
    Placement placement = run.placement();
    TaskRunner runner = run.runner(ShardList::isMergeTask, t -> {
          int s = shards == null ? -1 : shards.shardOf(t.label());
          return s < 0 ? "" : ": shard " + s + " did not complete it (see " + RunLayout.slurmDir(dir).resolve("logs")
              .resolve("shard-" + s + ".out") + "); rerun the same qdlaser run command to recompute only the missing tasks";
        });
    log().info("collecting {} ({} tasks) on {}", dir, plan.size(), placement.host());
    RunMerge.Summary summary;
    try (RunDirectoryLock ignored = RunDirectoryLock.acquire(RunLayout.runLockFile(dir), "collect")) {
      Map<String, TaskOutcome> outcomes = new LocalExecutor(runner, threads).run(plan);
      summary = RunMerge.finish(dir, pf.study(), pf.manifestSha256(), null, outcomes, prov);
      RunPages.write(dir, plan.stream().map(PlannedTask::spec).toList());
    }
    spec.commandLine().getOut().println("study " + pf.study() + ": " + summary.ran() + " task(s) ran, " + summary.reused() + " reused");
    spec.commandLine().getOut().println("report: " + dir.resolve("report").resolve("index.html"));
    return ExitCodes.OK;
  }
}
