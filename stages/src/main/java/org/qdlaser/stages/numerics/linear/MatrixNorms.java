package org.qdlaser.stages.numerics.linear;

/** Norms of dense matrices, written once: the stability verdict's noise scale and the solvers' tests use the same. */
public final class MatrixNorms {
  private MatrixNorms() {}

  /**
   * The infinity norm, max over rows of the sum of absolute values (summed in column order, so the same
   * matrix gives the same bits everywhere).
   *
   * @param a rows of the matrix, read only (caller-owned)
   */
  public static double infinity(double[][] a) {
    double m = 0;
    for (double[] row : a) {
      double s = 0;
      for (double v : row) {
        s += Math.abs(v);
      }
      m = Math.max(m, s);
    }
    return m;
  }
}
