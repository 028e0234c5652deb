package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the end of a stable lasing branch is, once {@link ThresholdFinder} has bracketed it: the
 * pitchfork or Hopf threshold at the non-lasing instability, a Hopf bifurcation of the lasing state,
 * a fold (saddle-node, located exactly as the minimum of r(|b|) on the branch parametrised by the
 * amplitude), or another instability of the branch.
 */
final class BranchEndClassifier {
  private static final Logger LOG = LoggerFactory.getLogger(BranchEndClassifier.class);

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
   * Kind of a threshold where the stable branch ends (Newton at fixed pump loses it) but the amplitude
   * branch has no point below the end's amplitude either, so that no fold of r(|b|) can be located: the
   * pump is the last stable state of the bisection, accurate to its bracket width.
   */
  static final String BRANCH_END = "branch-end";
  /** Failed Newton solves (halving the step each time) before the walk below the end amplitude gives up. */
  static final int MAX_WALK_FAILURES = 6;

  private final NonLasingBranch nonLasing;
  private final NewtonSolver newton = new NewtonSolver(org.qdlaser.stages.numerics.nonlinear.NewtonSettings.defaults());
  private final NewtonSolver disperseNewton = new NewtonSolver(ThresholdFinder.branchNewton());

  BranchEndClassifier(NonLasingBranch nonLasing) {
    this.nonLasing = nonLasing;
  }

  private NewtonSolver newtonFor(Model m) {
    return m.kind().polydisperse() ? disperseNewton : newton;
  }

  /**
   * Classifies the end of the stable lasing branch bracketed by {@code good} (stable lasing; {@code
   * previous} is its stable neighbour above, or {@code good} itself) and {@code rBad} (no stable
   * lasing): pitchfork or Hopf at the non-lasing instability {@code rInst} (NaN if none), Hopf of the
   * lasing state, fold, or another instability. {@code startAmplitude} is |b| of the search's first
   * stable lasing state, the scale against which a vanishing field is judged.
   */
  Threshold classify(Model model, double rInst, Equilibrium previous, Equilibrium good, double rBad,
      double startAmplitude) {
    return classify(model, rInst, previous, good, rBad, startAmplitude, () -> endSpectrum(model, good));
  }

  /** The spectrum of the branch end {@code good} that tells a Hopf end from the others (both steps, ~0.5 CPU-s at TPM_d N = 50). */
  static StabilityAnalyzer.Spectrum endSpectrum(Model model, Equilibrium good) {
    return StabilityAnalyzer.analyse(model.withPump(good.pump()), good.state(), good.omega(), true);
  }

  /** As above, with {@code good}'s {@link #endSpectrum} from {@code endSpectrum} (e.g. computed beside the caller's work). */
  Threshold classify(Model model, double rInst, Equilibrium previous, Equilibrium good, double rBad,
      double startAmplitude, java.util.function.Supplier<StabilityAnalyzer.Spectrum> endSpectrum) {
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
    StabilityAnalyzer.Spectrum sp = endSpectrum.get();
    if (Math.abs(sp.rightmostImag()) > HOPF_IMAG_FRACTION * Math.max(sp.jacobianNorm(), 1.0)) {
      LOG.debug("{}: branch end eigenvalue {} + {}i: Hopf", model.kind(), sp.rightmostReal(), sp.rightmostImag());
      return new Threshold(model.kind(), good.pump(), "hopf-of-lasing-state", good.bAbs(), good.upperPopulationMean(), good.photons(),
          rInst,
          width, good.omega());
    }
    Optional<Equilibrium> located = locateFold(model, previous, good);
    if (located.isEmpty()) {
      // The amplitude branch cannot be continued below the end either: the end is where Newton loses the
      // stable branch, bracketed to the bisection's width, its nature unresolved.
      LOG.info("{}: no branch point below |b| = {}: the stable branch ends at r = {} (bracket width {}), not located as a fold",
          model.kind(), Readable.number(good.bAbs()), Readable.rate(good.pump()), width);
      return new Threshold(model.kind(), good.pump(), BRANCH_END, good.bAbs(), good.upperPopulationMean(), good.photons(),
          rInst, width, good.omega());
    }
    Equilibrium fold = located.get();
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
    if (fold.bAbs() < good.bAbs()) {
      Optional<AmplitudeBranch.Point> unstable = unstableBetween(model, good, fold.bAbs(), fold.pump());
      if (unstable.isPresent()) {
        AmplitudeBranch.Point pu = unstable.get();
        LOG.info("{}: the branch between the fold (|b| = {}) and the bisection end (|b| = {}) is unstable at |b| = {}, r = {}: "
            + "the threshold is the bisection end", model.kind(), Readable.number(fold.bAbs()), Readable.number(good.bAbs()),
            Readable.number(model.fieldAmplitude(pu.state())), Readable.rate(pu.pump()));
        return new Threshold(model.kind(), good.pump(), "instability", good.bAbs(), good.upperPopulationMean(), good.photons(), rInst,
            width,
            good.omega());
      }
    }
    return new Threshold(
        model.kind(), fold.pump(), "fold", fold.bAbs(), fold.upperPopulationMean(), fold.photons(), rInst, ThresholdFinder.THRESHOLD_RELATIVE_ACCURACY,
        fold.omega());
  }

