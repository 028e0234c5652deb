package org.qdlaser.pipeline.store;

import java.nio.file.Path;

/** A lock file that is missing, unreadable or malformed; the message names the file. */
public final class LockFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public LockFileException(Path file, String problem, Throwable cause) {
    super("lock file " + file + " " + problem, cause);
    this.file = file;
  }

  /** The lock file concerned. */
  public Path file() {
    return file;
  }
}
