package org.qdlaser.stages.numerics.threads;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

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

  /** {@code threads} daemon threads named {@code name}: tasks start in the order submitted, up to {@code threads} at once. */
  public static ExecutorService fixed(String name, int threads) {
    return Executors.newFixedThreadPool(threads, daemon(name));
  }

  /**
   * Runs {@code task} on a new daemon thread named {@code name}, which ends with it: its thread-local
   * state starts empty and is freed afterwards (a pool's thread would carry the workspaces of its
   * earlier tasks, on which some results depend at the rounding level, e.g. the sparse LU's reuse of its
   * last pivot order).
   */
  public static <T> Future<T> onNewThread(String name, java.util.concurrent.Callable<T> task) {
    java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(Objects.requireNonNull(task, "task"));
    daemon(name).newThread(f).start();
    return f;
  }

  /**
   * The value of a helper thread's computation, its failure rethrown as if computed on this thread; if
   * this thread is interrupted meanwhile, the computation is cancelled, the interrupt flag kept, and
   * {@code interrupted}'s exception thrown (the caller names what was being waited for).
   */
  public static <T> T await(Future<T> f, Supplier<? extends RuntimeException> interrupted) {
    try {
      return f.get();
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (ex.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(ex.getCause());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw interrupted.get();
    }
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
