package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The homotopy in mu at fixed |b| ({@link AmplitudeHomotopy}) and the threshold search from the
 * stable state it reaches, against exact reductions: TPM^(d) with zero detunings is TPM (DESIGN.md), so
 * (1) the path's end at mu = 0 must lie on the TPM branch r(|b|), solved directly by {@link
 * AmplitudeBranch} on the identical-dot model, which shares no continuation with the homotopy; (2)
 * the threshold from that state must be the TPM fold of {@link ThresholdFinder#find} (non-lasing
 * scan and stability-checked descent).
 */
class AmplitudeHomotopyTest {
  /** Small enough for a unit test (TPM_d: 5 + 9N + 7N(N - 1) = 1,037 unknowns). */
  static final int N = 12;
  /**
   * Coupling (normalised, 1.2e11 s^-1): with Table I's 7e10 s^-1 TPM at N = 12 has no stable lasing
   * state up to 1e17 s^-1; at 1.2e11 s^-1 its fold lies at 1.295e14 s^-1 (qdlaser threshold).
   */
  static final double G = 120;
  /**
   * Agreement of the end of the homotopy with the direct branch, relative: both converged by Newton to
   * the step tolerance (~1e-10) on systems that differ only in rounding (N copies of each equation).
   */
  static final double BRANCH_AGREEMENT = 1e-7;
  /** Agreement of the two folds (both located to ~1e-10 on their own amplitude branches): {@link DisperseThresholdTest#REDUCTION_RELATIVE}. */
  static final double FOLD_AGREEMENT = DisperseThresholdTest.REDUCTION_RELATIVE;

  @Test
  void zeroDetuningHomotopyEndsOnTheTpmBranchAndFindsTheTpmFold() {
    LaserParameters t = LaserParameters.tableI();
    LaserParameters p = new LaserParameters(t.gamma(), t.gammaC(), t.gammaNl(), t.gammaNr(), G, t.mu(), N, t.r(), 0.0);
    Model target = Models.disperse(ModelKind.TPM_d, DisperseParameters.withDetunings(p, new double[N]));
    Model atMu1 = Models.disperse(ModelKind.TPM_d, Models.disperseParameters(target).orElseThrow().withMu(1.0));
    RelaxationSettings rot = RelaxationSettings.rotating();
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver ps = new PointSolver(new Relaxer(Integrators.bdf(rot), rot), solver);
    PointSolver.Start s = ps.start(atMu1);
    Equilibrium start = solver.polishLasing(atMu1, s.state(), s.omega()).orElseThrow();

    AmplitudeHomotopy h = new AmplitudeHomotopy(new NewtonSolver(ThresholdFinder.branchNewton()));
    var family = org.qdlaser.stages.physics.ParameterFamily.disperse("mu", ModelKind.TPM_d,
        Models.disperseParameters(target).orElseThrow());
    AmplitudeBranch.Point end = h.follow(family, new AmplitudeBranch(family.at(1.0), new NewtonSolver(ThresholdFinder.branchNewton())).from(start),
        start.bAbs(), 1.0, 0.0).orElseThrow();
    assertThat(target.fieldAmplitude(end.state())).isCloseTo(start.bAbs(), within(1e-9 * start.bAbs()));

    Model tpm = Models.identical(ModelKind.TPM, p);
    Equilibrium tpmState = Equilibria.defaults().point(tpm);
    AmplitudeBranch direct = new AmplitudeBranch(tpm, new NewtonSolver(NewtonSettings.defaults()));
    AmplitudeBranch.Point onTpm = direct.solveTowards(start.bAbs(), direct.from(tpmState)).orElseThrow();
    assertThat(end.pump()).isCloseTo(onTpm.pump(), within(BRANCH_AGREEMENT * onTpm.pump()));

    Equilibrium stable = h.walkUp(target, end).orElseThrow();
    assertThat(stable.stable() && stable.lasing()).isTrue();
    Threshold viaHomotopy = new ThresholdFinder(ps, solver).fromStableState(target, stable);
    Threshold tpmFold = new ThresholdFinder(ps, solver).find(tpm);
    assertThat(tpmFold.kind()).isEqualTo("fold");
    assertThat(viaHomotopy.kind()).isEqualTo("fold");
    assertThat(viaHomotopy.pump()).isCloseTo(tpmFold.pump(), within(FOLD_AGREEMENT * tpmFold.pump()));
  }

  /**
   * A path at fixed |b| that climbs past the search's ceiling {@link ThresholdFinder#R_MAX} ends there (TPM_d S4 at
   * 2 gamma: mu paths to 1e20-1e21 s^-1, ~15 wall-minutes beyond the 1e17 s^-1 of its verdict "none"), and one
   * below it goes on: the same physical curve point (a TPM_d N = 3 equilibrium) at a pump just above and just
   * below the ceiling.
   */
  @Test
  void aPathEndsWhereItPassesTheSearchCeiling() {
    LaserParameters t = LaserParameters.tableI();
    LaserParameters p = new LaserParameters(t.gamma(), t.gammaC(), t.gammaNl(), t.gammaNr(), G, t.mu(), 3, t.r(), 0.0);
    Model target = Models.disperse(ModelKind.TPM_d, DisperseParameters.withDetunings(p, new double[3]));
    Equilibrium e = Equilibria.defaults().point(target);
    var family = org.qdlaser.stages.physics.ParameterFamily.disperse("mu", ModelKind.TPM_d,
        Models.disperseParameters(target).orElseThrow());
    double[] s = e.state();
    double[] x = java.util.Arrays.copyOf(s, s.length + 3);
    x[s.length] = e.omega();
    x[s.length + 1] = 0.5; // mu on the way from 1 to 0
    x[s.length + 2] = 1.01 * ThresholdFinder.R_MAX;
    assertThat(AmplitudeHomotopy.pathEnd(family, x, 1.0, -1.0)).contains("ceiling");
    x[s.length + 2] = 0.99 * ThresholdFinder.R_MAX;
    assertThat(AmplitudeHomotopy.pathEnd(family, x, 1.0, -1.0)).isNull();
  }
}
