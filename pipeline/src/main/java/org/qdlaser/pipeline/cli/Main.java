package org.qdlaser.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root command: routes to the subcommands. Exit codes: 0 success, 1 computation/check failure, 2 bad input. */
@Command(
    name = "qdlaser",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lasing thresholds of quantum-dot nanolasers (CIM, TPM_IF, TPM) and the Simple Model of colloidal-QD"
        + " gain (SIMPLE_*): reproducible studies.")
public final class Main implements Runnable {
  /**
   * The subcommands by name, in the order of the help. Picocli builds a subcommand's model (reflection
   * over its options, mixins and nested commands) when it is added, so {@link #execute} adds only the
   * one the command line names: `qdlaser --version` and every subcommand start without building the
   * other twelve (issue 14, part 3: ~170 picocli and command classes fewer on the start path). The
   * names equal the classes' {@code @Command} names (MainTest).
   */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("run", RunCommand.class);
    m.put("run-shard", RunShardCommand.class);
    m.put("collect", CollectCommand.class);
    m.put("verify", VerifyCommand.class);
    m.put("archive", ArchiveCommand.class);
    m.put("golden", GoldenCommand.class);
    m.put("status", StatusCommand.class);
    m.put("dag", DagCommand.class);
    m.put("drift", DriftCommand.class);
    m.put("point", PointCommand.class);
    m.put("threshold", ThresholdCommand.class);
    m.put("spectrum", SpectrumCommand.class);
    m.put("bench", BenchCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The subcommands to build for {@code args}: the one named by the first positional argument (the
   * root's only option with a value is --log-level), none for a bare version request, else all (the
   * root's usage lists them, and an unknown name gets picocli's suggestions).
   */
  static java.util.Collection<String> needed(String... args) {
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--log-level")) {
        i++;
      } else if (a.equals("-V") || a.equals("--version")) {
        version = true;
      } else if (a.equals("-h") || a.equals("--help")) {
        return SUBCOMMANDS.keySet();
      } else if (!a.startsWith("-")) {
        return SUBCOMMANDS.containsKey(a) ? java.util.List.of(a) : SUBCOMMANDS.keySet();
      }
    }
    return version ? java.util.List.of() : SUBCOMMANDS.keySet();
  }

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
    for (String name : needed(args)) {
      cl.addSubcommand(name, SUBCOMMANDS.get(name));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ExitCodes());
    cl.setParameterExceptionHandler(ExitCodes::usage);
    ParameterHelp.install(cl);
    return cl.execute(args);
  }
}
