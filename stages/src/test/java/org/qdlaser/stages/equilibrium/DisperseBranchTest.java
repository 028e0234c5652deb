package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * Lasing branches of polydisperse dots by continuation (Fig. 3): with equal dots they are the
 * identical-dot branches; with detuned dots the stable branch ends where the rotating solution
 * leaves the non-lasing state, at its Hopf bifurcation. Ten dots with twice the Table I coupling
 * (so that they lase; 53 and 95 unknowns) keep the tests fast.
 */
class DisperseBranchTest {
  static final int N = 10;
  static final LaserParameters P = LaserParameters.tableI().withN(N).withG(140).withR(2e5);
  /** Newton-polished states on both sides: the reduction is exact up to rounding and Newton's tolerance. */
  static final double SAME_STATE = 1e-8;
  /** Pitchfork / Hopf ends extrapolated in |b|^2 from the last two points: error O(|b|^4). */
  static final double END_EXTRAPOLATION = 1e-6;
  /** Two independent fold locations (continuation + amplitude Brent, bisection + amplitude Brent). */
  static final double FOLD_AGREEMENT = 1e-8;

  static Model disperse(ModelKind kind, double[] detunings) {
    double[] g = new double[N];
    Arrays.fill(g, P.g());
    return Models.disperse(kind, new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(),
        detunings, g));
  }

  static PointSolver points(RelaxationSettings rs) {
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver());
  }

  static LasingBranch.Result trace(Model m) {
    Equilibrium start = points(RelaxationSettings.rotating()).solve(m);
    assertThat(start.lasing()).as("lasing at the start pump").isTrue();
    return new LasingBranch(ContinuationSettings.defaults()).trace(ParameterFamily.pump(m), start, 1.0, 10 * m.pump(), true);
  }

  @Test
  void zeroDetuningCimDBranchIsTheIdenticalDotBranch() {
    LasingBranch.Result d = trace(disperse(ModelKind.CIM_d, new double[N]));
    Model cim = Models.identical(ModelKind.CIM, P);
    LasingBranch.StableEnd end = d.stableEnd();
    double cc = (1 + P.gamma() * P.gammaC() / (N * P.g() * P.g())) / 2;
    double analytic = cc * (P.gammaNr() + P.gammaNl() + 2 * P.g() * P.g() / P.gammaC()) / (1 - cc);
    assertThat(end.kind()).isEqualTo("pitchfork");
    assertThat(end.pump()).isCloseTo(analytic, offset(END_EXTRAPOLATION * analytic));
    assertThat(d.folds()).isEmpty();
    List<BranchPoint> pts = d.points();
    assertThat(pts).allMatch(BranchPoint::stable);
    for (BranchPoint p : List.of(pts.get(0), pts.get(pts.size() / 2), pts.get(pts.size() - 3))) {
      Equilibrium e = points(RelaxationSettings.defaults()).solve(cim.withPump(p.pump()));
      assertThat(p.bAbs()).as("|b| at r = %s", p.pump()).isCloseTo(e.bAbs(), offset(SAME_STATE * e.bAbs()));
      assertThat(p.omega()).isCloseTo(0.0, offset(SAME_STATE));
    }
  }

  @Test
  void zeroDetuningTpmIfDFoldIsTheIdenticalDotFold() {
    LasingBranch.Result d = trace(disperse(ModelKind.TPM_IF_d, new double[N]));
    RelaxationSettings rs = RelaxationSettings.defaults();
    Threshold th = new ThresholdFinder(points(rs), new EquilibriumSolver()).find(Models.identical(ModelKind.TPM_IF, P));
    assertThat(th.kind()).isEqualTo("fold");
    LasingBranch.StableEnd end = d.stableEnd();
    assertThat(end.kind()).isEqualTo("fold");
    assertThat(end.pump()).isCloseTo(th.pump(), offset(FOLD_AGREEMENT * th.pump()));
    assertThat(end.bAbs()).isCloseTo(th.bAbs(), offset(1e-4 * th.bAbs())); // |b| at a fold: ~sqrt of the pump's accuracy
  }

  @Test
  void detunedCimDBranchEndsAtTheHopfOfTheNonLasingState() {
    Sample s = SampleGenerator.generate(new SampleSpec(N, 1.0, P.gamma(), 3, 0, 0, P.g()));
    Model m = disperse(ModelKind.CIM_d, s.detunings());
    LasingBranch.Result d = trace(m);
    LasingBranch.StableEnd end = d.stableEnd();
    assertThat(end.kind()).isEqualTo("hopf");
    assertThat(end.bAbs()).isZero();
    // Independent: the root of the non-lasing state's rightmost eigenvalue (a complex pair there).
    double rInst = new NonLasingBranch(new EquilibriumSolver()).instability(m);
    assertThat(end.pump()).isCloseTo(rInst, offset(END_EXTRAPOLATION * rInst));
    assertThat(Math.abs(d.points().get(0).omega())).as("detuned dots pull the frequency").isGreaterThan(1e-3);
  }

  @Test
  void stableEndNamesItsKind() {
    BranchPoint a = new BranchPoint(100, 50, 0, 0, 0, true, -1, -1);
    BranchPoint b = new BranchPoint(60, 40, 0, 0, 0, true, -1, -1);
    BranchPoint c = new BranchPoint(70, 30, 0, 0, 0, false, 1, 1);
    LasingBranch.Fold fold = new LasingBranch.Fold(55, 35, 0.5, true);
    assertThat(new LasingBranch.Result(List.of(a, b, c), List.of(fold)).stableEnd())
        .isEqualTo(new LasingBranch.StableEnd(55, 35, "fold"));
    BranchPoint unstableSameDirection = new BranchPoint(50, 30, 0, 0, 0, false, 1, -1);
    assertThat(new LasingBranch.Result(List.of(a, b, unstableSameDirection), List.of()).stableEnd())
        .isEqualTo(new LasingBranch.StableEnd(60, 40, "instability"));
    assertThat(new LasingBranch.Result(List.of(a, b), List.of()).stableEnd().kind()).startsWith("none");
    // |b|^2 linear in r: (r, |b|) = (20, 2), (11, 1) extrapolates to r = 8 at |b| = 0.
    BranchPoint p = new BranchPoint(20, 2, 0.5, 0, 0, true, -1, -1);
    BranchPoint q = new BranchPoint(11, 1, 0.5, 0, 0, true, -1, -1);
    LasingBranch.StableEnd hopf = new LasingBranch.Result(List.of(a, p, q), List.of()).stableEnd();
    assertThat(hopf.kind()).isEqualTo("hopf");
    assertThat(hopf.pump()).isCloseTo(8.0, offset(1e-12));
  }

  @Test
  void refusesSystemsAboveTheDenseLimit() {
    Sample s = SampleGenerator.generate(new SampleSpec(12, 1.0, P.gamma(), 3, 0, 0, P.g()));
    Model m = Models.disperse(ModelKind.TPM_d, new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(),
        P.r(), s.detunings(), s.couplings()));
    assertThat(m.dimension()).isEqualTo(Models.disperseDimension(ModelKind.TPM_d, 12)).isEqualTo(1037);
    Equilibrium fake = new Equilibrium(m.kind(), P.r(), true, new double[m.dimension()], 0, 1, 1, 0.5, new double[12], true,
        0, 0, 0);
    assertThatThrownBy(() -> new LasingBranch(ContinuationSettings.defaults()).trace(m, fake, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1037").hasMessageContaining("1000");
  }
}
