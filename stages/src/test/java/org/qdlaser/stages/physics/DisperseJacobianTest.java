package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.integration.CoRotatingFrame;
import org.qdlaser.stages.numerics.jacobian.ExactJacobianCheck;

/**
 * The exact sparse Jacobians of CIM_d, TPM_IF_d and TPM_d against central differences of their
 * right-hand sides, entry by entry over the whole n x n matrix (so an entry missing from the pattern
 * fails too), at random detunings, couplings, rates and states; and in the co-rotating frame.
 */
public class DisperseJacobianTest {
  /** The RHS is at most quadratic in each unknown: central differences are exact up to rounding for any step. */
  static final double STEP = 0.5;

  /** Random generic parameters: distinct detunings of both signs, distinct couplings, mu, gamma_NL != 0. */
  public static DisperseParameters randomParameters(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] det = new double[n];
    double[] cpl = new double[n];
    for (int l = 0; l < n; l++) {
      det[l] = rnd.nextDouble(-4, 4);
      cpl[l] = rnd.nextDouble(0.5, 2.5);
    }
    return new DisperseParameters(rnd.nextDouble(2, 8), rnd.nextDouble(3, 9), rnd.nextDouble(1, 4), 1.0,
        rnd.nextDouble(0.02, 0.3), rnd.nextDouble(5, 30), det, cpl);
  }

  static Stream<Arguments> cases() {
    return Stream.of(ModelKind.CIM_d, ModelKind.TPM_IF_d, ModelKind.TPM_d)
        .flatMap(k -> Stream.of(3, 5).flatMap(n -> Stream.of(1L, 2L).map(seed -> Arguments.of(k, n, seed))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void exactJacobianEqualsCentralDifferences(ModelKind kind, int n, long seed) {
    Model m = Models.disperse(kind, randomParameters(n, 31 * seed + n));
    assertThat(m.hasSparseJacobian()).isTrue();
    double[] y = DisperseModelContractTest.randomState(m.dimension(), 1000 * seed + n);
    assertThat(ExactJacobianCheck.mismatches(m, 0.0, y, STEP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void coRotatingFrameSubtractsOmegaA(ModelKind kind, int n, long seed) {
    Model m = Models.disperse(kind, randomParameters(n, 17 * seed + n));
    CoRotatingFrame frame = new CoRotatingFrame(m, 0.37 + seed);
    assertThat(frame.hasSparseJacobian()).isTrue();
    double[] y = DisperseModelContractTest.randomState(m.dimension(), 77 * seed + n);
    assertThat(ExactJacobianCheck.mismatches(frame, 0.0, y, STEP)).isEmpty();
  }

  @Test
  void entriesOutsideThePatternAreRefused() {
    Model m = Models.disperse(ModelKind.TPM_d, randomParameters(3, 5));
    JacobianEntries e = DisperseStructure.of(ModelKind.TPM_d, 3).entries();
    double[] v = new double[m.sparsity().nonZeros()];
    // d f_b / d CCcc is structurally zero: (0, last) is not in the pattern.
    assertThatThrownBy(() -> e.add(v, 0, m.dimension() - 1, 1.0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not in the sparsity pattern");
  }

  @Test
  void valuesOfTheWrongLengthAreRefused() {
    Model m = Models.disperse(ModelKind.CIM_d, randomParameters(3, 5));
    assertThatThrownBy(() -> m.sparseJacobian(0, new double[m.dimension()], new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
