package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * {@link SparseStability#balancedNorm} skips the sweeps of a 2-cycle: its norm must be the one of
 * all {@link SparseStability#BALANCING_SWEEPS} sweeps bit for bit (analytic: a sweep is a
 * deterministic map of the scaling, so a repeated scaling repeats its successors). The reference
 * below is the plain loop over every sweep.
 */
class BalancedNormTest {

  /** The plain loop: sweeps until no scale changes or the limit; returns {norm, sweeps}. */
  static double[] reference(SparseMatrix a, int n, int skip) {
    var p = a.pattern();
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    double[] v = a.values();
    double[] d = new double[n];
    Arrays.fill(d, 1.0);
    double[] row = new double[n];
    double[] col = new double[n];
    boolean done = false;
    int sweep = 0;
    for (; sweep < SparseStability.BALANCING_SWEEPS && !done; sweep++) {
      done = true;
      Arrays.fill(row, 0.0);
      Arrays.fill(col, 0.0);
      for (int i = 0; i < n; i++) {
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          int j = cs[k];
          if (j < n && j != i && i != skip && j != skip) {
            double e = Math.abs(v[k]) * d[j] / d[i];
            row[i] += e;
            col[j] += e;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        double c = col[i];
        double r = row[i];
        if (c == 0 || r == 0) {
          continue;
        }
        double f = 1;
        double sum = c + r;
        while (c < r / 2) {
          f *= 2;
          c *= 2;
          r /= 2;
        }
        while (c > r * 2) {
          f /= 2;
          c /= 2;
          r *= 2;
        }
        if ((c + r) < 0.95 * sum) {
          d[i] *= f;
          done = false;
        }
      }
    }
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cs[k];
        if (j < n && i != skip && j != skip) {
          sum += Math.abs(v[k]) * d[j] / d[i];
        }
      }
      norm = Math.max(norm, sum);
    }
    return new double[] {norm, sweep};
  }

  /** A random sparse matrix (with a border row and column) whose entries span many orders of magnitude. */
  static SparseMatrix random(Random rnd, int n, int perRow, double decades) {
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = rnd.ints(perRow, 0, n).distinct().sorted().toArray();
    }
    SparseMatrix m = new SparseMatrix(SparsityPattern.fromRows(rows));
    for (int i = 0; i < n; i++) {
      for (int j : rows[i]) {
        m.set(i, j, (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, decades * (rnd.nextDouble() - 0.5)));
      }
    }
    return m;
  }

  @Test
  void equalsEverySweepBitForBitWithAndWithoutCycles() {
    Random rnd = new Random(7);
    int cycling = 0;
    int converging = 0;
    for (int t = 0; t < 60; t++) {
      int n = 20 + rnd.nextInt(200);
      SparseMatrix a = random(rnd, n, 2 + rnd.nextInt(6), 2 + rnd.nextInt(16));
      int inner = n - rnd.nextInt(2); // with or without a trailing border
      int skip = rnd.nextBoolean() ? -1 : rnd.nextInt(inner);
      double[] ref = reference(a, inner, skip);
      assertThat(SparseStability.balancedNorm(a, inner, skip)).as("matrix %d", t).isEqualTo(ref[0]);
      if (ref[1] == SparseStability.BALANCING_SWEEPS) {
        cycling++;
      } else {
        converging++;
      }
    }
    // Both branches of the shortcut were exercised.
    assertThat(cycling).isPositive();
    assertThat(converging).isPositive();
  }
}
