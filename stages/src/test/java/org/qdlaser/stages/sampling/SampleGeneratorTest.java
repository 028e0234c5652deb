package org.qdlaser.stages.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleGeneratorTest {
  static final double GAMMA = 1e4;

  @Test
  void sameSeedSameSampleDifferentSeedDifferentSample() {
    SampleSpec s = new SampleSpec(50, 1.0, GAMMA, 3, 0, 0, 70);
    assertThat(SampleGenerator.generate(s).detunings()).isEqualTo(SampleGenerator.generate(s).detunings());
    SampleSpec t = new SampleSpec(50, 1.0, GAMMA, 4, 0, 0, 70);
    assertThat(SampleGenerator.generate(t).detunings()).isNotEqualTo(SampleGenerator.generate(s).detunings());
  }

  @Test
  void gaussianMomentsMatchTheWidth() {
    int n = 200_000;
    Sample s = SampleGenerator.generate(new SampleSpec(n, 0.5, GAMMA, 1, 0, 0, 70));
    double sigma = 0.5 * GAMMA;
    // Five standard errors: fails by chance with probability ~6e-7.
    assertThat(s.meanDetuning()).isCloseTo(0.0, offset(5 * sigma / Math.sqrt(n)));
    assertThat(s.detuningStd()).isCloseTo(sigma, offset(5 * sigma / Math.sqrt(2.0 * n)));
  }

  @Test
  void coreAndTailOfAppendixF() {
    Sample s = SampleGenerator.generate(new SampleSpec(50, 1.0, GAMMA, 7, 5, 0, 70));
    double[] d = s.detunings();
    for (int k = 1; k <= 5; k++) {
      final double v = k * GAMMA;
      assertThat(Arrays.stream(d).filter(x -> x == v).count()).isEqualTo(1);
      assertThat(Arrays.stream(d).filter(x -> x == -v).count()).isEqualTo(1);
    }
  }

  @Test
  void identicalFractionOfTheReply() {
    Sample s = SampleGenerator.generate(new SampleSpec(40, 1.0, GAMMA, 2, 0, 0.9, 70));
    assertThat(Arrays.stream(s.detunings()).filter(x -> x == 0.0).count()).isEqualTo(36);
  }

  @Test
  void badSpecsNameTheField() {
    assertThatThrownBy(() -> new SampleSpec(50, -1, GAMMA, 1, 0, 0, 70)).hasMessageContaining("w_qd");
    assertThatThrownBy(() -> new SampleSpec(50, 1, GAMMA, 1, 30, 0, 70)).hasMessageContaining("tail");
    assertThatThrownBy(() -> new SampleSpec(50, 1, GAMMA, 1, 0, 1.5, 70)).hasMessageContaining("identical_fraction");
  }

  @Test
  void seedOneIsFrozen() {
    // Frozen on 2026-11-22 (OpenJDK 17, x86_64). WELL19937c + FastMath are pure Java, so every JVM
    // must give these bits; if this fails, every stored sample (S1..S10) has changed.
    double[] d = SampleGenerator.generate(new SampleSpec(3, 1.0, 1.0, 1, 0, 0, 70)).detunings();
    assertThat(d).containsExactly(1.327000036267693, 0.652957260103647, 1.74353241141009);
  }

  /** The Reply's "identical coefficients" reading: the fraction keeps g, the others spread at the same sum g^2. */
  @Test
  void couplingSpreadKeepsTheFractionAndTheSumOfSquares() {
    int n = 40;
    double g = 70;
    Sample s = SampleGenerator.generate(new SampleSpec(n, 0.0, GAMMA, 1, 0, 0, g, 0.5));
    double[] c = s.couplings();
    assertThat(Arrays.copyOfRange(c, 0, 20)).containsOnly(g);
    assertThat(Arrays.stream(c, 20, n).filter(x -> x == g).count()).isZero();
    assertThat(Arrays.stream(c, 20, n).allMatch(x -> x >= 0 && x <= g * Math.sqrt(20))).isTrue();
    double sum = Arrays.stream(c).map(x -> x * x).sum();
    assertThat(sum).isCloseTo(n * g * g, offset(1e-12 * n * g * g));
    assertThat(s.detunings()).containsOnly(0.0, -0.0);
  }

  /** The coupling draws come after the detunings: a sample's detunings do not depend on its coupling fraction. */
  @Test
  void couplingSpreadLeavesTheDetuningsAsTheyWere() {
    SampleSpec plain = new SampleSpec(50, 1.0, GAMMA, 3, 0, 0, 70);
    SampleSpec spread = new SampleSpec(50, 1.0, GAMMA, 3, 0, 0, 70, 0.9);
    assertThat(SampleGenerator.generate(spread).detunings()).isEqualTo(SampleGenerator.generate(plain).detunings());
    assertThat(SampleGenerator.generate(plain).couplings()).containsOnly(70.0);
    assertThatThrownBy(() -> new SampleSpec(50, 1.0, GAMMA, 3, 0, 0, 70, 1.5))
        .hasMessageContaining("identical_coupling_fraction must be in [0, 1], got 1.5");
  }
}
