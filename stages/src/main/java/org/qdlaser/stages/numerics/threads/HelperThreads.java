package org.qdlaser.stages.numerics.threads;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Executors of named daemon threads, one per role (see the package documentation). */
public final class HelperThreads {
  private HelperThreads() {}

  /** One daemon thread named {@code name}: tasks run one at a time, in the order submitted. */
  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(daemon(name));
  }

  /** Daemon threads named {@code name}, made on demand (one per concurrent task; idle ones end after a minute). */
  public static ExecutorService cached(String name) {
    return Executors.newCachedThreadPool(daemon(name));
  }

  private static ThreadFactory daemon(String name) {
    Objects.requireNonNull(name, "name");
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
