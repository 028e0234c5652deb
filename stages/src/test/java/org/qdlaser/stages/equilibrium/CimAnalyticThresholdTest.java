package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;

/**
 * The CIM threshold (Delta nu = 0) against the analytic formula of DESIGN.md:
 * <c+c>_th = (1 + gamma gamma_c / (N g^2)) / 2, r_th = <c+c>_th (gamma_nr + gamma_NL + 2 g^2/gamma_c)/(1 - <c+c>_th).
 */
class CimAnalyticThresholdTest {
  /** The accuracy the threshold finder claims (Brent to 1e-13 on a finite-difference eigenvalue). */
  static final double RELATIVE_TOLERANCE = ThresholdFinder.THRESHOLD_RELATIVE_ACCURACY;
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
    ThresholdFinder finder = new ThresholdFinder(null, solver);
    double r = finder.nonLasingInstability(new CimModel(p));
    assertThat(r).isCloseTo(rTh, offset(RELATIVE_TOLERANCE * rTh));

    Equilibrium atTh = finder.nonLasingAt(new CimModel(p), r);
    assertThat(atTh.upperPopulationMean()).isCloseTo(ccTh, offset(POPULATION_TOLERANCE));
  }
}
