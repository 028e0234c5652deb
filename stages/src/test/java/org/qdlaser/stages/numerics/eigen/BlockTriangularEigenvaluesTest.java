package org.qdlaser.stages.numerics.eigen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.linear.MatrixNorms;

/** Eigenvalues block by block against EJML's QR on the whole matrix (the analytic fact: same spectrum). */
class BlockTriangularEigenvaluesTest {
  /**
   * Both are backward stable QR iterations on similar matrices; for these random matrices (well
   * separated eigenvalues, entries O(1), n = 40) the eigenvalues agree to ~1e-13 of the norm.
   */
  private static final double AGREEMENT = 1e-10;

  @Test
  void aPermutedBlockTriangularMatrixHasTheSpectrumOfItsBlocks() {
    Random rnd = new Random(11);
    int[] sizes = {7, 1, 12, 3, 1, 16};
    int n = Arrays.stream(sizes).sum();
    // block upper triangular in the order of the blocks, then a symmetric permutation hides it
    double[][] t = new double[n][n];
    int from = 0;
    for (int size : sizes) {
      for (int i = from; i < from + size; i++) {
        for (int j = from; j < n; j++) {
          t[i][j] = j < from + size || rnd.nextDouble() < 0.3 ? rnd.nextGaussian() : 0.0;
        }
      }
      from += size;
    }
    int[] p = shuffled(n, rnd);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[p[i]][p[j]] = t[i][j];
      }
    }
    int[] component = BlockTriangularEigenvalues.strongComponents(a);
    assertThat(Arrays.stream(component).max().getAsInt() + 1).isEqualTo(sizes.length);

    double[][] blocks = BlockTriangularEigenvalues.of(a);
    double[][] whole = whole(a);
    assertSameSpectrum(blocks, whole, norm(a));
  }

  @Test
  void anIrreducibleMatrixIsOneBlock() {
    Random rnd = new Random(5);
    int n = 30;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][(i + 1) % n] = 1.0 + rnd.nextDouble(); // a cycle through every index
      a[i][i] = rnd.nextGaussian();
    }
    int[] component = BlockTriangularEigenvalues.strongComponents(a);
    assertThat(Arrays.stream(component).distinct().count()).isEqualTo(1);
    assertSameSpectrum(BlockTriangularEigenvalues.of(a), whole(a), norm(a));
  }

  @Test
  void aDiagonalMatrixIsItsDiagonal() {
    double[][] a = {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}};
    double[][] ev = BlockTriangularEigenvalues.of(a);
    double[] re = ev[0].clone();
    Arrays.sort(re);
    assertThat(re).containsExactly(-1, 2, 3);
    assertThat(ev[1]).containsOnly(0.0);
  }

  private static int[] shuffled(int n, Random rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int x = p[i];
      p[i] = p[j];
      p[j] = x;
    }
    return p;
  }

  private static double norm(double[][] a) {
    return MatrixNorms.infinity(a);
  }

  static double[][] whole(double[][] a) {
    int n = a.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    assertThat(eig.decompose(new DMatrixRMaj(a))).isTrue();
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = eig.getEigenvalue(i).real;
      out[1][i] = eig.getEigenvalue(i).imaginary;
    }
    return out;
  }

  /** Each eigenvalue of one list matched to a distinct nearest one of the other. */
  static void assertSameSpectrum(double[][] x, double[][] y, double scale) {
    int n = x[0].length;
    assertThat(y[0]).hasSize(n);
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      int best = -1;
      double d = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double e = Math.hypot(x[0][i] - y[0][j], x[1][i] - y[1][j]);
        if (!used[j] && e < d) {
          d = e;
          best = j;
        }
      }
      used[best] = true;
      assertThat(d).as("eigenvalue %s + %s i", x[0][i], x[1][i]).isLessThan(AGREEMENT * scale);
    }
  }
}
