package org.qdlaser.stages.numerics.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;

class ColumnColouringTest {

  @Test
  void diagonalNeedsOneColourAndTridiagonalThree() {
    int n = 50;
    int[][] diag = new int[n][];
    int[][] tri = new int[n][];
    for (int i = 0; i < n; i++) {
      diag[i] = new int[] {i};
      tri[i] = new int[] {Math.max(0, i - 1), i, Math.min(n - 1, i + 1)};
    }
    assertThat(ColumnColouring.of(SparsityPattern.fromRows(diag)).colours()).isEqualTo(1);
    ColumnColouring c = ColumnColouring.of(SparsityPattern.fromRows(tri));
    assertThat(c.colours()).isEqualTo(3);
    assertThat(c.isValidFor(SparsityPattern.fromRows(tri))).isTrue();
  }

  @Test
  void randomPatternsGetValidColouringsWithAtLeastTheLargestRowCount() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + rnd.nextInt(200);
      int[][] rows = new int[n][];
      int maxRow = 0;
      for (int i = 0; i < n; i++) {
        rows[i] = rnd.ints(1 + rnd.nextInt(6), 0, n).toArray();
      }
      SparsityPattern p = SparsityPattern.fromRows(rows);
      int[] rs = p.rowStart();
      for (int i = 0; i < n; i++) {
        maxRow = Math.max(maxRow, rs[i + 1] - rs[i]);
      }
      ColumnColouring c = ColumnColouring.of(p);
      assertThat(c.isValidFor(p)).as("trial %d", trial).isTrue();
      assertThat(c.colours()).isBetween(maxRow, n);
      int members = 0;
      for (int k = 0; k < c.colours(); k++) {
        for (int j : c.columnsOf(k)) {
          assertThat(c.colourOf(j)).isEqualTo(k);
          members++;
        }
      }
      assertThat(members).isEqualTo(n);
    }
  }

  @Test
  void brusselatorNeedsFewColours() {
    // 5-point stencil plus the u-v coupling: a distance-2 colouring of the periodic grid.
    Brusselator2D b = new Brusselator2D(12);
    ColumnColouring c = ColumnColouring.of(b.sparsity());
    assertThat(c.isValidFor(b.sparsity())).isTrue();
    assertThat(c.colours()).isLessThanOrEqualTo(16);
  }
}
