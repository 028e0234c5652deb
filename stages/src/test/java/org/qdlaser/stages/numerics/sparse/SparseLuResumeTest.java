package org.qdlaser.stages.numerics.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.junit.jupiter.api.Test;

/**
 * A pivoting factorisation that takes over the leading steps of a failed refactorisation must be the
 * one it would be from step 0, bit for bit: same pivots, same L and U, same solutions. The truth is the
 * same solver with the take-over switched off, fed the same matrices; the factors are compared array by
 * array (bit patterns: -0.0 is not 0.0). Entries are small integers, so exact ties between pivot
 * candidates (which the search breaks by its traversal order) are frequent; singular columns, NaN and
 * infinite entries come in between.
 */
class SparseLuResumeTest {

  /** What a sequence went through: both solvers must have seen each kind, or the test compares too little. */
  private static final class Seen {
    long resumedSteps;
    int singular;
    int factored;
    /** Take-overs checked to start exactly at the first changed pivot. */
    int exactStarts;
  }

  @Test
  void resumedFactorisationsAreThoseFromScratchBitForBit() {
    Seen seen = new Seen();
    for (long seed = 1; seed <= 6; seed++) {
      compareSequences(seen, seed, 70, true, null, SparseLuSolver.DEFAULT_PIVOT_THRESHOLD);
      compareSequences(seen, seed, 70, true, null, 0.5);
      compareSequences(seen, seed, 60, false, null, 1.0); // diagonal only where the random entries put it
      compareSequences(seen, seed, 50, true, SparseOrdering.natural(50), 0.5);
    }
    assertThat(seen.resumedSteps).isPositive();
    assertThat(seen.singular).isPositive();
    assertThat(seen.factored).isPositive();
    assertThat(seen.exactStarts).isPositive();
  }

  @Test
  void aSolverAlternatingTwoPatternsResumesOnEach() {
    Seen seen = new Seen();
    Random rnd = new Random(11);
    SparseMatrix a = randomMatrix(40, true, 3);
    SparseMatrix b = randomMatrix(55, true, 4);
    SparseLuSolver resumed = new SparseLuSolver();
    SparseLuSolver scratch = new SparseLuSolver();
    scratch.resume = false;
    for (int step = 0; step < 80; step++) {
      SparseMatrix m = (step / 3) % 2 == 0 ? a : b; // a few on each pattern, so that refactorisations happen
      perturb(m, rnd, step);
      compareOne(resumed, scratch, m, seen, "alternating step " + step);
      if (step == 40) { // a fresh analysis of the same pattern in between
        resumed.analyse(m.pattern());
        scratch.analyse(m.pattern());
      }
    }
    assertThat(seen.resumedSteps + resumed.resumedSteps()).isPositive();
  }

  private static void compareSequences(Seen seen, long seed, int n, boolean diagonal, int[] order, double threshold) {
    Random rnd = new Random(seed);
    SparseMatrix m = randomMatrix(n, diagonal, seed);
    SparseLuSolver resumed = order == null ? new SparseLuSolver(threshold) : new SparseLuSolver(threshold, order);
    SparseLuSolver scratch = order == null ? new SparseLuSolver(threshold) : new SparseLuSolver(threshold, order);
    scratch.resume = false;
    for (int step = 0; step < 60; step++) {
      perturb(m, rnd, step);
      compareOne(resumed, scratch, m, seen, "seed " + seed + " n " + n + " step " + step);
    }
    assertThat(resumed.pivotingFactorizations()).isEqualTo(scratch.pivotingFactorizations());
    assertThat(resumed.refactorizations()).isEqualTo(scratch.refactorizations());
    assertThat(scratch.resumedSteps()).isZero();
    seen.resumedSteps += resumed.resumedSteps();
  }

