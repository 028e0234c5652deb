package org.qdlaser.stages.numerics.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;

class RouteCancellationTest {
  private static final Supplier<IllegalStateException> INTERRUPTED = () -> new IllegalStateException("interrupted");
  /** Busy time of one residual evaluation (ms): a Newton iteration of the slow system below costs ~3 of them. */
  private static final long RESIDUAL_MS = 20;
  /**
   * F(x) = x^3 from x = 1e100: each full Newton step multiplies x by 2/3 and is accepted (|F| falls), the step
   * stays a third of x, so Newton runs its whole budget, ~500 iterations to reach the scale floor: about 30 s
   * at {@link #RESIDUAL_MS}, unless cancelled.
   */
  private static final class SlowCube implements NonlinearSystem {
    final AtomicInteger evaluations = new AtomicInteger();

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public void residual(double[] x, double[] out) {
      evaluations.incrementAndGet();
      long end = System.nanoTime() + RESIDUAL_MS * 1_000_000;
      while (System.nanoTime() < end) {
        Thread.onSpinWait(); // busy, not sleeping: only the poll in Newton's loop can end it early
      }
      out[0] = x[0] * x[0] * x[0];
    }
  }

  @Test
  void aRouteCancelledInALongNewtonSolveStopsAtItsNextIterationAndTheResultIsTheLoops() throws Exception {
    SlowCube slow = new SlowCube();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    AtomicReference<Throwable> how = new AtomicReference<>();
    List<Supplier<Integer>> routes = List.of(
        () -> {
          await(running);
          return 0;
        },
        () -> {
          running.countDown();
          try {
            new NewtonSolver(new NewtonSettings(1e-12, 1e-10, 100_000)).solve(slow, new double[] {1e100});
            return 1;
          } catch (RuntimeException e) {
            how.set(e);
            throw e;
          } finally {
            ended.countDown();
          }
        });
    assertThat(OrderedRoutes.untilFirst(routes, v -> v == 0, 2, "qdlaser-test-routes", INTERRUPTED)).containsExactly(0);
    long decided = System.nanoTime();
    // Bound: one Newton iteration (a residual and a 1 x 1 difference Jacobian, ~3 evaluations, 60 ms) with a
    // wide margin for a loaded machine; uncancelled the solve would run ~30 s.
    assertThat(ended.await(10, TimeUnit.SECONDS)).as("the cancelled route ended").isTrue();
    assertThat((System.nanoTime() - decided) / 1e9).isLessThan(10.0);
    assertThat(how.get()).isInstanceOf(RouteCancellation.Cancelled.class);
    assertThat(slow.evaluations.get()).as("residual evaluations before the cancellation took effect").isLessThan(200);
  }

  @Test
  void checkIsInertOffRouteThreadsAndOnRouteThreadsNotInterrupted() {
    Thread.currentThread().interrupt();
    try {
      RouteCancellation.check(); // the caller's thread: an interrupt is not a cancellation here
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(RouteCancellation.asRoute(() -> {
      RouteCancellation.check();
      return 7;
    })).isEqualTo(7);
  }

  /**
   * A route's own work run on the route's thread as a {@link RouteCancellation#cancellable} task (or as a nested
   * route) leaves the route marked: the rest of the route still stops where it is cancelled.
   */
  @Test
  void nestedUseKeepsTheOuterMark() throws Exception {
    assertThat(RouteCancellation.asRoute(() -> {
      try {
        assertThat(RouteCancellation.cancellable(() -> 1).call()).isEqualTo(1);
        assertThat(RouteCancellation.asRoute(() -> 2)).isEqualTo(2);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return cancelledHere();
    })).isTrue();
    assertThat(cancelledHere()).as("off the route again: no mark left behind").isFalse();
  }

  /** Whether {@link RouteCancellation#check} throws on this thread when it is interrupted (the flag cleared after). */
  private static boolean cancelledHere() {
    Thread.currentThread().interrupt();
    try {
      RouteCancellation.check();
      return false;
    } catch (RouteCancellation.Cancelled e) {
      return true;
    } finally {
      Thread.interrupted();
    }
  }

  private static void await(CountDownLatch l) {
    try {
      assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
