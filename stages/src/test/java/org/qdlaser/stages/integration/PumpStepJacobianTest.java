package org.qdlaser.stages.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qdlaser.stages.numerics.jacobian.ExactJacobianCheck;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/** The pump-step deviation system's exact Jacobian (lab and rotating frames) against central differences. */
class PumpStepJacobianTest {
  /** The deviation's right-hand side is at most quadratic in each unknown: central differences exact to rounding. */
  static final double STEP = 0.5;

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.83})
  void deviationJacobianIsExact(double omega) {
    int n = 4;
    SplittableRandom rnd = new SplittableRandom(41);
    double[] det = new double[n];
    double[] cpl = new double[n];
    for (int l = 0; l < n; l++) {
      det[l] = rnd.nextDouble(-3, 3);
      cpl[l] = rnd.nextDouble(0.5, 2);
    }
    Model m = Models.disperse(ModelKind.TPM_d, new DisperseParameters(4.0, 6.0, 2.0, 1.0, 0.1, 15.0, det, cpl));
    double[] target = new double[m.dimension()];
    double[] u = new double[m.dimension()];
    for (int i = 0; i < target.length; i++) {
      target[i] = rnd.nextDouble(-1, 1);
      u[i] = rnd.nextDouble(-0.2, 0.2);
    }
    PumpStep.Deviation d = new PumpStep.Deviation(m, target, omega);
    assertThat(d.hasSparseJacobian()).isTrue();
    assertThat(ExactJacobianCheck.mismatches(d, 0.0, u, STEP)).isEmpty();
  }
}
