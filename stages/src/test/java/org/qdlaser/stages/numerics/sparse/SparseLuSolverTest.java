package org.qdlaser.stages.numerics.sparse;

import org.qdlaser.stages.numerics.linear.LinearSolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SparseLuSolverTest {

  /**
   * Random sparse systems with moderate condition (diagonal comparable to the off-diagonal sums):
   * both LU codes are backward stable, so solutions agree to ~cond * eps.
   */
  static final double TOL = 1e-10;

  @Test
  void matchesTheDenseSolverOnRandomSystems() {
    for (long seed = 0; seed < 12; seed++) {
      int n = 20 + (int) seed * 23;
      double[] a = SparseTestMatrices.random(n, 4, seed % 3 == 0 ? 0.5 : 3.0, seed);
      checkSolve(a, n, new SparseLuSolver());
    }
  }

  @Test
  void pivotsOffTheDiagonalWhenTheDiagonalIsZero() {
    // x = (1, -2, 3); a[0][0] = 0 needs a row exchange (as in DenseLuSolverTest).
    double[] a = {
      0, 2, 1,
      1, 1, 1,
      2, 1, 3
    };
    // Natural column order: column 0 comes first, with a zero diagonal.
    SparseLuSolver lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, SparseOrdering.natural(3));
    lu.factor(SparseMatrix.fromDense(a, 3, false));
    double[] b = {-1, 2, 9};
    lu.solve(b);
    assertThat(b).containsExactly(new double[] {1, -2, 3}, Offset.offset(1e-14));
    assertThat(lu.offDiagonalPivots()).isPositive();
  }

  @Test
  void structurallyZeroDiagonalIsHandled() {
    // A permuted identity plus a coupling: no diagonal entry at all.
    int n = 50;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + (i + 7) % n] = 2.0 + i;
      a[i * n + (i + 3) % n] = 0.5;
    }
    checkSolve(a, n, new SparseLuSolver());
  }

  @Test
  void partialPivotingAndFixedOrdersGiveTheSameSolution() {
    int n = 120;
    double[] a = SparseTestMatrices.random(n, 5, 1.0, 42);
    checkSolve(a, n, new SparseLuSolver(1.0));
    checkSolve(a, n, new SparseLuSolver(0.01, SparseOrdering.natural(n)));
  }

  @Test
  void refactorisingNewValuesOnThePatternAllocatesNothing() {
    int m = 20;
    double[] a = SparseTestMatrices.shiftedLaplacian(m, 3.0);
    int n = m * m;
    SparseMatrix sm = SparseMatrix.fromDense(a, n, true);
    SparseLuSolver lu = new SparseLuSolver();
    lu.factor(sm);
    double[] b = new double[n];
    long bytes = SparseTestMatrices.allocatedBytes(() -> {
      for (int r = 0; r < 5; r++) {
        for (int k = 0; k < sm.nonZeros(); k++) {
          sm.values()[k] *= 1.01;
        }
        lu.factor(sm);
        java.util.Arrays.fill(b, 1.0);
        lu.solve(b);
      }
    });
    assumeTrue(bytes >= 0, "allocation counter not available");
    assertThat(bytes).as("bytes allocated by 5 factorisations and solves").isLessThan(1024);
    // Row sums of I - sL are 1, scaled by 1.01^5: the solution of A x = 1 is constant.
    assertThat(b[0]).isCloseTo(1.0 / Math.pow(1.01, 5), Offset.offset(TOL));
  }

  @Test
  void refactorisationReusesTheRowOrderAndFallsBackWhenAPivotFails() {
    int n = 80;
    double[] a = SparseTestMatrices.random(n, 4, 3.0, 5);
    SparseMatrix m = SparseMatrix.fromDense(a, n, true);
    // Natural order: column 0 is eliminated first, so its pivot is the entry a[0][0] itself.
    SparseLuSolver lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, SparseOrdering.natural(n));
    lu.factor(m);
    assertThat(lu.pivotingFactorizations()).isEqualTo(1);
    assertThat(lu.offDiagonalPivots()).isZero();
    // New values on the same pattern: the fast path, with the same solutions as a fresh solver.
    double[] a2 = a.clone();
    for (int k = 0; k < a2.length; k++) {
      a2[k] *= 1 + 0.1 * Math.sin(k);
    }
    checkSolve(a2, n, lu);
    assertThat(lu.refactorizations()).isEqualTo(1);
    assertThat(lu.pivotingFactorizations()).isEqualTo(1);
    // Zero the diagonal of column 0: the reused pivot (the diagonal) fails, pivoting takes over.
    double[] a3 = a2.clone();
    a3[0] = 0.0;
    SparseMatrix m3 = SparseMatrix.fromDense(a3, n, true);
    checkSolve(a3, n, lu, m3);
    assertThat(lu.pivotingFactorizations()).isEqualTo(2);
  }

  @Test
  void offTheDiagonalItTakesTheSparsestAcceptableRow() {
    // Column 0's diagonal fails the threshold; rows 1 (two entries, 0.5) and 2 (full, 1.0) pass.
    // The largest candidate, row 2, would put a full row into U; row 1 adds no fill.
    int n = 40;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 4.0;
    }
    a[0] = 1e-9;
    a[1] = 1.0;
    a[n] = 0.5;
    for (int j = 0; j < n; j++) {
      a[2 * n + j] = 1.0;
    }
    SparseMatrix m = SparseMatrix.fromDense(a, n, false);
    SparseLuSolver lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, SparseOrdering.natural(n));
    checkSolve(a, n, lu);
    assertThat(lu.offDiagonalPivots()).isEqualTo(2); // column 1 then takes row 0 (its diagonal row 1 is used)
    // A's entries plus the fill of the 2 x 2 exchange: far below the n^2 / 2 of a full row in U.
    assertThat(lu.factorNonZeros()).isLessThanOrEqualTo(m.nonZeros() + 2L);
  }

  @Test
  void rowScalingKeepsTheDiagonalOnBadlyScaledRows() {
    // A diagonally dominant matrix whose rows are scaled by 1e-8 .. 1e8: unscaled, a small row's
    // diagonal loses the threshold test against a large row's off-diagonal entry.
    int n = 150;
    double[] a = SparseTestMatrices.random(n, 5, 3.0, 7);
    java.util.Random rnd = new java.util.Random(3);
    for (int i = 0; i < n; i++) {
      double s = Math.pow(10, 16 * rnd.nextDouble() - 8);
      for (int j = 0; j < n; j++) {
        a[i * n + j] *= s;
      }
    }
    SparseLuSolver lu = new SparseLuSolver();
    checkSolve(a, n, lu);
    assertThat(lu.offDiagonalPivots()).isZero();
  }

  @Test
  void singularMatrixIsReported() {
    double[] a = {
      1, 2, 0,
      2, 4, 0,
      0, 0, 1
    };
    SparseLuSolver lu = new SparseLuSolver();
    assertThatThrownBy(() -> lu.factor(SparseMatrix.fromDense(a, 3, true)))
        .isInstanceOf(LinearSolver.SingularMatrixException.class)
        .hasMessageContaining("singular");
    assertThatThrownBy(() -> lu.solve(new double[3])).isInstanceOf(IllegalStateException.class);
    double[] nan = {1, 0, 0, Double.NaN};
    assertThatThrownBy(() -> lu.factor(SparseMatrix.fromDense(nan, 2, true)))
        .isInstanceOf(LinearSolver.SingularMatrixException.class);
  }

  /**
   * An arrowhead matrix eliminated dense row and column first (natural order) fills L and U completely,
   * n (n - 1) / 2 entries each, far beyond their first capacity (2 nnz(A) + n): the factors grow by
   * doubling several times during one factorisation, and the solution still matches the dense solver's,
   * also after a refactorisation of new values on the same pattern.
   */
  @Test
  void growsItsFactorsBeyondTheFirstCapacity() {
    int n = 200;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 4.0 + Math.cos(i);
      if (i > 0) {
        a[i] = 1.0 / (1 + i); // row 0
        a[i * n] = 0.5 - 1.0 / (2 + i); // column 0
      }
    }
    SparseLuSolver lu = new SparseLuSolver(SparseLuSolver.DEFAULT_PIVOT_THRESHOLD, SparseOrdering.natural(n));
    SparseMatrix m = SparseMatrix.fromDense(a, n, false);
    assertThat((long) n * (n - 1) / 2).isGreaterThan(2L * m.pattern().columns().length + n);
    checkSolve(a, n, lu, m);
    for (int i = 0; i < n; i++) {
      a[i * n + i] += 1.0;
    }
    checkSolve(a, n, lu, SparseMatrix.fromDense(a, n, false));
  }

  @Test
  void badColumnOrderIsRejected() {
    assertThatThrownBy(() -> new SparseLuSolver(0.1, new int[] {0, 0}).analyse(SparsityPattern.fromRows(new int[][] {{0}, {1}})))
        .hasMessageContaining("permutation");
    assertThatThrownBy(() -> new SparseLuSolver(0.0)).hasMessageContaining("pivotThreshold");
  }

  private static void checkSolve(double[] a, int n, SparseLuSolver lu) {
    checkSolve(a, n, lu, SparseMatrix.fromDense(a, n, false));
  }

  /** Factorises {@code m} (the matrix a on some pattern) and compares a solve with the dense solver. */
  private static void checkSolve(double[] a, int n, SparseLuSolver lu, SparseMatrix m) {
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = Math.sin(1.7 * i) + 0.3;
    }
    double[] expected = SparseTestMatrices.denseSolve(a, n, b);
    lu.factor(m);
    double[] x = b.clone();
    lu.solve(x);
    double scale = Math.max(1.0, SparseTestMatrices.maxAbs(expected));
    for (int i = 0; i < n; i++) {
      assertThat(x[i]).as("x[%d], n = %d", i, n).isCloseTo(expected[i], Offset.offset(TOL * scale));
    }
  }
}
