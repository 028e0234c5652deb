package org.qdlaser.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.archive.ArchiveRefusedException;
import org.qdlaser.pipeline.archive.ArchiveResult;
import org.qdlaser.pipeline.archive.RoCrate;
import org.qdlaser.pipeline.archive.RunArchiver;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.LockFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Packs a verified run directory and its RO-Crate description into one zip file. */
@Command(name = "archive", mixinStandardHelpOptions = true,
    description = {
        "Verify a run directory, then write it to one zip file: every file of the run (lock.json, provenance.json, "
            + "manifest.yaml, artifacts, report/) plus " + RoCrate.FILE_NAME + " (RO-Crate 1.1) describing them, "
            + "with the size, media type and SHA-256 of each file.",
        "A run that does not verify is refused (exit 1, each problem named); nothing is written then. "
            + "Archiving the same run twice gives identical bytes."})
public final class ArchiveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory (runs/<study>)")
  Path runDir;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "archive file (default: RUN_DIR.zip beside the run directory); replaced if it exists")
  Path output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliChecks.runDirectory(runDir);
    if (!Files.isRegularFile(runDir.resolve(LockFile.FILE_NAME))) {
      throw new InputException("RUN_DIR", "not a run directory (no " + LockFile.FILE_NAME + "): " + runDir);
    }
    Path dir = runDir.toAbsolutePath().normalize();
    Path target;
    if (output != null) {
      target = output;
    } else if (dir.getParent() != null && dir.getFileName() != null) {
      target = dir.resolveSibling(dir.getFileName() + ".zip");
    } else {
      throw new InputException("-o", "no default archive name for the run directory " + runDir + "; give -o FILE");
    }
    if (target.toAbsolutePath().normalize().startsWith(dir)) {
      throw new InputException("-o", "archive " + target + " lies inside the run directory " + runDir
          + " (it would archive itself); choose a file outside it");
    }
    if (Files.isDirectory(target)) {
      throw new InputException("-o", "archive " + target + " is a directory; give a file name");
    }
    ArchiveResult result;
    try {
      result = new RunArchiver().archive(runDir, target);
    } catch (ArchiveRefusedException e) {
      var err = spec.commandLine().getErr();
      for (String p : e.problems()) {
        err.println(p);
      }
      err.println(e.problems().size() + " problem(s) in " + runDir + "; not archived");
      return ExitCodes.FAILURE;
    }
    var out = spec.commandLine().getOut();
    out.println("archive: " + result.archive());
    out.println("sha256: " + result.sha256());
    out.println("size: " + result.size() + " bytes (" + result.files() + " files + " + RoCrate.FILE_NAME + ")");
    return ExitCodes.OK;
  }
}
