package org.qdlaser.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.graph.LocalExecutor;
import org.qdlaser.pipeline.graph.PlannedTask;
import org.qdlaser.pipeline.graph.ReportContext;
import org.qdlaser.pipeline.graph.StudyPlanner;
import org.qdlaser.pipeline.graph.TaskOutcome;
import org.qdlaser.pipeline.manifest.InputException;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a study manifest through all stages into a run directory with lock and provenance. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a study manifest: sampling, integration, equilibrium, fitting, report.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "study manifest (YAML, schema qdlaser/manifest/v1)")
  Path manifest;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "run directory (default runs/<study>)")
  Path output;

  @Option(names = "--jobs", paramLabel = "N", description = "worker threads (default: number of CPUs)")
  Integer jobs;

  @Option(names = "--force", description = "recompute every task, even if its artifacts verify")
  boolean force;

  @Option(names = "--dry-run", description = "validate the manifest and print the plan; write nothing")
  boolean dryRun;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    byte[] manifestBytes;
    try {
      manifestBytes = Files.readAllBytes(manifest);
    } catch (NoSuchFileException e) {
      throw new InputException("MANIFEST", "manifest file not found: " + manifest);
    }
    Study study = ManifestParser.parse(new String(manifestBytes, StandardCharsets.UTF_8));
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1 || threads > 1024) {
      throw new InputException("--jobs", "jobs must be in [1, 1024], got " + threads);
    }
    Path runDir = output != null ? output : Path.of("runs", study.name());
    String manifestSha = Hashing.sha256Hex(manifestBytes);
    ProvenanceCollector prov = new ProvenanceCollector(study.name(), manifestSha, ProvenanceCollector.defaultCodeDir());
    Provenance.CodeVersion code = prov.code();
    ReportContext context = new ReportContext(
        code.gitCommit() + (Boolean.TRUE.equals(code.dirty()) ? " (uncommitted changes)" : "") + ", qdlaser "
            + VersionProvider.version(),
        environment());
    List<PlannedTask> plan = StudyPlanner.plan(study, context);
    if (dryRun) {
      var out = spec.commandLine().getOut();
      out.println("study " + study.name() + ": " + plan.size() + " tasks -> " + runDir);
      for (PlannedTask t : plan) {
        out.println("  " + t.spec().id() + " (v" + t.spec().stageVersion() + ")"
            + (t.spec().dependsOn().isEmpty() ? "" : " <- " + String.join(", ", t.spec().dependsOn())));
      }
      return ExitCodes.OK;
    }

    Files.createDirectories(runDir);
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    LockFile previous = null;
    if (Files.exists(lockPath)) {
      try {
        previous = LockFile.read(lockPath);
      } catch (LockFileException e) {
        LOG.warn("previous {} unreadable, recomputing everything: {}", lockPath, e.getMessage());
      }
      // A run that fails must not leave a lock that describes a mix of old and new artifacts.
      Files.delete(lockPath);
    }
    AtomicFiles.write(runDir.resolve("manifest.yaml"), manifestBytes);
    LOG.info("study {}: {} tasks, {} worker thread(s), run directory {}", study.name(), plan.size(), threads, runDir);

    Map<String, TaskOutcome> outcomes = new LocalExecutor(new ArtifactStore(runDir), previous, threads, force, prov).execute(plan);

    List<LockFile.TaskEntry> entries = new ArrayList<>();
    int ran = 0;
    for (TaskOutcome o : outcomes.values()) {
      entries.add(new LockFile.TaskEntry(o.spec().stage(), o.spec().stageVersion(), o.key(), o.artifacts()));
      ran += o.reused() ? 0 : 1;
    }
    LockFile.of(study.name(), manifestSha, entries).write(lockPath);
    prov.finish();
    prov.write(runDir.resolve(Provenance.FILE_NAME));
    var out = spec.commandLine().getOut();
    out.println("study " + study.name() + ": " + ran + " task(s) ran, " + (outcomes.size() - ran) + " reused");
    out.println("report: " + runDir.resolve("report").resolve("index.html"));
    return ExitCodes.OK;
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    env.put("JVM", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    return env;
  }
}
