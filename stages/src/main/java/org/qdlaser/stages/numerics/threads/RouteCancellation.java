package org.qdlaser.stages.numerics.threads;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Cooperative cancellation of speculative routes ({@link OrderedRoutes}): a route no longer wanted is
 * interrupted, and the long computations it may be in (a Newton solve, a transient, a homotopy path)
 * call {@link #check} at cheap safe points (one Newton iteration, one integrator step, one path point)
 * and leave by {@link Cancelled}. Only threads that run a route poll: elsewhere (the caller's thread,
 * the pipeline's workers, helper threads) an interrupt keeps its usual meaning and {@link #check} does
 * nothing, so a computation's result never depends on this class unless it is being thrown away.
 */
public final class RouteCancellation {
  private static final ThreadLocal<Boolean> ROUTE = new ThreadLocal<>();

  private RouteCancellation() {}

  /**
   * How a cancelled route leaves: never a route failure (its result, and this exception, are discarded
   * by {@link OrderedRoutes}, which only cancels routes after the decisive one).
   */
  public static final class Cancelled extends CancellationException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("route cancelled: an earlier route decided the search");
    }
  }

  /**
   * Throws {@link Cancelled} if this thread runs a route ({@link #asRoute}) and has been interrupted;
   * else nothing (a read of the interrupt flag: cheap enough for every Newton iteration or step).
   */
  public static void check() {
    if (Thread.currentThread().isInterrupted() && ROUTE.get() != null) {
      throw new Cancelled();
    }
  }

  /**
   * {@code task} for a helper thread of this thread's work: a route's helper polls its own interrupt flag as
   * the route does (the route cancels its helpers' futures when it leaves), anyone else's helper does not.
   */
  public static <T> Callable<T> inherit(Callable<T> task) {
    return ROUTE.get() == null ? task : cancellable(task);
  }

  /**
   * {@code task} as speculative work of its own (e.g. a spectrum computed beside the caller's work in case it
   * is needed): on its thread {@link #check} polls the interrupt flag, so cancelling its future stops it.
   */
  public static <T> Callable<T> cancellable(Callable<T> task) {
    return () -> {
      boolean outer = mark();
      try {
        return task.call();
      } finally {
        unmark(outer);
      }
    };
  }

  /** Runs {@code route} as a route of this thread: {@link #check} polls its interrupt flag meanwhile. */
  static <T> T asRoute(Supplier<T> route) {
    boolean outer = mark();
    try {
      return route.get();
    } finally {
      unmark(outer);
    }
  }

  /** Marks this thread as running a route; whether it was marked already (a route's own work run on its thread). */
  private static boolean mark() {
    boolean outer = ROUTE.get() != null;
    ROUTE.set(Boolean.TRUE);
    return outer;
  }

  /** Undoes {@link #mark}: an outer mark stays, so that the rest of the enclosing route still polls. */
  private static void unmark(boolean outer) {
    if (!outer) {
      ROUTE.remove();
    }
  }
}
