package org.qdlaser.pipeline.store;

/**
 * Another live process holds a run directory's lock (exit code 1): the message names the lock
 * file, the holder's PID, host and start time.
 */
public final class RunDirectoryBusyException extends RuntimeException {
  private final RunDirectoryLock.Holder holder;

  public RunDirectoryBusyException(String message, RunDirectoryLock.Holder holder) {
    super(message);
    this.holder = holder;
  }

  /** The process that holds the lock, as it recorded itself (null if it wrote nothing yet). */
  public RunDirectoryLock.Holder holder() {
    return holder;
  }
}
