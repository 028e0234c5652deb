package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The detuned-dot threshold search ({@link ThresholdFinder#findDisperse}: {@link ThresholdStart},
 * {@link NewtonDescent}, bracket, fold) against the identical-dot search ({@link ThresholdFinder#find}:
 * non-lasing scan, stability-checked descent), which shares none of its start or descent: a _d model
 * with zero detunings reduces exactly to its identical-dot model (DESIGN.md), so the two thresholds
 * must agree.
 */
class DisperseThresholdTest {
  /**
   * Both folds are located to ~1e-10 (THRESHOLD_RELATIVE_ACCURACY) on their own amplitude branches;
   * the two systems differ only in rounding (the _d one has N copies of each dot equation).
   */
  static final double REDUCTION_RELATIVE = 1e-7;

  @Test
  void tpmIfDWithZeroDetuningsHasTheFoldOfTpmIf() {
    int n = 50;
    LaserParameters p = LaserParameters.tableI().withN(n);
    RelaxationSettings rs = RelaxationSettings.defaults();
    EquilibriumSolver solver = new EquilibriumSolver();
    ThresholdFinder finder = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver);
    Threshold identical = finder.find(Models.identical(ModelKind.TPM_IF, p));
    Model disperse = Models.disperse(ModelKind.TPM_IF_d, DisperseParameters.withDetunings(p, new double[n]));
    RelaxationSettings rot = RelaxationSettings.rotating();
    Threshold d = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rot), rot), solver), solver).find(disperse);
    assertThat(identical.kind()).isEqualTo("fold");
    assertThat(d.kind()).isEqualTo("fold");
    assertThat(d.pump()).isCloseTo(identical.pump(), offset(REDUCTION_RELATIVE * identical.pump()));
    assertThat(d.bAbs()).isCloseTo(identical.bAbs(), offset(1e-4 * identical.bAbs()));

    // The Newton-only descent by itself ends stable just above the fold (Newton with few iterations may
    // fail a little above it, NEAR_FOLD; the fold search from there absorbs that).
    Equilibrium top = new PointSolver(new Relaxer(Integrators.bdf(rot), rot), solver).solve(disperse.withPump(TOP));
    assertThat(top.lasing() && top.stable()).isTrue();
    NewtonDescent.End end = new NewtonDescent(solver, ThresholdFinder.DESCENT_RATIO, ThresholdFinder.BRACKET_BISECTION_WIDTH, 1.0)
        .follow(disperse, top).orElseThrow();
    assertThat(end.rBad()).isLessThan(end.good().pump());
    assertThat(end.good().pump()).isGreaterThan(identical.pump()).isLessThan(identical.pump() * (1 + NEAR_FOLD));
    assertThat(end.good().stable() && end.previous().stable()).isTrue();
  }

  /** Relative distance above the fold within which the descent must end: 10 bracket widths. */
  static final double NEAR_FOLD = 1e-2;

  /** Table I pump (normalised), well above the TPM_IF fold. */
  static final double TOP = 2e5;
}
