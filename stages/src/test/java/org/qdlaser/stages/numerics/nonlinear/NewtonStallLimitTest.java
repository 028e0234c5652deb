package org.qdlaser.stages.numerics.nonlinear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link NewtonSettings#stallLimit}: a solve fails after that many consecutive iterations whose line search
 * accepted a damping of at most {@link NewtonSolver#STALL_DAMPING}, and is otherwise unchanged.
 *
 * <p>The oracle is worked by hand. F(x) = atan(x) from x0 = 30: the Newton step is atan(30) (1 + 900) = 1385.3,
 * and halving it, |atan(x)| first falls below atan(30) = 1.5375 at lambda = 1/32 (x = -13.29; at 1/16, x = -56.6
 * and |atan| = 1.553). From there the step is -266.0 and |atan| first falls below 1.4957 at lambda = 1/16 (x =
 * 3.33, 1.279): so exactly one stalled iteration, after which Newton converges to the root 0. F(x) = x^2 + 1 has
 * no real root: every Newton step from near 0 overshoots by 1/(2x), so the line search stalls again and again.
 */
class NewtonStallLimitTest {
  private static final int MAX_ITERATIONS = 50;

  private static NonlinearSystem scalar(java.util.function.DoubleUnaryOperator f) {
    return new NonlinearSystem() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public void residual(double[] x, double[] out) {
        out[0] = f.applyAsDouble(x[0]);
      }
    };
  }

  private static NewtonResult solve(NonlinearSystem s, double x0, int stallLimit) {
    NewtonSettings settings = new NewtonSettings(1e-12, 1e-10, MAX_ITERATIONS).withStallLimit(stallLimit);
    return new NewtonSolver(settings).solve(s, new double[] {x0});
  }

  @Test
  void oneStalledIterationIsAllowedByALimitOfTwoAndChangesNothing() {
    NewtonResult off = solve(scalar(Math::atan), 30.0, 0);
    NewtonResult two = solve(scalar(Math::atan), 30.0, 2);
    assertThat(off.converged()).isTrue();
    assertThat(Math.abs(off.x()[0])).isLessThan(1e-10);
    assertThat(two.converged()).isTrue();
    assertThat(two.iterations()).isEqualTo(off.iterations());
    assertThat(two.x()[0]).as("bit for bit the unlimited solve").isEqualTo(off.x()[0]);
  }

  @Test
  void aLimitOfOneEndsTheSolveAtItsFirstStalledIteration() {
    NewtonResult one = solve(scalar(Math::atan), 30.0, 1);
    assertThat(one.converged()).isFalse();
    assertThat(one.iterations()).isEqualTo(1);
    assertThat(one.x()[0]).as("the damped iterate 30 - 1385.3 / 32").isCloseTo(-13.29, org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void aSystemWithoutARootFailsSoonerWithTheLimit() {
    NewtonResult off = solve(scalar(x -> x * x + 1), 0.3, 0);
    NewtonResult two = solve(scalar(x -> x * x + 1), 0.3, 2);
    assertThat(off.converged()).isFalse();
    assertThat(two.converged()).isFalse();
    assertThat(two.iterations()).as("unlimited: %s iterations", off.iterations()).isLessThan(off.iterations());
  }

  @Test
  void aNegativeLimitIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewtonSettings.defaults().withStallLimit(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stall limit");
  }
}
