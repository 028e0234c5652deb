package org.qdlaser.stages.numerics.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparseMatrixTest {

  @Test
  void denseRoundTripKeepsValuesAndPattern() {
    double[] a = {
      1, 0, 2,
      0, 0, 3,
      4, 5, 0
    };
    SparseMatrix m = SparseMatrix.fromDense(a, 3, false);
    assertThat(m.nonZeros()).isEqualTo(5);
    assertThat(m.toDense()).containsExactly(a);
    assertThat(m.position(1, 1)).isEqualTo(-1);
    assertThat(m.get(2, 1)).isEqualTo(5.0);
    assertThat(SparseMatrix.fromDense(a, 3, true).nonZeros()).isEqualTo(7);
  }

  @Test
  void multiplyMatchesDenseProduct() {
    double[] a = SparseTestMatrices.random(40, 4, 2.0, 7);
    SparseMatrix m = SparseMatrix.fromDense(a, 40, false);
    double[] x = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i] = Math.cos(i);
    }
    double[] y = new double[40];
    m.multiply(x, y);
    for (int i = 0; i < 40; i++) {
      double s = 0;
      for (int j = 0; j < 40; j++) {
        s += a[i * 40 + j] * x[j];
      }
      // Same products, possibly summed in the same order: equal to rounding.
      assertThat(y[i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-13));
    }
  }

  @Test
  void setOutsideThePatternIsRejected() {
    SparseMatrix m = new SparseMatrix(SparsityPattern.fromRows(new int[][] {{0}, {0, 1}}));
    m.set(1, 0, 2.5);
    assertThat(m.values()).containsExactly(0.0, 2.5, 0.0);
    assertThatThrownBy(() -> m.set(0, 1, 1.0)).hasMessageContaining("(0, 1)");
    m.clear();
    assertThat(m.get(1, 0)).isZero();
  }
}
