package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.PumpStep;
import org.qdlaser.stages.numerics.threads.OrderedRoutes;
import org.qdlaser.stages.numerics.threads.RouteCancellation;
import org.qdlaser.stages.physics.Model;

/**
 * A speculative route cancelled inside a long transient (a co-rotating one of {@link LongTimeFate}, as the
 * threshold search's short transients, or a pump step's) stops within a step, and the search's result is the loop's.
 */
class CancelledTransientTest {
  /** Busy time of one right-hand side (ms): the transient below then takes minutes unless cancelled. */
  private static final long RHS_MS = 2;

  /** {@link LongTimeFateTest.Toy} whose right-hand side is slow and counted ({@link #model}). */
  private record Slow(LongTimeFateTest.Toy toy, AtomicInteger calls, CountDownLatch started) {
    Model model() {
      return new HookedToy(toy, () -> {
        calls.incrementAndGet();
        started.countDown();
        long end = System.nanoTime() + RHS_MS * 1_000_000;
        while (System.nanoTime() < end) {
          Thread.onSpinWait(); // busy: only the polls in the transient can end it early
        }
      });
    }
  }

  @Test
  void aRouteCancelledInALongTransientStopsWithinAStep() throws Exception {
    // The unsettled toy of LongTimeFateTest (a field decaying at 1e-3 per unit) with a limit of 1e6 units.
    assertStopsWithinAStepWhenCancelled(m -> LongTimeFateTest.fate(1e6).follow(m, m.factorisedState(10, 0, 0), 1.9)
        .verdict().jsonName());
  }

  /**
   * A transient with no stop condition and no observer that polls ({@link PumpStep#integrate}, as the relaxation
   * oscillations' pump steps) stops within a step too: the integrator's step loop is the cancellation point.
   */
  @Test
  void aRouteCancelledInAPumpStepTransientStopsWithinAStep() throws Exception {
    assertStopsWithinAStepWhenCancelled(m -> {
      // 1e6 time units at rtol 1e-10, ~2 ms per right-hand side: hours unless cancelled
      PumpStep.integrate(m, m.factorisedState(9, 0, 0), 0.0, m.factorisedState(10, 0, 0), 1e6, 2);
      return "integrated";
    });
  }

  /**
   * Runs {@code transientRun} on the slow unsettled toy as the second of two routes, the first deciding once the
   * transient is well under way: the transient's route must end by {@link RouteCancellation.Cancelled} within
   * a step (fewer than 100 right-hand sides after the decision: a BDF step of this 5-unknown toy is a few
   * right-hand sides and a 10-evaluation difference Jacobian).
   */
  private static void assertStopsWithinAStepWhenCancelled(java.util.function.Function<Model, String> transientRun)
      throws InterruptedException {
    Slow s = new Slow(new LongTimeFateTest.Toy(-1e-3, 1e6, 1.9, 0.0, 0.0, 0.0), new AtomicInteger(), new CountDownLatch(1));
    Model m = s.model();
    CountDownLatch ended = new CountDownLatch(1);
    AtomicReference<Throwable> how = new AtomicReference<>();
    AtomicInteger atDecision = new AtomicInteger();
    List<Supplier<String>> routes = List.of(
        () -> {
          await(s.started());
          sleep(200); // the transient is well under way
          atDecision.set(s.calls().get());
          return "decided";
        },
        () -> {
          try {
            return transientRun.apply(m);
          } catch (RuntimeException e) {
            how.set(e);
            throw e;
          } finally {
            ended.countDown();
          }
        });
    assertThat(OrderedRoutes.untilFirst(routes, "decided"::equals, 2, "qdlaser-test-routes",
        () -> new IllegalStateException("interrupted"))).containsExactly("decided");
    assertThat(ended.await(10, TimeUnit.SECONDS)).as("the cancelled route ended").isTrue();
    assertThat(how.get()).isInstanceOf(RouteCancellation.Cancelled.class);
    assertThat(s.calls().get() - atDecision.get()).as("right-hand sides after the decision").isLessThan(100);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
