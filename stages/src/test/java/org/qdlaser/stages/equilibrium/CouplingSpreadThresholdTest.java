package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimResonantThreshold;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * The Reply's reading of "identical" dots (identical couplings g_n): resonant dots with a spread of |g_n| at fixed
 * sum g_n^2. The CIM^(d) threshold search ({@link ThresholdFinder}: relaxation, Newton, bisection of the branch end)
 * against the two-equation reduction of (D1) ({@link CimResonantThreshold}), which shares none of its code; and the
 * reduction against DESIGN.md's closed form for equal couplings.
 */
class CouplingSpreadThresholdTest {
  /** The reduction is solved to round-off; the closed form is the same algebra: agreement to round-off. */
  static final double CLOSED_FORM_RELATIVE = 1e-12;
  /** The search locates the branch end to THRESHOLD_RELATIVE_ACCURACY (1e-10); margin for the Newton residuals. */
  static final double SEARCH_RELATIVE = 1e-8;

  /** The Reply's 40 dots with Table I otherwise (reply-fig1-coupling-spread's parameters). */
  static final int N = 40;

  static DisperseParameters spread(double identicalCouplingFraction) {
    LaserParameters p = LaserParameters.tableI().withN(N).withDeltaNu(0.0);
    Sample s = SampleGenerator.generate(new SampleSpec(N, 0.0, p.gamma(), 1, 0, 0.0, p.g(), identicalCouplingFraction));
    return new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), new double[N], s.couplings());
  }

  @Test
  void equalCouplingsGiveTheClosedForm() {
    LaserParameters p = LaserParameters.tableI().withN(N);
    double nTh = 0.5 * (1 + p.gamma() * p.gammaC() / (N * p.g() * p.g()));
    double rTh = nTh * (p.gammaNr() + p.gammaNl() + 2 * p.g() * p.g() / p.gammaC()) / (1 - nTh);
    CimResonantThreshold.Result r = CimResonantThreshold.of(DisperseParameters.withDetunings(p, new double[N]));
    assertThat(r.pump()).isCloseTo(rTh, offset(CLOSED_FORM_RELATIVE * rTh));
    // p = sum g_l^2 n_l / gamma_c^2 at threshold (the photon balance with the gain condition)
    double photons = N * p.g() * p.g() * nTh / (p.gammaC() * p.gammaC());
    assertThat(r.photons()).isCloseTo(photons, offset(CLOSED_FORM_RELATIVE * photons));
  }

  @Test
  void spreadKeepsTheSumOfSquaredCouplingsButNotTheThreshold() {
    double g2 = LaserParameters.tableI().g() * LaserParameters.tableI().g();
    CimResonantThreshold.Result same = CimResonantThreshold.of(spread(1.0));
    CimResonantThreshold.Result half = CimResonantThreshold.of(spread(0.5));
    assertThat(half.sumSquaredCouplings()).isCloseTo(N * g2, offset(1e-12 * N * g2));
    // Not a function of sum g^2 alone: n_l depends on g_l nonlinearly. The spread lowers the gain at fixed sum.
    assertThat(half.pump()).isGreaterThan(same.pump() * (1 + 1e-6));
  }

  /** golden/reply-fig1-coupling-spread's analytic CIM_d thresholds are the reduction on the study's samples (seed 1). */
  @Test
  void goldenValuesAreTheReductionOfTheStudysSamples() {
    assertThat(CimResonantThreshold.of(spread(0.9)).pump()).isCloseTo(3147.3118023291368, offset(CLOSED_FORM_RELATIVE * 3147.3));
    assertThat(CimResonantThreshold.of(spread(0.5)).pump()).isCloseTo(3360.2907009781347, offset(CLOSED_FORM_RELATIVE * 3360.3));
  }

  @Test
  void thresholdSearchAgreesWithTheReduction() {
    DisperseParameters p = spread(0.5);
    CimResonantThreshold.Result expected = CimResonantThreshold.of(p);
    RelaxationSettings rs = RelaxationSettings.rotating();
    EquilibriumSolver solver = new EquilibriumSolver();
    Threshold found = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver)
        .find(Models.disperse(ModelKind.CIM_d, p));
    assertThat(found.pump()).isCloseTo(expected.pump(), offset(SEARCH_RELATIVE * expected.pump()));
  }
}
