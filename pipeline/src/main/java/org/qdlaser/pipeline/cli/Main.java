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
        GoldenCommand.class, StatusCommand.class, DagCommand.class, DriftCommand.class, PointCommand.class, ThresholdCommand.class,
        SpectrumCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  /** Levels of {@code --log-level}. */
  static final java.util.List<String> LEVELS = java.util.List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The logging flag given first on this command line, to refuse contradicting ones. */
  private String levelFlag;
  private String levelChosen;

  @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
      description = "log warnings and errors only (log level WARN)")
  void quiet(boolean on) {
    if (on) {
      logLevel("--quiet", "WARN");
    }
  }

  @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "log why as well as what (log level DEBUG)")
  void verbose(boolean on) {
    if (on) {
      logLevel("--verbose", "DEBUG");
    }
  }

  @CommandLine.Option(names = "--log-level", paramLabel = "LEVEL", scope = CommandLine.ScopeType.INHERIT,
      description = "log level: ERROR, WARN, INFO (default, or $" + LoggingConfigurator.LEVEL_VARIABLE + "), DEBUG, TRACE, OFF;"
          + " logs go to stderr")
  void logLevel(String level) {
    String name = level == null ? "" : level.trim().toUpperCase(java.util.Locale.ROOT);
    if (!LEVELS.contains(name)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--log-level must be one of " + String.join(", ", LEVELS) + ", got '" + level + "'");
    }
    logLevel("--log-level", name);
  }

  private void logLevel(String flag, String level) {
    if (levelFlag != null && !levelFlag.equals(flag) && !level.equals(levelChosen)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          flag + " contradicts " + levelFlag + " (log level " + level + " vs " + levelChosen + "): give one");
    }
    levelFlag = flag;
    levelChosen = level;
    LoggingConfigurator.setLevel(level);
  }

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
    ParameterHelp.install(cl);
    return cl.execute(args);
  }
}
