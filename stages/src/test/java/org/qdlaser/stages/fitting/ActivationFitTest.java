package org.qdlaser.stages.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
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

/** Eq. (2) fitted to the unscaled activation (a_L = the height of |<v+c>|^2, Sec. IV) and to the scaled one (Fig. 4). */
class ActivationFitTest {
  /** Levenberg-Marquardt on exact data stops at its relative tolerance 1e-10; 1e-8 leaves margin. */
  static final double EXACT_DATA_TOLERANCE = 1e-8;

  /** Exact Lorentzian data: the unscaled fit returns its height and width; the scaled one height 1, same width. */
  @Test
  void recoversAKnownLorentzian() {
    double a = 0.37;
    double w = 1.9;
    double[] x = new double[41];
    double[] y = new double[41];
    for (int i = 0; i < x.length; i++) {
      x[i] = -5 + 0.25 * i;
      y[i] = a / (1 + (x[i] / w) * (x[i] / w));
    }
    ActivationFit f = ActivationFit.of(x, y);
    assertThat(f.maxActivation()).isEqualTo(a);
    assertThat(f.unscaled().aL()).isCloseTo(a, offset(EXACT_DATA_TOLERANCE * a));
    assertThat(f.unscaled().wL()).isCloseTo(w, offset(EXACT_DATA_TOLERANCE * w));
    assertThat(f.unscaled().rSquared()).isCloseTo(1.0, offset(1e-12));
    assertThat(f.scaled().aL()).isCloseTo(1.0, offset(EXACT_DATA_TOLERANCE));
    assertThat(f.scaled().wL()).isCloseTo(w, offset(EXACT_DATA_TOLERANCE * w));
  }

  /**
   * A CIM^(d) lasing state (Table I, S3 core + tail, w_QD = gamma), whose activation curve is known
   * in closed form: (D1b) at a state rotating at omega gives |<v_l+ c_l>|^2 = g^2 |b|^2 (2 n_l - 1)^2
   * / (gamma^2 + (omega - dnu_l)^2). The unscaled fit measures that curve's height (~|b|^2 g^2 (2n -
   * 1)^2 / gamma^2, not ~1), the scaled fit the same curve over its maximum.
   */
  @Test
  void unscaledAndScaledFitsOfAKnownState() {
    LaserParameters p = LaserParameters.tableI();
    Sample s = SampleGenerator.generate(new SampleSpec(p.n(), 1.0, p.gamma(), 3, 5, 0, p.g()));
    Model m = Models.disperse(ModelKind.CIM_d,
        new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), s.detunings(), s.couplings()));
    RelaxationSettings rs = RelaxationSettings.rotating();
    Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
    assertThat(e.lasing()).isTrue();

    double[] act = e.activation();
    double[] det = s.detunings();
    double[] x = new double[act.length];
    double max = 0;
    for (int l = 0; l < act.length; l++) {
      double n = e.state()[m.layout().field("Cc[" + l + "]").offset()];
      double dw = e.omega() - det[l];
      double known = p.g() * p.g() * e.bAbs() * e.bAbs() * (2 * n - 1) * (2 * n - 1) / (p.gamma() * p.gamma() + dw * dw);
      // Newton-polished state (residual ~1e-9 of its scale): the closed form holds to rounding.
      assertThat(act[l]).isCloseTo(known, offset(1e-8 * known));
      x[l] = det[l] / p.gamma();
      max = Math.max(max, act[l]);
    }

    ActivationFit f = ActivationFit.of(x, act);
    assertThat(f.maxActivation()).isEqualTo(max);
    // Least squares is equivariant under scaling the data: the two independent fits agree.
    assertThat(f.scaled().aL() * max).isCloseTo(f.unscaled().aL(), offset(1e-7 * f.unscaled().aL()));
    assertThat(f.scaled().wL()).isCloseTo(f.unscaled().wL(), offset(1e-7 * f.unscaled().wL()));
    assertThat(f.scaled().rSquared()).isCloseTo(f.unscaled().rSquared(), offset(1e-9));
    // The unscaled height is the physical one, the scaled ~1 (the paper's Fig. 4: 1.016).
    assertThat(f.unscaled().aL()).isCloseTo(max, offset(0.1 * max));
    assertThat(f.scaled().aL()).isCloseTo(1.0, offset(0.1));
    assertThat(Math.abs(f.unscaled().aL() - f.scaled().aL())).as("unscaled and scaled differ").isGreaterThan(0.01);
  }

  @Test
  void rejectsANonLasingCurve() {
    assertThatThrownBy(() -> ActivationFit.of(new double[] {-1, 0, 1}, new double[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not lasing");
    assertThatThrownBy(() -> ActivationFit.of(new double[] {-1, 0, 1}, new double[] {0, Double.NaN, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
  }
}
