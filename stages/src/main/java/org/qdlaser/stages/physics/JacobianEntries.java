package org.qdlaser.stages.physics;

import java.util.Arrays;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * Accumulates partial derivatives df_row/dy_col into the CSR values of a fixed pattern (the
 * polydisperse models' exact Jacobians). Immutable and thread safe (the values array is the
 * caller's); allocation-free.
 */
final class JacobianEntries {
  private final int[] rowStart;
  private final int[] columns;
  private final int nonZeros;

  JacobianEntries(SparsityPattern pattern) {
    this.rowStart = pattern.rowStart();
    this.columns = pattern.columns();
    this.nonZeros = columns.length;
  }

  int nonZeros() {
    return nonZeros;
  }

  /**
   * values[(row, col)] += x.
   *
   * @throws IllegalStateException if (row, col) is not in the pattern: the pattern would then miss a
   *     structural non-zero (a finite-difference Jacobian would silently lose it)
   */
  void add(double[] values, int row, int col, double x) {
    int k = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], col);
    if (k < 0) {
      throw new IllegalStateException("d f_" + row + " / d y_" + col + " is not in the sparsity pattern");
    }
    values[k] += x;
  }
}
