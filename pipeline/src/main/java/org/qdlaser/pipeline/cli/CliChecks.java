package org.qdlaser.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.qdlaser.pipeline.input.InputException;

/** Checks of command-line values shared by several subcommands; each failure is an exit-2 input error. */
final class CliChecks {
  /** Largest --jobs: a thread pool, not a cluster. */
  static final int MAX_JOBS = 1024;

  private CliChecks() {}

  /** {@code dir} if it is a directory, else an input error naming RUN_DIR. */
  static Path runDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InputException("RUN_DIR", "not a directory: " + dir);
    }
    return dir;
  }

  /** The --jobs value, or {@code defaultThreads} when it was not given; must lie in [1, MAX_JOBS]. */
  static int jobs(Integer given, int defaultThreads) {
    int threads = given != null ? given : defaultThreads;
    if (threads < 1 || threads > MAX_JOBS) {
      throw new InputException("--jobs", "jobs must be in [1, " + MAX_JOBS + "], got " + threads);
    }
    return threads;
  }
}
