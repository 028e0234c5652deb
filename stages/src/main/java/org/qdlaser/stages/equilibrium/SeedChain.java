package org.qdlaser.stages.equilibrium;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.qdlaser.stages.physics.Model;

/**
 * The seed chain's result for the last model solved (TPM_d from TPM_IF_d from CIM_d, {@link
 * PointSolver#start}): its lifted start and the Newton polish from it, kept so that the point solvers
 * of one {@link Equilibria} do not solve the chain again for the same model (issue 14: `qdlaser
 * point` solved it once for the point and again for its other stable states). The start is the one
 * the first solver to ask computed; later solvers of the same model reuse it.
 *
 * <p>One slot (the last model, by identity: models are immutable), so that a sweep over many models
 * holds one state, not one per model. Not thread-safe, as {@link Equilibria}. Also one slot for a
 * non-lasing polish started ahead ({@link PointSolver}, {@code qdlaser point} only), which
 * {@link StableStates} takes instead of solving it again.
 */
final class SeedChain {
  private Model model;
  private PointSolver.Start start;
  private Optional<Equilibrium> polished;
  private Model aheadModel;
  private double[] aheadGuess;
  private Future<Optional<Equilibrium>> ahead;

  /** The start of {@code model}'s transient, computed by {@code compute} once for the last model. */
  PointSolver.Start start(Model model, Supplier<PointSolver.Start> compute) {
    if (this.model != model || start == null) {
      PointSolver.Start s = compute.get();
      this.model = model;
      this.start = s;
      this.polished = null;
    }
    return start;
  }

  /** Whether the start of {@code model} is known (it is the last model). */
  boolean knows(Model model) {
    return this.model == model && start != null;
  }

  /** Makes {@code start} the start of {@code model} (the last model), its polish not yet known. */
  void record(Model model, PointSolver.Start start) {
    this.model = model;
    this.start = start;
    this.polished = null;
  }

  /**
   * Keeps {@code polish}, the non-lasing polish from {@code guess} (caller hands over the array) started
   * ahead on another thread ({@link PointSolver}: beside the stability verdict of the lasing state
   * {@code guess}), for {@link #nonLasingAhead(Model, double[])}. One slot, replaced by the next.
   */
  void nonLasingAhead(Model model, double[] guess, Future<Optional<Equilibrium>> polish) {
    this.aheadModel = model;
    this.aheadGuess = guess;
    this.ahead = polish;
  }

  /**
   * Empties the slot of the polish started ahead and cancels it (interrupts its thread): its lasing state
   * was discarded, so nothing will take it (wasted CPU only; it stops at its next interruption check).
   */
  void dropNonLasingAhead() {
    if (ahead != null) {
      ahead.cancel(true);
    }
    ahead = null;
    aheadModel = null;
    aheadGuess = null;
  }

  /** The non-lasing polish started ahead from exactly {@code guess} (by value) for {@code model}, or null. */
  Future<Optional<Equilibrium>> nonLasingAhead(Model model, double[] guess) {
    return ahead != null && aheadModel == model && Arrays.equals(aheadGuess, guess) ? ahead : null;
  }

  /** The stable lasing state polished from the seeded start of {@code model} (after {@link #start}). */
  Optional<Equilibrium> polished(Model model, Supplier<Optional<Equilibrium>> compute) {
    if (this.model != model) {
      throw new IllegalStateException("the seed chain's start of this model is not known");
    }
    if (polished == null) {
      polished = compute.get();
    }
    return polished;
  }
}
