package org.qdlaser.stages.numerics.linear;

import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparseTestMatrices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link IluPreconditioner} and {@link GmresSolver}. */
class IluGmresTest {

  /** Tridiagonal ILU(0) is the exact LU: solutions to rounding. */
  static final double EXACT_TOL = 1e-12;

  @Test
  void iluOfATridiagonalMatrixIsExact() {
    int n = 30;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 4 + i % 3;
      if (i > 0) {
        a[i * n + i - 1] = -1.5;
      }
      if (i < n - 1) {
        a[i * n + i + 1] = 2.0;
      }
    }
    IluPreconditioner ilu = new IluPreconditioner();
    ilu.factor(SparseMatrix.fromDense(a, n, true));
    double[] b = new double[n];
    Arrays.fill(b, 1.0);
    double[] expected = SparseTestMatrices.denseSolve(a, n, b);
    ilu.solve(b);
    assertThat(b).containsExactly(expected, Offset.offset(EXACT_TOL));
  }

  @Test
  void iluNeedsAStructuralDiagonal() {
    double[] a = {0, 1, 1, 0};
    assertThatThrownBy(() -> new IluPreconditioner().factor(SparseMatrix.fromDense(a, 2, false)))
        .hasMessageContaining("diagonal");
    assertThatThrownBy(() -> new IluPreconditioner().factor(SparseMatrix.fromDense(a, 2, true)))
        .isInstanceOf(LinearSolver.SingularMatrixException.class);
  }

  @Test
  void gmresMeetsItsWeightedToleranceWithAndWithoutPreconditioner() {
    int m = 16;
    int n = m * m;
    double[] a = SparseTestMatrices.shiftedLaplacian(m, 2.0);
    for (int i = 0; i < n; i++) {
      a[i * n + (i + 5) % n] += 0.3; // make it non-symmetric
    }
    SparseMatrix sm = SparseMatrix.fromDense(a, n, true);
    double[] weight = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      weight[i] = 1.0 + (i % 4);
      b[i] = Math.cos(0.37 * i);
    }
    double tol = 1e-9;
    IluPreconditioner ilu = new IluPreconditioner();
    ilu.factor(sm);
    GmresSolver gmres = new GmresSolver(30, 5);
    int[] iterations = new int[2];
    for (int pass = 0; pass < 2; pass++) {
      double[] x = b.clone();
      boolean ok = gmres.solve(sm::multiply, pass == 0 ? GmresSolver.NONE : ilu::solve, x, weight, tol, n);
      assertThat(ok).isTrue();
      iterations[pass] = gmres.lastIterations();
      double[] r = new double[n];
      sm.multiply(x, r);
      double s = 0;
      for (int i = 0; i < n; i++) {
        double v = weight[i] * (b[i] - r[i]);
        s += v * v;
      }
      assertThat(Math.sqrt(s / n)).as("weighted RMS residual, pass %d", pass).isLessThanOrEqualTo(tol);
      assertThat(gmres.lastResidual()).isLessThanOrEqualTo(tol);
    }
    assertThat(iterations[1]).as("ILU(0) iterations vs none").isLessThan(iterations[0]);
  }

  @Test
  void gmresReportsFailureWhenTheBudgetIsTooSmall() {
    int m = 16;
    int n = m * m;
    SparseMatrix sm = SparseMatrix.fromDense(SparseTestMatrices.shiftedLaplacian(m, 50.0), n, true);
    double[] weight = new double[n];
    Arrays.fill(weight, 1.0);
    double[] x = new double[n];
    Arrays.fill(x, 1.0);
    x[0] = -40.0;
    GmresSolver gmres = new GmresSolver(2, 0);
    assertThat(gmres.solve(sm::multiply, GmresSolver.NONE, x, weight, 1e-12, n)).isFalse();
    assertThat(gmres.lastIterations()).isEqualTo(2);
  }
}
