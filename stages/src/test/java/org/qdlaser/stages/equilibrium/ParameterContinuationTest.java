package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;

/** Continuation in parameters other than the pump, against the analytic and the pump-located thresholds. */
class ParameterContinuationTest {
  static final LaserParameters P = LaserParameters.tableI();
  /**
   * The branch stops before it crosses b = 0; the last point lies one continuation step (at most
   * 0.05 in the scaled arclength, ~1e-2 in ln g, much less as |b| -> 0 where the step shrinks)
   * before the pitchfork.
   */
  static final double PITCHFORK_APPROACH = 1e-2;
  /**
   * The fold located in g (continuation + amplitude Brent, ~1e-13 in g) and in r (threshold finder,
   * ~1e-13 in r): r_fold(g) has a slope of order r/g, so the two agree to ~1e-12; 1e-8 is the bound.
   */
  static final double FOLD_AGREEMENT = 1e-8;

  static PointSolver points() {
    RelaxationSettings rs = RelaxationSettings.defaults();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver());
  }

  /** CIM threshold in g at fixed r: the root of r_th(g) = r with the DESIGN.md formula, on the weak-coupling side. */
  static double analyticCouplingThreshold(double r, double gMax) {
    java.util.function.DoubleUnaryOperator rth = g -> {
      double cc = 0.5 * (1 + P.gamma() * P.gammaC() / (P.n() * g * g));
      return cc * (1 + 2 * g * g / P.gammaC()) / (1 - cc);
    };
    double lo = Math.sqrt(P.gamma() * P.gammaC() / P.n()) * 1.0000001; // cc < 1 needs g^2 > gamma gamma_c / N
    double hi = gMax;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (rth.applyAsDouble(mid) > r) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  @Test
  void cimBranchInCouplingEndsAtTheAnalyticThreshold() {
    double r = 5000;
    Model m = Models.identical(ModelKind.CIM, P.withR(r));
    Equilibrium start = points().solve(m);
    assertThat(start.lasing()).isTrue();
    ParameterFamily family = ParameterFamily.identical("g", ModelKind.CIM, P.withR(r));
    LasingBranch.Result res = new LasingBranch(ContinuationSettings.defaults()).trace(family, start, 1.0, 1e3, true);
    List<BranchPoint> pts = res.points();
    BranchPoint last = pts.get(pts.size() - 1);
    double gTh = analyticCouplingThreshold(r, P.g());
    assertThat(last.bAbs()).isLessThan(0.1 * start.bAbs());
    assertThat(Math.abs(last.pump() - gTh) / gTh).isLessThan(PITCHFORK_APPROACH);
    assertThat(pts).allMatch(BranchPoint::stable);
  }

  /**
   * Folds in the (r, g) plane two ways: continue the TPM_IF lasing branch in g at a fixed pump r1
   * above the Table I threshold to its fold g_f, then locate the threshold in r at g = g_f with the
   * threshold finder: it must be r1.
   */
  @Test
  void tpmIfFoldInCouplingMatchesTheThresholdInPump() {
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver points = points();
    Threshold th = new ThresholdFinder(points, solver).find(Models.identical(ModelKind.TPM_IF, P));
    double r1 = 1.3 * th.pump();
    Equilibrium start = points.solve(Models.identical(ModelKind.TPM_IF, P.withR(r1)));
    assertThat(start.lasing() && start.stable()).isTrue();
    ParameterFamily family = ParameterFamily.identical("g", ModelKind.TPM_IF, P.withR(r1));
    LasingBranch.Result res = new LasingBranch(ContinuationSettings.defaults()).trace(family, start, 10, 1e3, true);
    if (res.folds().isEmpty()) {
      res = new LasingBranch(ContinuationSettings.defaults()).trace(family, start, 10, 1e3, false);
    }
    assertThat(res.folds()).as("a fold of the branch in g at r = %s", r1).isNotEmpty();
    double gFold = res.folds().get(0).pump();
    Threshold atFold = new ThresholdFinder(points, solver).find(Models.identical(ModelKind.TPM_IF, P.withG(gFold)));
    assertThat(atFold.kind()).isEqualTo("fold");
    assertThat(Math.abs(atFold.pump() - r1) / r1).isLessThan(FOLD_AGREEMENT);
  }
}
