package org.qdlaser.stages.numerics.jacobian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/** The check behind the exact-Jacobian tests can fail: a pattern missing an entry, a wrong entry. */
class ExactJacobianCheckTest {
  /** f = (y0 y1 + 2 y0, 3 y1^2); {@code full}: the pattern holds (0, 1), else it lacks it. */
  private static OdeSystem system(boolean full, double errorOnDiagonal) {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = y[0] * y[1] + 2 * y[0];
        f[1] = 3 * y[1] * y[1];
      }

      @Override
      public SparsityPattern sparsity() {
        return SparsityPattern.fromRows(full ? new int[][] {{0, 1}, {1}} : new int[][] {{0}, {1}});
      }

      @Override
      public boolean hasSparseJacobian() {
        return true;
      }

      @Override
      public void sparseJacobian(double t, double[] y, double[] v) {
        if (full) {
          v[0] = y[1] + 2 + errorOnDiagonal;
          v[1] = y[0];
          v[2] = 6 * y[1];
        } else {
          v[0] = y[1] + 2 + errorOnDiagonal;
          v[1] = 6 * y[1];
        }
      }
    };
  }

  @Test
  void agreesOnACorrectJacobian() {
    assertThat(ExactJacobianCheck.mismatches(system(true, 0), 0, new double[] {0.3, -0.7}, 0.5)).isEmpty();
  }

  @Test
  void failsWhenThePatternMissesAnEntry() {
    assertThat(ExactJacobianCheck.mismatches(system(false, 0), 0, new double[] {0.3, -0.7}, 0.5))
        .singleElement().asString().startsWith("(0, 1): exact 0.0, difference 0.3");
  }

  @Test
  void failsOnAWrongEntry() {
    assertThat(ExactJacobianCheck.mismatches(system(true, 1e-9), 0, new double[] {0.3, -0.7}, 0.5)).hasSize(1);
  }
}
