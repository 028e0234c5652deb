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
 *       pump that lases makes the shortest descent. At the lowest pump, between the two, the
 *       homotopy at fixed |b| ({@link AmplitudeHomotopy}, issue 13 item 4): from the lasing state of
 *       the same sample at mu = {@link #HOMOTOPY_MU}, or where that has none or its path ends, from
 *       the identical-dot lasing state at w_QD = 0, continued to the sample with the pump free, then up
 *       the branch in |b| to a stable state (the branch is followed, not a transient: TPM_d S4, S6, S8..S10
 *       at 2 gamma, whose 8-unit transients reach no steady state at any start pump);
 *   <li>where that fails at every pump, the full long-time fate at each pump ({@link
 *       LongTimeFate}), lowest first, unless route 2 followed a homotopy path that ended before a
 *       stable state (a fold of the path in mu or w_QD that turns away from the sample: TPM_d S4, S8 at 2
 *       gamma): the search then ends there with that evidence, in bounded time (the fates cost tens of
 *       minutes per pump there and decide nothing; docs/decisions.md).
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
  /** Homotopy paths of route 2 that ended before a stable state of the model (their ends are the evidence). */
  private int pathEnds;

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
      if (k == 0) {
        e = homotopy(m);
        if (e.isPresent()) {
          return e;
        }
      }
      e = follow(shortFate, m, starts[k]);
      if (e.isPresent()) {
        return e;
      }
    }
    if (pathEnds > 0) {
      // The homotopy's evidence is in (its paths end at folds and turn away from the sample): the long-time
      // fates would add tens of minutes per pump (TPM_d S4, S8 at 2 gamma: > 45 min) and decide nothing
      // (unsettled at 10,000 units with a growing field at 2e15 s^-1); see docs/decisions.md, weekly7.
      tried.add(String.format(Locale.ROOT, "long-time fates at the start pumps not run: %d homotopy path(s) at fixed |b| "
          + "ended before reaching a stable state of the sample (folds of the path, traced above)", pathEnds));
      LOG.info("{}: no stable lasing state; {} homotopy paths ended: the long-time fates are not run", model.kind(), pathEnds);
      return Optional.empty();
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

  /**
   * Route 2 ({@link AmplitudeHomotopy}): the lasing state of the model at mu = {@link #HOMOTOPY_MU}
   * (Newton from its own lifted seed), continued at fixed |b| with the pump free down to the model's
   * mu, then up the branch in |b| to a stable state. Empty where the model's mu is not below {@link
   * #HOMOTOPY_MU}, the start does not converge or the path ends.
   */
  private Optional<Equilibrium> homotopy(Model m) {
    var p = org.qdlaser.stages.physics.Models.disperseParameters(m);
    // TPM^(d) only: its inter-dot correlations are what mu damps and what keeps Newton and short
    // transients from the lifted seed off its branch; CIM^(d) and TPM_IF^(d) are their own seeds' models.
    if (m.kind() != org.qdlaser.stages.physics.ModelKind.TPM_d || p.isEmpty() || !(p.get().mu() < HOMOTOPY_MU)) {
      return Optional.empty();
    }
    Model top = org.qdlaser.stages.physics.Models.disperse(m.kind(), p.get().withMu(HOMOTOPY_MU));
    PointSolver.Start s = pointSolver.start(top);
    Optional<Equilibrium> e = s.seeded() ? branchSolver.polishLasing(top, s.state(), s.omega()) : Optional.empty();
    if (e.isEmpty()) {
      tried.add("homotopy in mu: no lasing state by Newton at mu = " + HOMOTOPY_MU + ", r = " + Readable.number(m.pump()));
      return widthHomotopy(m, p.get());
    }
    AmplitudeHomotopy h = new AmplitudeHomotopy(new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(
        ThresholdFinder.branchNewton()));
    Optional<Equilibrium> found = h.stableState(m, e.get(), HOMOTOPY_MU);
    pathEnds += found.isEmpty() ? h.pathsFollowed() : 0;
    tried.addAll(h.tried());
    h.visits().forEach(v -> tried.add("branch point " + v));
    found.ifPresent(f -> LOG.info("{}: stable lasing state at r = {} by the homotopy in mu at fixed |b|", m.kind(),
        Readable.rate(f.pump())));
    return found.isPresent() ? found : widthHomotopy(m, p.get());
  }

  /**
   * Route 2, second family: the identical-dot lasing state (w_QD = 0, where the model reduces exactly to
   * its identical-dot model) spread to every dot and pair, continued at fixed |b| with the pump free in
   * the sample's detunings scaled from 0 to 1 ({@link ParameterFamily#disperse} "w_qd"), then up the
   * branch in |b|. Where the mu = 1 start does not converge (S8 at 2 gamma) or its path ends.
   */
  private Optional<Equilibrium> widthHomotopy(Model m, org.qdlaser.stages.physics.DisperseParameters p) {
    if (java.util.Arrays.stream(p.detunings()).allMatch(d -> d == 0)) {
      return Optional.empty(); // identical dots already: nothing to continue
    }
    org.qdlaser.stages.physics.ParameterFamily w = org.qdlaser.stages.physics.ParameterFamily.disperse("w_qd", m.kind(), p);
    Model identical = WidthHomotopy.identicalModel(m);
    Equilibrium e = pointSolver.solve(identical);
    if (!e.lasing()) {
      tried.add("homotopy in w_qd: the identical-dot model does not lase at r = " + Readable.number(m.pump()));
      return Optional.empty();
    }
    Model m0 = w.at(0.0);
    int n = m0.dimension();
    double[] x = java.util.Arrays.copyOf(
        RotatingFrame.gauge(m0.layout(), WidthHomotopy.spread(identical, e.state(), m0)), n + 2);
    x[n] = e.omega();
    x[n + 1] = m.pump();
    AmplitudeHomotopy h = new AmplitudeHomotopy(new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(
        ThresholdFinder.branchNewton()));
    Optional<Equilibrium> found = h.stableState(m, w, new AmplitudeBranch.Point(x), 0.0);
    pathEnds += found.isEmpty() ? h.pathsFollowed() : 0;
    tried.addAll(h.tried());
    h.visits().forEach(v -> tried.add("branch point " + v));
    found.ifPresent(f -> LOG.info("{}: stable lasing state at r = {} by the homotopy in w_qd at fixed |b|", m.kind(),
        Readable.rate(f.pump())));
    return found;
  }

  /**
   * Where the homotopy of route 2 starts: mu = 1 damps the inter-dot correlations, so TPM^(d) is close to
   * TPM_IF^(d), whose lifted lasing state Newton polishes (S7 at 2 gamma, N = 50: |b| = 101.14 at 2e14
   * s^-1, docs/decisions.md).
   */
  static final double HOMOTOPY_MU = 1.0;

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
