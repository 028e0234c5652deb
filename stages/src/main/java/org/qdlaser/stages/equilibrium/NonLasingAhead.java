package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.numerics.threads.RouteCancellation;
import org.qdlaser.stages.physics.Model;

/**
 * The non-lasing polish of a point's lasing state started on a second thread beside that state's
 * stability verdict ({@code qdlaser point} only: {@link PointSolver}'s seed-verdict overlap, the facade of
 * {@link Equilibria#withRelaxationSpectra}). It is the route {@link StableStates} takes first from a
 * lasing point (the field removed, Newton, the non-lasing state's own sparse searches; TPM_d N = 100:
 * about a third of the point's CPU), which before ran only after the verdict, beside the relaxation
 * analysis. The polish is a pure function of model and guess (its thread is a new one, as the other
 * stable states' thread was), so the state and verdict are bit for bit those of the later call; if the
 * lasing state turns out unstable, the point's state is another and the work is discarded (a second
 * core's time, on an otherwise idle machine).
 */
final class NonLasingAhead {
  /** Polishes started ahead since the JVM started (tests: whether the overlap ran). */
  static final AtomicLong STARTED = new AtomicLong();
  /** Polishes started ahead and taken instead of a polish of the same guess (tests: whether one was used). */
  static final AtomicLong TAKEN = new AtomicLong();

  private NonLasingAhead() {}

  /**
   * Starts {@code solver}'s non-lasing polish of {@code model} from {@code guess} (handed over: not
   * modified afterwards by anyone) and leaves it in {@code seeds}' slot.
   */
  static void start(SeedChain seeds, EquilibriumSolver solver, Model model, double[] guess) {
    STARTED.incrementAndGet();
    // A new thread for each polish, not a pool's: its thread-local workspaces start empty, as those of
    // the thread StableStates runs on in `qdlaser point` (the LU's refactorisation reuses its thread's last
    // pivot order, so a reused thread could round differently), and they are freed when it ends.
    seeds.nonLasingAhead(model, guess,
        HelperThreads.onNewThread("qdlaser-non-lasing-ahead",
            RouteCancellation.cancellable(() -> solver.polishNonLasing(model, guess))));
  }

  /**
   * The polish started ahead for this model and exactly this guess (by value), its failure thrown as if
   * computed here; else {@code otherwise}'s.
   */
  static Optional<Equilibrium> take(SeedChain seeds, Model model, double[] guess, Supplier<Optional<Equilibrium>> otherwise) {
    Future<Optional<Equilibrium>> ahead = seeds.nonLasingAhead(model, guess);
    if (ahead == null) {
      return otherwise.get();
    }
    TAKEN.incrementAndGet();
    return HelperThreads.await(ahead, () -> new EquilibriumException("interrupted while the non-lasing state was polished"));
  }
}
