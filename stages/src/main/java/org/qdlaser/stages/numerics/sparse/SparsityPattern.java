package org.qdlaser.stages.numerics.sparse;

import java.util.Arrays;

/**
 * Structural non-zeros of an n x n Jacobian in compressed sparse row form: the entries of row i
 * are columns {@code columns[rowStart[i] .. rowStart[i+1])}, sorted ascending, no duplicates.
 *
 * @param n dimension
 * @param rowStart length n + 1, rowStart[0] = 0, non-decreasing (copy)
 * @param columns column indices, length rowStart[n] (copy)
 */
public record SparsityPattern(int n, int[] rowStart, int[] columns) {
  public SparsityPattern {
    if (n < 1) {
      throw new IllegalArgumentException("pattern dimension must be >= 1, got " + n);
    }
    if (rowStart.length != n + 1 || rowStart[0] != 0) {
      throw new IllegalArgumentException("rowStart must have length n + 1 = " + (n + 1) + " and start at 0");
    }
    for (int i = 0; i < n; i++) {
      if (rowStart[i + 1] < rowStart[i]) {
        throw new IllegalArgumentException("rowStart must be non-decreasing, row " + i);
      }
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        if (columns[k] < 0 || columns[k] >= n || (k > rowStart[i] && columns[k] <= columns[k - 1])) {
          throw new IllegalArgumentException("row " + i + ": columns must be in [0, n) and strictly increasing");
        }
      }
    }
    if (columns.length != rowStart[n]) {
      throw new IllegalArgumentException("columns length " + columns.length + " != rowStart[n] " + rowStart[n]);
    }
    rowStart = rowStart.clone();
    columns = columns.clone();
  }

  @Override
  public int[] rowStart() {
    return rowStart.clone();
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** Number of structural non-zeros. */
  public int nonZeros() {
    return columns.length;
  }

  /** CSR position of entry (row, col), or -1 if it is not structural. */
  public int position(int row, int col) {
    int k = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], col);
    return k >= 0 ? k : -1;
  }

  /**
   * For each entry of this pattern, its CSR position in {@code superset} (a pattern of this dimension
   * or larger, e.g. bordered, whose leading block holds every entry of this one): scatters values of
   * this pattern into the larger one.
   *
   * @throws IllegalArgumentException if an entry of this pattern is missing from {@code superset}
   */
  public int[] positionsIn(SparsityPattern superset) {
    if (superset.n < n) {
      throw new IllegalArgumentException("pattern dimension " + superset.n + " < " + n);
    }
    int[] map = new int[columns.length];
    for (int i = 0; i < n; i++) {
      int q = superset.rowStart[i];
      int end = superset.rowStart[i + 1];
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        while (q < end && superset.columns[q] < columns[k]) {
          q++;
        }
        if (q == end || superset.columns[q] != columns[k]) {
          throw new IllegalArgumentException("entry (" + i + ", " + columns[k] + ") is not in the larger pattern");
        }
        map[k] = q;
      }
    }
    return map;
  }

  /** Builds a pattern from per-row column sets (any order, duplicates allowed). */
  public static SparsityPattern fromRows(int[][] rows) {
    int n = rows.length;
    int[] start = new int[n + 1];
    int[][] sorted = new int[n][];
    for (int i = 0; i < n; i++) {
      // Sort, then drop repeats in place (a stream's distinct() boxes every entry: seconds for
      // the 70,000 rows of TPM_d at N = 100).
      int[] r = rows[i].clone();
      Arrays.sort(r);
      int m = 0;
      for (int k = 0; k < r.length; k++) {
        if (m == 0 || r[k] != r[m - 1]) {
          r[m++] = r[k];
        }
      }
      sorted[i] = m == r.length ? r : Arrays.copyOf(r, m);
      start[i + 1] = start[i] + m;
    }
    int[] cols = new int[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(sorted[i], 0, cols, start[i], sorted[i].length);
    }
    return new SparsityPattern(n, start, cols);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparsityPattern p && p.n == n && Arrays.equals(p.rowStart, rowStart) && Arrays.equals(p.columns, columns);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rowStart) + Arrays.hashCode(columns);
  }

  @Override
  public String toString() {
    return "SparsityPattern[n=" + n + ", nnz=" + columns.length + "]";
  }
}
