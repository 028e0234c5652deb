package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * The Reply's "fraction of identical dots" at 100 %: the sample is N dots at zero detuning, and
 * TPM^(d) on it is TPM (identical dots, Delta nu = 0) exactly, whatever the width and seed of the
 * (empty) Gaussian part. The Reply's red star is then the limit of its diamond and cross.
 */
class IdenticalFractionReductionTest {
  /** Newton-polished lasing states of the two models: same equations, so agreement to Newton's tolerance. */
  static final double STATE_RELATIVE_TOLERANCE = 1e-8;

  static final int N = 5;

  /** Five dots lase only with a stronger coupling than Table I's (the CIM needs N g^2 > gamma gamma_c). */
  static final double G = 200.0;

  static LaserParameters tpmParameters() {
    return LaserParameters.tableI().withN(N).withG(G).withMu(0.0).withDeltaNu(0.0);
  }

  static Model tpmD(LaserParameters p, double fraction) {
    Sample s = SampleGenerator.generate(new SampleSpec(N, 1.0, p.gamma(), 7, 0, fraction, p.g()));
    return Models.disperse(ModelKind.TPM_d,
        new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), s.detunings(), s.couplings()));
  }

  @Test
  void fullFractionGivesZeroDetuningsAndTheIdenticalCouplings() {
    LaserParameters p = tpmParameters();
    Sample s = SampleGenerator.generate(new SampleSpec(N, 2.0, p.gamma(), 3, 0, 1.0, p.g()));
    assertThat(s.detunings()).containsOnly(0.0);
    assertThat(s.couplings()).containsOnly(p.g());
  }

  @Test
  void tpmDWithAllDotsIdenticalHasTheRhsOfTpm() {
    LaserParameters p = tpmParameters();
    DisperseReductionTest.assertReduces(Models.identical(ModelKind.TPM, p), tpmD(p, 1.0));
  }

  @Test
  void tpmDWithAllDotsIdenticalLasesAsTpm() {
    LaserParameters p = tpmParameters().withR(2e5);
    RelaxationSettings rs = RelaxationSettings.defaults();
    PointSolver points = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver());
    Equilibrium tpm = points.solve(Models.identical(ModelKind.TPM, p));
    Equilibrium d = points.solve(tpmD(p, 1.0));
    assertThat(tpm.lasing()).isTrue();
    assertThat(d.lasing()).isTrue();
    assertThat(d.bAbs()).isCloseTo(tpm.bAbs(), offset(STATE_RELATIVE_TOLERANCE * tpm.bAbs()));
    assertThat(d.photons()).isCloseTo(tpm.photons(), offset(STATE_RELATIVE_TOLERANCE * tpm.photons()));
    assertThat(d.upperPopulationMean()).isCloseTo(tpm.upperPopulationMean(), offset(STATE_RELATIVE_TOLERANCE));
    assertThat(d.omega()).as("resonant dots: no rotation").isCloseTo(0.0, offset(STATE_RELATIVE_TOLERANCE * p.gamma()));
  }
}
