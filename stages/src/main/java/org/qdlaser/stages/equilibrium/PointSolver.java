package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.Model;

/**
 * One equilibrium at the model's parameters: a transient from a lasing initial state (the models
 * are bistable, so a weak initial field would decay to the non-lasing state) integrated with the
 * App. A criterion, then Newton-polished in the rotating frame.
 */
public final class PointSolver {
  private final Relaxer relaxer;
  private final EquilibriumSolver solver;

  public PointSolver(Relaxer relaxer, EquilibriumSolver solver) {
    this.relaxer = relaxer;
    this.solver = solver;
  }

  public Relaxer relaxer() {
    return relaxer;
  }

  /** First transient window (1/gamma_nr) before the first Newton attempt; doubled each time. */
  static final double FIRST_WINDOW = 4.0;

  /**
   * Integrates from the lasing initial state in growing windows (4, 8, 16, ... time units); after
   * each window Newton tries to polish a lasing state in the rotating frame and accepts it only if
   * it is stable. Otherwise the transient goes on until the App. A criterion or the maximum time,
   * and its end is polished (lasing or not). Early acceptance saves the long approach to a rotating
   * lasing state (CIM_d, N = 50: t ~ 500 by integration alone).
   */
  public Equilibrium solve(Model model) {
    double[] y = lasingInitialState(model);
    double elapsed = 0;
    double window = FIRST_WINDOW;
    double maxTime = relaxer.settings().maxTime();
    while (true) {
      Relaxation rel = relaxer.relax(model, y, Math.min(window, maxTime - elapsed));
      elapsed += rel.duration();
      if (rel.reachedCriterion() || elapsed >= maxTime) {
        return polish(model, rel);
      }
      double[] s = rel.state();
      if (model.fieldAmplitude(s) > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        var early = solver.polishLasing(model, s, EquilibriumSolver.frequencyEstimate(model, s, rel.derivative()))
            .filter(Equilibrium::stable);
        if (early.isPresent()) {
          return early.get();
        }
      }
      y = s;
      window *= 2;
    }
  }

  /** Polishes the end of a transient (see {@link EquilibriumSolver#polish}). */
  public Equilibrium polish(Model model, Relaxation rel) {
    return solver.polish(model, rel);
  }

  /** The model's lasing initial state (see {@link Model#lasingInitialState()}). */
  public static double[] lasingInitialState(Model model) {
    return model.lasingInitialState();
  }
}