  /**
   * Largest number of interior points at which {@link #unstableBetween} checks the branch between the
   * bisection end and the fold (each a Newton solve and a spectrum, ~5 CPU-s at TPM_d N = 50).
   */
  static final int SEGMENT_POINTS = 12;
  /**
   * Amplitude ratio of the walk's steps where fewer than {@link #SEGMENT_POINTS} suffice: the step of
   * the eigenvalue walk ({@code BranchEigenProbe}, ci/bench-branch-eigen) that followed S6's stable
   * segment from |b| = 120 down to its fold at 4.95 without a failed solve.
   */
  static final double SEGMENT_RATIO = 1.1;
  /**
   * Relative slack of the pump range [r_fold, r_end] that a walk point must lie in: the bisection's bracket
   * width ({@link ThresholdFinder#BRACKET_BISECTION_WIDTH}), far above Newton's tolerance on r and far below the
   * factor 2-20 of the other solutions a jump reached (S6, S9 at 2 gamma).
   */
  static final double SEGMENT_PUMP_SLACK = ThresholdFinder.BRACKET_BISECTION_WIDTH;

  /**
   * A state on the branch between the bisection end {@code end} and the fold's amplitude {@code aFold}
   * (below the end's) that is not stable, if the walk down r(|b|) finds one: geometric steps in |b| from
   * the end towards the fold (ratio {@link #SEGMENT_RATIO}, coarser if more than {@link #SEGMENT_POINTS}
   * points would be needed, at least one point), each solved from the previous one (a failed step is
   * halved, up to {@link #MAX_WALK_FAILURES} failures; a solution whose pump leaves [r_fold, r_end] counts as
   * failed) and its spectrum checked. The fold itself is not
   * checked (its eigenvalue is zero). One jump from the end to the midpoint, as this check was once, can
   * land on another solution: measured on TPM_d S6 at 2 gamma (docs/decisions.md, fold8).
   */
  private Optional<AmplitudeBranch.Point> unstableBetween(Model model, Equilibrium end, double aFold, double rFold) {
    AmplitudeBranch branch = new AmplitudeBranch(model, newtonFor(model));
    double aEnd = end.bAbs();
    double span = Math.log(aEnd / aFold);
    int intervals = Math.max(2, Math.min(SEGMENT_POINTS + 1, (int) Math.ceil(span / Math.log(SEGMENT_RATIO))));
    AmplitudeBranch.Point p = branch.from(end);
    double a = aEnd;
    int failures = 0;
    // Between the end and the minimum of r(|b|) the pump lies between theirs: a solution outside that range is
    // another one that Newton reached (S9's eigenvalue walk: |b| 257 -> 234 in one step landed at half the
    // pump), a failed step.
    java.util.function.Predicate<AmplitudeBranch.Point> onSegment = q -> q.pump() >= rFold * (1 - SEGMENT_PUMP_SLACK)
        && q.pump() <= end.pump() * (1 + SEGMENT_PUMP_SLACK);
    // Each point's spectrum is checked on a helper thread while this thread solves the next point (the
    // spectra do not feed the walk): the first unstable point in the walk's order is the answer, as when
    // each check came before the next solve; a point solved after an unstable one is discarded.
    CheckedAhead<AmplitudeBranch.Point> checks = new CheckedAhead<>("qdlaser-segment-check",
        q -> StabilityAnalyzer.analyse(model.withPump(q.pump()), q.state(), q.omega(), true).stable());
    try {
      for (int k = 1; k < intervals; k++) {
        double target = aEnd * Math.exp(-span * k / intervals);
        while (a > target) {
          double next = target;
          Optional<AmplitudeBranch.Point> q = branch.solve(next, p).filter(onSegment);
          while (q.isEmpty() && failures < MAX_WALK_FAILURES) {
            failures++;
            next = Math.sqrt(a * next);
            q = branch.solve(next, p).filter(onSegment);
          }
          if (q.isEmpty()) {
            Optional<AmplitudeBranch.Point> unstable = checks.failed();
            if (unstable.isPresent()) {
              return unstable;
            }
            LOG.info("{}: the branch below the bisection end could not be followed past |b| = {} towards the fold at {}; "
                + "checked stable down to there", model.kind(), Readable.number(a), Readable.number(aFold));
            return Optional.empty();
          }
          p = q.get();
          a = next;
        }
        Optional<AmplitudeBranch.Point> unstable = checks.thenCheck(p);
        if (unstable.isPresent()) {
          return unstable;
        }
      }
    } catch (RuntimeException | Error e) {
      // One after the other, the pending point's check came before this solve: its failure or its instability decides.
      Optional<AmplitudeBranch.Point> unstable = checks.failed();
      if (unstable.isPresent()) {
        return unstable;
      }
      throw e;
    }
    Optional<AmplitudeBranch.Point> unstable = checks.failed();
    if (unstable.isPresent()) {
      return unstable;
    }
    LOG.info("{}: the branch between the bisection end (|b| = {}) and the fold (|b| = {}) checked stable at {} points down to |b| = {}, "
        + "r = {}", model.kind(), Readable.number(aEnd), Readable.number(aFold), intervals - 1, Readable.number(a), Readable.rate(p.pump()));
    return Optional.empty();
  }

