package org.qdlaser.stages.numerics.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.junit.jupiter.api.Test;

/**
 * A pivoting factorisation that takes over the leading steps of a failed refactorisation must be the
 * one it would be from step 0, bit for bit: same pivots, same L and U, same solutions. The truth is the
 * same solver with the take-over switched off, fed the same matrices. Entries are small integers, so
 * exact ties between pivot candidates (which the search breaks by its traversal order) are frequent.
 */
class SparseLuResumeTest {

  @Test
  void resumedFactorisationsAreThoseFromScratchBitForBit() {
    long resumedSteps = 0;
    for (long seed = 1; seed <= 6; seed++) {
      resumedSteps += compareSequences(70, seed, null);
      resumedSteps += compareSequences(50, seed, SparseOrdering.natural(50));
    }
    // The take-over happened (else this test compares nothing new).
    assertThat(resumedSteps).isPositive();
  }

  /** The steps the resuming solver took over from failed refactorisations. */
  private static long compareSequences(int n, long seed, int[] order) {
    Random rnd = new Random(seed);
    double[] dense = SparseTestMatrices.random(n, 4, 1.0, seed);
    for (int i = 0; i < n; i++) {
      dense[i * n + i] = 1.0; // structural diagonal
    }
    SparsityPattern pattern = SparseMatrix.fromDense(dense, n, true).pattern();
    SparseMatrix m = new SparseMatrix(pattern);
    SparseLuSolver resumed = order == null ? new SparseLuSolver() : new SparseLuSolver(0.5, order);
    SparseLuSolver scratch = order == null ? new SparseLuSolver() : new SparseLuSolver(0.5, order);
    scratch.resume = false;
    int[] rows = pattern.rowStart();
    int[] cols = pattern.columns();
    for (int k = 0; k < cols.length; k++) {
      m.values[k] = smallInteger(rnd);
    }
    for (int step = 0; step < 60; step++) {
      // Change a few entries: most refactorisations pass, some fail part way.
      for (int c = 0; c < 6; c++) {
        m.values[rnd.nextInt(cols.length)] = smallInteger(rnd);
      }
      if (step % 7 == 3) { // a diagonal entry small: its reused pivot fails
        int i = rnd.nextInt(n);
        for (int k = rows[i]; k < rows[i + 1]; k++) {
          if (cols[k] == i) {
            m.values[k] = 1e-6;
          }
        }
      }
      String a = factor(resumed, m);
      String b = factor(scratch, m);
      assertThat(a).as("seed %d step %d", seed, step).isEqualTo(b);
      if (a.equals("ok")) {
        for (int r = 0; r < 3; r++) {
          double[] rhs = new double[n];
          for (int i = 0; i < n; i++) {
            rhs[i] = Math.sin(1 + i * (r + 1.5));
          }
          double[] x1 = rhs.clone();
          double[] x2 = rhs.clone();
          resumed.solve(x1);
          scratch.solve(x2);
          assertThat(x1).as("seed %d step %d rhs %d", seed, step, r).containsExactly(x2);
        }
        assertThat(resumed.factorNonZeros()).isEqualTo(scratch.factorNonZeros());
        assertThat(resumed.offDiagonalPivots()).isEqualTo(scratch.offDiagonalPivots());
      }
    }
    assertThat(resumed.pivotingFactorizations()).isEqualTo(scratch.pivotingFactorizations());
    assertThat(resumed.refactorizations()).isEqualTo(scratch.refactorizations());
    assertThat(scratch.resumedSteps()).isZero();
    return resumed.resumedSteps();
  }

  private static String factor(SparseLuSolver lu, SparseMatrix m) {
    try {
      lu.factor(m);
      return "ok";
    } catch (LinearSolver.SingularMatrixException e) {
      return e.getMessage();
    }
  }

  /** -3 .. 3, zero included (a structural zero). */
  private static double smallInteger(Random rnd) {
    return rnd.nextInt(7) - 3;
  }
}
