package org.qdlaser.pipeline.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * A run directory that cannot be archived as it is: it does not verify against its lock file,
 * lacks its provenance, or changed while being archived. No archive file was written.
 */
public final class ArchiveRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path runDir;
  private final List<String> problems;

  /**
   * @param runDir the run directory
   * @param problems one line per problem, each naming the run-relative path concerned
   */
  public ArchiveRefusedException(Path runDir, List<String> problems) {
    super("run directory " + runDir + " cannot be archived, " + problems.size() + " problem(s): " + String.join("; ", problems));
    this.runDir = runDir;
    this.problems = List.copyOf(problems);
  }

  /** The run directory concerned. */
  public Path runDir() {
    return runDir;
  }

  /** One line per problem, each naming the run-relative path concerned. */
  public List<String> problems() {
    return problems;
  }
}
