package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.hipparchus.analysis.solvers.BrentSolver;
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
 */
public final class ThresholdFinder {
  private static final Logger LOG = LoggerFactory.getLogger(ThresholdFinder.class);

  /** Scanned pump range (normalised): 1e9 .. 1e17 s^-1 for gamma_nr = 1e9 s^-1. */
  static final double R_MIN = 1.0;
  static final double R_MAX = 1e8;
  /** Non-lasing scan resolution: points per decade before Brent refines a sign change. */
  private static final int SCAN_PER_DECADE = 8;
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
  /** Brent's relative accuracy on the instability pump. */
  private static final double BRENT_RELATIVE_ACCURACY = 1e-13;
  /** A branch end within this relative distance of the instability pump is that pitchfork. */
  static final double PITCHFORK_MATCH = 1e-3;
  /**
   * A minimum of r(|b|) within {@link #PITCHFORK_MATCH} of the instability pump whose amplitude is
   * below this fraction of the start state's is the pitchfork, not a fold (TPM_IF folds: 1e-2 to
   * 1e-1 of it).
   */
  static final double PITCHFORK_AMPLITUDE_FRACTION = 1e-3;
  /** A rightmost eigenvalue with |Im| above this fraction of the Jacobian norm is a complex pair. */
  private static final double HOPF_IMAG_FRACTION = 1e-9;
  /**
   * Brent's relative tolerance on the fold amplitude. r(|b|) is quadratic at its minimum, so the
   * pump there is accurate to about the square of this.
   */
  static final double FOLD_AMPLITUDE_RELATIVE = 1e-7;
  /**
   * Relative accuracy claimed for a located fold: ~(1e-7)^2 from the amplitude minimisation. (For
   * the non-lasing instability see {@link #INSTABILITY_RELATIVE_ACCURACY}.)
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
  /** Ratio between the pumps tried for a first stable lasing state (see {@link #startPumps}). */
  static final double START_RATIO = 10;

  private final PointSolver pointSolver;
  private final EquilibriumSolver solver;
  private final org.qdlaser.stages.numerics.nonlinear.NewtonSolver newton =
      new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(org.qdlaser.stages.numerics.nonlinear.NewtonSettings.defaults());

  /**
   * Newton iterations of a branch step for detuned dots. A step from the neighbouring branch point
   * converges in 4-8 iterations; one past the branch's end (half of the bisection steps) fails, and
   * with the default 50 iterations each failure cost ~15 s at TPM_d N = 50 (0.3 s per iteration),
   * most of the search. A step that would need more than 15 near a fold ends the bisection a little
   * early, which the exact fold location on the amplitude branch absorbs.
   */
  static final int DISPERSE_BRANCH_NEWTON_ITERATIONS = 15;
  private final EquilibriumSolver disperseSolver = new EquilibriumSolver(branchNewton());
  private final org.qdlaser.stages.numerics.nonlinear.NewtonSolver disperseNewton =
      new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(branchNewton());

  private static org.qdlaser.stages.numerics.nonlinear.NewtonSettings branchNewton() {
    var d = org.qdlaser.stages.numerics.nonlinear.NewtonSettings.defaults();
    return new org.qdlaser.stages.numerics.nonlinear.NewtonSettings(d.stepTolerance(), d.scaleFloor(),
        DISPERSE_BRANCH_NEWTON_ITERATIONS);
  }

  private org.qdlaser.stages.numerics.nonlinear.NewtonSolver newtonFor(Model m) {
    return m.kind().polydisperse() ? disperseNewton : newton;
  }

  public ThresholdFinder(PointSolver pointSolver, EquilibriumSolver solver) {
    this.pointSolver = pointSolver;
    this.solver = solver;
  }

