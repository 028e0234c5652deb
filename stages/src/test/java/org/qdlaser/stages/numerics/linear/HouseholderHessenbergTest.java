package org.qdlaser.stages.numerics.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Householder reduction against its defining identities: H Hessenberg, Q orthogonal, Q^T M = H Q^T. */
class HouseholderHessenbergTest {
  /** Backward stable: residuals ~n eps of the norms (n = 60: ~1e-14); 1e-12 leaves a margin. */
  private static final double RESIDUAL = 1e-12;

  @Test
  void mIsSimilarToAnUpperHessenbergMatrixByAnOrthogonalQ() {
    Random rnd = new Random(7);
    int n = 60;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // graded and sparse, with whole columns already Hessenberg (skipped reflectors)
        m[i][j] = (j % 7 == 3 && i > j + 1) || rnd.nextDouble() < 0.4 ? 0.0 : rnd.nextGaussian() * Math.pow(10, j % 4);
      }
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = m[i].clone();
    }
    HouseholderHessenberg hh = new HouseholderHessenberg(m);
    for (int i = 0; i < n; i++) {
      assertThat(m[i]).containsExactly(copy[i]); // input not modified
      for (int j = 0; j < i - 1; j++) {
        assertThat(hh.h(i, j)).isZero();
      }
    }
    for (int trial = 0; trial < 3; trial++) {
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = rnd.nextGaussian();
      }
      double[] qu = hh.toHessenbergBasis(u);
      assertThat(Math.abs(norm2(qu) - norm2(u))).isLessThanOrEqualTo(RESIDUAL * norm2(u));
      double[] left = hh.toHessenbergBasis(multiply(m, u)); // Q^T M u
      double[] right = new double[n]; // H Q^T u
      for (int i = 0; i < n; i++) {
        for (int j = Math.max(0, i - 1); j < n; j++) {
          right[i] += hh.h(i, j) * qu[j];
        }
      }
      double scale = normInf(m) * norm2(u);
      for (int i = 0; i < n; i++) {
        assertThat(Math.abs(left[i] - right[i])).isLessThanOrEqualTo(RESIDUAL * scale);
      }
    }
  }

  @Test
  void smallMatricesNeedNoReflector() {
    double[][] m = {{1, 2}, {3, 4}};
    HouseholderHessenberg hh = new HouseholderHessenberg(m);
    assertThat(hh.h(1, 0)).isEqualTo(3.0);
    assertThat(hh.toHessenbergBasis(new double[] {5, 6})).containsExactly(5.0, 6.0);
  }

  private static double[] multiply(double[][] a, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }

  private static double norm2(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private static double normInf(double[][] a) {
    return MatrixNorms.infinity(a);
  }
}
