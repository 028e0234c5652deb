package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.ContinuationSettings;
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
}
