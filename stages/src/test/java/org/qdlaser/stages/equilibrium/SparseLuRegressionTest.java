package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * The sparse Newton path's lasing states did not move when the sparse LU changed (row scaling,
 * threshold 1e-3, the sparsest acceptable row for off-diagonal pivots; issue 14). Source of the expected values: regression, `qdlaser point` of commit 4d19005 (the
 * last with the old LU) for the same models, printed to 17 digits.
 */
class SparseLuRegressionTest {
  /**
   * Newton stops at a relative step of 1e-12 (NewtonSettings.defaults), so two LUs with different
   * rounding give states that agree to ~1e-12 relative times the conditioning; the TPM_d N = 50
   * point agreed to 1e-11 (docs/benchmarks.md). A change of the LU that moved the root would move
   * it by far more.
   */
  static final double RELATIVE = 1e-10;

  static final LaserParameters P = LaserParameters.tableI();

  static Equilibrium point(ModelKind kind, int n, double width, double couplingFactor, double r) {
    Sample s = SampleGenerator.generate(new SampleSpec(n, width, P.gamma(), 3, 0, 0, P.g()));
    double[] g = java.util.Arrays.stream(s.couplings()).map(c -> couplingFactor * c).toArray();
    var model = Models.disperse(kind,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), r, s.detunings(), g));
    RelaxationSettings rs = RelaxationSettings.rotating();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver(), TransientBudget.defaults())
        .solve(model);
  }

  @Test
  void tpmDWithTenDotsLasesWhereItDid() {
    // TPM_d, 10 dots (726 rotating-frame unknowns, sparse Newton), w_QD = gamma, seed 3, g = 210, r = 1e15 s^-1:
    // `qdlaser point --model TPM_d --set N=10 --set w_qd=1 --set seed=3 --set g=210 --set r=1e6`.
    Equilibrium e = point(ModelKind.TPM_d, 10, 1.0, 3.0, 1e6);
    assertThat(e.lasing()).isTrue();
    assertThat(e.bAbs()).isCloseTo(436.97129282755037, offset(RELATIVE * 437));
    assertThat(e.omega()).isCloseTo(3.998076993487653, offset(RELATIVE * 4));
  }

  @Test
  void tpmIfDWithFiftyDotsLasesWhereItDid() {
    // TPM_IF_d, 50 dots (456 unknowns, sparse Newton with AMD), w_QD = 0.5 gamma, seed 3,
    // r = 2e14 s^-1: `qdlaser point --model TPM_IF_d --set N=50 --set w_qd=0.5 --set seed=3 --set r=2e14/s`.
    Equilibrium e = point(ModelKind.TPM_IF_d, 50, 0.5, 1.0, 2e5);
    assertThat(e.lasing()).isTrue();
    assertThat(e.bAbs()).isCloseTo(348.9087120417182, offset(RELATIVE * 349));
    assertThat(e.omega()).isCloseTo(0.6725853626445645, offset(RELATIVE * 0.7));
  }
}
