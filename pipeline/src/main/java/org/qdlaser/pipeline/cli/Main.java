package org.qdlaser.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root command: routes to the subcommands. Exit codes: 0 success, 1 computation/check failure, 2 bad input. */
@Command(
    name = "qdlaser",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lasing thresholds of quantum-dot nanolasers (CIM, TPM_IF, TPM) and the Simple Model of colloidal-QD"
        + " gain (SIMPLE_*): reproducible studies.",
    subcommands = {RunCommand.class, RunShardCommand.class, CollectCommand.class, VerifyCommand.class, ArchiveCommand.class,
        GoldenCommand.class, PointCommand.class, ThresholdCommand.class, SpectrumCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code. */
  public static int execute(String... args) {
    return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with the given output and error writers (tests) and returns the exit code. */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ExitCodes());
    cl.setParameterExceptionHandler(ExitCodes::usage);
    return cl.execute(args);
  }
}
