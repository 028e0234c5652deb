package org.qdlaser.stages.numerics.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Independent computations ("routes") tried in a fixed order until the first that succeeds, as the
 * loop {@code for (route : routes) { v = route.get(); if (success(v)) break; }} tries them, with up to
 * {@code threads} routes running at once on helper threads: routes later in the order start
 * speculatively while earlier ones run, and whatever they compute after the first success in the
 * order is discarded. The results are the loop's as long as each route is a pure function of its
 * inputs (no state shared with the other routes, or only thread-confined or memoised state).
 */
public final class OrderedRoutes {
  private OrderedRoutes() {}

  /**
   * The results of {@code routes} in order, up to and including the first that {@code success}
   * accepts (all of them if none does). A route that throws ends the search with its exception, as in
   * the loop, unless an earlier route succeeded (then it would not have run). With {@code threads} <= 1
   * the routes run one after the other on this thread (exactly the loop); otherwise on {@code threads}
   * daemon threads named {@code name}, started in order, and the routes after the first success (or
   * failure) are cancelled: those not started never start, the running ones are interrupted (a route
   * stops at its next safe point, {@link RouteCancellation#check}, by {@link RouteCancellation.Cancelled}; what
   * it returns or throws then is discarded: only routes after the decisive one are cancelled, and their
   * results are never read).
   *
   * @param interrupted the exception thrown if this thread is interrupted while it waits
   */
  public static <T> List<T> untilFirst(List<? extends Supplier<T>> routes, Predicate<? super T> success, int threads,
      String name, Supplier<? extends RuntimeException> interrupted) {
    List<T> out = new ArrayList<>();
    if (threads <= 1 || routes.size() <= 1) {
      for (Supplier<T> r : routes) {
        T v = r.get();
        out.add(v);
        if (success.test(v)) {
          break;
        }
      }
      return out;
    }
    ExecutorService pool = HelperThreads.fixed(name, Math.min(threads, routes.size()));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> r : routes) {
        futures.add(pool.submit(() -> RouteCancellation.asRoute(r)));
      }
      for (Future<T> f : futures) {
        T v = HelperThreads.await(f, interrupted);
        out.add(v);
        if (success.test(v)) {
          break;
        }
      }
      return out;
    } finally {
      pool.shutdownNow(); // the speculative routes after the decisive one: never started, or interrupted
    }
  }
}
