package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.qdlaser.stages.numerics.threads.HelperThreads;

/**
 * A walk's points checked one behind the walk: each point's check runs on a new helper thread (its
 * thread-locals empty) while the caller computes the next point, and the first point that fails its
 * check, in the walk's order, is reported before the walk goes on past the next point; the answer is
 * the one of checking each point before computing the next (a point computed after a failed one is
 * discarded). One instance per walk, used by one thread.
 *
 * @param <P> the walk's points (immutable: handed to the check's thread)
 */
final class CheckedAhead<P> {
  private final String name;
  private final Predicate<P> passes;
  private P point;
  private Future<Boolean> verdict;

  /** Checks named {@code name} (the threads' name and the interruption message) by {@code passes}. */
  CheckedAhead(String name, Predicate<P> passes) {
    this.name = name;
    this.passes = passes;
  }

  /** The point checked last, if it failed; else starts checking {@code next} and returns empty. */
  Optional<P> thenCheck(P next) {
    Optional<P> failed = failed();
    if (failed.isEmpty()) {
      point = next;
      verdict = HelperThreads.onNewThread(name, () -> passes.test(next));
    }
    return failed;
  }

  /** The point checked last, if it failed (waits for its check); empty before the first or if it passed. */
  Optional<P> failed() {
    if (verdict == null) {
      return Optional.empty();
    }
    boolean ok = HelperThreads.await(verdict, () -> new EquilibriumException("interrupted during " + name));
    return ok ? Optional.empty() : Optional.of(point);
  }
}
