package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * Stability labels on both sides of an ill-conditioned fold: TPM (mu = 0) at the Fig. 1(a)
 * parameters with g = 5e11 s^-1 (N = 70, beta = 7e-4, gamma_c = 1e10 s^-1). The balanced Jacobian
 * norm is ~1e7 while the deciding eigenvalues are |lambda| &lt; 6e-4; a margin of 1e-10 of the norm
 * called the whole unstable branch past the fold stable.
 */
class StabilityNearFoldTest {
  static final double G = 500; // 5e11 s^-1
  /** Fold of this branch, r ~ 3.54e6 (3.54e15 s^-1): the branch is started at 1.5 times it. */
  static final double START_PUMP = 5.3e6;
  /** Relative perturbation of Re b for the integrations. */
  static final double KICK = 1e-6;
  /**
   * Integration window (1/gamma_nr): ~10 e-folding times of the unstable eigenvalue on the lower
   * branch (~3e-4 at |b| = 0.8 |b|_fold) and of the decay on the upper one (~-2e-4 at 1.2 |b|_fold).
   */
  static final double WINDOW = 3e4;
  /**
   * Growth of the perturbation of |b| over the window: e^(lambda T) ~ e^(+-6 .. 9) for the two
   * states; a factor 10 either way leaves room for the transient of the fast modes.
   */
  static final double GROWTH = 10;
  /** Integrator tolerances: the error per window must stay far below KICK * |b|. */
  static final double RTOL = 1e-11;
  static final double ATOL = 1e-9;

  static Model tpm() {
    double gammaNl = LaserParameters.gammaNlFromBeta(7e-4, LaserParameters.GAMMA_L_TABLE_I);
    return Models.identical(ModelKind.TPM, new LaserParameters(1e4, 10, gammaNl, 1.0, G, 0.0, 70, START_PUMP, 0.0));
  }

  static Equilibrium start(Model m) {
    RelaxationSettings rs = RelaxationSettings.defaults();
    Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
    assertThat(e.lasing()).isTrue();
    assertThat(e.stable()).isTrue();
    return e;
  }

  /**
   * A saddle-node: one real eigenvalue crosses zero exactly where d(ln r)/ds changes sign, and no
   * other eigenvalue is near zero on this stretch. Every traced point is therefore stable before the
   * fold and unstable after it, and the eigenvalues on both sides must be resolved from zero.
   */
  @Test
  void stabilityChangesExactlyAtTheFold() {
    Model m = tpm();
    Equilibrium e = start(m);
    LasingBranch.Result res = new LasingBranch(ContinuationSettings.defaults(), true).trace(m, e, START_PUMP / 100);
    List<BranchPoint> pts = res.points();
    double startSlope = Math.signum(pts.get(0).dlogrds());
    long past = pts.stream().filter(p -> Math.signum(p.dlogrds()) != startSlope).count();
    assertThat(past).as("points past the fold").isGreaterThanOrEqualTo(LasingBranch.UNSTABLE_POINTS_PAST_FOLD);
    for (BranchPoint p : pts) {
      boolean beforeFold = Math.signum(p.dlogrds()) == startSlope;
      assertThat(p.stable()).as("r = %s, |b| = %s, lambda = %s, d ln r/ds = %s", p.pump(), p.bAbs(),
          p.rightmostEigenvalue(), p.dlogrds()).isEqualTo(beforeFold);
    }
    assertThat(res.stableEnd().kind()).isEqualTo("fold");
  }

  /**
   * The truth by time integration, independent of any Jacobian: from states on the upper and the
   * lower branch (|b| = 1.2 and 0.8 times the fold amplitude) kicked by 1e-6 in Re b, the deviation
   * of |b| decays on the upper branch and grows on the lower one; the analyser agrees.
   */
  @Test
  void integrationFromKickedStatesAgreesWithTheLabels() {
    Model m = tpm();
    Equilibrium e = start(m);
    Threshold th = new ThresholdFinder(null, new EquilibriumSolver())
        .findInBracket(m, e, new EquilibriumSolver().polishNonLasing(m.withPump(1e6), m.noFieldState()).orElseThrow());
    assertThat(th.kind()).isEqualTo("fold");
    AmplitudeBranch branch = new AmplitudeBranch(m, new NewtonSolver(NewtonSettings.defaults()));
    AmplitudeBranch.Point upper = branch.solveTowards(1.2 * th.bAbs(), branch.from(e)).orElseThrow();
    AmplitudeBranch.Point fold = branch.solveTowards(th.bAbs(), upper).orElseThrow();
    AmplitudeBranch.Point lower = branch.solveTowards(0.8 * th.bAbs(), fold).orElseThrow();

    assertThat(growth(m, upper)).as("upper branch").isLessThan(1 / GROWTH);
    assertThat(StabilityAnalyzer.analyse(m.withPump(upper.pump()), upper.state(), upper.omega(), true).stable()).isTrue();
    assertThat(growth(m, lower)).as("lower branch").isGreaterThan(GROWTH);
    assertThat(StabilityAnalyzer.analyse(m.withPump(lower.pump()), lower.state(), lower.omega(), true).stable()).isFalse();
  }

  /** |b(T) - b*| / |b(0) - b*| after a kick of Re b, integrating the lab-frame equations (omega = 0 here). */
  static double growth(Model family, AmplitudeBranch.Point p) {
    Model m = family.withPump(p.pump());
    double[] y = p.state();
    double b = m.fieldAmplitude(y);
    int reB = m.layout().field("b").offset();
    y[reB] += KICK * b;
    BdfIntegrator bdf = new BdfIntegrator(BdfSettings.of(RTOL, ATOL).withMaxOrder(Integrators.LASER_MAX_ORDER));
    double[] end = bdf.integrate(m, 0.0, y, WINDOW, (t, yy, yd) -> {}, (t, yy, yd) -> false).y();
    return Math.abs(m.fieldAmplitude(end) - b) / (KICK * b);
  }
}
