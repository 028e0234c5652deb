package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;

/**
 * The CIM threshold (Delta nu = 0) against the analytic formula of DESIGN.md:
 * <c+c>_th = (1 + gamma gamma_c / (N g^2)) / 2, r_th = <c+c>_th (gamma_nr + gamma_NL + 2 g^2/gamma_c)/(1 - <c+c>_th).
 */
class CimAnalyticThresholdTest {
  /** Brent to 1e-13 in ln r on the determinant of the real charge-1 block: measured <= 1e-10 from gamma_c = 1 up. */
  static final double RELATIVE_TOLERANCE = 1e-10;
  /**
   * The issue's bound, claimed by the finder for pitchforks: at the smallest gamma_c of the Fig. 2
   * manifests (1e8 s^-1) the population 2 Cc - 1 ~ 4e-3 at threshold varies so slowly with r that
   * its rounding moves the root by ~1.5e-9 (the rightmost eigenvalue of the whole Jacobian, used
   * before, by 4e-7).
   */
  static final double SMALL_LOSS_RELATIVE_TOLERANCE = ThresholdFinder.INSTABILITY_RELATIVE_ACCURACY;
  /** The population at threshold comes from a Newton-polished state: rounding level, with margin. */
  static final double POPULATION_TOLERANCE = 1e-9;

  @ParameterizedTest
  @CsvSource({
    // N, g, gamma_c, gamma_nl
    "50, 70, 10, 0",
    "70, 70, 10, 1385.0",
    "70, 150, 100, 1385.0",
    "25, 120, 10, 0",
  })
  void instabilityOfNonLasingStateIsTheAnalyticThreshold(int n, double g, double gammaC, double gammaNl) {
    LaserParameters p = new LaserParameters(1e4, gammaC, gammaNl, 1.0, g, 0.0, n, 1.0, 0.0);
    double ccTh = 0.5 * (1 + p.gamma() * gammaC / (n * g * g));
    double rTh = ccTh * (1 + gammaNl + 2 * g * g / gammaC) / (1 - ccTh);

    EquilibriumSolver solver = new EquilibriumSolver();
    NonLasingBranch nonLasing = new NonLasingBranch(solver);
    double r = nonLasing.instability(new CimModel(p));
    assertThat(r).isCloseTo(rTh, offset(RELATIVE_TOLERANCE * rTh));

    Equilibrium atTh = nonLasing.at(new CimModel(p), r);
    assertThat(atTh.upperPopulationMean()).isCloseTo(ccTh, offset(POPULATION_TOLERANCE));
  }

  /**
   * The smallest gamma_c of the Fig. 2 manifests (1e8 s^-1, N = 50, g = 7e10 s^-1) for the three
   * betas of Figs. 1 and 2: the instability of the non-lasing state to 1e-8 of the analytic threshold.
   */
  @ParameterizedTest
  @CsvSource({"1.0", "7e-4", "3.4e-6"})
  void smallestCavityLossOfFig2ToTheIssueAccuracy(double beta) {
    double gammaC = 0.1;
    double gammaNl = LaserParameters.gammaNlFromBeta(beta, LaserParameters.GAMMA_L_TABLE_I);
    LaserParameters p = new LaserParameters(1e4, gammaC, gammaNl, 1.0, 70, 0.0, 50, 1.0, 0.0);
    double ccTh = 0.5 * (1 + p.gamma() * gammaC / (50 * 70.0 * 70.0));
    double rTh = ccTh * (1 + gammaNl + 2 * 70.0 * 70.0 / gammaC) / (1 - ccTh);
    double r = new NonLasingBranch(new EquilibriumSolver()).instability(new CimModel(p));
    assertThat(r).isCloseTo(rTh, offset(SMALL_LOSS_RELATIVE_TOLERANCE * rTh));
  }

  /**
   * Fig. 2(b), beta = 3.4e-6, gamma_c = 1.97e8 s^-1: the full threshold search ended its bisection
   * on a spurious lasing state (|b| ~ 1e-5 beside ~4e7 incoherent photons) just below the
   * instability, and called the minimum of r(|b|) there, at the instability with |b| = 1.6e-3, a
   * fold. It is the pitchfork.
   */
  @Test
  void macroscopicLaserThresholdIsThePitchforkNotAFold() {
    double gammaC = 0.19734038879461296;
    double gammaNl = LaserParameters.gammaNlFromBeta(3.4e-6, LaserParameters.GAMMA_L_TABLE_I);
    LaserParameters p = new LaserParameters(1e4, gammaC, gammaNl, 1.0, 70, 0.0, 50, 1.0, 0.0);
    double ccTh = 0.5 * (1 + p.gamma() * gammaC / (50 * 70.0 * 70.0));
    double rTh = ccTh * (1 + gammaNl + 2 * 70.0 * 70.0 / gammaC) / (1 - ccTh);
    RelaxationSettings rs = RelaxationSettings.defaults();
    EquilibriumSolver solver = new EquilibriumSolver();
    Threshold th = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver)
        .find(new CimModel(p));
    assertThat(th.kind()).isEqualTo("pitchfork");
    assertThat(th.bAbs()).isZero();
    assertThat(th.pump()).isCloseTo(rTh, offset(SMALL_LOSS_RELATIVE_TOLERANCE * rTh));
  }
}
