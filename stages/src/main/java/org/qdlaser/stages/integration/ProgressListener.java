package org.qdlaser.stages.integration;

/** Receives progress of long computations (the pipeline turns it into log lines). */
@FunctionalInterface
public interface ProgressListener {
  void progress(int done, int total, String what);

  ProgressListener NONE = (d, t, w) -> { };
}
