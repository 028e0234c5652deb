package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;

/** Newton's sparse path (coloured central differences + sparse LU) on a system with a known root. */
class SparseNewtonTest {
  /** Newton converges quadratically to rounding of O(1) components. */
  static final double ROOT_TOLERANCE = 1e-12;

  @Test
  void brusselatorSteadyStateFromAPerturbedGuessIsTheUniformState() {
    Brusselator2D b = new Brusselator2D(100); // 20,000 unknowns: above NewtonSolver.SPARSE_FROM
    NonlinearSystem f = new NonlinearSystem() {
      @Override
      public int dimension() {
        return b.dimension();
      }

      @Override
      public void residual(double[] x, double[] out) {
        b.rhs(0.0, x, out); // before the forcing switches on: root u = 1, v = 3.4
      }

      @Override
      public SparsityPattern sparsity() {
        return b.sparsity();
      }
    };
    assertThat(f.dimension()).isGreaterThanOrEqualTo(NewtonSolver.SPARSE_FROM);
    Random rnd = new Random(11);
    double[] x0 = new double[f.dimension()];
    for (int k = 0; k < x0.length; k += 2) {
      x0[k] = 1.0 + 0.05 * rnd.nextGaussian();
      x0[k + 1] = 3.4 + 0.05 * rnd.nextGaussian();
    }
    NewtonResult r = new NewtonSolver(NewtonSettings.defaults()).solve(f, x0);
    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isLessThanOrEqualTo(10);
    for (int k = 0; k < x0.length; k += 2) {
      assertThat(r.x()[k]).isCloseTo(1.0, offset(ROOT_TOLERANCE));
      assertThat(r.x()[k + 1]).isCloseTo(3.4, offset(ROOT_TOLERANCE));
    }
  }
}
