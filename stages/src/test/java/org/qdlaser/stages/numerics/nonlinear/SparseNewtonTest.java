package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;

/** Newton's sparse path (coloured central differences + sparse LU) on a system with a known root. */
class SparseNewtonTest {
  /**
   * Newton's tolerance for O(1) components at the default settings: a weighted RMS step below 1
   * with weights 1e-12 |x_i| + 1e-10 (the scale floor), i.e. ~1e-10. Full Newton steps overshoot it
   * (quadratic convergence: the last step leaves rounding); chord steps stop at an estimated error
   * below it, so the root is held to the tolerance itself.
   */
  static final double ROOT_TOLERANCE = 1e-10;

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

  /**
   * Chord steps (the factorisation reused once full steps contract strongly) reach the root to the
   * same tolerance as full Newton: a tridiagonal cubic system whose root x* is set by construction
   * (analytic), from x* + 0.1. Fewer right-hand sides than one Jacobian (2 per colour) per iteration
   * shows that chord steps were taken.
   */
  @Test
  void chordStepsReachTheConstructedRootWithFewerJacobiansThanIterations() {
    int n = 400;
    double[] root = new double[n];
    for (int i = 0; i < n; i++) {
      root[i] = 1.0 + 0.5 * Math.sin(i);
    }
    double[] c = new double[n];
    long[] calls = {0};
    NonlinearSystem f = new NonlinearSystem() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public void residual(double[] x, double[] out) {
        calls[0]++;
        for (int i = 0; i < n; i++) {
          double left = i > 0 ? x[i - 1] : 0.0;
          double right = i < n - 1 ? x[i + 1] : 0.0;
          out[i] = x[i] + 0.1 * x[i] * x[i] * x[i] + 0.2 * (left + right) - c[i];
        }
      }

      @Override
      public SparsityPattern sparsity() {
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
          rows[i] = i == 0 ? new int[] {0, 1} : i == n - 1 ? new int[] {n - 2, n - 1} : new int[] {i - 1, i, i + 1};
        }
        return SparsityPattern.fromRows(rows);
      }
    };
    f.residual(root, c); // c = F(x*) with c = 0, so that F(x*) = 0 below
    double[] x0 = new double[n];
    for (int i = 0; i < n; i++) {
      x0[i] = root[i] + 0.1;
    }
    calls[0] = 0;
    NewtonResult r = new NewtonSolver(NewtonSettings.defaults().withChordSteps(true)).solve(f, x0);
    assertThat(r.converged()).isTrue();
    for (int i = 0; i < n; i++) {
      assertThat(r.x()[i]).isCloseTo(root[i], offset(ROOT_TOLERANCE));
    }
    int colours = NewtonSolver.SparseWorkspace.forPattern(f.sparsity()).jacobianBuilder().finiteDifferences().colouring().colours();
    assertThat(calls[0]).isLessThan((long) r.iterations() * 2 * colours);
  }

  /**
   * The sparse path's damping is affine covariant (Deuflhard's natural monotonicity test): F and D F,
   * D a diagonal row scaling spanning 12 decades, have the same Newton iterates, so the same number
   * of iterations and the same root. A max-norm line search is not: there the rows scaled by 1e6
   * dominate the merit function, and on TPM_d (rates from 1e-3 to 1e4 gamma_nr) it cut good Newton
   * steps to 1/4096 (the fig5-6-9-10 sample S6, docs/decisions.md). Analytic: the Newton step
   * J^-1 F is the same for D F, whose Jacobian is D J.
   */
  @Test
  void dampedIterationIsInvariantUnderRowScaling() {
    int n = 400;
    double[] root = new double[n];
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      root[i] = 1.0 + 0.5 * Math.sin(i);
      scale[i] = Math.pow(10.0, 6.0 * Math.cos(0.7 * i));
    }
    double[] c = new double[n];
    Cubic plain = new Cubic(n, c, null);
    plain.residual(root, c);
    double[] x0 = new double[n];
    for (int i = 0; i < n; i++) {
      x0[i] = root[i] + 3.0 * Math.cos(1.3 * i); // far enough that the first steps are damped
    }
    // The natural monotonicity test damps the sparse path when chord steps are on (opt-in).
    NewtonSolver solver = new NewtonSolver(NewtonSettings.defaults().withChordSteps(true));
    NewtonResult a = solver.solve(plain, x0);
    NewtonResult b = solver.solve(new Cubic(n, c, scale), x0);
    assertThat(a.converged()).isTrue();
    assertThat(b.converged()).isTrue();
    assertThat(b.iterations()).isEqualTo(a.iterations());
    for (int i = 0; i < n; i++) {
      assertThat(a.x()[i]).isCloseTo(root[i], offset(ROOT_TOLERANCE));
      assertThat(b.x()[i]).isCloseTo(root[i], offset(ROOT_TOLERANCE));
    }
  }

  /** x_i + x_i^3 + 0.4 (x_{i-1} + x_{i+1}) - c_i, rows times scale_i (none if null): tridiagonal. */
  private record Cubic(int n, double[] c, double[] scale) implements NonlinearSystem {
    @Override
    public int dimension() {
      return n;
    }

    @Override
    public void residual(double[] x, double[] out) {
      for (int i = 0; i < n; i++) {
        double left = i > 0 ? x[i - 1] : 0.0;
        double right = i < n - 1 ? x[i + 1] : 0.0;
        out[i] = (x[i] + x[i] * x[i] * x[i] + 0.4 * (left + right) - c[i]) * (scale == null ? 1.0 : scale[i]);
      }
    }

    @Override
    public SparsityPattern sparsity() {
      int[][] rows = new int[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = i == 0 ? new int[] {0, 1} : i == n - 1 ? new int[] {n - 2, n - 1} : new int[] {i - 1, i, i + 1};
      }
      return SparsityPattern.fromRows(rows);
    }
  }
}
