package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisperseParametersTest {

  static DisperseParameters of(double[] det, double[] cpl) {
    return new DisperseParameters(1e4, 10, 0, 1, 0, 2e5, det, cpl);
  }

  @Test
  void arraysAreCopiedInAndOut() {
    double[] det = {1, 2, 3};
    double[] cpl = {70, 71, 72};
    DisperseParameters p = of(det, cpl);
    det[0] = 99;
    cpl[0] = 99;
    assertThat(p.detunings()).containsExactly(1, 2, 3);
    assertThat(p.couplings()).containsExactly(70, 71, 72);
    p.detunings()[1] = 99;
    assertThat(p.detuning(1)).isEqualTo(2);
    assertThat(p.coupling(2)).isEqualTo(72);
    assertThat(p.n()).isEqualTo(3);
    assertThat(p.meanCoupling()).isEqualTo(71);
  }

  @Test
  void valueSemantics() {
    DisperseParameters a = of(new double[] {1, 2}, new double[] {3, 4});
    DisperseParameters b = of(new double[] {1, 2}, new double[] {3, 4});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(of(new double[] {1, 2}, new double[] {3, 5}));
    assertThat(a.toString()).contains("N=2", "[1.0, 2.0]");
  }

  @Test
  void withRChangesOnlyThePump() {
    DisperseParameters a = of(new double[] {1, 2}, new double[] {3, 4});
    DisperseParameters b = a.withR(5.0);
    assertThat(b.r()).isEqualTo(5.0);
    assertThat(b.withR(a.r())).isEqualTo(a);
    assertThat(a.withMu(0.1).mu()).isEqualTo(0.1);
  }

  @Test
  void identicalCopiesEveryRateToEveryDot() {
    LaserParameters p = new LaserParameters(1e4, 10.0, 3.0, 1.0, 70.0, 0.05, 7, 2e5, 123.0);
    DisperseParameters d = DisperseParameters.identical(p);
    assertThat(d.n()).isEqualTo(7);
    assertThat(d.detunings()).hasSize(7).containsOnly(123.0);
    assertThat(d.couplings()).hasSize(7).containsOnly(70.0);
    assertThat(new double[] {d.gamma(), d.gammaC(), d.gammaNl(), d.gammaNr(), d.mu(), d.r()})
        .containsExactly(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r());
  }

  @Test
  void withDetuningsTakesNFromTheDetunings() {
    LaserParameters p = LaserParameters.tableI();
    DisperseParameters d = DisperseParameters.withDetunings(p, new double[] {-1, 0, 1});
    assertThat(d.n()).isEqualTo(3);
    assertThat(d.couplings()).containsOnly(p.g());
    assertThat(d.detunings()).containsExactly(-1, 0, 1);
  }

  @Test
  void invalidInputIsRejectedWithTheOffendingName() {
    assertThatThrownBy(() -> of(new double[] {1, 2}, new double[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 detunings and 1 couplings");
    assertThatThrownBy(() -> of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one dot");
    assertThatThrownBy(() -> of(new double[] {1, Double.NaN}, new double[] {3, 4}))
        .hasMessageContaining("detunings[1]");
    assertThatThrownBy(() -> of(new double[] {1, 2}, new double[] {3, Double.POSITIVE_INFINITY}))
        .hasMessageContaining("couplings[1]");
    assertThatThrownBy(() -> new DisperseParameters(0, 10, 0, 1, 0, 1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("gamma must be positive");
    assertThatThrownBy(() -> new DisperseParameters(1, -10, 0, 1, 0, 1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("gamma_c");
    assertThatThrownBy(() -> new DisperseParameters(1, 10, -1, 1, 0, 1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("gamma_nl");
    assertThatThrownBy(() -> new DisperseParameters(1, 10, 0, 0, 0, 1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("gamma_nr");
    assertThatThrownBy(() -> new DisperseParameters(1, 10, 0, 1, -0.1, 1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("mu");
    assertThatThrownBy(() -> new DisperseParameters(1, 10, 0, 1, 0, -1, new double[] {1}, new double[] {1}))
        .hasMessageContaining("r must be");
    assertThatThrownBy(() -> new DisperseParameters(1, 10, 0, 1, 0, 1, null, new double[] {1}))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("detunings");
  }
}
