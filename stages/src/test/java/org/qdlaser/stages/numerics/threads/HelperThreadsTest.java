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

  /** Each task of onNewThread gets a thread of its own (empty thread-locals), a named daemon that ends with the task. */
  @Test
  void onNewThreadRunsEachTaskOnAThreadOfItsOwnThatEnds() throws Exception {
    ThreadLocal<Integer> local = ThreadLocal.withInitial(() -> 0);
    Thread[] seen = new Thread[2];
    for (int i = 0; i < 2; i++) {
      final int k = i;
      int before = HelperThreads.onNewThread("qdlaser-test-new", () -> {
        seen[k] = Thread.currentThread();
        int v = local.get();
        local.set(v + 1);
        return v;
      }).get(10, TimeUnit.SECONDS);
      assertThat(before).as("thread-local at the start of task %d", k).isZero();
    }
    assertThat(seen[0]).isNotSameAs(seen[1]);
    for (Thread t : seen) {
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).isEqualTo("qdlaser-test-new");
      t.join(10_000);
      assertThat(t.isAlive()).isFalse();
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
