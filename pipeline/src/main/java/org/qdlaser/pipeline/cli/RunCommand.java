package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.exec.ExecutionResult;
import org.qdlaser.pipeline.exec.LocalExecutor;
import org.qdlaser.pipeline.exec.RunMerge;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.inspect.RunPages;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.slurm.PlanFile;
import org.qdlaser.pipeline.slurm.ShardList;
import org.qdlaser.pipeline.slurm.SlurmArrayExecutor;
import org.qdlaser.pipeline.slurm.SlurmClient;
import org.qdlaser.pipeline.slurm.SlurmOptions;
import org.qdlaser.pipeline.slurm.SlurmScripts;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.RunDirectoryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a study manifest through all stages into a run directory with lock and provenance, on the
 * local thread pool or as a SLURM job array plus a merge job.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a study manifest: sampling, integration, equilibrium, fitting, report.")
public final class RunCommand implements Callable<Integer> {
  /**
   * Looked up on use, not in a static field: picocli instantiates every subcommand to parse any
   * command line, and a static logger would start the logging system even for {@code --version}.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(RunCommand.class);
  }
  static final String LOCAL = "local";
  static final String SLURM = "slurm";
  /** Default shard limit: below SLURM's default MaxArraySize (1001). */
  static final int DEFAULT_MAX_SHARDS = 1000;

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "study manifest (YAML, schema qdlaser/manifest/v1)")
  Path manifest;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "run directory (default runs/<study>)")
  Path output;

  @Option(names = "--jobs", paramLabel = "N", description = "worker threads of the local executor (default: number of CPUs)")
  Integer jobs;

  @Option(names = "--force", description = "recompute every task, even if its artifacts verify")
  boolean force;

  @Option(names = "--dry-run", description = "validate the manifest and print the plan (and shards); write nothing")
  boolean dryRun;

  @Option(names = "--executor", paramLabel = "E", description = "local (default: thread pool) or slurm (job array + merge job)")
  String executor = LOCAL;

  @Option(names = "--partition", paramLabel = "P", description = "slurm: partition (default: the cluster's)")
  String partition;

  @Option(names = "--time", paramLabel = "T", description = "slurm: time limit per shard, e.g. 2:00:00 (default: the partition's)")
  String time;

  @Option(names = "--shards", paramLabel = "K", description = "slurm: array tasks (default: one per model chain, at most "
      + DEFAULT_MAX_SHARDS + ")")
  Integer shards;

  @Option(names = "--cpus-per-task", paramLabel = "C", description = "slurm: CPUs of each shard and of the merge (default 1)")
  Integer cpusPerTask;

  @Option(names = "--account", paramLabel = "A", description = "slurm: account to charge")
  String account;

  @Option(names = "--detach", description = "slurm: return after submitting; the merge job (or qdlaser collect) finishes the run")
  boolean detach;

  @Option(names = "--poll-interval", paramLabel = "S", hidden = true, description = "slurm: seconds between squeue calls")
  int pollSeconds = 10;

  @Option(names = "--golden", paramLabel = "DIR",
      description = "golden data root: the report checks the run against DIR/<study>/ (default: golden)")
  Path golden = Path.of("golden");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String exec = executor == null ? LOCAL : executor.toLowerCase(Locale.ROOT);
    if (!exec.equals(LOCAL) && !exec.equals(SLURM)) {
      throw new InputException("--executor", "unknown executor '" + executor + "', allowed: local, slurm");
    }
    SlurmOptions slurm = exec.equals(SLURM) ? slurmOptions() : null;
    if (slurm == null) {
      rejectSlurmOnlyOptions();
    }
    // A dry run prints task ids, which the code identity does not enter: it asks git nothing.
    StudyPlan sp = StudyPlan.read(manifest, output, golden, !dryRun);
    byte[] manifestBytes = sp.manifestBytes();
    Study study = sp.study();
    int threads = CliChecks.jobs(jobs, Runtime.getRuntime().availableProcessors());
    Path runDir = sp.runDir();
    String manifestSha = sp.manifestSha256();
    ProvenanceCollector prov = sp.provenance();
    ReportContext context = sp.context();
    List<PlannedTask> plan = sp.plan();
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.println("study " + study.name() + ": " + plan.size() + " tasks -> " + runDir);
      for (PlannedTask t : plan) {
        out.println("  " + t.spec().id() + " (v" + t.spec().stageVersion() + ")"
            + (t.spec().dependsOn().isEmpty() ? "" : " <- " + String.join(", ", t.spec().dependsOn())));
      }
      if (slurm != null) {
        ShardList sl = ShardList.pack(plan, slurm.shards(), "0".repeat(64));
        out.println(sl.shards().size() + " shard(s) (LPT on estimated cost), report in the merge job:");
        for (ShardList.Shard s : sl.shards()) {
          out.println(String.format(Locale.ROOT, "  shard %d: cost %.1f: %s", s.index(), s.cost(), String.join(", ", s.labels())));
        }
      }
      return ExitCodes.OK;
    }
    if (slurm != null) {
      return runOnSlurm(study, plan, runDir, manifestBytes, manifestSha, context, slurm, out);
    }

    Files.createDirectories(runDir);
    RunDirectoryLock dirLock;
    try {
      dirLock = RunDirectoryLock.acquire(RunLayout.runLockFile(runDir), "run");
    } catch (FileSystemException e) {
      return unwritable(study, plan, runDir, manifestSha, e, out);
    }
    try (dirLock) {
      LockFile previous = RunMerge.begin(runDir);
      log().info("study {}: {} tasks, {} worker thread(s), run directory {}", study.name(), plan.size(), threads, runDir);
      LocalExecutor local = new LocalExecutor(TaskRunner.local(new ArtifactStore(runDir), previous, force, prov), threads);
      ExecutionResult result = local.execute(plan);
      // The manifest copy is written with the lock, not before the run: the standing lock is of the copy beside it.
      RunMerge.Summary summary = RunMerge.finish(runDir, study.name(), manifestSha, manifestBytes, result.outcomes(), prov);
      RunPages.write(runDir, sp.specs());
      out.println("study " + study.name() + ": " + summary.ran() + " task(s) ran, " + summary.reused() + " reused");
      out.println("report: " + runDir.resolve("report").resolve("index.html"));
      return ExitCodes.OK;
    }
  }

  /**
   * A run directory that cannot be written (read-only file system or permissions): exit 0 with
   * "nothing to do" if it already holds this plan's results, else exit 1 naming why.
   */
  private Integer unwritable(Study study, List<PlannedTask> plan, Path runDir, String manifestSha, FileSystemException e,
      PrintWriter out) {
    String why = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    if (force) {
      throw new ComputationFailure("run directory " + runDir + " cannot be written (" + why + "): --force cannot recompute it");
    }
    Optional<String> stale = RunMerge.staleness(runDir, plan, manifestSha);
    if (stale.isPresent()) {
      throw new ComputationFailure("run directory " + runDir + " cannot be written (" + why + ") and is not up to date: " + stale.get());
    }
    out.println("study " + study.name() + ": nothing to do: all " + plan.size() + " tasks are up to date in "
        + runDir.resolve(LockFile.FILE_NAME) + " (the run directory cannot be written: " + why + ")");
    return ExitCodes.OK;
  }

  private Integer runOnSlurm(Study study, List<PlannedTask> plan, Path runDir, byte[] manifestBytes, String manifestSha,
      ReportContext context, SlurmOptions slurm, PrintWriter out) throws IOException {
    if (!SlurmClient.onPath("sbatch")) {
      throw new InputException("--executor", "--executor slurm needs sbatch on PATH (a SLURM login node), but it was not found");
    }
    String problem = SlurmScripts.pathProblem(runDir);
    if (problem != null) {
      throw new InputException("--output", "run directory: " + problem);
    }
    Path jar = shadedJar();
    if (pollSeconds < 1) {
      throw new InputException("--poll-interval", "poll interval must be >= 1 s, got " + pollSeconds);
    }
    Files.createDirectories(runDir);
    RunMerge.begin(runDir);
    AtomicFiles.write(runDir.resolve("manifest.yaml"), manifestBytes);
    SlurmArrayExecutor.Submission sub = new SlurmArrayExecutor.Submission(runDir, study.name(), manifestSha,
        UUID.randomUUID().toString(), force, context, jar, Duration.ofSeconds(pollSeconds));
    ExecutionResult result = new SlurmArrayExecutor(sub, slurm, new SlurmClient()).execute(plan);
    String arrayJob = result.jobs().get("array_job");
    String mergeJob = result.jobs().get("merge_job");
    if (result.state() == ExecutionResult.State.SUBMITTED) {
      out.println("study " + study.name() + ": submitted array job " + arrayJob + " (" + result.jobs().get("shards")
          + " shard(s)) and merge job " + mergeJob);
      out.println("follow: squeue -j " + arrayJob + "," + mergeJob + "; the merge job writes " + runDir.resolve(LockFile.FILE_NAME));
      out.println("finish by hand if needed: qdlaser collect " + runDir);
      return ExitCodes.OK;
    }
    int ran = 0;
    int total = 0;
    JsonNode prov = CanonicalJson.mapper().readTree(runDir.resolve(Provenance.FILE_NAME).toFile());
    for (JsonNode t : prov.path("tasks")) {
      total++;
      ran += "RAN".equals(t.path("status").asText()) ? 1 : 0;
    }
    out.println("study " + study.name() + ": " + ran + " task(s) ran, " + (total - ran) + " reused (array job " + arrayJob
        + ", merge job " + mergeJob + ")");
    out.println("report: " + runDir.resolve("report").resolve("index.html"));
    return ExitCodes.OK;
  }

  private SlurmOptions slurmOptions() {
    if (jobs != null) {
      throw new InputException("--jobs", "--jobs sets the local executor's threads; SLURM shards use --cpus-per-task");
    }
    SlurmOptions o = new SlurmOptions(partition, time, shards == null ? DEFAULT_MAX_SHARDS : shards,
        cpusPerTask == null ? 1 : cpusPerTask, account, detach);
    String[] problem = o.problem();
    if (problem != null) {
      throw new InputException(problem[0], problem[1]);
    }
    return o;
  }

  private void rejectSlurmOnlyOptions() {
    Map<String, Boolean> given = new TreeMap<>();
    given.put("--partition", partition != null);
    given.put("--time", time != null);
    given.put("--shards", shards != null);
    given.put("--cpus-per-task", cpusPerTask != null);
    given.put("--account", account != null);
    given.put("--detach", detach);
    given.forEach((name, set) -> {
      if (set) {
        throw new InputException(name, name + " applies to --executor slurm only (executor is local)");
      }
    });
  }

  /** The shaded jar the SLURM jobs run: $QDLASER_JAR, else the jar this process runs from. */
  static Path shadedJar() {
    String env = System.getenv("QDLASER_JAR");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        throw new InputException("QDLASER_JAR", "QDLASER_JAR names no file: " + p);
      }
      return checked(p);
    }
    Optional<Path> running = PlanFile.runningJar();
    if (running.isPresent()) {
      return checked(running.get());
    }
    throw new InputException("--executor", "--executor slurm runs the self-contained jar, but this qdlaser does not run from one:"
        + " use ./qdlaser (pipeline/target/qdlaser.jar) or set QDLASER_JAR");
  }

  private static Path checked(Path jar) {
    String problem = SlurmScripts.pathProblem(jar);
    if (problem != null) {
      throw new InputException("QDLASER_JAR", "jar: " + problem);
    }
    return jar;
  }
}
