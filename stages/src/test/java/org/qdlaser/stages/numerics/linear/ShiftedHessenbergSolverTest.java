package org.qdlaser.stages.numerics.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/** The shifted Hessenberg solves against a dense LU of the real 2n x 2n form of s I - M. */
class ShiftedHessenbergSolverTest {
  /**
   * Both solves are backward stable; on these well-conditioned shifts (condition ~1e2-1e4) the
   * forward difference is a few hundred ulps of |x|.
   */
  private static final double AGREEMENT = 1e-11;

  @Test
  void agreesWithADenseComplexLuAtManyShifts() {
    Random rnd = new Random(7);
    int n = 60;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = rnd.nextGaussian();
      }
      m[i][i] -= 5;
    }
    double[] v = new double[n];
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextGaussian();
      u[i] = rnd.nextGaussian();
    }
    ShiftedHessenbergSolver s = new ShiftedHessenbergSolver(m);
    double[] c = s.toHessenbergBasis(v);
    double[] g = s.toHessenbergBasis(u);
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (double[] shift : new double[][] {{0.3, 2.0}, {-1.0, 0.0}, {4.0, -7.5}, {-5.0, 0.01}}) {
      s.solve(shift[0], shift[1], c, xr, xi);
      double hr = 0;
      double hi = 0;
      for (int i = 0; i < n; i++) {
        hr += g[i] * xr[i];
        hi += g[i] * xi[i];
      }
      double[] ref = denseResolvent(m, shift[0], shift[1], u, v);
      double scale = Math.hypot(ref[0], ref[1]);
      assertThat(Math.hypot(hr - ref[0], hi - ref[1])).isLessThan(AGREEMENT * Math.max(1, scale) * n);
    }
  }

  /**
   * Relative residual ||(s I - M) y - v|| / ((||M||_F + |s|) ||y||) allowed for the solution y = Q x
   * mapped back from the Hessenberg basis: the reduction and the partially pivoted elimination are
   * backward stable, about n eps = 60 x 1.1e-16 ~ 7e-15 with a small growth factor; 1e-13 leaves
   * room for it (measured: ~1e-16 on the shifts below), and a wrong entry of H read by a solve leaves
   * one of order 1.
   */
  private static final double RESIDUAL = 1e-13;

  @Test
  void eachSolveLeavesABackwardStableResidualAgainstTheMatrix() {
    int n = 60;
    double[][] m = randomMatrix(new Random(11), n);
    double[] v = new Random(12).doubles(n, -1, 1).toArray();
    ShiftedHessenbergSolver s = new ShiftedHessenbergSolver(m);
    double[] c = s.toHessenbergBasis(v);
    // Rows of Q: Q^T e_k, so that y_k = (Q x)_k = (Q^T e_k) . x
    double[][] qRows = new double[n][];
    for (int k = 0; k < n; k++) {
      double[] e = new double[n];
      e[k] = 1;
      qRows[k] = s.toHessenbergBasis(e);
    }
    double normM = 0;
    for (double[] row : m) {
      for (double x : row) {
        normM += x * x;
      }
    }
    normM = Math.sqrt(normM);
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (double[] shift : new double[][] {{0.3, 2.0}, {-1.0, 0.0}, {4.0, -7.5}, {-5.0, 0.01}}) {
      s.solve(shift[0], shift[1], c, xr, xi);
      double[] yr = new double[n];
      double[] yi = new double[n];
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n; j++) {
          yr[k] += qRows[k][j] * xr[j];
          yi[k] += qRows[k][j] * xi[j];
        }
      }
      double res = 0;
      double normY = 0;
      for (int i = 0; i < n; i++) {
        // row i of (s I - M) y - v, s = a + i b
        double rr = shift[0] * yr[i] - shift[1] * yi[i] - v[i];
        double ri = shift[0] * yi[i] + shift[1] * yr[i];
        for (int j = 0; j < n; j++) {
          rr -= m[i][j] * yr[j];
          ri -= m[i][j] * yi[j];
        }
        res += rr * rr + ri * ri;
        normY += yr[i] * yr[i] + yi[i] * yi[i];
      }
      double scale = (normM + Math.hypot(shift[0], shift[1])) * Math.sqrt(normY);
      assertThat(Math.sqrt(res) / scale).isLessThan(RESIDUAL);
    }
  }

  @Test
  void aSolveDependsOnlyOnItsShiftNotOnTheSolvesBeforeIt() {
    // The workspaces are reused from shift to shift: the second of two solves gives the same bits as a
    // fresh solver's first, so nothing of a solve is left behind to change the next.
    int n = 40;
    double[][] m = randomMatrix(new Random(21), n);
    double[] v = new Random(22).doubles(n, -1, 1).toArray();
    double[][] shifts = {{0.3, 2.0}, {-4.0, 0.0}, {1.5, -0.7}};
    ShiftedHessenbergSolver reused = new ShiftedHessenbergSolver(m);
    double[] c = reused.toHessenbergBasis(v);
    for (double[] shift : shifts) {
      double[] xr = new double[n];
      double[] xi = new double[n];
      reused.solve(shift[0], shift[1], c, xr, xi);
      ShiftedHessenbergSolver fresh = new ShiftedHessenbergSolver(m);
      double[] fr = new double[n];
      double[] fi = new double[n];
      fresh.solve(shift[0], shift[1], fresh.toHessenbergBasis(v), fr, fi);
      for (int i = 0; i < n; i++) {
        assertThat(Double.doubleToRawLongBits(xr[i])).isEqualTo(Double.doubleToRawLongBits(fr[i]));
        assertThat(Double.doubleToRawLongBits(xi[i])).isEqualTo(Double.doubleToRawLongBits(fi[i]));
      }
    }
  }

  private static double[][] randomMatrix(Random rnd, int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = rnd.nextGaussian();
      }
      m[i][i] -= 5;
    }
    return m;
  }

  @Test
  void aHessenbergInputNeedsNoReductionAndPivotsOnTheSubdiagonal() {
    // M with a zero diagonal: at s = 0 the first pivot of s I - M is 0, so the row swap is required
    double[][] m = {{0, 1, 0}, {2, 0, 1}, {0, 3, 0}};
    ShiftedHessenbergSolver s = new ShiftedHessenbergSolver(m);
    double[] v = {1, 2, 3};
    double[] xr = new double[3];
    double[] xi = new double[3];
    s.solve(0.0, 0.5, s.toHessenbergBasis(v), xr, xi);
    for (int k = 0; k < 3; k++) {
      double[] e = new double[3];
      e[k] = 1;
      double[] gk = s.toHessenbergBasis(e);
      double r = 0;
      double i = 0;
      for (int j = 0; j < 3; j++) {
        r += gk[j] * xr[j];
        i += gk[j] * xi[j];
      }
      double[] ref = denseResolvent(m, 0.0, 0.5, e, v);
      assertThat(Math.hypot(r - ref[0], i - ref[1])).isLessThan(AGREEMENT);
    }
  }

  @Test
  void anExactEigenvalueIsReportedNotDividedBy() {
    double[][] m = {{2, 0}, {0, 3}};
    ShiftedHessenbergSolver s = new ShiftedHessenbergSolver(m);
    assertThatThrownBy(() -> s.solve(2.0, 0.0, new double[] {1, 1}, new double[2], new double[2]))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("singular");
  }

  /** u . (s I - M)^{-1} v by EJML's LU of the real form [[sR - M, -sI], [sI, sR - M]]. */
  private static double[] denseResolvent(double[][] m, double sR, double sI, double[] u, double[] v) {
    int n = m.length;
    DMatrixRMaj a = new DMatrixRMaj(2 * n, 2 * n);
    DMatrixRMaj b = new DMatrixRMaj(2 * n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a.unsafe_set(i, j, -m[i][j]);
        a.unsafe_set(n + i, n + j, -m[i][j]);
      }
      a.unsafe_set(i, i, a.unsafe_get(i, i) + sR);
      a.unsafe_set(n + i, n + i, a.unsafe_get(n + i, n + i) + sR);
      a.unsafe_set(i, n + i, -sI);
      a.unsafe_set(n + i, i, sI);
      b.unsafe_set(i, 0, v[i]);
    }
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(2 * n);
    assertThat(lu.setA(a)).isTrue();
    DMatrixRMaj y = new DMatrixRMaj(2 * n, 1);
    lu.solve(b, y);
    double r = 0;
    double i = 0;
    for (int k = 0; k < n; k++) {
      r += u[k] * y.get(k, 0);
      i += u[k] * y.get(n + k, 0);
    }
    return new double[] {r, i};
  }
}
