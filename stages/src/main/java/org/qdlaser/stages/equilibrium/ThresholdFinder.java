package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates the threshold of stable coherent emission of a model (identical or detuned dots).
 *
 * <p>Two independent computations: (1) the pump where the non-lasing state loses stability, as the
 * root (Brent) of the rightmost eigenvalue of its Jacobian; (2) the lower end of the stable lasing
 * branch, followed downwards from a high pump by Newton continuation and located by bisection. If
 * (2) ends at (1) with a vanishing field, the threshold is the pitchfork (1); if it ends below (1)
 * with a finite field, it is a fold (saddle-node) with bistability between the two.
 *
 * <p>This class owns the search (start states, descent, bisection of the branch end); the
 * non-lasing branch and its instability are {@link NonLasingBranch}'s, what the branch end is and
 * where exactly a fold lies are {@link BranchEndClassifier}'s.
 */
public final class ThresholdFinder {
  private static final Logger LOG = LoggerFactory.getLogger(ThresholdFinder.class);

  /** Scanned pump range (normalised): 1e9 .. 1e17 s^-1 for gamma_nr = 1e9 s^-1. */
  static final double R_MIN = 1.0;
  static final double R_MAX = 1e8;
  /** Ratio between consecutive pumps when following the lasing branch downwards. */
  static final double DESCENT_RATIO = 1.2;
  /** Relative bracket width at which bisection of the branch end stops. */
  static final double BISECTION_RELATIVE_WIDTH = 1e-9;
  /**
   * The same for {@link #findInBracket}: a fold is then located by minimising r(|b|) and a pitchfork
   * by Brent on the eigenvalue, so the bisection only has to come close (9 instead of 29 TPM^(d)
   * Newton solves and stability analyses from a sweep bracket of ratio 1.6).
   */
  static final double BRACKET_BISECTION_WIDTH = 1e-3;
  /**
   * Relative accuracy claimed for a located fold: ~(1e-7)^2 from the amplitude minimisation ({@link
   * BranchEndClassifier#FOLD_AMPLITUDE_RELATIVE}). (For the non-lasing instability see {@link
   * #INSTABILITY_RELATIVE_ACCURACY}.)
   */
  public static final double THRESHOLD_RELATIVE_ACCURACY = 1e-10;
  /**
   * Relative accuracy claimed for a pitchfork or Hopf threshold at the non-lasing instability. With
   * the determinant of the real charge-1 block (resonant identical dots) the CIM pitchfork is within
   * 1.5e-9 of the analytic threshold at the smallest gamma_c of the Fig. 2 manifests (1e8 s^-1) and
   * within 1e-10 from gamma_c = 1e9 s^-1 up: the state's population 2 Cc - 1 ~ gamma gamma_c / (N g^2)
   * then varies slowly with r. The bound, tested in CimAnalyticThresholdTest.
   */
  public static final double INSTABILITY_RELATIVE_ACCURACY = 1e-8;
  /** Start of the lasing branch: Table I pump (2e14 s^-1) unless the threshold lies higher. */
  private static final double R_START = 2e5;
  /** How the message of a search that found no stable lasing state starts. */
  static final String NO_STABLE_LASING = "no stable lasing state of ";
  /** Ratio between the pumps tried for a first stable lasing state (see {@link #startPumps}). */
  static final double START_RATIO = 10;

  private final PointSolver pointSolver;
  private final EquilibriumSolver solver;
  private final NonLasingBranch nonLasing;
  private final BranchEndClassifier classifier;

  /**
   * Newton iterations of a branch step for detuned dots. A step from the neighbouring branch point
   * converges in 4-8 iterations; one past the branch's end (half of the bisection steps) fails, and
   * with the default 50 iterations each failure cost ~15 s at TPM_d N = 50 (0.3 s per iteration),
   * most of the search. A step that would need more than 15 near a fold ends the bisection a little
   * early, which the exact fold location on the amplitude branch absorbs.
   */
  static final int DISPERSE_BRANCH_NEWTON_ITERATIONS = 15;
  private final EquilibriumSolver disperseSolver = new EquilibriumSolver(branchNewton());

  /**
   * A branch step for detuned dots fails after this many consecutive stalled Newton iterations ({@link
   * org.qdlaser.stages.numerics.nonlinear.NewtonSettings#stallLimit}): its caller halves the step or ends the
   * bisection, and a failing 15-iteration solve cost as much as three successful ones.
   */
  static final int BRANCH_STALL_LIMIT = 2;

