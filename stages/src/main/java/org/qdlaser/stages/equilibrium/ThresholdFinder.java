package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.qdlaser.stages.physics.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates the threshold of stable coherent emission of an identical-dot model.
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
  private static final double DESCENT_RATIO = 1.2;
  /** Relative bracket width at which bisection of the branch end stops. */
  static final double BISECTION_RELATIVE_WIDTH = 1e-9;
  /** Brent's relative accuracy on the instability pump. */
  private static final double BRENT_RELATIVE_ACCURACY = 1e-13;
  /** A branch end within this relative distance of the instability pump is that pitchfork. */
  static final double PITCHFORK_MATCH = 1e-3;
  /** Start of the lasing branch: Table I pump (2e14 s^-1) unless the threshold lies higher. */
  private static final double R_START = 2e5;

  private final PointSolver pointSolver;
  private final EquilibriumSolver solver;

  public ThresholdFinder(PointSolver pointSolver, EquilibriumSolver solver) {
    this.pointSolver = pointSolver;
    this.solver = solver;
  }

  public Threshold find(Model model) {
    double rInst = nonLasingInstability(model);
    LOG.debug("{}: non-lasing state loses stability at r = {}", model.kind(), rInst);

    // Start the lasing branch well above the instability (if any) and find a stable lasing state.
    double rTop = Double.isNaN(rInst) ? R_START : Math.max(R_START, 4 * rInst);
    Equilibrium top = null;
    while (rTop <= R_MAX) {
      Equilibrium e = pointSolver.solve(model.withPump(rTop));
      if (e.lasing() && e.stable()) {
        top = e;
        break;
      }
      rTop *= 10;
    }
    if (top == null) {
      throw new EquilibriumException(
          "no stable lasing state of " + model.kind() + " found for pump up to r = " + R_MAX + " (normalised)");
    }

    // Follow the branch down until it is lost, then bisect the last interval.
    Equilibrium good = top;
    double rBad = Double.NaN;
    while (good.pump() > R_MIN) {
      double r = good.pump() / DESCENT_RATIO;
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isEmpty()) {
        rBad = r;
        break;
      }
      good = e.get();
    }
    if (Double.isNaN(rBad)) {
      throw new EquilibriumException(
          model.kind() + " lases stably down to r = " + good.pump() + "; no threshold above r = " + R_MIN);
    }
    while ((good.pump() - rBad) / good.pump() > BISECTION_RELATIVE_WIDTH) {
      double r = Math.sqrt(good.pump() * rBad);
      Optional<Equilibrium> e = stableLasing(model.withPump(r), good);
      if (e.isPresent()) {
        good = e.get();
      } else {
        rBad = r;
      }
    }
    double width = (good.pump() - rBad) / good.pump();
    LOG.debug("{}: stable lasing branch ends at r = {} with |b| = {}", model.kind(), good.pump(), good.bAbs());

    if (!Double.isNaN(rInst) && Math.abs(good.pump() - rInst) / rInst < PITCHFORK_MATCH) {
      Equilibrium at = nonLasingAt(model, rInst);
      return new Threshold(model.kind(), rInst, "pitchfork", 0.0, at.upperPopulationMean(), rInst, width);
    }
    // Below the branch end: does a lasing state still exist (unstable) or has the branch folded?
    Optional<Equilibrium> below = solver.polishLasing(model.withPump(rBad), good.state(), good.omega());
    String kind = below.isPresent() && Math.abs(below.get().bAbs() - good.bAbs()) < 1e-3 * good.bAbs()
        ? "instability" : "fold";
    return new Threshold(
        model.kind(), good.pump(), kind, good.bAbs(), good.upperPopulationMean(), rInst, width);
  }

  private Optional<Equilibrium> stableLasing(Model m, Equilibrium from) {
    return solver.polishLasing(m, from.state(), from.omega()).filter(Equilibrium::stable);
  }

  /**
   * Pump where the rightmost eigenvalue of the non-lasing state crosses zero upwards (the first
   * crossing above R_MIN), or NaN if it stays stable up to R_MAX.
   */
  public double nonLasingInstability(Model model) {
    int points = (int) Math.round(Math.log10(R_MAX / R_MIN) * SCAN_PER_DECADE);
    Equilibrium prev = nonLasingAt(model, R_MIN);
    for (int i = 1; i <= points; i++) {
      double r = R_MIN * Math.pow(R_MAX / R_MIN, (double) i / points);
      Equilibrium e = continueNonLasing(model, prev, r);
      if (prev.rightmostEigenvalue() < 0 && e.rightmostEigenvalue() >= 0) {
        final Equilibrium from = prev;
        BrentSolver brent = new BrentSolver(BRENT_RELATIVE_ACCURACY, 1e-300, 1e-300);
        double logR =
            brent.solve(200, x -> continueNonLasing(model, from, Math.exp(x)).rightmostEigenvalue(),
                Math.log(prev.pump()), Math.log(r));
        return Math.exp(logR);
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

  /** Continues a non-lasing state {@code from} to pump {@code r} with step halving. */
  Equilibrium continueNonLasing(Model model, Equilibrium from, double r) {
    Equilibrium cur = from;
    double logStep = Math.log(r / cur.pump());
    while (cur.pump() != r) {
      double target = Math.abs(Math.log(r / cur.pump())) <= Math.abs(logStep) ? r : cur.pump() * Math.exp(logStep);
      final Equilibrium base = cur;
      Optional<Equilibrium> e = solver.polishNonLasing(model.withPump(target), cur.state())
          .filter(ThresholdFinder::physical)
          .filter(x -> Math.abs(x.photons() - base.photons()) <= MAX_PHOTON_CHANGE * Math.max(base.photons(), 1e-6));
      if (e.isPresent()) {
        cur = e.get();
        logStep = Math.signum(logStep) * Math.min(Math.abs(logStep) * 2, Math.log(2));
      } else {
        logStep /= 2;
        if (Math.abs(logStep) < MIN_STEP) {
          throw new EquilibriumException("continuation of the non-lasing state of " + model.kind()
              + " stalled at r = " + cur.pump() + " on the way to r = " + r);
        }
      }
    }
    return cur;
  }

  /**
   * The polynomial steady-state equations have unphysical roots too (negative photon number,
   * population outside [0, 1]); Newton from a poor guess can land on them.
   */
  static boolean physical(Equilibrium e) {
    return e.photons() >= 0 && e.upperPopulationMean() >= 0 && e.upperPopulationMean() <= 1;
  }
}
