package org.qdlaser.stages.numerics.eigen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.linear.MatrixNorms;

/**
 * The eigenvalue-only Francis QR against an independent truth: matrices built with a known spectrum
 * (an orthogonal similarity of a normal block-diagonal matrix), and EJML's QR on random matrices.
 */
class FrancisEigenvaluesTest {
  /**
   * Known spectra: Q D Q^T with Q orthogonal and D normal has perfectly conditioned eigenvalues, so a
   * backward stable QR gives each to a few hundred eps times the norm (n up to 120: the backward
   * error grows like n eps); 1e-12 leaves a margin of ~10.
   */
  private static final double KNOWN = 1e-12;
  /**
   * Against EJML on random Gaussian matrices (non-normal, eigenvalue condition numbers up to ~1e2 at
   * n = 150): both backward stable, each within ~cond * n * eps of the truth; 1e-10 of the norm.
   */
  private static final double AGREEMENT = 1e-10;

  @Test
  void aKnownSpectrumIsFound() {
    Random rnd = new Random(3);
    for (int n : new int[] {1, 2, 3, 4, 7, 30, 121}) {
      double[] re = new double[n];
      double[] im = new double[n];
      double[][] d = new double[n][n];
      for (int i = 0; i < n; i++) {
        if (i + 1 < n && rnd.nextBoolean()) { // a complex pair a +- i b as the block [[a, b], [-b, a]]
          double a = rnd.nextGaussian();
          double b = 0.1 + rnd.nextDouble();
          d[i][i] = d[i + 1][i + 1] = a;
          d[i][i + 1] = b;
          d[i + 1][i] = -b;
          re[i] = re[i + 1] = a;
          im[i] = b;
          im[i + 1] = -b;
          i++;
        } else {
          d[i][i] = rnd.nextGaussian();
          re[i] = d[i][i];
        }
      }
      double[][] q = orthogonal(n, rnd);
      double[][] a = multiply(multiply(q, d), transpose(q));
      double[][] ev = FrancisEigenvalues.of(a);
      assertThat(ev).isNotNull();
      assertSameSpectrum(ev, new double[][] {re, im}, KNOWN * Math.max(1.0, norm(a)));
    }
  }

  @Test
  void randomMatricesAgreeWithEjml() {
    Random rnd = new Random(17);
    for (int n : new int[] {5, 40, 150}) {
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          // graded rows and sparse entries, as the laser Jacobians, and exact zeros on the way
          a[i][j] = rnd.nextDouble() < 0.3 ? rnd.nextGaussian() * Math.pow(10, (i % 5) - 2) : 0.0;
        }
      }
      double[][] ours = FrancisEigenvalues.of(a);
      double[][] ejml = BlockTriangularEigenvalues.ejml(a);
      assertThat(ours).isNotNull();
      assertSameSpectrum(ours, ejml, AGREEMENT * norm(a));
    }
  }

  @Test
  void specialStructuresConverge() {
    int n = 25;
    // a cyclic shift: eigenvalues the 25th roots of unity, a classic case where plain shifts stall
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][(i + 1) % n] = 1.0;
    }
    double[] re = new double[n];
    double[] im = new double[n];
    for (int k = 0; k < n; k++) {
      re[k] = Math.cos(2 * Math.PI * k / n);
      im[k] = Math.sin(2 * Math.PI * k / n);
    }
    assertSameSpectrum(FrancisEigenvalues.of(c), new double[][] {re, im}, KNOWN);
    // already triangular, and the zero matrix: the diagonal, no iteration
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        t[i][j] = i + 1.0 / (j + 1);
      }
    }
    double[][] ev = FrancisEigenvalues.of(t);
    for (int i = 0; i < n; i++) {
      assertThat(ev[0][i]).isEqualTo(t[i][i]);
      assertThat(ev[1][i]).isZero();
    }
    double[][] z = FrancisEigenvalues.of(new double[n][n]);
    assertThat(z[0]).containsOnly(0.0);
    assertThat(z[1]).containsOnly(0.0);
  }

  @Test
  void twoByTwoBlocks() {
    double[] re = new double[2];
    double[] im = new double[2];
    // a real pair with a tiny root: d - bc / z keeps it to full relative accuracy (det 1e-20, trace ~1)
    FrancisEigenvalues.twoByTwo(1.0, 1e-10, 1e-10, 0.0, re, im, 0);
    assertThat(re[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(re[1]).isCloseTo(-1e-20, org.assertj.core.data.Percentage.withPercentage(1e-10));
    FrancisEigenvalues.twoByTwo(2.0, 3.0, -3.0, 2.0, re, im, 0);
    assertThat(re).containsExactly(2.0, 2.0);
    assertThat(im).containsExactly(3.0, -3.0);
  }

  /** Each eigenvalue of {@code x} matched to the nearest unused one of {@code y}, within {@code tol}. */
  static void assertSameSpectrum(double[][] x, double[][] y, double tol) {
    int n = x[0].length;
    assertThat(y[0]).hasSize(n);
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      int best = -1;
      double dist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double dj = Math.hypot(x[0][i] - y[0][j], x[1][i] - y[1][j]);
        if (!used[j] && dj < dist) {
          dist = dj;
          best = j;
        }
      }
      used[best] = true;
      assertThat(dist).as("eigenvalue %s %+si", x[0][i], x[1][i]).isLessThanOrEqualTo(tol);
    }
  }

  static double norm(double[][] a) {
    return MatrixNorms.infinity(a);
  }

  private static double[][] orthogonal(int n, Random rnd) {
    // Gram-Schmidt (twice) on Gaussian columns, stored as rows
    double[][] q = new double[n][n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        q[k][j] = rnd.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < k; i++) {
          double dot = 0;
          for (int j = 0; j < n; j++) {
            dot += q[i][j] * q[k][j];
          }
          for (int j = 0; j < n; j++) {
            q[k][j] -= dot * q[i][j];
          }
        }
      }
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += q[k][j] * q[k][j];
      }
      s = Math.sqrt(s);
      for (int j = 0; j < n; j++) {
        q[k][j] /= s;
      }
    }
    return q;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  private static double[][] transpose(double[][] a) {
    int n = a.length;
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