  /** Both solvers factorise m: the same outcome, and where it succeeds the same factors and solutions. */
  private static void compareOne(SparseLuSolver resumed, SparseLuSolver scratch, SparseMatrix m, Seen seen, String where) {
    Object[] before = scratch.factorsForTest(); // empty if the last factorisation failed
    long resumedBefore = resumed.resumedSteps();
    long pivotingBefore = scratch.pivotingFactorizations();
    long refactorsBefore = scratch.refactorizations();
    String a = factor(resumed, m);
    String b = factor(scratch, m);
    assertThat(a).as(where).isEqualTo(b);
    if (!a.equals("ok")) {
      seen.singular++;
      return;
    }
    seen.factored++;
    Object[] fa = resumed.factorsForTest();
    Object[] fb = scratch.factorsForTest();
    boolean finite = true;
    for (double v : m.values) {
      finite &= Double.isFinite(v);
    }
    if (before.length > 0 && finite && scratch.pivotingFactorizations() > pivotingBefore
        && scratch.refactorizations() == refactorsBefore && before[7] instanceof int[] old && fb[7] instanceof int[] now
        && old.length == now.length) {
      // A failed refactorisation, then pivoting: the take-over starts at the first step whose pivot changed
      // (not earlier: the steps before it are exactly those a fresh search keeps).
      int first = 0;
      while (first < now.length && now[first] == old[first]) {
        first++;
      }
      assertThat(resumed.resumedSteps() - resumedBefore).as(where + " take-over start").isEqualTo(first);
      seen.exactStarts++;
    }
    assertThat(fa).as(where).hasSameSizeAs(fb);
    for (int i = 0; i < fa.length; i++) {
      assertThat(fa[i]).as(where + " factor array " + i).isEqualTo(fb[i]);
    }
    int n = m.pattern().n();
    for (int r = 0; r < 2; r++) {
      double[] rhs = new double[n];
      for (int i = 0; i < n; i++) {
        rhs[i] = Math.sin(1 + i * (r + 1.5));
      }
      double[] x1 = rhs.clone();
      double[] x2 = rhs.clone();
      resumed.solve(x1);
      scratch.solve(x2);
      assertThat(x1).as(where + " rhs " + r).containsExactly(x2);
    }
    assertThat(resumed.offDiagonalPivots()).isEqualTo(scratch.offDiagonalPivots());
  }

  /** About 4 off-diagonal entries per row, small integers; the diagonal structural if asked. */
  private static SparseMatrix randomMatrix(int n, boolean diagonal, long seed) {
    double[] dense = SparseTestMatrices.random(n, 4, diagonal ? 1.0 : 0.0, seed);
    if (!diagonal) {
      for (int i = 0; i < n; i += 3) {
        dense[i * n + i] = 1.0; // a third of the diagonal structural, the rest only by fill
      }
    }
    SparseMatrix m = new SparseMatrix(SparseMatrix.fromDense(dense, n, diagonal).pattern());
    Random rnd = new Random(seed + 1000);
    for (int k = 0; k < m.values.length; k++) {
      m.values[k] = smallInteger(rnd);
    }
    return m;
  }

  /**
   * A few entries changed each step (most refactorisations pass, some fail part way); now and then a
   * diagonal entry made small, a late column zeroed (singular), a NaN or an infinite entry.
   */
  private static void perturb(SparseMatrix m, Random rnd, int step) {
    int n = m.pattern().n();
    int[] rows = m.pattern().rowStart();
    int[] cols = m.pattern().columns();
    for (int k = 0; k < cols.length; k++) { // a NaN or infinity lasts one matrix
      if (!Double.isFinite(m.values[k])) {
        m.values[k] = smallInteger(rnd);
      }
    }
    for (int c = 0; c < 6; c++) {
      m.values[rnd.nextInt(cols.length)] = smallInteger(rnd);
    }
    if (step % 7 == 3) {
      int i = rnd.nextInt(n);
      for (int k = rows[i]; k < rows[i + 1]; k++) {
        if (cols[k] == i) {
          m.values[k] = 1e-6;
        }
      }
    }
    if (step % 13 == 5) { // a whole column zero: singular wherever it comes in the order
      int j = rnd.nextInt(n);
      for (int k = 0; k < cols.length; k++) {
        if (cols[k] == j) {
          m.values[k] = 0.0;
        }
      }
    }
    if (step % 17 == 8) {
      m.values[rnd.nextInt(cols.length)] = Double.NaN;
    }
    if (step % 19 == 9) {
      m.values[rnd.nextInt(cols.length)] = Double.POSITIVE_INFINITY;
    }
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
