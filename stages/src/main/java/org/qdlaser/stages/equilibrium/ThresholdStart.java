package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.numerics.threads.OrderedRoutes;
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
 *
 * <p>The bounded routes of item 1 (Newton, each homotopy path, the short transient, pump by pump) are
 * independent computations in a fixed order: on more than one thread ({@link OrderedRoutes}) later ones
 * run beside earlier ones and the first success in this order is taken, the same state and record of
 * what was tried as on one thread (TPM_d S8 at 2 gamma, where every route fails: its routes shared by two cores).
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
  /** Threads of the bounded routes ({@link OrderedRoutes}); 1: one after the other on the caller's thread. */
  private final int threads;
  /** Point solvers of the routes where {@code threads} > 1: each its own integrator and seed-chain slot. */
  private final Supplier<PointSolver> routeSolvers;
  private final List<String> tried = new ArrayList<>();
  /** Homotopy paths of route 2 that ended before a stable state of the model (their ends are the evidence). */
  private int pathEnds;

  /**
   * @param pointSolver solves the seed chain ({@link PointSolver#start})
   * @param branchSolver Newton with few iterations
   * @param longTimeLimit limit of the long-time fates of route 3 (1/gamma_nr)
   */
  ThresholdStart(PointSolver pointSolver, EquilibriumSolver branchSolver, double longTimeLimit) {
    this(pointSolver, branchSolver, longTimeLimit, 1, () -> pointSolver);
  }

  /**
   * As above, the bounded routes (Newton and short transient at each pump, the homotopy's paths) on
   * {@code threads} threads, each route computed as on one thread and the first success in the order
   * of the class comment taken ({@link OrderedRoutes}); {@code routeSolvers} gives each route a point
   * solver of its own (the solvers keep work arrays and a seed-chain slot).
   */
  ThresholdStart(PointSolver pointSolver, EquilibriumSolver branchSolver, double longTimeLimit, int threads,
      Supplier<PointSolver> routeSolvers) {
    this.pointSolver = pointSolver;
    this.branchSolver = branchSolver;
    this.longTimeLimit = longTimeLimit;
    this.threads = threads;
    this.routeSolvers = routeSolvers;
  }

  /** What one route found and tried (a homotopy path's branch points apart), its homotopy paths that ended, its group. */
  private record Outcome(Optional<Equilibrium> found, List<String> tried, List<String> visits, int pathEnds, String group) {
    static Outcome none(String group) {
      return new Outcome(Optional.empty(), List.of(), List.of(), 0, group);
    }
  }

  /** The first stable lasing state over {@code pumps} (ascending, normalised), or empty; see the class comment. */
  Optional<Equilibrium> find(Model model, double[] pumps) {
    List<Once<PointSolver.Start>> starts = new ArrayList<>();
    List<Supplier<Outcome>> routes = new ArrayList<>();
    LongTimeFate shortFate = new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(SHORT_TRANSIENT));
    for (int k = 0; k < pumps.length; k++) {
      Model m = model.withPump(pumps[k]);
      Once<PointSolver.Start> start = new Once<>(() -> solverHere().start(m));
      starts.add(start);
      routes.add(() -> newtonFromSeed(m, start.get()));
      if (k == 0) {
        routes.addAll(homotopy(m));
      }
      String group = "transient " + k;
      routes.add(() -> {
        List<String> t = new ArrayList<>();
        return new Outcome(follow(shortFate, m, start.get(), t), t, List.of(), 0, group);
      });
    }
    List<Outcome> outcomes = OrderedRoutes.untilFirst(routes, o -> o.found().isPresent(), threads,
        "qdlaser-threshold-route", () -> new EquilibriumException("interrupted during the threshold search of " + model.kind()));
    for (int i = 0, j; i < outcomes.size(); i = j) { // a homotopy's paths: their traces first, then their branch points
      for (j = i; j < outcomes.size() && outcomes.get(j).group().equals(outcomes.get(i).group()); j++) {
        tried.addAll(outcomes.get(j).tried());
        pathEnds += outcomes.get(j).pathEnds();
      }
      outcomes.subList(i, j).forEach(o -> tried.addAll(o.visits()));
    }
    Optional<Equilibrium> found = outcomes.isEmpty() ? Optional.empty() : outcomes.get(outcomes.size() - 1).found();
    if (found.isPresent()) {
      return found;
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
      Optional<Equilibrium> e = follow(fate, model.withPump(pumps[k]), starts.get(k).get(), tried);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** Route 1 at one pump: Newton from the seed chain's start. */
  private Outcome newtonFromSeed(Model m, PointSolver.Start start) {
    Optional<Equilibrium> e = start.seeded()
        ? branchSolver.polishLasing(m, start.state(), start.omega()).filter(Equilibrium::stable) : Optional.empty();
    if (e.isPresent()) {
      return new Outcome(e, List.of(), List.of(), 0, "newton " + m.pump());
    }
    LOG.info("{}: no stable lasing state by Newton from the seed at r = {}", m.kind(), Readable.rate(m.pump()));
    return new Outcome(e, List.of("Newton from the " + (start.seeded() ? "lifted seed" : "lasing initial state (no seed)")
        + " at r = " + Readable.number(m.pump()) + ": no stable lasing state"), List.of(), 0, "newton " + m.pump());
  }

  /**
   * Route 2 ({@link AmplitudeHomotopy}), one route per path: the lasing state of the model at mu = {@link
   * #HOMOTOPY_MU} (Newton from its own lifted seed), continued at fixed |b| with the pump free down to the
   * model's mu, then up the branch in |b| to a stable state; where that start does not converge or its
   * paths end, the same from identical dots ({@link #widthPath}). None where the model's mu is not below
   * {@link #HOMOTOPY_MU}.
   */
  private List<Supplier<Outcome>> homotopy(Model m) {
    var p = org.qdlaser.stages.physics.Models.disperseParameters(m);
    // TPM^(d) only: its inter-dot correlations are what mu damps and what keeps Newton and short
    // transients from the lifted seed off its branch; CIM^(d) and TPM_IF^(d) are their own seeds' models.
    if (m.kind() != org.qdlaser.stages.physics.ModelKind.TPM_d || p.isEmpty() || !(p.get().mu() < HOMOTOPY_MU)) {
      return List.of();
    }
    Model top = org.qdlaser.stages.physics.Models.disperse(m.kind(), p.get().withMu(HOMOTOPY_MU));
    Once<Optional<Equilibrium>> muStart = new Once<>(() -> {
      PointSolver.Start s = solverHere().start(top);
      return s.seeded() ? branchSolver.polishLasing(top, s.state(), s.omega()) : Optional.empty();
    });
    Once<Optional<AmplitudeBranch.Point>> widthStart = new Once<>(() -> widthStart(m, p.get()));
    boolean identical = java.util.Arrays.stream(p.get().detunings()).allMatch(d -> d == 0);
    List<Supplier<Outcome>> routes = new ArrayList<>();
    for (int k = 0; k < AmplitudeHomotopy.AMPLITUDE_FACTORS.length; k++) {
      int path = k;
      routes.add(() -> muStart.get().map(e -> homotopyPath(m, "mu", h -> h.stableState(m, e, HOMOTOPY_MU, path)))
          .orElse(path > 0 ? Outcome.none("mu") : new Outcome(Optional.empty(), List.of("homotopy in mu: no lasing state by "
              + "Newton at mu = " + HOMOTOPY_MU + ", r = " + Readable.number(m.pump())), List.of(), 0, "mu")));
    }
    for (int k = 0; k < AmplitudeHomotopy.AMPLITUDE_FACTORS.length && !identical; k++) { // identical dots: nothing to continue
      int path = k;
      routes.add(() -> widthPath(m, p.get(), widthStart.get(), path));
    }
    return routes;
  }

  /** One path of a homotopy at fixed |b| ({@code path} runs it), with its trace and branch points. */
  private Outcome homotopyPath(Model m, String family, java.util.function.Function<AmplitudeHomotopy, Optional<Equilibrium>> path) {
    AmplitudeHomotopy h = new AmplitudeHomotopy(new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(
        ThresholdFinder.branchNewton()));
    Optional<Equilibrium> found = path.apply(h);
    found.ifPresent(f -> LOG.info("{}: stable lasing state at r = {} by the homotopy in {} at fixed |b|", m.kind(),
        Readable.rate(f.pump()), family));
    return new Outcome(found, h.tried(), h.visits().stream().map(v -> "branch point " + v).toList(),
        found.isEmpty() ? h.pathsFollowed() : 0, family);
  }

  /**
   * Route 2, second family: the identical-dot lasing state (w_QD = 0, where the model reduces exactly to
   * its identical-dot model) spread to every dot and pair, continued at fixed |b| with the pump free in
   * the sample's detunings scaled from 0 to 1 ({@link ParameterFamily#disperse} "w_qd"), then up the
   * branch in |b|. Where the mu = 1 start does not converge (S8 at 2 gamma) or its paths end.
   */
  private Outcome widthPath(Model m, org.qdlaser.stages.physics.DisperseParameters p, Optional<AmplitudeBranch.Point> start,
      int path) {
    if (start.isEmpty()) {
      return path > 0 ? Outcome.none("w_qd") : new Outcome(Optional.empty(), List.of("homotopy in w_qd: the identical-dot "
          + "model does not lase at r = " + Readable.number(m.pump())), List.of(), 0, "w_qd");
    }
    org.qdlaser.stages.physics.ParameterFamily w = org.qdlaser.stages.physics.ParameterFamily.disperse("w_qd", m.kind(), p);
    return homotopyPath(m, "w_qd", h -> h.stableState(m, w, start.get(), 0.0, path));
  }

  /** The start of {@link #widthPath}: the identical-dot lasing state spread and gauged at the sample's pump, or empty. */
  private Optional<AmplitudeBranch.Point> widthStart(Model m, org.qdlaser.stages.physics.DisperseParameters p) {
    Model identical = WidthHomotopy.identicalModel(m);
    Equilibrium e = solverHere().solve(identical);
    if (!e.lasing()) {
      return Optional.empty();
    }
    Model m0 = org.qdlaser.stages.physics.ParameterFamily.disperse("w_qd", m.kind(), p).at(0.0);
    int n = m0.dimension();
    double[] x = java.util.Arrays.copyOf(
        RotatingFrame.gauge(m0.layout(), WidthHomotopy.spread(identical, e.state(), m0)), n + 2);
    x[n] = e.omega();
    x[n + 1] = m.pump();
    return Optional.of(new AmplitudeBranch.Point(x));
  }

  /** This route's point solver: the caller's where the routes run one after the other. */
  private PointSolver solverHere() {
    return threads > 1 ? routeSolvers.get() : pointSolver;
  }

  /** A value computed once, by the first route that asks (the others wait for it), its failure rethrown to each. */
  private static final class Once<T> {
    private final FutureTask<T> task;

    Once(java.util.concurrent.Callable<T> compute) {
      task = new FutureTask<>(compute);
    }

    T get() {
      task.run(); // does nothing if it ran or runs on another thread
      return HelperThreads.await(task, () -> new EquilibriumException("interrupted while a threshold route waited"));
    }
  }

  /**
   * Where the homotopy of route 2 starts: mu = 1 damps the inter-dot correlations, so TPM^(d) is close to
   * TPM_IF^(d), whose lifted lasing state Newton polishes (S7 at 2 gamma, N = 50: |b| = 101.14 at 2e14
   * s^-1, docs/decisions.md).
   */
  static final double HOMOTOPY_MU = 1.0;

  /** A co-rotating transient from {@code start}: its stable lasing end, or empty; what it did added to {@code log}. */
  private static Optional<Equilibrium> follow(LongTimeFate fate, Model m, PointSolver.Start start, List<String> log) {
    LongTimeFate.Result r = fate.follow(m, start.state(), start.omega());
    log.add(String.format(Locale.ROOT, "co-rotating transient at r = %s: %s after %s time units",
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
