package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimAdiabaticLimit;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.TpmModel;

/**
 * The relaxation oscillation read off the spectrum: what counts as a pair, and the CIM's pair
 * against the closed-form small-signal analysis of its adiabatic rate-equation limit
 * (CimAdiabaticLimit) where that limit holds.
 */
class RelaxationOscillationTest {
  static StabilityAnalyzer.Eigenvalues ev(double norm, double... reIm) {
    double[] re = new double[reIm.length / 2];
    double[] im = new double[reIm.length / 2];
    for (int i = 0; i < re.length; i++) {
      re[i] = reIm[2 * i];
      im[i] = reIm[2 * i + 1];
    }
    return new StabilityAnalyzer.Eigenvalues(re, im, norm);
  }

  @Test
  void rightmostComplexPairWithASlowerRealModeIsNotLeading() {
    var a = ev(1e4, -0.02, 0, -5000, 53460, -5000, -53460, -5006, 53617, -5006, -53617, -1e4, 0);
    var b = ev(1e4, -0.02, 0, -5000 + 1e-7, 53460, -5000 + 1e-7, -53460, -5006, 53617, -5006, -53617, -1e4, 0);
    RelaxationOscillation ro = RelaxationOscillation.fromSpectra(a, b, true).orElseThrow();
    assertThat(ro.frequency()).isEqualTo(53460);
    assertThat(ro.damping()).isEqualTo(5000);
    assertThat(ro.leading()).isFalse();
    assertThat(ro.slowerRealRate()).isEqualTo(0.02);
    assertThat(ro.separation()).isCloseTo(Math.hypot(6, 157), within(1e-9));
    assertThat(ro.uncertainty()).isCloseTo(1e-7, within(1e-12));
  }

  @Test
  void aPairRightOfEveryRealModeLeads() {
    var a = ev(1e3, -131.9, 388.6, -131.9, -388.6, -400, 0);
    RelaxationOscillation ro = RelaxationOscillation.fromSpectra(a, a, true).orElseThrow();
    assertThat(ro.leading()).isTrue();
    assertThat(ro.slowerRealRate()).isNaN();
    assertThat(ro.qualityFactor()).isCloseTo(388.6 / (2 * 131.9), within(1e-12));
    assertThat(ro.frequencyPerSecond(1e9)).isCloseTo(3.886e11, within(1.0));
  }

  @Test
  void degenerateRealPairsFromRoundingAreReal() {
    // TPM, Table I, r = 3e4 (non-lasing): the double real eigenvalue -1.551e-3 of the identical
    // charge-1 blocks comes out of the QR iteration with +-7.2e-12 i.
    var a = ev(1e5, -1.551e-3, 7.222e-12, -1.551e-3, -7.222e-12, -2.0, 0);
    var b = ev(1e5, -1.551e-3, 0, -1.551e-3, 0, -2.0, 0);
    assertThat(RelaxationOscillation.fromSpectra(a, b, true)).isEmpty();
  }

  @Test
  void pairsAPumpStepCannotExciteAreSkipped() {
    // TPM, Table I, 2e14 s^-1: the rightmost pair, -4995.8 +- 53618 i, lies in the phase quadrature
    // (conjugation-odd sector of resonant identical dots), which a pump step leaves at rest: its
    // amplitudes are at the rounding level (1e-12). The relaxation oscillation is the next pair,
    // -5015.4 +- 48597 i, excited weakly (1.8e-6 of the population per relative step).
    TpmModel m = new TpmModel(LaserParameters.tableI());
    Equilibrium e = steady(m);
    var first = StabilityAnalyzer.denseEigenvalues(m, e.state(), e.omega(), true, 1.0);
    var second = StabilityAnalyzer.denseEigenvalues(m, e.state(), e.omega(), true, StabilityAnalyzer.NOISE_STEP_FACTOR);
    RelaxationOscillation rightmost = RelaxationOscillation.fromSpectra(first, second, true).orElseThrow();
    assertThat(rightmost.frequency()).isCloseTo(53617.7, within(0.1));
    PumpStepResponse resp = new PumpStepResponse(m, e.state(), e.omega(), true);
    double[][] c = resp.modeAmplitudes(-rightmost.damping(), rightmost.frequency(),
        PumpStepResponse.populationGradient(m), PumpStepResponse.photonGradient(m));
    assertThat(2 * Math.hypot(c[0][0], c[0][1]) * m.pump()).isLessThan(RelaxationOscillation.EXCITED / 100);
    RelaxationOscillation ro = RelaxationOscillation.of(m, e).orElseThrow();
    assertThat(ro.frequency()).isCloseTo(48597.0, within(0.5));
    assertThat(ro.damping()).isCloseTo(5015.4, within(0.1));
    assertThat(ro.populationAmplitude()).isBetween(1e-6, 3e-6);
    assertThat(ro.leading()).isFalse();
  }

