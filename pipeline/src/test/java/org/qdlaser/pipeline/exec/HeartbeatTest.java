package org.qdlaser.pipeline.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  @Test
  void aTaskRunningLongerThanTheIntervalGetsALineWithElapsedTimeAndEstimate() throws Exception {
    AtomicLong clock = new AtomicLong();
    Heartbeat h = new Heartbeat(Duration.ofSeconds(30), clock::get);
    Thread t = new Thread(() -> h.started("equilibrium/TPM_d_S3", 190));
    t.start();
    t.join();
    clock.set(Duration.ofSeconds(29).toNanos());
    assertThat(h.lines()).isEmpty();
    clock.set(Duration.ofSeconds(65).toNanos());
    assertThat(h.lines()).containsExactly(
        "equilibrium/TPM_d_S3 still running: 1 min 05 s elapsed (last time it took 3 min 10 s, about 2 min 05 s to go)");
  }

  @Test
  void linesSayWhenThereIsNoEstimateOrTheTaskTakesLongerThanLastTime() {
    assertThat(Heartbeat.line("sampling/A", 31, Double.NaN))
        .isEqualTo("sampling/A still running: 31.0 s elapsed (no estimate: it has not run here before)");
    assertThat(Heartbeat.line("sampling/A", 95, 60)).isEqualTo("sampling/A still running: 1 min 35 s elapsed (last time it took 1 min 00 s, already longer)");
  }

  @Test
  void aFinishedTaskGetsNoMoreLines() {
    AtomicLong clock = new AtomicLong();
    Heartbeat h = new Heartbeat(Duration.ofSeconds(1), clock::get);
    h.started("fitting/A", Double.NaN);
    h.finished();
    clock.set(Duration.ofSeconds(5).toNanos());
    assertThat(h.lines()).isEmpty();
  }
}
