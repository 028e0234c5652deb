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
