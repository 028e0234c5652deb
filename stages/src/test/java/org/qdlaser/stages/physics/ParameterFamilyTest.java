package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parameter families: the base value gives the base model; each parameter changes what it names. */
class ParameterFamilyTest {
  static final LaserParameters P = LaserParameters.tableI();

  static double[] rhs(Model m, double[] y) {
    double[] f = new double[m.dimension()];
    m.rhs(0.0, y, f);
    return f;
  }

  static double[] randomState(int n, long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble();
    }
    return y;
  }

  @Test
  void baseValueReproducesTheModelAndEachIdenticalParameterMatchesItsRecordField() {
    Model base = Models.identical(ModelKind.TPM, P.withMu(0.05));
    double[] y = randomState(base.dimension(), 1);
    for (String name : new String[] {"r", "g", "gamma_c", "gamma_nl", "gamma", "mu", "delta_nu"}) {
      ParameterFamily f = ParameterFamily.identical(name, ModelKind.TPM, P.withMu(0.05));
      assertThat(rhs(f.at(f.base()), y)).as(name).containsExactly(rhs(base, y));
    }
    ParameterFamily g = ParameterFamily.identical("g", ModelKind.TPM, P);
    assertThat(rhs(g.at(80), y)).containsExactly(rhs(Models.identical(ModelKind.TPM, P.withG(80)), y));
    assertThat(ParameterFamily.identical("mu", ModelKind.TPM, P).logarithmic()).isFalse();
    assertThat(ParameterFamily.identical("gamma_c", ModelKind.TPM, P).admissible(0.0)).isFalse();
  }

  @Test
  void widthFamilyRescalesTheSampleAndCouplingFamilyItsMean() {
    double[] det = {-3000, 500, 12000, -7000};
    double[] g = {60, 70, 80, 70};
    DisperseParameters dp = new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(), det, g);
    ParameterFamily w = ParameterFamily.disperse("w_qd", ModelKind.CIM_d, dp);
    double rms = Math.sqrt(Arrays.stream(det).map(d -> d * d).average().orElseThrow());
    assertThat(w.base()).isCloseTo(rms / P.gamma(), offset(1e-15));
    Model m = w.at(2 * w.base());
    double[] y = randomState(m.dimension(), 2);
    double[] twice = Arrays.stream(det).map(d -> 2 * d).toArray();
    assertThat(rhs(m, y)).containsExactly(rhs(Models.disperse(ModelKind.CIM_d,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(), twice, g)), y));
    ParameterFamily c = ParameterFamily.disperse("g", ModelKind.CIM_d, dp);
    assertThat(c.base()).isCloseTo(70.0, offset(1e-12));
    assertThatThrownBy(() -> ParameterFamily.disperse("delta_nu", ModelKind.CIM_d, dp))
        .hasMessageContaining("delta_nu").hasMessageContaining("w_qd");
    assertThatThrownBy(() -> ParameterFamily.identical("w_qd", ModelKind.CIM, P)).hasMessageContaining("allowed");
  }
}
