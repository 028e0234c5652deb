package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.numerics.threads.RouteCancellation;
import org.qdlaser.stages.physics.Model;

/**
 * How {@link BranchWalkUp} ends when it does not return: the caller's LU workspace (detached at the start for
 * the walk's chains) is the caller's again, and the chains' work still running is cancelled, off a route too.
 * On the toy of {@link LongTimeFateTest} (5 unknowns: dense solves, which leave a sparse workspace as it is).
 */
class BranchWalkUpTest {
  /** A toy rotating at 1.9 - 0.2 with |b| = 100 (LongTimeFateTest's first case). */
  private static final LongTimeFateTest.Toy TOY = new LongTimeFateTest.Toy(0.05, 100, 1.9, 0.2, 0.0, 0.0);

  /** The walk's start: the toy's lasing state, omega and pump as a branch point. */
  private static AmplitudeBranch.Point start(Model m) {
    double[] s = m.factorisedState(100, 0, 0);
    double[] x = Arrays.copyOf(s, s.length + 2);
    x[s.length] = 1.7;
    x[s.length + 1] = m.pump();
    return new AmplitudeBranch.Point(x);
  }

  private static BranchWalkUp walk() {
    return new BranchWalkUp(new NewtonSolver(ThresholdFinder.branchNewton()), new ArrayList<>(), new ArrayList<>());
  }

  /** A workspace of this thread, as a caller's earlier sparse solves leave one. */
  private static NewtonSolver.SparseWorkspace callersWorkspace() {
    return NewtonSolver.SparseWorkspace.forPattern(SparsityPattern.fromRows(new int[][] {{0, 1}, {0, 1}, {2}}));
  }

  @Test
  void aWalkWhosePolishThrowsGivesTheCallerItsWorkspaceBack() {
    HookedToy m = new HookedToy(TOY, () -> {
      throw new IllegalStateException("right-hand side failed");
    });
    NewtonSolver.SparseWorkspace callers = callersWorkspace();
    assertThatThrownBy(() -> walk().stableState(m, start(m))).isInstanceOf(IllegalStateException.class)
        .hasMessage("right-hand side failed");
    // The chain that threw (the first, which took the caller's workspace and solved densely) gives it back.
    assertThat(NewtonSolver.SparseWorkspace.detach()).isSameAs(callers);
  }

  /**
   * The caller (not a route) is interrupted while the walk's polish and step run: the walk ends at once with the
   * caller's workspace given back, and its chains' tasks leave at their next cancellation point, as a route's
   * would (before: they ran on, interrupt ignored, up to ~0.5 CPU-s at TPM_d N = 50).
   */
  @Test
  void aWalkEndedByAnInterruptCancelsItsChainsAndGivesTheCallerItsWorkspaceBack() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicInteger cancelled = new AtomicInteger();
    AtomicInteger wentOn = new AtomicInteger();
    HookedToy m = new HookedToy(TOY, () -> {
      started.countDown();
      long end = System.nanoTime() + 10_000_000_000L;
      while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
        Thread.onSpinWait(); // busy until the walk's end interrupts this chain's thread
      }
      if (Thread.currentThread().isInterrupted()) {
        try {
          RouteCancellation.check();
          wentOn.incrementAndGet();
        } catch (RouteCancellation.Cancelled e) {
          cancelled.incrementAndGet();
          throw e;
        } finally {
          interrupted.countDown();
        }
      }
    });
    AtomicReference<NewtonSolver.SparseWorkspace> callers = new AtomicReference<>();
    AtomicReference<NewtonSolver.SparseWorkspace> after = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      callers.set(callersWorkspace());
      try {
        walk().stableState(m, start(m));
      } catch (RuntimeException e) {
        thrown.set(e);
      }
      after.set(NewtonSolver.SparseWorkspace.detach());
    }, "qdlaser-test-walk-caller");
    caller.setDaemon(true);
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).as("a chain started").isTrue();
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).as("the walk ended").isFalse();
    assertThat(thrown.get()).isInstanceOf(EquilibriumException.class);
    assertThat(after.get()).isNotNull().isSameAs(callers.get());
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("a chain's task saw the interrupt").isTrue();
    assertThat(cancelled.get()).as("chain tasks cancelled").isPositive();
    assertThat(wentOn.get()).as("chain tasks that went on, interrupted").isZero();
  }
}