  static Equilibrium steady(Model m) {
    RelaxationSettings rs = RelaxationSettings.defaults();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
  }

  /**
   * gamma = 1e14 s^-1, gamma_c = 1e12 s^-1, g = 3.16e11 s^-1, N = 2000, beta = 1: gamma exceeds the
   * other rates of the stable states below by ~50 (r_th = 6.0e11 s^-1). The second set multiplies
   * gamma and g^2 by 10 (same G = N g^2 / gamma and a = g^2 / kappa): eps falls tenfold.
   */
  static LaserParameters adiabatic(double gamma, double r) {
    return new LaserParameters(gamma, 1000, 0.0, 1.0, Math.sqrt(gamma), 0.0, 2000, r, 0.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {100, 300, 600, 800, 1000})
  void cimPairMatchesTheAdiabaticSmallSignalAnalysis(double r) {
    double[] errors = new double[2];
    int k = 0;
    for (double gamma : new double[] {1e5, 1e6}) {
      LaserParameters p = adiabatic(gamma, r);
      CimModel m = new CimModel(p);
      Equilibrium e = steady(m);
      CimAdiabaticLimit lim = new CimAdiabaticLimit(p);
      CimAdiabaticLimit.State s = lim.steadyState();
      // The limit's steady state is the CIM's exactly (V and P are algebraic at a steady state).
      assertThat(s.lasing()).isEqualTo(e.lasing());
      assertThat(s.upperPopulation()).isCloseTo(e.upperPopulationMean(), within(1e-10));
      assertThat(s.photons()).isCloseTo(e.photons(), within(1e-10 * e.photons()));
      assertThat(s.b()).isCloseTo(e.bAbs(), within(1e-8 * (1 + e.bAbs())));
      CimAdiabaticLimit.Mode analytic = s.oscillation();
      RelaxationOscillation full = RelaxationOscillation.of(m, e).orElseThrow();
      double lambda = analytic.modulus();
      double error = Math.hypot(full.frequency() - analytic.frequency(), full.damping() - analytic.damping());
      double eps = lim.smallParameter(s, analytic);
      // First order in eps (CimAdiabaticLimit: each coupling through V or P is off by a relative
      // O(eps)); measured 0.3 to 0.65 eps |lambda|.
      assertThat(eps).isLessThan(0.05);
      assertThat(error).as("|lambda_CIM - lambda_limit| at gamma = %s, r = %s", gamma, r).isLessThan(eps * lambda);
      errors[k++] = error / lambda;
    }
    // Tenfold smaller eps, tenfold smaller error (measured 9.9x): the limit is approached at first order.
    assertThat(errors[1]).isLessThan(errors[0] / 5);
  }

  @Test
  void adiabaticLimitFailsAtTableI() {
    // Table I just above threshold (r = 3e12 s^-1): the rates of the lasing state are comparable to
    // gamma (r_th = 2334 gamma_nr against gamma = 1e4): the limit predicts an overdamped (all real)
    // spectrum where the CIM has its pair -6507 +- 5573 i, the population's oscillation with the
    // photon-assisted polarisation <b c+ v>. The two slow real modes agree, as they should.
    LaserParameters p = LaserParameters.tableI().withR(3000);
    CimAdiabaticLimit.State s = new CimAdiabaticLimit(p).steadyState();
    assertThat(s.lasing()).isTrue();
    assertThat(s.oscillation()).isNull();
    Optional<RelaxationOscillation> full = RelaxationOscillation.of(new CimModel(p), steady(new CimModel(p)));
    assertThat(full).isPresent();
    assertThat(full.get().frequency()).isCloseTo(5573.35, within(0.01));
    assertThat(full.get().slowerRealRate()).isCloseTo(-max(s.re()), within(1e-3 * -max(s.re())));
  }

  static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