  /**
   * The threshold at the pump where the non-lasing state loses stability. The critical
   * eigenvalue's imaginary part is the frequency of the emerging rotating state: zero for resonant
   * identical dots (pitchfork of the phase-symmetric system), non-zero for detuned dots (a Hopf
   * bifurcation to a rotating wave).
   */
  private Threshold instabilityOfNonLasing(Model model, double rInst) {
    Equilibrium at = nonLasing.at(model, rInst);
    StabilityAnalyzer.Spectrum crit = StabilityAnalyzer.analyse(model.withPump(rInst), at.state(), 0.0, false);
    boolean rotating = Math.abs(crit.rightmostImag()) > HOPF_IMAG_FRACTION * Math.max(crit.jacobianNorm(), 1.0);
    return new Threshold(model.kind(), rInst, rotating ? "hopf" : "pitchfork", 0.0, at.upperPopulationMean(), at.photons(), rInst,
        ThresholdFinder.INSTABILITY_RELATIVE_ACCURACY, rotating ? Math.abs(crit.rightmostImag()) : 0.0);
  }

  /** Where {@link #walkToTurn} saw r(|b|) turn: r is smallest at {@code near}, between |b| = aLo and aHi. */
  private record Turn(double aLo, double aHi, AmplitudeBranch.Point near) {}

  /** Most points of {@link #walkToTurn} (S6 at 2 gamma: 31 from its bisection end to its fold). */
  static final int MAX_TURN_WALK_POINTS = 80;
  /** Change of ln r per step that the walk always accepts (steps near a fold, where r barely moves). */
  static final double JUMP_FLOOR = 1e-3;
  /**
   * Factor by which a step's change of ln r may exceed the previous step's before the point counts as another
   * solution: S9 at 2 gamma, |b| 257 -> 234 landed at r = 2.3e14 s^-1 after 5.0e14 (ln r -0.78 after -0.11),
   * while the branch continued in small steps lies at 4.67e14 (BranchEigenProbe).
   */
  static final double JUMP_FACTOR = 3;

