package org.qdlaser.stages.numerics.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;

class SparseOrderingTest {

  @Test
  void returnsAPermutation() {
    for (long seed = 0; seed < 10; seed++) {
      int n = 30 + (int) seed * 17;
      SparsityPattern p = SparseMatrix.fromDense(SparseTestMatrices.random(n, 3, 1.0, seed), n, true).pattern();
      int[] perm = SparseOrdering.approximateMinimumDegree(p);
      assertThat(perm).hasSize(n);
      assertThat(java.util.Arrays.stream(perm).sorted().toArray()).containsExactly(SparseOrdering.natural(n));
    }
  }

  @Test
  void arrowMatrixKeepsItsDenseNodeLast() {
    // Node 0 couples to everything: eliminated first it fills the whole matrix, last it fills nothing.
    int n = 400;
    int[][] rows = new int[n][];
    rows[0] = SparseOrdering.natural(n);
    for (int i = 1; i < n; i++) {
      rows[i] = new int[] {0, i};
    }
    SparsityPattern p = SparsityPattern.fromRows(rows);
    int[] perm = SparseOrdering.approximateMinimumDegree(p);
    assertThat(perm[n - 1]).isZero();
    assertThat(luFill(p, perm)).isEqualTo(p.nonZeros());
    assertThat(luFill(p, SparseOrdering.natural(n))).isEqualTo((long) n * n);
  }

  @Test
  void reducesFillOnA2dGrid() {
    // Natural order of an m x m grid fills the band (~m per row); minimum degree does far better.
    Brusselator2D b = new Brusselator2D(30);
    SparsityPattern p = b.sparsity();
    long amd = luFill(p, SparseOrdering.approximateMinimumDegree(p));
    long natural = luFill(p, SparseOrdering.natural(p.n()));
    assertThat(amd * 3).as("AMD fill %d vs natural %d", amd, natural).isLessThan(natural);
  }

  /**
   * The bordered ordering of a grid bordered by dense rows and columns (a Newton system's omega and
   * pump) is the ordering of the grid alone, then the border: the unbordered and bordered systems
   * share one minimum-degree run (and the fill of the grid's block is AMD's).
   */
  @Test
  void borderedOrderingIsTheLeadingBlocksOrderThenTheBorder() {
    SparsityPattern grid = new Brusselator2D(30).sparsity();
    int m = grid.n();
    for (int border = 1; border <= 2; border++) {
      int n = m + border;
      int[][] rows = new int[n][];
      for (int i = 0; i < m; i++) {
        int[] r = java.util.Arrays.copyOfRange(grid.columns(), grid.rowStart()[i], grid.rowStart()[i + 1]);
        if (i % 2 == 0) { // the border columns touch every other row
          r = java.util.Arrays.copyOf(r, r.length + border);
          for (int b = 0; b < border; b++) {
            r[r.length - 1 - b] = m + b;
          }
        }
        rows[i] = r;
      }
      for (int b = 0; b < border; b++) {
        rows[m + b] = new int[] {b, m + b};
      }
      SparsityPattern bordered = SparsityPattern.fromRows(rows);
      int[] perm = SparseOrdering.borderedMinimumDegree(bordered);
      assertThat(java.util.Arrays.stream(perm).sorted().toArray()).containsExactly(SparseOrdering.natural(n));
      assertThat(java.util.Arrays.copyOf(perm, m)).containsExactly(SparseOrdering.approximateMinimumDegree(grid));
      assertThat(java.util.Arrays.copyOfRange(perm, m, n)).containsExactly(java.util.stream.IntStream.range(m, n).toArray());
    }
    // A pattern without a dense border is ordered by AMD itself.
    assertThat(SparseOrdering.borderedMinimumDegree(grid)).containsExactly(SparseOrdering.approximateMinimumDegree(grid));
  }

  @Test
  void aPrefetchedOrderingIsTheOneComputedOnTheCallersThread() {
    // A grid not ordered before in this JVM (size 23 is used nowhere else): the prefetch and the caller
    // share one AMD run through the memo, whichever comes first, and the permutation is AMD's.
    SparsityPattern grid = new Brusselator2D(23).sparsity();
    SparseOrdering.prefetchBorderedMinimumDegree(grid);
    int[] expected = SparseOrdering.approximateMinimumDegree(grid);
    assertThat(SparseOrdering.borderedMinimumDegree(grid)).containsExactly(expected);
    assertThat(SparseOrdering.borderedMinimumDegree(grid)).containsExactly(expected);
  }

  @Test
  void hubDissectionOrdersThePiecesFirstAndTheHubsLast() {
    // h hubs; for every pair of hubs a piece of 3 mutually coupled nodes coupled to both hubs
    // (TPM_d's structure in miniature: dots and pairs of dots).
    int h = 12;
    int pieces = h * (h - 1) / 2;
    int n = h + 3 * pieces;
    int[][] rows = new int[n][];
    java.util.List<java.util.List<Integer>> hubRows = new java.util.ArrayList<>();
    for (int a = 0; a < h; a++) {
      hubRows.add(new java.util.ArrayList<>(java.util.List.of(a)));
    }
    int next = h;
    for (int a = 0; a < h; a++) {
      for (int c = a + 1; c < h; c++) {
        for (int k = 0; k < 3; k++) {
          rows[next + k] = new int[] {next, next + 1, next + 2, a, c};
          hubRows.get(a).add(next + k);
          hubRows.get(c).add(next + k);
        }
        next += 3;
      }
    }
    for (int a = 0; a < h; a++) {
      rows[a] = hubRows.get(a).stream().mapToInt(Integer::intValue).toArray();
    }
    SparsityPattern p = SparsityPattern.fromRows(rows);
    int[] perm = SparseOrdering.hubDissection(p);
    assertThat(perm).isNotNull();
    assertThat(java.util.Arrays.stream(perm).sorted().toArray()).containsExactly(SparseOrdering.natural(n));
    // Hubs last; each piece contiguous.
    assertThat(java.util.Arrays.copyOfRange(perm, n - h, n)).containsExactly(SparseOrdering.natural(h));
    for (int k = 0; k < n - h; k += 3) {
      assertThat(perm[k + 1]).isEqualTo(perm[k] + 1);
      assertThat(perm[k + 2]).isEqualTo(perm[k] + 2);
      assertThat((perm[k] - h) % 3).isZero();
    }
    // Fill: each piece's 3 x 3 block and 2 x 3 borders (both triangles), plus the dense hub block.
    long bound = pieces * (9L + 2 * 2 * 3) + (long) h * h;
    assertThat(luFill(p, perm)).isLessThanOrEqualTo(bound);
  }

  @Test
  void hubDissectionDoesNotApplyToAGrid() {
    // No hubs: one piece of 2 m^2 unknowns, far above the piece limit.
    SparsityPattern p = new Brusselator2D(30).sparsity();
    assertThat(SparseOrdering.hubDissection(p)).isNull();
  }

  /** Non-zeros of L + U of a diagonally dominant matrix on p (no pivoting happens) in the given order. */
  static long luFill(SparsityPattern p, int[] order) {
    SparseMatrix m = new SparseMatrix(p);
    int n = p.n();
    int[] rs = p.rowStart();
    int[] cols = p.columns();
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        m.values()[k] = cols[k] == i ? 10.0 * n : 1.0;
      }
    }
    SparseLuSolver lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, order);
    lu.factor(m);
    assertThat(lu.offDiagonalPivots()).isZero();
    return lu.factorNonZeros();
  }
}
