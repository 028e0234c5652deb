package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.sparse.SparseOrdering;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The lasing (rotating-frame, bordered by omega) and the non-lasing Newton systems of one model share
 * one fill-reducing order: the non-lasing pattern is the bordered one's leading block, and the
 * bordered order is that block's order followed by the border (one AMD run per point, issue 14).
 */
class SharedOrderingTest {

  @Test
  void nonLasingSystemIsTheLeadingBlockOfTheLasingOneAndSharesItsOrder() {
    for (ModelKind kind : new ModelKind[] {ModelKind.TPM_d}) {
      Model m = SparseStabilityTest.model(kind, 12, 1.0, 2e5);
      int n = m.dimension();
      SparsityPattern bordered = new RotatingFrame(m).sparsity();
      SparsityPattern steady = EquilibriumSolver.steadyState(m).sparsity();
      assertThat(steady.n()).isEqualTo(n);
      // Leading block of the bordered pattern, row by row.
      int[] brs = bordered.rowStart();
      int[] bcs = bordered.columns();
      int[] srs = steady.rowStart();
      int[] scs = steady.columns();
      for (int i = 0; i < n; i++) {
        int[] lead = Arrays.stream(Arrays.copyOfRange(bcs, brs[i], brs[i + 1])).filter(c -> c < n).toArray();
        assertThat(Arrays.copyOfRange(scs, srs[i], srs[i + 1])).as("row %d", i).containsExactly(lead);
      }
      // The model's own entries are all there (the steady state's Jacobian fits the pattern).
      SparsityPattern own = m.sparsity();
      for (int i = 0; i < n; i++) {
        int[] row = Arrays.copyOfRange(scs, srs[i], srs[i + 1]);
        for (int k = own.rowStart()[i]; k < own.rowStart()[i + 1]; k++) {
          assertThat(Arrays.binarySearch(row, own.columns()[k])).isGreaterThanOrEqualTo(0);
        }
      }
      int[] lasingOrder = SparseOrdering.borderedMinimumDegree(bordered);
      int[] steadyOrder = SparseOrdering.borderedMinimumDegree(steady);
      assertThat(Arrays.copyOf(lasingOrder, n)).containsExactly(steadyOrder);
      assertThat(lasingOrder[n]).isEqualTo(n);
    }
  }
}
