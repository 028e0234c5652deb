package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.store.RunVerifier;
import org.qdlaser.pipeline.store.VerificationProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Recomputes every checksum of a run directory against its lock.json. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Recompute every artifact checksum against lock.json; exit 1 naming each changed or missing artifact.")
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory (runs/<study>)")
  Path runDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliChecks.runDirectory(runDir);
    List<VerificationProblem> problems = new RunVerifier().verify(runDir);
    if (problems.isEmpty()) {
      spec.commandLine().getOut().println("verified: every artifact of " + runDir + " matches lock.json");
      return ExitCodes.OK;
    }
    for (VerificationProblem p : problems) {
      spec.commandLine().getErr().println(p.message());
    }
    spec.commandLine().getErr().println(problems.size() + " problem(s) in " + runDir);
    return ExitCodes.FAILURE;
  }
}
