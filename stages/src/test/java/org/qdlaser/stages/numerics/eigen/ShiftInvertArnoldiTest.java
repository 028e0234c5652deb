package org.qdlaser.stages.numerics.eigen;

import org.qdlaser.stages.numerics.jacobian.SparseFiniteDifferenceJacobian;
import org.qdlaser.stages.numerics.linear.DenseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;

/**
 * Shift-invert Arnoldi with the sparse LU on coloured finite-difference Jacobians, against exact
 * eigenvalues: the Brusselator's uniform steady state (Fourier modes, analytic) and a random matrix
 * (EJML's dense QR).
 */
class ShiftInvertArnoldiTest {
  /** Central differences of a polynomial right-hand side: Jacobian entries to ~1e-10 relative. */
  static final double EIGENVALUE_TOLERANCE = 1e-7;

  /**
   * BRUSS-2D (A = 1, B = 3.4, alpha = 0.1) before its forcing switches on has the steady state
   * u = 1, v = 3.4; a Fourier mode with Laplacian eigenvalue -D has the 2 x 2 Jacobian [[2.4 - D, 1],
   * [-3.4, -1 - D]]. The uniform mode (D = 0) is the rightmost and, on a 100 x 100 grid, the nearest
   * to the origin: lambda = 0.7 +- i sqrt(0.51).
   */
  @Test
  void brusselatorEigenvaluesNearestTheOriginAreTheAnalyticFourierModes() {
    int grid = 100;
    Brusselator2D b = new Brusselator2D(grid);
    int n = b.dimension();
    double[] y = new double[n];
    for (int k = 0; k < n; k += 2) {
      y[k] = 1.0;
      y[k + 1] = 3.4;
    }
    SparsityPattern p = b.sparsity();
    SparseMatrix jac = new SparseMatrix(p);
    new SparseFiniteDifferenceJacobian(p).computeCentral(b, 0.0, y, 1.0, jac, new double[n]);
    SparseLuSolver lu = new SparseLuSolver();
    lu.factor(jac);
    ShiftInvertArnoldi.Result res = ShiftInvertArnoldi.largest(ShiftInvertArnoldi.Operator.inverse(n, lu::solve), 6, 120, 1e-10);
    List<double[]> exact = new ArrayList<>();
    double diffusion = Brusselator2D.ALPHA * grid * grid;
    for (int pq = 0; pq < grid; pq++) {
      for (int qq = 0; qq < grid; qq++) {
        double d = diffusion * (4 - 2 * Math.cos(2 * Math.PI * pq / grid) - 2 * Math.cos(2 * Math.PI * qq / grid));
        double tr = 1.4 - 2 * d;
        double det = 1 - 1.4 * d + d * d;
        double disc = tr * tr / 4 - det;
        if (disc >= 0) {
          exact.add(new double[] {tr / 2 + Math.sqrt(disc), 0});
          exact.add(new double[] {tr / 2 - Math.sqrt(disc), 0});
        } else {
          exact.add(new double[] {tr / 2, Math.sqrt(-disc)});
          exact.add(new double[] {tr / 2, -Math.sqrt(-disc)});
        }
      }
    }
    List<ShiftInvertArnoldi.Ritz> conv = res.converged();
    assertThat(conv.size()).as("converged Ritz values").isGreaterThanOrEqualTo(6);
    for (int i = 0; i < conv.size(); i++) {
      var r = conv.get(i);
      double m2 = r.re() * r.re() + r.im() * r.im();
      double lre = r.re() / m2;
      double lim = -r.im() / m2;
      double best = Double.POSITIVE_INFINITY;
      for (double[] e : exact) {
        best = Math.min(best, Math.hypot(e[0] - lre, e[1] - lim));
      }
      assertThat(best).as("distance of lambda = %s%+si to the analytic spectrum", lre, lim)
          .isLessThan(EIGENVALUE_TOLERANCE * Math.hypot(lre, lim));
      if (i < 2) {
        assertThat(lre).isCloseTo(0.7, offset(EIGENVALUE_TOLERANCE));
        assertThat(Math.abs(lim)).isCloseTo(Math.sqrt(0.51), offset(EIGENVALUE_TOLERANCE));
      }
    }
  }

