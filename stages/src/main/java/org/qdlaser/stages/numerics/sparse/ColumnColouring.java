package org.qdlaser.stages.numerics.sparse;

import java.util.Arrays;
import java.util.Objects;

/**
 * A colouring of the columns of a sparse Jacobian such that no two columns of one colour have a
 * non-zero in the same row (Curtis, Powell &amp; Reid 1974): all columns of a colour can be
 * perturbed together, so a finite-difference Jacobian costs one right-hand side evaluation per
 * colour instead of one per column.
 *
 * <p>Greedy colouring of the column intersection graph (columns adjacent when they share a row) in
 * largest-first order of the exact intersection degree, each column taking the smallest colour
 * not used by a neighbour. The number of colours is at least the largest row count of the pattern
 * (the columns of one row are pairwise adjacent). Immutable.
 */
public final class ColumnColouring {
  private final int n;
  private final int colours;
  /** Colour of each column. */
  private final int[] colourOf;
  /** Columns grouped by colour: colour c holds {@code members[start[c] .. start[c+1])}, ascending. */
  private final int[] start;
  private final int[] members;

  private ColumnColouring(int n, int colours, int[] colourOf) {
    this.n = n;
    this.colours = colours;
    this.colourOf = colourOf;
    this.start = new int[colours + 1];
    for (int j = 0; j < n; j++) {
      start[colourOf[j] + 1]++;
    }
    for (int c = 0; c < colours; c++) {
      start[c + 1] += start[c];
    }
    this.members = new int[n];
    int[] next = Arrays.copyOf(start, colours);
    for (int j = 0; j < n; j++) {
      members[next[colourOf[j]]++] = j;
    }
  }

  /** Colours the columns of {@code pattern}. Costs O(sum over rows of (row count)^2). */
  public static ColumnColouring of(SparsityPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    final int n = pattern.n();
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();
    // Column -> rows (the transpose structure).
    final int[] cs = new int[n + 1];
    for (int c : cols) {
      cs[c + 1]++;
    }
    for (int j = 0; j < n; j++) {
      cs[j + 1] += cs[j];
    }
    final int[] rowsOf = new int[cols.length];
    final int[] fill = Arrays.copyOf(cs, n);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        rowsOf[fill[cols[k]]++] = i;
      }
    }

    // Exact degree in the intersection graph: distinct other columns reached through the rows.
    final int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    final int[] degree = new int[n];
    for (int j = 0; j < n; j++) {
      stamp[j] = j;
      int d = 0;
      for (int p = cs[j]; p < cs[j + 1]; p++) {
        final int i = rowsOf[p];
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          final int c = cols[k];
          if (stamp[c] != j) {
            stamp[c] = j;
            d++;
          }
        }
      }
      degree[j] = d;
    }

    // Largest first; ties by index for determinism (counting sort on the degree).
    int maxDegree = 0;
    for (int d : degree) {
      maxDegree = Math.max(maxDegree, d);
    }
    final int[] bucket = new int[maxDegree + 2];
    for (int d : degree) {
      bucket[maxDegree - d + 1]++;
    }
    for (int b = 0; b <= maxDegree; b++) {
      bucket[b + 1] += bucket[b];
    }
    final int[] order = new int[n];
    for (int j = 0; j < n; j++) {
      order[bucket[maxDegree - degree[j]]++] = j;
    }

    final int[] colourOf = new int[n];
    Arrays.fill(colourOf, -1);
    // forbidden[c] == j: colour c is used by a neighbour of column j.
    final int[] forbidden = new int[n];
    Arrays.fill(forbidden, -1);
    int colours = 0;
    for (final int j : order) {
      for (int p = cs[j]; p < cs[j + 1]; p++) {
        final int i = rowsOf[p];
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          final int c = colourOf[cols[k]];
          if (c >= 0) {
            forbidden[c] = j;
          }
        }
      }
      int c = 0;
      while (forbidden[c] == j) {
        c++;
      }
      colourOf[j] = c;
      colours = Math.max(colours, c + 1);
    }
    return new ColumnColouring(n, colours, colourOf);
  }

  /** Number of columns. */
  public int dimension() {
    return n;
  }

  /** Number of colours (= right-hand side evaluations per finite-difference Jacobian). */
  public int colours() {
    return colours;
  }

  /** Colour of column j, in [0, {@link #colours()}). */
  public int colourOf(int j) {
    return colourOf[j];
  }

  /** The columns of colour c, ascending (a new array). */
  public int[] columnsOf(int c) {
    Objects.checkIndex(c, colours);
    return Arrays.copyOfRange(members, start[c], start[c + 1]);
  }

  /** Start of colour c in the array behind {@link #columnsOf}; package use, allocation-free. */
  public int colourStart(int c) {
    return start[c];
  }

  /** Column at position p of the colour-grouped column list; package use, allocation-free. */
  public int member(int p) {
    return members[p];
  }

  /** Whether no two columns of one colour share a row of {@code pattern} (a check for tests). */
  public boolean isValidFor(SparsityPattern pattern) {
    if (pattern.n() != n) {
      return false;
    }
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();
    final int[] seen = new int[colours];
    Arrays.fill(seen, -1);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int c = colourOf[cols[k]];
        if (seen[c] == i) {
          return false;
        }
        seen[c] = i;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ColumnColouring[n=" + n + ", colours=" + colours + "]";
  }
}
