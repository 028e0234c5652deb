package org.qdlaser.pipeline.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run of the class-data-sharing archive that the {@code qdlaser} launcher makes after
 * each build ({@code java -XX:ArchiveClassesAtExit=... -cp qdlaser.jar
 * org.qdlaser.pipeline.cli.CdsTraining}): runs a few short commands in one JVM, output discarded,
 * so that the archive holds the classes of the CLI, logging, JSON output and the models' solvers.
 * Not a user command; exits 0 whatever the commands return (a failed training only makes a
 * smaller archive).
 */
public final class CdsTraining {
  /** Short commands whose classes cover the common start-up paths (each a second or two). */
  static final String[][] COMMANDS = {
    {"--version"},
    {"threshold", "--model", "TPM_IF", "--json"},
    {"point", "--model", "CIM", "--set", "r=2e5", "--json"},
    {"point", "--model", "TPM_IF_d", "--set", "N=10", "--set", "w_qd=0.5", "--set", "seed=3", "--json"},
    // A lasing detuned-dot point (ci/bench's): the relaxation analysis, the Lorentzian fits (Hipparchus'
    // least squares), frequency pulling; ~1.5 CPU-s, the smaller samples above do not lase.
    {"point", "--model", "CIM_d", "--set", "N=50", "--set", "w_qd=1", "--set", "seed=3", "--set", "r=2e5", "--json"},
  };

  private CdsTraining() {}

  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (String[] command : COMMANDS) {
      Main.execute(none, none, command);
    }
  }
}
