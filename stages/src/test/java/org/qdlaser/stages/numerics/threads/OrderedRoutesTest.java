package org.qdlaser.stages.numerics.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OrderedRoutesTest {
  private static final Supplier<IllegalStateException> INTERRUPTED = () -> new IllegalStateException("interrupted");

  /** Routes returning their index after a delay that makes later routes finish first; successes at {@code wins}. */
  private static List<Supplier<Integer>> routes(int count) {
    List<Supplier<Integer>> rs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int k = i;
      rs.add(() -> {
        sleep(5L * (count - k));
        return k;
      });
    }
    return rs;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theResultsAreTheLoopsUpToTheFirstSuccessInTheOrderOnAnyNumberOfThreads() {
    for (int threads = 1; threads <= 4; threads++) {
      // 3 and 5 succeed: the later 5 finishes first on several threads, but 3 comes first in the order
      assertThat(OrderedRoutes.untilFirst(routes(7), v -> v == 3 || v == 5, threads, "qdlaser-test-routes", INTERRUPTED))
          .as("threads %d", threads).containsExactly(0, 1, 2, 3);
      assertThat(OrderedRoutes.untilFirst(routes(4), v -> false, threads, "qdlaser-test-routes", INTERRUPTED))
          .as("threads %d, no success", threads).containsExactly(0, 1, 2, 3);
    }
  }

  @Test
  void aFailingRouteEndsTheSearchWithItsExceptionUnlessAnEarlierRouteSucceeded() {
    for (int threads = 1; threads <= 3; threads++) {
      List<Supplier<Integer>> rs = new ArrayList<>(routes(4));
      rs.set(2, () -> {
        throw new ArithmeticException("route 2 failed");
      });
      int t = threads;
      assertThatThrownBy(() -> OrderedRoutes.untilFirst(rs, v -> false, t, "qdlaser-test-routes", INTERRUPTED))
          .as("threads %d", threads).isInstanceOf(ArithmeticException.class).hasMessage("route 2 failed");
      // route 1 succeeds first: route 2 would not have run, its failure (speculative) is discarded
      assertThat(OrderedRoutes.untilFirst(rs, v -> v == 1, t, "qdlaser-test-routes", INTERRUPTED)).containsExactly(0, 1);
    }
  }

  @Test
  void routesAfterTheDecisiveOneAreInterrupted() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    List<Supplier<Integer>> rs = List.of(
        () -> {
          await(running); // the speculative route 1 is running before route 0 succeeds
          return 0;
        },
        () -> {
          running.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return 1;
        });
    assertThat(OrderedRoutes.untilFirst(rs, v -> v == 0, 2, "qdlaser-test-routes", INTERRUPTED)).containsExactly(0);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch l) {
    try {
      assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
