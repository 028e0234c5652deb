package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stable lasing state of a detuned-dot threshold search ({@link ThresholdFinder}, issue
 * 13), from which the stable branch is followed down. Every route starts where {@link PointSolver}
 * starts a transient (the lasing state of the cheaper model of the same dots, lifted), solved once
 * per pump and reused:
 *
 * <ol>
 *   <li>at each pump, lowest first: Newton from that start (at most {@link
 *       ThresholdFinder#DISPERSE_BRANCH_NEWTON_ITERATIONS} iterations: a start outside Newton's
 *       basin fails in seconds instead of the ~40 s of 50 iterations at TPM_d N = 50), then a
 *       short transient in the co-rotating frame ({@link #SHORT_TRANSIENT} units, {@link
 *       LongTimeFate}) from the same start: Newton from its end reaches the stable lasing state
 *       where the lifted start is just outside the basin (TPM_d S7 at w_QD = 2 gamma, 2e15 s^-1:
 *       Newton from the lifted state fails, from the transient at t = 4 it converges). The lowest
 *       pump that lases makes the shortest descent;
 *   <li>where that fails at every pump, the full long-time fate at each pump ({@link
 *       LongTimeFate}), lowest first.
 * </ol>
 *
 * <p>Replaces unbounded lab-frame transients at each start pump, which for a sample without a
 * steady state at the lowest start pump (a field collapsing after ~800 time units) cost hours.
 */
final class ThresholdStart {
  private static final Logger LOG = LoggerFactory.getLogger(ThresholdStart.class);

  /**
   * Length of the short co-rotating transients of route 2 (1/gamma_nr): checkpoints (Newton
   * attempts) at 4 and 8 time units, {@link PointSolver#FIRST_WINDOW} and its double (S7 at 2e15 s^-1 lases by Newton at t = 4).
   */
  static final double SHORT_TRANSIENT = 8.0;

  private final PointSolver pointSolver;
  private final EquilibriumSolver branchSolver;
  private final double longTimeLimit;
  private final List<String> tried = new ArrayList<>();

  /**
   * @param pointSolver solves the seed chain ({@link PointSolver#start})
   * @param branchSolver Newton with few iterations
   * @param longTimeLimit limit of the long-time fates of route 3 (1/gamma_nr)
   */
  ThresholdStart(PointSolver pointSolver, EquilibriumSolver branchSolver, double longTimeLimit) {
    this.pointSolver = pointSolver;
    this.branchSolver = branchSolver;
    this.longTimeLimit = longTimeLimit;
  }

  /** The first stable lasing state over {@code pumps} (ascending, normalised), or empty; see the class comment. */
  Optional<Equilibrium> find(Model model, double[] pumps) {
    PointSolver.Start[] starts = new PointSolver.Start[pumps.length];
    LongTimeFate shortFate = new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(SHORT_TRANSIENT));
    for (int k = 0; k < pumps.length; k++) {
      Model m = model.withPump(pumps[k]);
      starts[k] = pointSolver.start(m);
      Optional<Equilibrium> e = starts[k].seeded()
          ? branchSolver.polishLasing(m, starts[k].state(), starts[k].omega()).filter(Equilibrium::stable)
          : Optional.empty();
      if (e.isPresent()) {
        return e;
      }
      tried.add("Newton from the " + (starts[k].seeded() ? "lifted seed" : "lasing initial state (no seed)") + " at r = "
          + Readable.number(pumps[k]) + ": no stable lasing state");
      LOG.info("{}: no stable lasing state by Newton from the seed at r = {}", model.kind(), Readable.rate(pumps[k]));
      e = follow(shortFate, m, starts[k]);
      if (e.isPresent()) {
        return e;
      }
    }
    LongTimeFate fate = new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(longTimeLimit));
    for (int k = 0; k < pumps.length; k++) {
      Optional<Equilibrium> e = follow(fate, model.withPump(pumps[k]), starts[k]);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private Optional<Equilibrium> follow(LongTimeFate fate, Model m, PointSolver.Start start) {
    LongTimeFate.Result r = fate.follow(m, start.state(), start.omega());
    tried.add(String.format(Locale.ROOT, "co-rotating transient at r = %s: %s after %s time units",
        Readable.number(m.pump()), r.verdict().jsonName(), Readable.number(r.time())));
    if (r.verdict() == Verdict.LASING && r.equilibrium().stable()) {
      LOG.info("{}: stable lasing state at r = {} after a co-rotating transient of {} time units", m.kind(),
          Readable.rate(m.pump()), Readable.number(r.time()));
      return Optional.of(r.equilibrium());
    }
    return Optional.empty();
  }

  /** What was tried, in order (for the message of a search that found nothing). */
  List<String> tried() {
    return List.copyOf(tried);
  }
}
