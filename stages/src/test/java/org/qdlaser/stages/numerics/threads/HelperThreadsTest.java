package org.qdlaser.stages.numerics.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HelperThreadsTest {
  @Test
  void threadsAreNamedDaemonsSoACommandNeverWaitsOnThem() throws Exception {
    for (ExecutorService ex : new ExecutorService[] {HelperThreads.single("qdlaser-test-single"),
        HelperThreads.cached("qdlaser-test-cached")}) {
      Thread t = ex.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).startsWith("qdlaser-test-");
      ex.shutdown();
    }
  }

  @Test
  void aSingleThreadRunsTasksInTheOrderSubmitted() throws Exception {
    ExecutorService ex = HelperThreads.single("qdlaser-test-order");
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      final int k = i;
      ex.submit(() -> seen.append(k));
    }
    ex.submit(() -> { }).get(10, TimeUnit.SECONDS);
    assertThat(seen.toString()).isEqualTo("01234");
    ex.shutdown();
  }

  @Test
  void awaitGivesTheValueAndRethrowsTheHelpersFailureAsIfComputedHere() {
    assertThat(HelperThreads.await(CompletableFuture.completedFuture(7), IllegalStateException::new)).isEqualTo(7);
    CompletableFuture<Integer> failed = new CompletableFuture<>();
    failed.completeExceptionally(new ArithmeticException("overflow"));
    assertThatThrownBy(() -> HelperThreads.await(failed, IllegalStateException::new))
        .isInstanceOf(ArithmeticException.class).hasMessage("overflow");
  }

  @Test
  void anInterruptedWaitCancelsTheComputationKeepsTheFlagAndThrowsTheCallersException() {
    CompletableFuture<Integer> never = new CompletableFuture<>();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> HelperThreads.await(never, () -> new IllegalStateException("interrupted while waiting")))
          .isInstanceOf(IllegalStateException.class).hasMessage("interrupted while waiting");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(never.isCancelled()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
