package org.qdlaser.stages.numerics.nonlinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * "Same inputs, same bytes": a sparse Newton solve's result is a function of its system and initial
 * guess only, not of what was solved before on the same thread. The sparse path keeps a workspace
 * per thread (colouring, ordering, LU storage); until branch repro its LU also reused the row order of
 * its last factorisation wherever those pivots passed the threshold test, so a solve after another one
 * on the same pattern kept the predecessor's row exchanges and ended with other last bits (this test
 * failed on main b145104: 393 of 400 components differed). Now a reused row order is kept only where a
 * fresh pivot search chooses the same rows ({@link org.qdlaser.stages.numerics.sparse.SparseLuSolver}).
 */
class SolveHistoryTest {
  /** Unknowns: above {@link NewtonSolver#SPARSE_FROM}, so the sparse path (and its workspace) is taken. */
  private static final int N = 400;

  /**
   * Predecessor A: a near-zero diagonal (1e-6 against off-diagonal couplings ~0.4), so the LU's
   * threshold test (1e-3) rejects the diagonal pivots and takes off-diagonal rows; problem B, on the
   * same pattern, has a dominant diagonal, whose fresh factorisation keeps the diagonal pivots, while
   * A's row order still passes the threshold test for B (0.4 against 1): reused, it gives B other
   * rounding.
   */
  @Test
  void aSolveAfterAnotherOnTheSameThreadEqualsTheSolveOnAFreshThreadBitForBit() throws Exception {
    NewtonSolver solver = new NewtonSolver(NewtonSettings.defaults().withChordSteps(true));
    Tridiagonal a = new Tridiagonal(1e-6, 11);
    Tridiagonal b = new Tridiagonal(1.0, 12);
    double[] x0 = a.guess();
    NewtonResult fresh = onNewThread(() -> solver.solve(b, x0));
    NewtonResult afterA = onNewThread(() -> {
      NewtonResult ra = solver.solve(a, x0);
      assertThat(ra.converged()).isTrue();
      return solver.solve(b, x0);
    });
    assertThat(fresh.converged()).isTrue();
    assertThat(afterA.converged()).isTrue();
    assertThat(afterA.iterations()).isEqualTo(fresh.iterations());
    assertThat(differingBits(afterA.x(), fresh.x())).as("components whose bits differ").isZero();
  }

  /** The same with the roles swapped: A after B (B's diagonal pivots fail A's threshold test: a fallback). */
  @Test
  void theReverseOrderAlsoEqualsAFreshThread() throws Exception {
    NewtonSolver solver = new NewtonSolver(NewtonSettings.defaults().withChordSteps(true));
    Tridiagonal a = new Tridiagonal(1e-6, 11);
    Tridiagonal b = new Tridiagonal(1.0, 12);
    double[] x0 = a.guess();
    NewtonResult fresh = onNewThread(() -> solver.solve(a, x0));
    NewtonResult afterB = onNewThread(() -> {
      solver.solve(b, x0);
      return solver.solve(a, x0);
    });
    assertThat(differingBits(afterB.x(), fresh.x())).as("components whose bits differ").isZero();
  }

  /** How many components of a and b differ in any bit. */
  static int differingBits(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
        d++;
      }
    }
    return d;
  }

  /** Runs {@code work} on a new thread (a fresh thread-local workspace) and returns its result. */
  static <T> T onNewThread(Supplier<T> work) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        out.set(work.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    t.join();
    if (failure.get() != null) {
      throw new AssertionError("solve on a new thread failed", failure.get());
    }
    return out.get();
  }

  /**
   * F_i = d x_i + 0.4 (x_{i-1} + x_{i+1}) + 0.05 (x_{i-1}^2 + x_{i+1}^2) - c_i, with c from a root
   * x*_i = 1 + 0.5 sin(seed i): tridiagonal, nonlinear in the couplings only, so the diagonal of the
   * Jacobian is d.
   */
  private record Tridiagonal(double d, int seed, double[] c) implements NonlinearSystem {
    Tridiagonal(double d, int seed) {
      this(d, seed, new double[N]);
      double[] root = new double[N];
      for (int i = 0; i < N; i++) {
        root[i] = 1.0 + 0.5 * Math.sin(seed * i);
      }
      residual(root, c); // c = 0 while evaluating: F(root) is the c that makes root a root
    }

    double[] guess() {
      double[] x = new double[N];
      for (int i = 0; i < N; i++) {
        x[i] = 1.0 + 0.05 * Math.cos(0.3 * i);
      }
      return x;
    }

    @Override
    public int dimension() {
      return N;
    }

    @Override
    public void residual(double[] x, double[] out) {
      for (int i = 0; i < N; i++) {
        double l = i > 0 ? x[i - 1] : 0.0;
        double r = i < N - 1 ? x[i + 1] : 0.0;
        out[i] = d * x[i] + 0.4 * (l + r) + 0.05 * (l * l + r * r) - c[i];
      }
    }

    @Override
    public SparsityPattern sparsity() {
      int[][] rows = new int[N][];
      for (int i = 0; i < N; i++) {
        rows[i] = i == 0 ? new int[] {0, 1} : i == N - 1 ? new int[] {N - 2, N - 1} : new int[] {i - 1, i, i + 1};
      }
      return SparsityPattern.fromRows(rows);
    }
  }
}