  /** A random 150 x 150 matrix: the eigenvalues nearest sigma = 0.3 equal EJML's dense ones. */
  @Test
  void eigenvaluesNearAShiftMatchTheDenseSolver() {
    int n = 150;
    double sigma = 0.3;
    Random rnd = new Random(7);
    double[] a = new double[n * n];
    for (int i = 0; i < n * n; i++) {
      a[i] = rnd.nextGaussian() / Math.sqrt(n);
    }
    double[] shifted = a.clone();
    for (int i = 0; i < n; i++) {
      shifted[i * n + i] -= sigma;
    }
    DenseLuSolver lu = new DenseLuSolver();
    lu.factor(shifted, n);
    ShiftInvertArnoldi.Result res = ShiftInvertArnoldi.largest(ShiftInvertArnoldi.Operator.inverse(n, lu::solve), 5, n, 1e-10);
    var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false);
    assertThat(eig.decompose(new org.ejml.data.DMatrixRMaj(n, n, true, a))).isTrue();
    List<double[]> dense = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dense.add(new double[] {eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary});
    }
    dense.sort((x, y) -> Double.compare(Math.hypot(x[0] - sigma, x[1]), Math.hypot(y[0] - sigma, y[1])));
    var conv = res.converged();
    assertThat(conv.size()).isGreaterThanOrEqualTo(5);
    for (int i = 0; i < 5; i++) {
      var r = conv.get(i);
      double m2 = r.re() * r.re() + r.im() * r.im();
      double lre = sigma + r.re() / m2;
      double lim = -r.im() / m2;
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 8; k++) {
        best = Math.min(best, Math.hypot(dense.get(k)[0] - lre, dense.get(k)[1] - lim));
      }
      assertThat(best).as("Ritz value %d among the dense eigenvalues nearest sigma", i).isLessThan(1e-9);
    }
  }

  /**
   * The fused orthogonalisation against plain loops written out here (a dot product, then the axpy,
   * per basis vector and pass, then |w|, as the Arnoldi step computed them before): the same bits in
   * w, in the Hessenberg column and in both norms, for random bases (orthonormalised or not) and
   * steps j = 0 .. 40.
   */
  @Test
  void fusedOrthogonalisationEqualsSeparateDotAndAxpyPassesBitForBit() {
    Random rnd = new Random(11);
    for (int n : new int[] {1, 7, 1_000}) {
      for (int j : new int[] {0, 1, 2, 5, 40}) {
        double[][] v = new double[j + 2][];
        for (int i = 0; i <= j; i++) {
          v[i] = new double[n];
          for (int e = 0; e < n; e++) {
            v[i][e] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
          }
        }
        double[] w0 = new double[n];
        for (int e = 0; e < n; e++) {
          w0[e] = rnd.nextGaussian();
        }
        double[][] h = new double[j + 2][j + 1];
        double[][] hRef = new double[j + 2][j + 1];
        h[0][j] = hRef[0][j] = 0.25; // an entry already present is added to, not overwritten
        double[] w = w0.clone();
        double[] wRef = w0.clone();
        double[] norms = new double[2];
        ShiftInvertArnoldi.orthogonalise(v, j, w, h, norms);
        double scaleRef = Math.sqrt(plainDot(wRef, wRef));
        for (int pass = 0; pass < 2; pass++) {
          for (int i = 0; i <= j; i++) {
            double d = plainDot(v[i], wRef);
            hRef[i][j] += d;
            for (int e = 0; e < n; e++) {
              wRef[e] += -d * v[i][e];
            }
          }
        }
        double betaRef = Math.sqrt(plainDot(wRef, wRef));
        assertThat(w).as("w, n = %d, j = %d", n, j).isEqualTo(wRef);
        for (int i = 0; i <= j + 1; i++) {
          assertThat(h[i]).as("h row %d, n = %d, j = %d", i, n, j).isEqualTo(hRef[i]);
        }
        assertThat(Double.doubleToLongBits(norms[0])).isEqualTo(Double.doubleToLongBits(scaleRef));
        assertThat(Double.doubleToLongBits(norms[1])).isEqualTo(Double.doubleToLongBits(betaRef));
      }
    }
  }

  private static double plainDot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