  public Threshold find(Model model) {
    if (model.kind().polydisperse()) {
      return findDisperse(model);
    }
    double rInst = nonLasingInstability(model);
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
          "no stable lasing state of " + model.kind() + " found for pump up to r = " + R_MAX + " (normalised)");
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
    ThresholdStart starts = new ThresholdStart(pointSolver, disperseSolver, LongTimeFate.Settings.DEFAULT_LONG_TIME_LIMIT);
    Equilibrium top = starts.find(model, startPumps(Double.NaN)).orElseThrow(() -> new EquilibriumException(
        "no stable lasing state of " + model.kind() + " found for pump up to r = " + R_MAX + " (normalised): "
            + String.join("; ", starts.tried())));
    var fast = new NewtonDescent(disperseSolver, DESCENT_RATIO, BRACKET_BISECTION_WIDTH, R_MIN).follow(model, top);
    Descent d = fast.isPresent() ? new Descent(fast.get().previous(), fast.get().good(), fast.get().rBad()) : descend(model, top);
    Equilibrium good = d.good();
    Equilibrium previous = d.previous();
    double rBad = d.rBad();
    while ((good.pump() - rBad) / good.pump() > BRACKET_BISECTION_WIDTH) {
      double r = Math.sqrt(good.pump() * rBad);
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isPresent()) {
        previous = good;
        good = e.get();
      } else {
        rBad = r;
      }
    }
    Equilibrium nonLasing = nonLasingNear(model, rBad, good);
    double rInst = nonLasing.stable() ? nonLasingInstability(model, nonLasing, good.pump()) : Double.NaN;
    LOG.info("{}: stable branch lost in [{}, {}], non-lasing instability inside it at r = {}", model.kind(), rBad,
        good.pump(), rInst);
    return locate(model, rInst, previous, good, rBad, BRACKET_BISECTION_WIDTH, top.bAbs());
  }

  /**
   * The non-lasing state at {@code r} by Newton from {@code near}'s incoherent part (its charged
   * fields zeroed), accepted if physical; else continued from the vacuum ({@link #nonLasingAt}, ~30
   * Newton solves up to the Table I pump, ~20 CPU-s at TPM_d N = 50).
   */
  private Equilibrium nonLasingNear(Model model, double r, Equilibrium near) {
    return solver.polishNonLasing(model.withPump(r), near.state()).filter(ThresholdFinder::physical)
        .orElseGet(() -> nonLasingAt(model, r));
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
    double rInst = highestNonLasing.stable() ? nonLasingInstability(model, highestNonLasing, lowestLasing.pump()) : Double.NaN;
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
    while ((good.pump() - rBad) / good.pump() > bisectionWidth) {
      double r = Math.sqrt(good.pump() * rBad);
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isPresent()) {
        previous = good;
        good = e.get();
      } else {
        rBad = r;
      }
    }
    double width = (good.pump() - rBad) / good.pump();
    LOG.info("{}: the stable lasing branch ends at r = {} with |b| = {}", model.kind(), Readable.rate(good.pump()),
        Readable.number(good.bAbs()));

    // A supercritical pitchfork: |b|^2 grows linearly from the instability pump, so extrapolating
    // the branch's last two points to |b| = 0 lands on it (Newton itself loses accuracy as |b| -> 0).
    double b1 = good.bAbs() * good.bAbs();
    double b2 = previous.bAbs() * previous.bAbs();
    double r0 = b2 != b1 ? good.pump() - b1 * (previous.pump() - good.pump()) / (b2 - b1) : good.pump();
    if (!Double.isNaN(rInst) && Math.abs(r0 - rInst) / rInst < PITCHFORK_MATCH) {
      return instabilityOfNonLasing(model, rInst);
    }
    // Otherwise the stable branch ends with a finite field. Locate the end exactly on the branch
    // parametrised by |b|: a fold is the minimum of r(|b|).
    StabilityAnalyzer.Spectrum sp = StabilityAnalyzer.analyse(model.withPump(good.pump()), good.state(), good.omega(), true);
    if (Math.abs(sp.rightmostImag()) > HOPF_IMAG_FRACTION * Math.max(sp.jacobianNorm(), 1.0)) {
      LOG.debug("{}: branch end eigenvalue {} + {}i: Hopf", model.kind(), sp.rightmostReal(), sp.rightmostImag());
      return new Threshold(model.kind(), good.pump(), "hopf-of-lasing-state", good.bAbs(), good.upperPopulationMean(), good.photons(),
          rInst,
          width, good.omega());
    }
    Equilibrium fold = locateFold(model, previous, good);
    if (!Double.isNaN(rInst) && Math.abs(fold.pump() - rInst) / rInst < PITCHFORK_MATCH
        && fold.bAbs() < PITCHFORK_AMPLITUDE_FRACTION * startAmplitude) {
      // The "fold" is the pitchfork itself: the bisection ended on a spurious lasing state with a
      // vanishing field just below the instability (|b| ~ 1e-5 beside ~4e7 incoherent photons passes
      // Newton's step test), so the extrapolation above missed; r(|b|) is then minimal at |b| -> 0,
      // at the instability pump (CIM, beta = 3.4e-6, gamma_c = 1.97e8 s^-1: |b| = 1.6e-3 at
      // r = rInst (1 - 4e-10), against |b| = 8.1e3 at the start).
      LOG.debug("{}: minimum of r(|b|) at r = {}, |b| = {}: the instability of the non-lasing state", model.kind(),
          fold.pump(), fold.bAbs());
      return instabilityOfNonLasing(model, rInst);
    }
    // The branch between the fold and the bisection end must be stable for the fold to be the
    // threshold; the bisection may stop early because Newton at fixed r struggles near a fold.
    AmplitudeBranch branch = new AmplitudeBranch(model, newtonFor(model));
    double aMid = 0.5 * (fold.bAbs() + good.bAbs());
    Optional<AmplitudeBranch.Point> mid = branch.solveTowards(aMid, branch.from(good));
    if (mid.isPresent() && fold.bAbs() < good.bAbs()) {
      AmplitudeBranch.Point pm = mid.get();
      if (!StabilityAnalyzer.analyse(model.withPump(pm.pump()), pm.state(), pm.omega(), true).stable()) {
        return new Threshold(model.kind(), good.pump(), "instability", good.bAbs(), good.upperPopulationMean(), good.photons(), rInst,
            width,
            good.omega());
      }
    }
    return new Threshold(
        model.kind(), fold.pump(), "fold", fold.bAbs(), fold.upperPopulationMean(), fold.photons(), rInst, THRESHOLD_RELATIVE_ACCURACY,
        fold.omega());
  }

  /**
   * The threshold at the pump where the non-lasing state loses stability. The critical
   * eigenvalue's imaginary part is the frequency of the emerging rotating state: zero for resonant
   * identical dots (pitchfork of the phase-symmetric system), non-zero for detuned dots (a Hopf
   * bifurcation to a rotating wave).
   */
  private Threshold instabilityOfNonLasing(Model model, double rInst) {
    Equilibrium at = nonLasingAt(model, rInst);
    StabilityAnalyzer.Spectrum crit = StabilityAnalyzer.analyse(model.withPump(rInst), at.state(), 0.0, false);
    boolean rotating = Math.abs(crit.rightmostImag()) > HOPF_IMAG_FRACTION * Math.max(crit.jacobianNorm(), 1.0);
    return new Threshold(model.kind(), rInst, rotating ? "hopf" : "pitchfork", 0.0, at.upperPopulationMean(), at.photons(), rInst,
        INSTABILITY_RELATIVE_ACCURACY, rotating ? Math.abs(crit.rightmostImag()) : 0.0);
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

  /**
   * Minimises r(|b|) on the branch parametrised by the amplitude, between the amplitude of the
   * branch end's stable neighbour (above) and an amplitude below the end, on the unstable side.
   */
  private Equilibrium locateFold(Model model, Equilibrium above, Equilibrium end) {
    AmplitudeBranch branch = new AmplitudeBranch(model, newtonFor(model));
    double aHi = above.bAbs();
    double aEnd = end.bAbs();
    // Walk below the end amplitude until r rises again (past the fold onto the unstable branch).
    AmplitudeBranch.Point endPoint = branch.from(end);
    double aLo = aEnd;
    AmplitudeBranch.Point lo = endPoint;
    double step = Math.max(aHi - aEnd, 1e-3 * aEnd);
    for (int k = 0; k < 60; k++) {
      double a = Math.max(aLo - step, 0.5 * aLo);
      Optional<AmplitudeBranch.Point> p = branch.solveTowards(a, lo);
      if (p.isEmpty()) {
        step /= 2;
        continue;
      }
      boolean rising = p.get().pump() > lo.pump();
      aLo = a;
      lo = p.get();
      if (rising) {
        break;
      }
      step *= 2;
    }
    AmplitudeBranch.Point p = branch.extremum(endPoint, aLo, aHi, true, FOLD_AMPLITUDE_RELATIVE)
        .orElseThrow(() -> new EquilibriumException("fold of " + model.kind() + " not located: branch unsolvable near |b| = " + aEnd));
    Model at = model.withPump(p.pump());
    double[] z = p.state();
    LOG.info("{}: fold at r = {} (bisection end {}), |b| = {}", model.kind(), Readable.rate(p.pump()), Readable.rate(end.pump()),
        Readable.number(at.fieldAmplitude(z)));
    return new Equilibrium(at.kind(), p.pump(), true, z, p.omega(), at.fieldAmplitude(z), at.photons(z),
        at.upperPopulationMean(z), at.activation(z), true, 0.0, 0.0, 0);
  }

  private Optional<Equilibrium> stableLasing(Model m, Equilibrium from) {
    return (m.kind().polydisperse() ? disperseSolver : solver).polishLasing(m, from.state(), from.omega())
        .filter(Equilibrium::stable);
  }

  /**
   * Pump where the rightmost eigenvalue of the non-lasing state crosses zero upwards (the first
   * crossing above R_MIN), or NaN if it stays stable up to R_MAX.
   */
  public double nonLasingInstability(Model model) {
    return nonLasingInstability(model, nonLasingAt(model, R_MIN), R_MAX);
  }

  /**
   * Pump where the rightmost eigenvalue of the non-lasing state crosses zero upwards, the first
   * crossing in [start.pump(), rHi] on a grid of {@value #SCAN_PER_DECADE} points per decade (at
   * least one interval), continuing the non-lasing state {@code start}, or NaN if there is none.
   */
  double nonLasingInstability(Model model, Equilibrium start, double rHi) {
    double rLo = start.pump();
    int points = Math.max(1, (int) Math.round(Math.log10(rHi / rLo) * SCAN_PER_DECADE));
    Equilibrium prev = start;
    for (int i = 1; i <= points; i++) {
      double r = i == points ? rHi : rLo * Math.pow(rHi / rLo, (double) i / points);
      Equilibrium e;
      try {
        e = continueNonLasing(model, prev, r);
      } catch (EquilibriumException ex) {
        LOG.debug("{}: non-lasing branch not continued beyond r = {}; no instability below it ({})",
            model.kind(), prev.pump(), ex.getMessage());
        return Double.NaN;
      }
      if (prev.rightmostEigenvalue() < 0 && e.rightmostEigenvalue() >= 0) {
        final Equilibrium from = prev;
        BrentSolver brent = new BrentSolver(BRENT_RELATIVE_ACCURACY, 1e-300, 1e-300);
        // A pitchfork of a conjugation-symmetric model: the sign change of the determinant of the
        // real charge-1 block (see StabilityAnalyzer.realChargeOneDeterminant), accurate where the
        // eigenvalue crosses too slowly for its rounding; otherwise the eigenvalue itself.
        double detLo = StabilityAnalyzer.realChargeOneDeterminant(model.withPump(prev.pump()), prev.state());
        double detHi = StabilityAnalyzer.realChargeOneDeterminant(model.withPump(r), e.state());
        boolean byDeterminant = detLo * detHi < 0; // false for NaN (no invariant real block)
        java.util.function.DoubleUnaryOperator crossing = byDeterminant
            ? x -> {
              Equilibrium at = continueNonLasing(model, from, Math.exp(x));
              return StabilityAnalyzer.realChargeOneDeterminant(model.withPump(at.pump()), at.state());
            }
            : x -> continueNonLasing(model, from, Math.exp(x)).rightmostEigenvalue();
        try {
          double logR = brent.solve(200, crossing::applyAsDouble, Math.log(prev.pump()), Math.log(r));
          return Math.exp(logR);
        } catch (org.hipparchus.exception.MathIllegalArgumentException notBracketed) {
          // Continued again from the lower end, the upper end landed on another root of the
          // steady-state equations: the grid crossing was a jump between branches, not a crossing.
          LOG.debug("{}: eigenvalue sign change between r = {} and {} is a branch jump: {}", model.kind(), prev.pump(), r,
              notBracketed.getMessage());
        }
      }
      prev = e;
    }
    return Double.NaN;
  }

  /** Continuation of the non-lasing state starts from the vacuum (exact at r = 0) at this pump. */
  private static final double R_VACUUM = 1e-3;
  /** Largest relative change of the photon number accepted in one continuation step. */
  private static final double MAX_PHOTON_CHANGE = 1.0;
  /** Smallest continuation step, as a relative pump change, before giving up. */
  private static final double MIN_STEP = 1e-12;

  /**
   * The non-lasing state at pump r, by natural continuation in r from the vacuum state at tiny
   * pump (exact at r = 0). The steady-state equations are polynomial and also have unphysical
   * roots (negative photon number): near the CIM threshold the photon number of the non-lasing
   * branch grows steeply, and a long Newton step can jump to such a root, so steps are halved
   * until the result is physical and close to the previous one.
   */
  Equilibrium nonLasingAt(Model model, double r) {
    double r0 = Math.min(R_VACUUM, r);
    Model m = model.withPump(r0);
    Equilibrium start = solver.polishNonLasing(m, m.noFieldState()).filter(ThresholdFinder::physical)
        .orElseThrow(() -> new EquilibriumException(
            "non-lasing state of " + model.kind() + " not found near the vacuum at r = " + r0));
    return continueNonLasing(model, start, r);
  }

  /**
   * Continues a non-lasing state {@code from} to pump {@code r} with step halving; the eigenvalues
   * are computed at {@code r} only.
   */
  Equilibrium continueNonLasing(Model model, Equilibrium from, double r) {
    if (from.pump() == r) {
      return from;
    }
    double[] cur = from.state();
    double pump = from.pump();
    double photons = from.photons();
    double logStep = Math.log(r / pump);
    while (pump != r) {
      double target = Math.abs(Math.log(r / pump)) <= Math.abs(logStep) ? r : pump * Math.exp(logStep);
      Model at = model.withPump(target);
      final double basePhotons = photons;
      Optional<double[]> e = solver.nonLasingState(at, cur)
          .filter(x -> physical(at, x))
          .filter(x -> Math.abs(at.photons(x) - basePhotons) <= MAX_PHOTON_CHANGE * Math.max(basePhotons, 1e-6));
      if (e.isPresent()) {
        cur = e.get();
        pump = target;
        photons = at.photons(cur);
        logStep = Math.signum(logStep) * Math.min(Math.abs(logStep) * 2, Math.log(2));
      } else {
        logStep /= 2;
        if (Math.abs(logStep) < MIN_STEP) {
          throw new EquilibriumException("continuation of the non-lasing state of " + model.kind()
              + " stalled at r = " + pump + " on the way to r = " + r);
        }
      }
    }
    return solver.describeNonLasing(model.withPump(r), cur);
  }

  /**
   * The polynomial steady-state equations have unphysical roots too (negative photon number,
   * population outside [0, 1]); Newton from a poor guess can land on them.
   */
  static boolean physical(Equilibrium e) {
    return e.photons() >= 0 && e.upperPopulationMean() >= 0 && e.upperPopulationMean() <= 1;
  }

  static boolean physical(Model m, double[] state) {
    double cc = m.upperPopulationMean(state);
    return m.photons(state) >= 0 && cc >= 0 && cc <= 1;
  }
}
