package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * The sparse stability path (shift-invert Arnoldi on the bordered rotating-frame Jacobian) against
 * the dense one (all eigenvalues by QR on the quotient matrix) on states small enough for both.
 */
class SparseStabilityTest {
  static final LaserParameters P = LaserParameters.tableI();
  /**
   * Both paths use central-difference Jacobians at the same increments; the eigenvalues then agree
   * to ~1e-9 of their scale (measured: 3e-11 absolute on |lambda| ~ 1e-2 .. 10).
   */
  static final double AGREEMENT = 1e-8;

  static Model model(ModelKind kind, int n, double couplingFactor, double r) {
    Sample s = SampleGenerator.generate(new SampleSpec(n, 1.0, P.gamma(), 3, 0, 0, P.g()));
    double[] g = Arrays.stream(s.couplings()).map(c -> c * couplingFactor).toArray();
    return Models.disperse(kind, new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), r, s.detunings(), g));
  }

  static Equilibrium lasing(Model m) {
    RelaxationSettings rs = RelaxationSettings.rotating();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
  }

  /**
   * Stable states: the same rightmost eigenvalue (real part; the imaginary part may belong to
   * another eigenvalue with the same decay rate) and the same verdict. Unstable states: the same
   * verdict, the sparse path's eigenvalue in the right half-plane and not to the right of the
   * dense rightmost (it may report another unstable eigenvalue, see SparseStability.analyse).
   */
  static void assertAgree(Model m, double[] y, double omega, boolean lasing) {
    StabilityAnalyzer.Spectrum dense = StabilityAnalyzer.analyse(m, y, omega, lasing);
    StabilityAnalyzer.Spectrum sparse = SparseStability.analyse(m, y, omega, lasing);
    double scale = Math.max(1.0, Math.hypot(dense.rightmostReal(), dense.rightmostImag()));
    assertThat(sparse.stable()).isEqualTo(dense.stable());
    if (dense.stable()) {
      assertThat(sparse.rightmostReal()).isCloseTo(dense.rightmostReal(), offset(AGREEMENT * scale));
    } else {
      assertThat(sparse.rightmostReal()).isPositive().isLessThanOrEqualTo(dense.rightmostReal() + AGREEMENT * scale);
    }
  }

  @Test
  void stableRotatingLasingStatesOfCimDAndTpmIfD() {
    for (ModelKind k : new ModelKind[] {ModelKind.CIM_d, ModelKind.TPM_IF_d}) {
      Model m = model(k, 50, 1.0, 2e5);
      Equilibrium e = lasing(m);
      assertThat(e.lasing()).as(k.name()).isTrue();
      assertAgree(m, e.state(), e.omega(), true);
    }
  }

  /**
   * TPM_d, 10 dots with three times the Table I coupling: at r = 2e5 the non-lasing state is
   * unstable (rightmost eigenvalue ~ 44), at r = 1e6 a rotating lasing state is stable; both paths
   * must say so.
   */
  @Test
  void tpmDNonLasingHopfInstabilityAndStableLasingState() {
    Model below = model(ModelKind.TPM_d, 10, 3.0, 2e5);
    Equilibrium off = new EquilibriumSolver().polishNonLasing(below, below.noFieldState()).orElseThrow();
    assertThat(off.stable()).isFalse();
    assertAgree(below, off.state(), 0.0, false);

    Model above = model(ModelKind.TPM_d, 10, 3.0, 1e6);
    Equilibrium on = lasing(above);
    assertThat(on.lasing()).isTrue();
    assertThat(on.stable()).isTrue();
    assertAgree(above, on.state(), on.omega(), true);
  }
}
