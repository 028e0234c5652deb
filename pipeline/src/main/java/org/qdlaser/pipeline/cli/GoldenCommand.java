package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.golden.GoldenChecker;
import org.qdlaser.pipeline.golden.GoldenResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Routes {@code golden check} and {@code golden bless}. */
@Command(name = "golden", mixinStandardHelpOptions = true, description = "Compare a run with golden data, or accept new golden data.",
    subcommands = {GoldenCommand.Check.class, GoldenCommand.Bless.class})
public final class GoldenCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or bless");
  }

  static Path runDir(Path p) {
    return CliChecks.runDirectory(p);
  }

  /** {@code golden check RUN_DIR}: exit 1 naming each failing quantity. */
  @Command(name = "check", mixinStandardHelpOptions = true, description = "Compare RUN_DIR with golden/<study>/.")
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR") Path dir;
    @Option(names = "--golden", paramLabel = "DIR", description = "golden data root (default: golden)") Path golden = Path.of("golden");
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<GoldenResult> results = new GoldenChecker(golden).check(runDir(dir));
      long failed = results.stream().filter(r -> !r.passed()).count();
      for (GoldenResult r : results) {
        (r.passed() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(r.message());
      }
      spec.commandLine().getOut().println((results.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  /** {@code golden bless RUN_DIR}: shows the diff, then accepts the run's tables as golden. */
  @Command(name = "bless", mixinStandardHelpOptions = true,
      description = "Accept RUN_DIR's run-sourced tables as golden data (prints the diff first).")
  static final class Bless implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR") Path dir;
    @Option(names = "--golden", paramLabel = "DIR", description = "golden data root (default: golden)") Path golden = Path.of("golden");
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (String line : new GoldenChecker(golden).bless(runDir(dir))) {
        spec.commandLine().getOut().println(line);
      }
      spec.commandLine().getOut().println("blessed: review the diff above and commit golden/ if it is right");
      return ExitCodes.OK;
    }
  }
}
