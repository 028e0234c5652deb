package org.qdlaser.stages.numerics.linear;

import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import java.util.Arrays;

/**
 * Incomplete LU factorisation without fill, ILU(0) (Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., Alg. 10.4, IKJ form): L and U restricted to the pattern of A, in natural
 * order and without pivoting, as a preconditioner for {@link GmresSolver}. The pattern must contain
 * the diagonal (it does for the Newton matrices I - cJ built by {@link IterationMatrixSparse}).
 *
 * <p>A workspace (not thread safe): the factor values are kept in an array of the pattern's size,
 * allocated when the pattern changes; {@link #factor} and {@link #solve} allocate nothing after that.
 */
public final class IluPreconditioner {
  private SparsityPattern pattern;
  private int n = -1;
  private int[] rowStart;
  private int[] columns;
  private int[] diagonal;
  /** L (strictly lower, unit diagonal implied) and U (upper with diagonal) in A's CSR positions. */
  private double[] lu = new double[0];
  /** Position of column j in the row being eliminated, or -1. */
  private int[] position;
  private boolean factored;

  /**
   * Computes the ILU(0) factors of {@code a}. Keeps no reference to {@code a}.
   *
   * @throws IllegalArgumentException if a diagonal entry is not in the pattern
   * @throws LinearSolver.SingularMatrixException if a pivot becomes zero or non-finite
   */
  public void factor(SparseMatrix a) {
    if (pattern == null || (a.pattern() != pattern && !a.pattern().equals(pattern))) {
      for (int i = 0; i < a.n; i++) {
        if (a.diagonal[i] < 0) {
          throw new IllegalArgumentException("ILU(0) needs a structural diagonal; row " + i + " has none");
        }
      }
      pattern = a.pattern();
      n = a.n;
      rowStart = a.rowStart;
      columns = a.columns;
      diagonal = a.diagonal;
      lu = new double[a.values.length];
      position = new int[n];
      Arrays.fill(position, -1);
    }
    factored = false;
    final int[] rs = rowStart;
    final int[] cols = columns;
    final double[] m = lu;
    System.arraycopy(a.values, 0, m, 0, m.length);
    for (int i = 0; i < n; i++) {
      for (int p = rs[i]; p < rs[i + 1]; p++) {
        position[cols[p]] = p;
      }
      for (int p = rs[i]; p < diagonal[i]; p++) {
        final int k = cols[p];
        final double l = m[p] / m[diagonal[k]];
        m[p] = l;
        if (l != 0.0) {
          // Row i -= l * (U part of row k), kept only where row i has structure.
          for (int q = diagonal[k] + 1; q < rs[k + 1]; q++) {
            final int at = position[cols[q]];
            if (at >= 0) {
              m[at] -= l * m[q];
            }
          }
        }
      }
      for (int p = rs[i]; p < rs[i + 1]; p++) {
        position[cols[p]] = -1;
      }
      final double d = m[diagonal[i]];
      if (!(d != 0.0 && Double.isFinite(d))) {
        throw new LinearSolver.SingularMatrixException(
            "ILU(0) pivot " + d + " in row " + i + " of " + n + " (zero or non-finite)");
      }
    }
    factored = true;
  }

  /**
   * Applies the preconditioner in place: b := (LU)^{-1} b. Allocation-free.
   *
   * @param b length at least n; right-hand side on entry, result on return
   */
  public void solve(double[] b) {
    if (!factored) {
      throw new IllegalStateException("no valid ILU factorisation");
    }
    final int[] rs = rowStart;
    final int[] cols = columns;
    final double[] m = lu;
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int p = rs[i]; p < diagonal[i]; p++) {
        s -= m[p] * b[cols[p]];
      }
      b[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int p = diagonal[i] + 1; p < rs[i + 1]; p++) {
        s -= m[p] * b[cols[p]];
      }
      b[i] = s / m[diagonal[i]];
    }
  }
}
