package org.qdlaser.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.exec.RunRecords;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.qdlaser.pipeline.store.RunVerifier;
import org.qdlaser.pipeline.store.VerificationProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Verifies a run directory whole: every artifact checksum against lock.json, the manifest copy
 * against the lock's hash, provenance.json and the task records against the lock, and every file
 * the lock does not list. Stray files (and a provenance without recorded digest) only warn unless
 * {@code --strict}: a killed rerun legitimately leaves complete new artifacts that its lock does
 * not list yet (docs/reliability.md).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a run directory: every artifact checksum against lock.json, the manifest copy, provenance.json,"
        + " the task records, symbolic links and files the lock does not list; exit 1 naming each problem.",
        "Stray files only warn unless --strict."})
public final class VerifyCommand implements Callable<Integer> {
  /**
   * Names in a run directory that the lock does not list and that are not stray: provenance, executor state, and the
   * run pages (timeline, task graph, file list, data package), which are rewritten after every run from its lock and
   * provenance and so cannot be in the lock.
   */
  static final Set<String> UNLISTED = Set.of(Provenance.FILE_NAME, RunLayout.STATE_DIR, RunLayout.SLURM_DIR,
      org.qdlaser.pipeline.inspect.DataPackage.FILE_NAME, "report/" + org.qdlaser.pipeline.inspect.Timeline.FILE_NAME,
      "report/" + org.qdlaser.pipeline.inspect.Timeline.GRAPH_FILE, "report/" + org.qdlaser.pipeline.inspect.FilesPage.FILE_NAME);

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory (runs/<study>)")
  Path runDir;

  @Option(names = "--strict", description = "fail (exit 1) on warnings too: stray files, a provenance without recorded digest")
  boolean strict;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliChecks.runDirectory(runDir);
    List<VerificationProblem> problems = new ArrayList<>(RunVerifier.whole(UNLISTED).verify(runDir));
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    if (Files.isRegularFile(lockPath)) {
      try {
        problems.addAll(RunRecords.check(runDir, LockFile.read(lockPath)));
      } catch (LockFileException e) {
        // reported by the verifier as LOCK_UNREADABLE
      }
    }
    int failures = 0;
    int warnings = 0;
    for (VerificationProblem p : problems) {
      boolean fails = strict || !p.kind().warning();
      spec.commandLine().getErr().println((fails ? "" : "warning: ") + p.message());
      failures += fails ? 1 : 0;
      warnings += fails ? 0 : 1;
    }
    if (failures == 0) {
      spec.commandLine().getOut().println("verified: every artifact of " + runDir + " matches lock.json"
          + (warnings == 0 ? "" : " (" + warnings + " warning(s); --strict fails on them)"));
      return ExitCodes.OK;
    }
    spec.commandLine().getErr().println(failures + " problem(s) in " + runDir + (warnings == 0 ? "" : ", " + warnings + " warning(s)"));
    return ExitCodes.FAILURE;
  }
}