  /**
   * Newton settings of a branch step for detuned dots ({@link #DISPERSE_BRANCH_NEWTON_ITERATIONS}, {@link
   * #BRANCH_STALL_LIMIT}).
   */
  static org.qdlaser.stages.numerics.nonlinear.NewtonSettings branchNewton() {
    var d = org.qdlaser.stages.numerics.nonlinear.NewtonSettings.defaults();
    return new org.qdlaser.stages.numerics.nonlinear.NewtonSettings(d.stepTolerance(), d.scaleFloor(),
        DISPERSE_BRANCH_NEWTON_ITERATIONS).withStallLimit(BRANCH_STALL_LIMIT);
  }

  /** Threads of the bounded start routes of a detuned-dot search ({@link ThresholdStart}); 1: on the caller's thread. */
  private final int threads;
  private final java.util.function.Supplier<PointSolver> routeSolvers;

  public ThresholdFinder(PointSolver pointSolver, EquilibriumSolver solver) {
    this(pointSolver, solver, 1, () -> pointSolver);
  }

  /**
   * With the bounded routes to a detuned-dot search's first stable lasing state on {@code threads}
   * threads (the same result as on one: {@link ThresholdStart}), each with a point solver of its own
   * from {@code routeSolvers} (configured as {@code pointSolver}).
   */
  public ThresholdFinder(PointSolver pointSolver, EquilibriumSolver solver, int threads,
      java.util.function.Supplier<PointSolver> routeSolvers) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.pointSolver = pointSolver;
    this.solver = solver;
    this.nonLasing = new NonLasingBranch(solver);
    this.classifier = new BranchEndClassifier(nonLasing);
    this.threads = threads;
    this.routeSolvers = routeSolvers;
  }

  public Threshold find(Model model) {
    if (model.kind().polydisperse()) {
      return findDisperse(model);
    }
    double rInst = nonLasing.instability(model);
    if (Double.isNaN(rInst)) {
      LOG.info("{}: the non-lasing state stays stable up to r = {}", model.kind(), Readable.rate(R_MAX));
    } else {
      LOG.info("{}: the non-lasing state loses stability at r = {}", model.kind(), Readable.rate(rInst));
    }

    // Start the lasing branch well above the instability (if any) and find a stable lasing state.
    Equilibrium top = null;
    for (double rTop : startPumps(rInst)) {
      Equilibrium e = pointSolver.solve(model.withPump(rTop));
      if (e.lasing() && e.stable()) {
        top = e;
        break;
      }
    }
    if (top == null) {
      throw new EquilibriumException(
          NO_STABLE_LASING + model.kind() + " found for pump up to r = " + R_MAX + " (normalised)");
    }

    // Follow the branch down until it is lost, then bisect the last interval.
    Descent d = descend(model, top);
    Equilibrium good = d.good();
    Equilibrium previous = d.previous();
    double rBad = d.rBad();
    return locate(model, rInst, previous, good, rBad, BISECTION_RELATIVE_WIDTH, top.bAbs());
  }

  /** The last two stable lasing states of a descent and the first pump (below them) without one. */
  private record Descent(Equilibrium previous, Equilibrium good, double rBad) {}

  /** Follows the stable lasing branch down from {@code top} by {@link #DESCENT_RATIO} until it is lost. */
  private Descent descend(Model model, Equilibrium top) {
    Equilibrium good = top;
    Equilibrium previous = top;
    while (good.pump() > R_MIN) {
      double r = good.pump() / DESCENT_RATIO;
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isEmpty()) {
        return new Descent(previous, good, r);
      }
      previous = good;
      good = e.get();
    }
    throw new EquilibriumException(
        model.kind() + " lases stably down to r = " + good.pump() + "; no threshold above r = " + R_MIN);
  }

  /**
   * The search of {@link #find} for detuned dots, where every Newton solve and stability analysis
   * is costly (TPM_d N = 50: 17,605 unknowns, ~0.3 s per Newton iteration, ~2 s per stability
   * analysis): (1) the first stable lasing state by Newton from the cheaper model's lasing state
   * lifted ({@link PointSolver#start}) at the start pumps, co-rotating transients only where that
   * fails ({@link ThresholdStart}); (2) the
   * branch followed down as in {@link #find}, by Newton alone with the stability checked at the end
   * ({@link NewtonDescent}; the checked descent only if the branch lost stability on the way); (3) the end bisected to {@link
   * #BRACKET_BISECTION_WIDTH} only, since a fold is then located exactly on the amplitude-parametrised
   * branch and a Hopf or pitchfork by Brent on the non-lasing eigenvalue; (4) that instability
   * searched inside the final bracket only, continuing the non-lasing state to its lower end (as
   * {@link #findInBracket}), instead of scanning the non-lasing branch over eight decades of pump.
   * The threshold is the same as {@link #find}'s wherever the stable branch ends at a fold, Hopf or
   * pitchfork inside the bracket; the reported instability pump is NaN unless it lies in the bracket.
   */
  Threshold findDisperse(Model model) {
    ThresholdStart starts = new ThresholdStart(pointSolver, disperseSolver, LongTimeFate.Settings.DEFAULT_LONG_TIME_LIMIT,
        threads, routeSolvers);
    Equilibrium top = starts.find(model, startPumps(Double.NaN)).orElseThrow(() -> new EquilibriumException(
        NO_STABLE_LASING + model.kind() + " found for pump up to r = " + R_MAX + " (normalised): "
            + String.join("; ", starts.tried())));
    return fromStableState(model, top);
  }

  /** Steps (2)-(4) of {@link #findDisperse} from its first stable lasing state {@code top}. */
  Threshold fromStableState(Model model, Equilibrium top) {
    var fast = new NewtonDescent(disperseSolver, DESCENT_RATIO, BRACKET_BISECTION_WIDTH, R_MIN).follow(model, top);
    Descent d = fast.isPresent() ? new Descent(fast.get().previous(), fast.get().good(), fast.get().rBad()) : descend(model, top);
    Bisected b = bisect(model, d.previous(), d.good(), d.rBad(), BRACKET_BISECTION_WIDTH);
    Equilibrium good = b.good();
    Equilibrium previous = b.previous();
    double rBad = b.rBad();
    // The end's spectrum (the classifier's Hopf test) on a new thread beside the non-lasing state's solves: one
    // after the other it came after them, whose pattern (n unknowns) differs from its own (n + 1), so it starts
    // on a fresh LU workspace either way, and this thread takes over its workspace where it would have computed
    // it, so that its later solves see the same LU history (docs/decisions.md, s4m).
    Equilibrium end = good;
    java.util.concurrent.Future<EndSpectrum> endSpectrum = HelperThreads.onNewThread("qdlaser-end-spectrum",
        () -> new EndSpectrum(BranchEndClassifier.endSpectrum(model, end), NewtonSolver.SparseWorkspace.detach()));
    try {
      Equilibrium nonLasingState = nonLasingNear(model, rBad, good);
      double rInst = nonLasingState.stable() ? nonLasing.instability(model, nonLasingState, good.pump()) : Double.NaN;
      LOG.info("{}: stable branch lost in [{}, {}], non-lasing instability inside it at r = {}", model.kind(), rBad,
          good.pump(), rInst);
      return locate(model, rInst, previous, good, rBad, BRACKET_BISECTION_WIDTH, top.bAbs(), () -> {
        EndSpectrum e = HelperThreads.await(endSpectrum,
            () -> new EquilibriumException("interrupted during the threshold search of " + model.kind()));
        if (e.workspace() != null) { // null: a dense spectrum, which leaves this thread's workspace as it is
          NewtonSolver.SparseWorkspace.adopt(e.workspace());
        }
        return e.spectrum();
      });
    } finally {
      endSpectrum.cancel(false); // not needed (a pitchfork, an exception): discarded (a spectrum has no cancellation point)
    }
  }

  /** The branch end's spectrum computed beside the search, and the LU workspace it left. */
  private record EndSpectrum(StabilityAnalyzer.Spectrum spectrum, NewtonSolver.SparseWorkspace workspace) {}

  /**
   * The non-lasing state at {@code r} by Newton from {@code near}'s incoherent part (its charged
   * fields zeroed), accepted if physical; else continued from the vacuum ({@link NonLasingBranch#at}, ~30
   * Newton solves up to the Table I pump, ~20 CPU-s at TPM_d N = 50).
   */
  private Equilibrium nonLasingNear(Model model, double r, Equilibrium near) {
    return solver.polishNonLasing(model.withPump(r), near.state()).filter(NonLasingBranch::physical)
        .orElseGet(() -> nonLasing.at(model, r));
  }

  /**
   * The threshold inside a bracket read off a downward pump sweep: {@code lowestLasing} is the
   * stable lasing state at the lowest pump of the sweep that lases, {@code highestNonLasing} the
   * non-lasing state at the next (lower) pump of the sweep, where the sweep found no stable lasing
   * state. Skips the search of {@link #find} for the branch (the costly part for TPM^(d)): the
   * branch end is bisected from the bracket and classified as there; the non-lasing instability is
   * searched only inside the bracket, continuing {@code highestNonLasing} upwards (a pitchfork or
   * Hopf threshold lies there; {@code instabilityPump} of the result is NaN when it does not).
   *
   * @throws IllegalArgumentException if {@code lowestLasing} is not a stable lasing state or
   *     {@code highestNonLasing} is not a non-lasing state at a lower pump
   */
  public Threshold findInBracket(Model model, Equilibrium lowestLasing, Equilibrium highestNonLasing) {
    if (!lowestLasing.lasing() || !lowestLasing.stable()) {
      throw new IllegalArgumentException("lowestLasing at r = " + lowestLasing.pump()
          + " (normalised) must be a stable lasing state (lasing " + lowestLasing.lasing() + ", stable "
          + lowestLasing.stable() + ")");
    }
    double rBad = highestNonLasing.pump();
    if (highestNonLasing.lasing() || !(rBad > 0 && rBad < lowestLasing.pump())) {
      throw new IllegalArgumentException("highestNonLasing at r = " + rBad + " (normalised pump) must be a non-lasing "
          + "state (lasing " + highestNonLasing.lasing() + ") at a pump in (0, " + lowestLasing.pump() + ")");
    }
    double rInst = highestNonLasing.stable() ? nonLasing.instability(model, highestNonLasing, lowestLasing.pump()) : Double.NaN;
    LOG.info("{}: bracket [{}, {}] gamma_nr, {}", model.kind(), Readable.number(rBad), Readable.number(lowestLasing.pump()),
        Double.isNaN(rInst) ? "no instability of the non-lasing state inside it"
            : "the non-lasing state loses stability inside it at r = " + Readable.rate(rInst));
    return locate(model, rInst, lowestLasing, lowestLasing, rBad, BRACKET_BISECTION_WIDTH, lowestLasing.bAbs());
  }

  /**
   * Bisects the end of the stable lasing branch between {@code good} (stable lasing; {@code
   * previous} is its stable neighbour above, or {@code good} itself) and {@code rBad} (no stable
   * lasing), then classifies it: pitchfork or Hopf at the non-lasing instability {@code rInst}, Hopf
   * of the lasing state, fold, or another instability. {@code startAmplitude} is |b| of the
   * search's first stable lasing state, the scale against which a vanishing field is judged.
   */
  private Threshold locate(Model model, double rInst, Equilibrium previous, Equilibrium good, double rBad,
      double bisectionWidth, double startAmplitude) {
    return locate(model, rInst, previous, good, rBad, bisectionWidth, startAmplitude, null);
  }

  /** As above; {@code endSpectrum}, if not null, gives {@code good}'s {@link BranchEndClassifier#endSpectrum}. */
  private Threshold locate(Model model, double rInst, Equilibrium previous, Equilibrium good, double rBad,
      double bisectionWidth, double startAmplitude, java.util.function.Supplier<StabilityAnalyzer.Spectrum> endSpectrum) {
    Bisected b = bisect(model, previous, good, rBad, bisectionWidth);
    // The spectrum supplied is the given end's, computed as if right after the caller's solves: it stands for the
    // classifier's own only where no bisection step came in between (a step can move the end, and its solves
    // leave this thread's LU workspace as the spectrum would not have found it).
    if (endSpectrum != null && b.steps() == 0) {
      return classifier.classify(model, rInst, b.previous(), b.good(), b.rBad(), startAmplitude, endSpectrum);
    }
    return classifier.classify(model, rInst, b.previous(), b.good(), b.rBad(), startAmplitude);
  }

  /** The branch end's bracket after {@code steps} bisection steps (0: the bracket as given, nothing solved). */
  private record Bisected(Equilibrium previous, Equilibrium good, double rBad, int steps) {}

  /**
   * Bisects (geometrically) between the stable lasing state {@code good} ({@code previous}: its stable neighbour
   * above) and {@code rBad} (no stable lasing state) until the bracket is narrower than {@code width} (relative).
   */
  private Bisected bisect(Model model, Equilibrium previous, Equilibrium good, double rBad, double width) {
    int steps = 0;
    while ((good.pump() - rBad) / good.pump() > width) {
      double r = Math.sqrt(good.pump() * rBad);
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isPresent()) {
        previous = good;
        good = e.get();
      } else {
        rBad = r;
      }
      steps++;
    }
    return new Bisected(previous, good, rBad, steps);
  }

  /**
   * Pumps tried in turn for a first stable lasing state: from the Table I pump (or 4 times the
   * instability pump) up by {@link #START_RATIO}, the last one {@link #R_MAX} itself, so that a
   * threshold anywhere below the ceiling is reached (TPM at g = 2e12 s^-1, N = 70: fold near 6e16
   * s^-1, between the decade steps 2e16 and 2e17 s^-1 of a search that stopped below the ceiling).
   */
  static double[] startPumps(double rInst) {
    double r = Double.isNaN(rInst) ? R_START : Math.max(R_START, 4 * rInst);
    java.util.List<Double> pumps = new java.util.ArrayList<>();
    for (; r < R_MAX; r *= START_RATIO) {
      pumps.add(r);
    }
    pumps.add(R_MAX);
    return pumps.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private Optional<Equilibrium> stableLasing(Model m, Equilibrium from) {
    return (m.kind().polydisperse() ? disperseSolver : solver).polishLasing(m, from.state(), from.omega())
        .filter(Equilibrium::stable);
  }
}
