package org.qdlaser.stages.numerics.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DenseLuSolverTest {

  /** Well-conditioned small integer systems: LU with pivoting is exact to a few ulps. */
  static final double TOL = 1e-14;

  @Test
  void solvesHandWorkedSystemThatNeedsPivoting() {
    // A x = b with x = (1, -2, 3); a[0][0] = 0 forces a row exchange.
    double[] a = {
      0, 2, 1,
      1, 1, 1,
      2, 1, 3
    };
    double[] b = {-1, 2, 9};
    DenseLuSolver lu = new DenseLuSolver();
    lu.factor(a, 3);
    lu.solve(b);
    assertThat(b[0]).isCloseTo(1, Offset.offset(TOL));
    assertThat(b[1]).isCloseTo(-2, Offset.offset(TOL));
    assertThat(b[2]).isCloseTo(3, Offset.offset(TOL));
  }

  @Test
  void factorisationIsReusedForSeveralRightHandSides() {
    // [[4, 3], [6, 3]]: det = -6; inverse = [[-1/2, 1/2], [1, -2/3]].
    double[] a = {4, 3, 6, 3};
    DenseLuSolver lu = new DenseLuSolver();
    lu.factor(a, 2);
    double[] e1 = {1, 0};
    double[] e2 = {0, 1};
    lu.solve(e1);
    lu.solve(e2);
    assertThat(e1[0]).isCloseTo(-0.5, Offset.offset(TOL));
    assertThat(e1[1]).isCloseTo(1.0, Offset.offset(TOL));
    assertThat(e2[0]).isCloseTo(0.5, Offset.offset(TOL));
    assertThat(e2[1]).isCloseTo(-2.0 / 3.0, Offset.offset(TOL));
  }

  @Test
  void workspaceShrinksGracefullyToSmallerSystems() {
    DenseLuSolver lu = new DenseLuSolver();
    lu.factor(new double[] {0, 2, 1, 1, 1, 1, 2, 1, 3}, 3);
    lu.factor(new double[] {2, 0, 0, 4}, 2);
    double[] b = {2, 8};
    lu.solve(b);
    assertThat(b).containsExactly(1.0, 2.0);
  }

  @Test
  void singularMatrixIsReported() {
    DenseLuSolver lu = new DenseLuSolver();
    assertThatThrownBy(() -> lu.factor(new double[] {1, 2, 2, 4}, 2))
        .isInstanceOf(LinearSolver.SingularMatrixException.class)
        .hasMessageContaining("singular");
    // Third row is a multiple of the first: elimination produces an exactly zero pivot.
    assertThatThrownBy(() -> lu.factor(new double[] {1, 2, 3, 1, 1, 1, 2, 4, 6}, 3))
        .isInstanceOf(LinearSolver.SingularMatrixException.class);
    // A failed factorisation leaves nothing to solve with.
    assertThatThrownBy(() -> lu.solve(new double[3])).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nonFiniteEntriesAreReportedAsSingular() {
    assertThatThrownBy(() -> new DenseLuSolver().factor(new double[] {Double.NaN, 0, 0, 1}, 2))
        .isInstanceOf(LinearSolver.SingularMatrixException.class);
  }

  @Test
  void solveBeforeFactorIsAnError() {
    assertThatThrownBy(() -> new DenseLuSolver().solve(new double[2])).isInstanceOf(IllegalStateException.class);
  }
}