  /**
   * Walks r(|b|) down from {@code end} (detuned dots) in steps of {@link #SEGMENT_RATIO}, each solved from the
   * previous point; a step that fails or lands on another solution (ln r changes by more than {@link
   * #JUMP_FACTOR} times the previous step's and {@link #JUMP_FLOOR}) is retried at the square root of its ratio,
   * at most {@link #MAX_WALK_FAILURES} times in a row. Ends where r rises: the turn lies between the last three
   * points. Empty if the walk cannot go below the end, is lost, or reaches no turn within {@link
   * #MAX_TURN_WALK_POINTS} points.
   */
  private Optional<Turn> walkToTurn(Model model, AmplitudeBranch branch, AmplitudeBranch.Point end, double aAbove) {
    double aPrev = aAbove;
    double a = end.x()[model.layout().field("b").offset()];
    AmplitudeBranch.Point p = end;
    double lastChange = Double.NaN;
    double ratio = SEGMENT_RATIO;
    int failures = 0;
    for (int k = 0; k < MAX_TURN_WALK_POINTS; ) {
      double next = a / ratio;
      final double rFrom = p.pump();
      Optional<AmplitudeBranch.Point> q = branch.solve(next, p);
      double change = q.map(x -> Math.log(x.pump() / rFrom)).orElse(Double.NaN);
      boolean jump = q.isPresent() && !Double.isNaN(lastChange) && Math.abs(change) > Math.max(JUMP_FACTOR * Math.abs(lastChange), JUMP_FLOOR);
      if (q.isEmpty() || jump) {
        if (++failures > MAX_WALK_FAILURES) {
          LOG.info("{}: walk down r(|b|) from the bisection end lost at |b| = {} ({} points): no fold located", model.kind(),
              Readable.number(a), k);
          return Optional.empty();
        }
        ratio = Math.sqrt(ratio);
        continue;
      }
      k++;
      failures = 0;
      ratio = SEGMENT_RATIO;
      if (change > 0) {
        return Optional.of(new Turn(next, aPrev, p));
      }
      aPrev = a;
      a = next;
      p = q.get();
      lastChange = change;
    }
    LOG.info("{}: walk down r(|b|) from the bisection end: r still falling at |b| = {}, r = {} after {} points: no fold located",
        model.kind(), Readable.number(a), Readable.rate(p.pump()), MAX_TURN_WALK_POINTS);
    return Optional.empty();
  }

  /**
   * Minimises r(|b|) on the branch parametrised by the amplitude, between the amplitude of the
   * branch end's stable neighbour (above) and an amplitude below the end, on the unstable side.
   */
  private Optional<Equilibrium> locateFold(Model model, Equilibrium above, Equilibrium end) {
    AmplitudeBranch branch = new AmplitudeBranch(model, newtonFor(model));
    double aHi = above.bAbs();
    double aEnd = end.bAbs();
    // Walk below the end amplitude until r rises again (past the fold onto the unstable branch).
    AmplitudeBranch.Point endPoint = branch.from(end);
    double aLo = aEnd;
    AmplitudeBranch.Point lo = endPoint;
    if (model.kind().polydisperse()) {
      // Detuned dots: along r(|b|) in small steps, each from the previous point, a step that lands on another
      // solution refused ({@link #walkToTurn}); a jump of a factor 2 in |b| took TPM_d S9 at 2 gamma onto another
      // solution whose r was higher, and Brent then "located" a fold at the seam (r = 4.1642e14 s^-1, |b| = 33.2)
      // where the branch goes on falling (fold8).
      Optional<Turn> turn = walkToTurn(model, branch, endPoint, aHi);
      if (turn.isEmpty()) {
        return Optional.empty();
      }
      aLo = turn.get().aLo();
      aHi = turn.get().aHi();
      endPoint = turn.get().near();
    } else {
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
    }
    if (aLo == aEnd) {
      return Optional.empty(); // no branch point below the end: not a regular fold of r(|b|)
    }
    AmplitudeBranch.Point p = branch.extremum(endPoint, aLo, aHi, true, FOLD_AMPLITUDE_RELATIVE)
        .orElseThrow(() -> new EquilibriumException("fold of " + model.kind() + " not located: branch unsolvable near |b| = " + aEnd));
    Model at = model.withPump(p.pump());
    double[] z = p.state();
    LOG.info("{}: fold at r = {} (bisection end {}), |b| = {}", model.kind(), Readable.rate(p.pump()), Readable.rate(end.pump()),
        Readable.number(at.fieldAmplitude(z)));
    return Optional.of(new Equilibrium(at.kind(), p.pump(), true, z, p.omega(), at.fieldAmplitude(z), at.photons(z),
        at.upperPopulationMean(z), at.activation(z), true, 0.0, 0.0, 0));
  }
}
