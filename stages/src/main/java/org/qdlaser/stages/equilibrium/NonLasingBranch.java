package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.qdlaser.stages.physics.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-lasing branch of a model: its state at any pump, by natural continuation in the pump from
 * the vacuum, and the pump where it loses stability (the pitchfork or Hopf threshold). Used by the
 * threshold search ({@link ThresholdFinder}) and the relaxation sweep.
 */
final class NonLasingBranch {
  private static final Logger LOG = LoggerFactory.getLogger(NonLasingBranch.class);

  /** Non-lasing scan resolution: points per decade before Brent refines a sign change. */
  private static final int SCAN_PER_DECADE = 8;
  /** Brent's relative accuracy on the instability pump. */
  private static final double BRENT_RELATIVE_ACCURACY = 1e-13;
  /** Continuation of the non-lasing state starts from the vacuum (exact at r = 0) at this pump. */
  private static final double R_VACUUM = 1e-3;
  /** Largest relative change of the photon number accepted in one continuation step. */
  private static final double MAX_PHOTON_CHANGE = 1.0;
  /** Smallest continuation step, as a relative pump change, before giving up. */
  private static final double MIN_STEP = 1e-12;

  private final EquilibriumSolver solver;

  NonLasingBranch(EquilibriumSolver solver) {
    this.solver = solver;
  }

  /**
   * Pump where the rightmost eigenvalue of the non-lasing state crosses zero upwards (the first
   * crossing above {@link ThresholdFinder#R_MIN}), or NaN if it stays stable up to {@link
   * ThresholdFinder#R_MAX}.
   */
  double instability(Model model) {
    return instability(model, at(model, ThresholdFinder.R_MIN), ThresholdFinder.R_MAX);
  }

  /**
   * Pump where the rightmost eigenvalue of the non-lasing state crosses zero upwards, the first
   * crossing in [start.pump(), rHi] on a grid of {@value #SCAN_PER_DECADE} points per decade (at
   * least one interval), continuing the non-lasing state {@code start}, or NaN if there is none.
   */
  double instability(Model model, Equilibrium start, double rHi) {
    double rLo = start.pump();
    int points = Math.max(1, (int) Math.round(Math.log10(rHi / rLo) * SCAN_PER_DECADE));
    Equilibrium prev = start;
    for (int i = 1; i <= points; i++) {
      double r = i == points ? rHi : rLo * Math.pow(rHi / rLo, (double) i / points);
      Equilibrium e;
      try {
        e = continueTo(model, prev, r);
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
              Equilibrium at = continueTo(model, from, Math.exp(x));
              return StabilityAnalyzer.realChargeOneDeterminant(model.withPump(at.pump()), at.state());
            }
            : x -> continueTo(model, from, Math.exp(x)).rightmostEigenvalue();
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

  /**
   * The non-lasing state at pump r, by natural continuation in r from the vacuum state at tiny
   * pump (exact at r = 0). The steady-state equations are polynomial and also have unphysical
   * roots (negative photon number): near the CIM threshold the photon number of the non-lasing
   * branch grows steeply, and a long Newton step can jump to such a root, so steps are halved
   * until the result is physical and close to the previous one.
   */
  Equilibrium at(Model model, double r) {
    double r0 = Math.min(R_VACUUM, r);
    Model m = model.withPump(r0);
    Equilibrium start = solver.polishNonLasing(m, m.noFieldState()).filter(NonLasingBranch::physical)
        .orElseThrow(() -> new EquilibriumException(
            "non-lasing state of " + model.kind() + " not found near the vacuum at r = " + r0));
    return continueTo(model, start, r);
  }

  /**
   * Continues a non-lasing state {@code from} to pump {@code r} with step halving; the eigenvalues
   * are computed at {@code r} only.
   */
  Equilibrium continueTo(Model model, Equilibrium from, double r) {
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
