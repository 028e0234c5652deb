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

/** Continuation of the lasing branch against the independently located thresholds. */
class LasingBranchTest {
  /** Two independent locations of the same fold (bisection + amplitude Brent, continuation + Brent). */
  static final double FOLD_AGREEMENT = 1e-9;

  @Test
  void tpmIfBranchTurnsAtTheFoldAndContinuesUnstable() {
    RelaxationSettings rs = RelaxationSettings.defaults();
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver points = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver);
    Model m = Models.identical(ModelKind.TPM_IF, LaserParameters.tableI());
    Threshold th = new ThresholdFinder(points, solver).find(m);
    Equilibrium start = points.solve(m.withPump(3 * th.pump()));

    LasingBranch.Result result = new LasingBranch(ContinuationSettings.defaults()).trace(m, start, 1.0);
    List<BranchPoint> branch = result.points();
    BranchPoint lowest = branch.stream().min(java.util.Comparator.comparingDouble(BranchPoint::pump)).orElseThrow();
    assertThat(lowest.pump()).isGreaterThanOrEqualTo(th.pump() * (1 - 1e-12));
    assertThat(result.folds()).hasSize(1);
    LasingBranch.Fold fold = result.folds().get(0);
    assertThat(fold.minimum()).isTrue();
    assertThat(Math.abs(fold.pump() - th.pump()) / th.pump()).isLessThan(FOLD_AGREEMENT);

    int turn = branch.indexOf(lowest);
    assertThat(turn).isPositive().isLessThan(branch.size() - 1);
    // Above the fold on the upper branch: stable; past the turn on the lower branch: unstable.
    assertThat(branch.subList(0, Math.max(1, turn - 1))).allMatch(BranchPoint::stable);
    assertThat(branch.get(branch.size() - 1).stable()).isFalse();
    assertThat(branch.get(branch.size() - 1).bAbs()).isLessThan(lowest.bAbs());
  }

  /**
   * A branch traced upwards in its parameter (w_qd from a narrow sample) turns back at a maximum of
   * the parameter: that fold ends its stable part, as a minimum ends a branch traced downwards. The
   * points are those of the TPM_IF_d S3 branch in w_qd at 2e14 s^-1 around its fold (rounded).
   */
  @Test
  void branchTracedUpwardsEndsAtAMaximumFold() {
    List<BranchPoint> pts = List.of(
        new BranchPoint(1.8597, 53.91, 1.3091, 0, 0.99, true, -8.0e-3, 0.10),
        new BranchPoint(1.8691, 46.07, 1.3094, 0, 0.99, true, -2.8e-3, 0.04),
        new BranchPoint(1.8700, 42.13, 1.3093, 0, 0.99, false, 1.2e-3, -0.01),
        new BranchPoint(1.8645, 38.51, 1.3089, 0, 0.99, false, 6.1e-3, -0.06));
    LasingBranch.Result up = new LasingBranch.Result(pts, List.of(new LasingBranch.Fold(1.8702, 43.16, 0.99, false)));
    assertThat(up.stableEnd()).isEqualTo(new LasingBranch.StableEnd(1.8702, 43.16, "fold"));
    // A minimum inside the same interval would not end a branch traced upwards.
    LasingBranch.Result wrongTurn = new LasingBranch.Result(pts, List.of(new LasingBranch.Fold(1.8702, 43.16, 0.99, true)));
    assertThat(wrongTurn.stableEnd().kind()).isEqualTo("instability");
  }
}
