package org.qdlaser.stages.numerics.sparse;

import java.util.Arrays;
import java.util.Objects;

/**
 * A real n x n matrix in compressed sparse row (CSR) form on a fixed {@link SparsityPattern}: the
 * values of row i are {@code values()[rowStart[i] .. rowStart[i+1])}, in the ascending column order
 * of the pattern. Entries outside the pattern are structurally zero and cannot be set.
 *
 * <p>A mutable workspace (not thread safe). The structure is fixed at construction; the value
 * array is allocated once and exposed by {@link #values()} as a live view owned by this matrix, so
 * that Jacobian writers fill it in place without copying.
 */
public final class SparseMatrix {
  private final SparsityPattern pattern;
  // The flat arrays are public (not behind accessors) for the allocation-free kernels of the
  // sibling numerics packages (ode, linear, jacobian); only values may be written by callers.
  /** Dimension. */
  public final int n;
  /** Row pointers, length n + 1 (owned, never modified after construction). */
  public final int[] rowStart;
  /** Column indices, length nnz (owned, never modified after construction). */
  public final int[] columns;
  /** Position of entry (i, i) in {@link #values}, or -1 if the diagonal entry is not structural. */
  public final int[] diagonal;
  /** Values in pattern order, length nnz. */
  public final double[] values;

  /** A zero matrix on {@code pattern}. */
  public SparseMatrix(SparsityPattern pattern) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.n = pattern.n();
    this.rowStart = pattern.rowStart(); // copies
    this.columns = pattern.columns();
    this.values = new double[columns.length];
    this.diagonal = new int[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], i);
      if (diagonal[i] < 0) {
        diagonal[i] = -1;
      }
    }
  }

  /**
   * The matrix with the non-zero entries of a dense row-major n x n array as its pattern (for tests
   * and small problems; costs O(n^2)).
   *
   * @param a row-major values, {@code a[i*n+j]}, read only
   * @param withDiagonal if true the diagonal is structural even where it is zero
   */
  public static SparseMatrix fromDense(double[] a, int n, boolean withDiagonal) {
    if (n < 1 || a.length < n * n) {
      throw new IllegalArgumentException("need n >= 1 and a.length >= n*n, got n=" + n + ", a.length=" + a.length);
    }
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      int count = 0;
      int[] r = new int[n];
      for (int j = 0; j < n; j++) {
        if (a[i * n + j] != 0 || (withDiagonal && i == j)) {
          r[count++] = j;
        }
      }
      rows[i] = Arrays.copyOf(r, count);
    }
    SparseMatrix m = new SparseMatrix(SparsityPattern.fromRows(rows));
    for (int i = 0; i < n; i++) {
      for (int k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
        m.values[k] = a[i * n + m.columns[k]];
      }
    }
    return m;
  }

  public SparsityPattern pattern() {
    return pattern;
  }

  public int dimension() {
    return n;
  }

  public int nonZeros() {
    return values.length;
  }

  /**
   * The value array in pattern order: a live view owned by this matrix (writes change the matrix),
   * length {@link #nonZeros()}.
   */
  public double[] values() {
    return values;
  }

  /** Position of (i, j) in {@link #values()}, or -1 if the entry is not structural. */
  public int position(int i, int j) {
    Objects.checkIndex(i, n);
    Objects.checkIndex(j, n);
    int k = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
    return k < 0 ? -1 : k;
  }

  /** Entry (i, j); 0 outside the pattern. */
  public double get(int i, int j) {
    int k = position(i, j);
    return k < 0 ? 0.0 : values[k];
  }

  /**
   * Sets entry (i, j).
   *
   * @throws IllegalArgumentException if (i, j) is not in the pattern
   */
  public void set(int i, int j, double v) {
    int k = position(i, j);
    if (k < 0) {
      throw new IllegalArgumentException("entry (" + i + ", " + j + ") is not in the sparsity pattern");
    }
    values[k] = v;
  }

  /** Sets every value to 0 (the pattern is kept). */
  public void clear() {
    Arrays.fill(values, 0.0);
  }

  /**
   * out = A x. Allocation-free.
   *
   * @param x length n, read only; must not be {@code out}
   * @param out length n, overwritten
   */
  public void multiply(double[] x, double[] out) {
    final int[] rs = rowStart;
    final int[] cols = columns;
    final double[] v = values;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        s += v[k] * x[cols[k]];
      }
      out[i] = s;
    }
  }

  /**
   * out_i = sum_j |A_ij x_j|, the size of the terms of (A x)_i. Allocation-free.
   *
   * @param x length n, read only; must not be {@code out}
   * @param out length n, overwritten
   */
  public void multiplyAbsolute(double[] x, double[] out) {
    final int[] rs = rowStart;
    final int[] cols = columns;
    final double[] v = values;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        s += Math.abs(v[k] * x[cols[k]]);
      }
      out[i] = s;
    }
  }

  /** A new dense row-major copy ({@code a[i*n+j]}), for tests and small problems. */
  public double[] toDense() {
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        a[i * n + columns[k]] = values[k];
      }
    }
    return a;
  }

  @Override
  public String toString() {
    return "SparseMatrix[n=" + n + ", nnz=" + values.length + "]";
  }
}
