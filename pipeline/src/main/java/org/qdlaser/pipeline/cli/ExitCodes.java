package org.qdlaser.pipeline.cli;

import org.qdlaser.pipeline.exec.ExecutionFailure;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.RunDirectoryBusyException;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.numerics.ode.IntegrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The one mapping from exceptions to exit codes and messages (no stack traces for users). */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;
  /**
   * Looked up on use, not in a static field: Main creates this handler for every command line, and
   * a static logger would start the logging system even for {@code --version}.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ExitCodes.class);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    return report(ex, cl);
  }

  static int report(Throwable ex, CommandLine cl) {
    java.io.PrintWriter err = cl.getErr();
    if (ex instanceof InputException) {
      err.println("qdlaser: bad input: " + ex.getMessage());
      return BAD_INPUT;
    }
    if (ex instanceof IntegrationException || ex instanceof EquilibriumException || ex instanceof ComputationFailure) {
      err.println("qdlaser: computation failed: " + ex.getMessage());
      log().debug("computation failure", ex);
      return FAILURE;
    }
    if (ex instanceof RunDirectoryBusyException) {
      err.println("qdlaser: run refused: " + ex.getMessage());
      return FAILURE;
    }
    if (ex instanceof ExecutionFailure) {
      err.println("qdlaser: run failed: " + ex.getMessage());
      log().debug("execution failure", ex);
      return FAILURE;
    }
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
      err.println("qdlaser: I/O error: " + ex.getMessage());
      log().debug("I/O failure", ex);
      return FAILURE;
    }
    err.println("qdlaser: internal error: " + ex);
    log().error("internal error", ex);
    return FAILURE;
  }

  /** Usage errors (unknown option, missing parameter) are bad input. */
  static int usage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("qdlaser: bad input: " + ex.getMessage());
    // A mistyped subcommand or option: picocli's nearest names ("Did you mean: status?").
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
    cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    return BAD_INPUT;
  }
}
