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
        model.kind(), fold.pump(), "fold", fold.bAbs(), fold.upperPopulationMean(), fold.photons(), rInst, ThresholdFinder.THRESHOLD_RELATIVE_ACCURACY,
        fold.omega());
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
    double step = Math.max(aHi - aEnd, 1e-3 * aEnd);
    int failures = 0;
    // Detuned dots: one Newton solve per trial and a bounded number of failures (solveTowards' 20
    // subdivisions cost minutes per failed amplitude at TPM_d N = 50 where the branch cannot be continued
    // below the end: S9 at 2 gamma); identical dots (cheap) as before.
    boolean bounded = model.kind().polydisperse();
    for (int k = 0; k < 60 && !(bounded && failures >= MAX_WALK_FAILURES); k++) {
      double a = Math.max(aLo - step, 0.5 * aLo);
      Optional<AmplitudeBranch.Point> p = bounded ? branch.solve(a, lo) : branch.solveTowards(a, lo);
      if (p.isEmpty()) {
        failures++;
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
