package org.qdlaser.stages.numerics.jacobian;

import org.qdlaser.stages.numerics.ode.IvpProblems;
import org.qdlaser.stages.numerics.ode.OdeSystem;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FiniteDifferenceJacobianTest {

  /**
   * Forward differences: truncation ~ delta |f''| and rounding ~ eps |f| / delta, both ~sqrt(eps)
   * = 1.5e-8 relative to the entries of the same row or column (one column is one difference
   * quotient); 1e-6 leaves margin for curvature.
   */
  static final double REL_TOL = 1e-6;

  @Test
  void matchesAnalyticJacobianOfRober() {
    compare(IvpProblems.rober(), new double[] {0.7, 3.2e-5, 0.3}, new double[] {1e-10, 1e-10, 1e-10});
  }

  @Test
  void matchesAnalyticJacobianOfHires() {
    compare(
        IvpProblems.hires(),
        new double[] {0.5, 0.1, 0.02, 0.3, 0.004, 0.006, 0.003, 0.0027},
        new double[] {1e-8, 1e-8, 1e-8, 1e-8, 1e-8, 1e-8, 1e-8, 1e-8});
  }

  @Test
  void componentsAtZeroUseTheFloor() {
    // y = (0, 0, 1): columns 1 and 2 are perturbed by sqrt(eps) * floor.
    compare(IvpProblems.rober(), new double[] {0, 0, 1}, new double[] {1e-6, 1e-6, 1e-6});
  }

  @Test
  void leavesTheStateUntouchedAndCountsEvaluations() {
    OdeSystem s = IvpProblems.rober();
    double[] y = {0.7, 3.2e-5, 0.3};
    double[] copy = y.clone();
    double[] f0 = new double[3];
    s.rhs(0, y, f0);
    int evals = new FiniteDifferenceJacobian(3).compute(s, 0, y, f0, new double[] {1, 1, 1}, new double[9]);
    assertThat(evals).isEqualTo(3);
    assertThat(y).containsExactly(copy);
  }

  private static void compare(OdeSystem s, double[] y, double[] floor) {
    int n = s.dimension();
    double[] f0 = new double[n];
    s.rhs(0.0, y, f0);
    double[] exact = new double[n * n];
    s.jacobian(0.0, y, exact);
    double[] fd = new double[n * n];
    new FiniteDifferenceJacobian(n).compute(s, 0.0, y, f0, floor, fd);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double scale = 0;
        for (int k = 0; k < n; k++) {
          scale = Math.max(scale, Math.max(Math.abs(exact[i * n + k]), Math.abs(exact[k * n + j])));
        }
        assertThat(fd[i * n + j])
            .as("df_%d/dy_%d", i, j)
            .isCloseTo(exact[i * n + j], Offset.offset(REL_TOL * scale));
      }
    }
  }
}
