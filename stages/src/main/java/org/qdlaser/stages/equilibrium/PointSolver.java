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

  public Equilibrium solve(Model model) {
    Relaxation rel = relaxer.relax(model, lasingInitialState(model));
    return polish(model, rel);
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
