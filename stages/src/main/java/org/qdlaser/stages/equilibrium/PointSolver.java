package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.integration.FieldLog;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Readable;

/**
 * One equilibrium at the model's parameters: a transient from a lasing initial state (the models
 * are bistable, so a weak initial field would decay to the non-lasing state) integrated with the
 * App. A criterion, then Newton-polished in the rotating frame.
 */
public final class PointSolver {
  private final Relaxer relaxer;
  private final EquilibriumSolver solver;
  private final TransientBudget budget;

  /** Unbounded transients (to the relaxation settings' max time), polished at their end. */
  public PointSolver(Relaxer relaxer, EquilibriumSolver solver) {
    this(relaxer, solver, TransientBudget.unbounded());
  }

  /** Transients bounded by {@code budget}: one that does not settle within it ends unsettled. */
  public PointSolver(Relaxer relaxer, EquilibriumSolver solver, TransientBudget budget) {
    this.relaxer = relaxer;
    this.solver = solver;
    this.budget = budget;
  }

  public Relaxer relaxer() {
    return relaxer;
  }

  /**
   * First transient window (1/gamma_nr) before the first Newton attempt; doubled each time. Not
   * shorter: the early attempt decides which attractor is reported, and after 0.5 time units
   * Newton reached a different stable lasing state of TPM_IF (N = 70, beta = 7e-4, g = 7.5e11
   * s^-1; its branch ends at 2.269e5 instead of the fold at 2.256e5 found from t = 4), i.e. the
   * models are multistable there and the transient must first approach the basin of the state
   * the paper's integration reaches.
   */
  static final double FIRST_WINDOW = 4.0;

  /**
   * Integrates from the lasing initial state in growing windows (4, 8, 16, ... time units); after
   * each window Newton tries to polish a lasing state in the rotating frame and accepts it only if
   * it is stable. Otherwise the transient goes on until the App. A criterion or the maximum time,
   * and its end is polished (lasing or not). Early acceptance saves the long approach to a rotating
   * lasing state (CIM_d, N = 50: t ~ 500 by integration alone).
   */
  public Equilibrium solve(Model model) {
    var seed = org.qdlaser.stages.physics.Models.seedModel(model);
    if (seed.isPresent()) {
      // TPM_d: the TPM_IF_d lasing state of the same dots, lifted by factorisation, is a lasing
      // initial state close to TPM_d's (same field within a few per cent at 2e14 s^-1): Newton
      // from it skips the transient, which costs most of the time and from the generic start
      // sometimes ends non-lasing for strongly detuned samples (measured: S2, S4 at w_QD = gamma).
      // TPM_IF_d likewise starts from CIM_d (recursively, so TPM_d's chain is CIM_d -> TPM_IF_d
      // -> TPM_d): over the 40 samples of Figs. 5-10 (w_QD = 0.2..2 gamma, r = 2e14 s^-1) Newton
      // from the lifted CIM_d state reached the same TPM_IF_d state as the 4-unit transient in
      // every lasing sample (|b| and omega equal to 1e-6) at less than half the cost.
      Equilibrium s = solve(seed.get());
      if (s.lasing()) {
        double[] y0 = org.qdlaser.stages.physics.Models.lift(seed.get(), s.state(), model);
        var direct = solver.polishLasing(model, y0, s.omega()).filter(Equilibrium::stable);
        if (direct.isPresent()) {
          LOG.debug("{} r = {}: lasing state by Newton from the lifted {} state", model.kind(), model.pump(), seed.get().kind());
          return direct.get();
        }
        return solveFrom(model, y0).equilibrium();
      }
    }
    return solveFrom(model, lasingInitialState(model)).equilibrium();
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PointSolver.class);

  /**
   * Result of {@link #solveFrom}: the equilibrium, the transient time spent, how it ended
   * (criterion, max_time, newton_lasing, newton_non_lasing, or unsettled: the budget was spent, see
   * {@link Unsettled}).
   */
  public record Outcome(Equilibrium equilibrium, double transientTime, String ending) {}

  /**
   * The equilibrium reached from {@code y0}: growing transient windows; after each, a stable
   * lasing state found by rotating-frame Newton is accepted, and so is the non-lasing state once
   * the field has decayed below {@link #DECAYED} of its value at the start (it is then on its way
   * there); otherwise the transient ends by the App. A criterion or the maximum time and its end is
   * polished. With a bounded {@link TransientBudget}, a transient that spends it without any of
   * these, its field still on, ends {@code unsettled} ({@link TransientEnding}).
   */
  public Outcome solveFrom(Model model, double[] y0) {
    double[] y = y0.clone();
    double b0 = model.fieldAmplitude(y0);
    double elapsed = 0;
    double window = FIRST_WINDOW;
    double maxTime = Math.min(relaxer.settings().maxTime(), budget.time());
    FieldLog log = new FieldLog(model); // |b| along the transient: the drift of an unsettled end
    while (true) {
      log.startWindow(elapsed);
      Relaxation rel = relaxer.relax(model, y, Math.min(window, maxTime - elapsed),
          budget.bounded() ? log : org.qdlaser.stages.numerics.ode.StepObserver.NONE);
      elapsed += rel.duration();
      if (rel.reachedCriterion() || (elapsed >= maxTime && !budget.bounded())) {
        return new Outcome(polish(model, rel), elapsed, rel.reachedCriterion() ? "criterion" : "max_time");
      }
      double[] s = rel.state();
      double b = model.fieldAmplitude(s);
      if (b > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        var early = solver.polishLasing(model, s, EquilibriumSolver.frequencyEstimate(model, s, rel.derivative()))
            .filter(Equilibrium::stable);
        if (early.isPresent()) {
          return new Outcome(early.get(), elapsed, "newton_lasing");
        }
      }
      if (b < DECAYED * b0) {
        var off = solver.polishNonLasing(model, s).filter(Equilibrium::stable);
        if (off.isPresent()) {
          return new Outcome(off.get(), elapsed, "newton_non_lasing");
        }
      }
      if (elapsed >= maxTime && b > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        if (TransientEnding.decaying(log, elapsed, budget)) {
          var off = solver.polishNonLasing(model, s).filter(Equilibrium::stable);
          if (off.isPresent()) {
            return new Outcome(off.get(), elapsed, "newton_non_lasing");
          }
        }
        LOG.info("{} r = {}: transient unsettled after its budget of {} time units of 1/gamma_nr (|b| = {})", model.kind(),
            Readable.rate(model.pump()), Readable.number(elapsed), Readable.number(b));
        return new Outcome(TransientEnding.unsettled(model, s, rel.derivative(), log, elapsed, budget), elapsed, "unsettled");
      }
      if (elapsed >= maxTime) {
        return new Outcome(polish(model, rel), elapsed, "max_time");
      }
      y = s;
      window *= 2;
    }
  }

  /** Fraction of the initial field below which a decaying transient is taken to go non-lasing. */
  static final double DECAYED = 1e-3;

  /** Polishes the end of a transient (see {@link EquilibriumSolver#polish}). */
  public Equilibrium polish(Model model, Relaxation rel) {
    return solver.polish(model, rel);
  }

  /** The model's lasing initial state (see {@link Model#lasingInitialState()}). */
  public static double[] lasingInitialState(Model model) {
    return model.lasingInitialState();
  }
}
