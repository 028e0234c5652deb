package org.qdlaser.pipeline.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that long tasks are still running: every {@linkplain #DEFAULT_INTERVAL 30 s} one INFO line
 * per task running longer than that, with its elapsed time and an estimate (the time it took when
 * it last ran in this run directory, when known), so that a log followed by a person or collected
 * by cron never goes silent for minutes. One daemon thread, started on first use.
 */
public final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  /** Interval between heartbeats; {@code QDLASER_HEARTBEAT_SECONDS} (property or environment) overrides it. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final String INTERVAL_VARIABLE = "QDLASER_HEARTBEAT_SECONDS";

  private static volatile Heartbeat global;

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;

  /** A running task: its id, start (clock nanoseconds) and estimated wall time in seconds (NaN: unknown). */
  record Running(String id, long startNanos, double estimateSeconds) {}

  /** @param interval time between heartbeats (and the age from which a task gets them) */
  public Heartbeat(Duration interval, LongSupplier nanoClock) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
    }
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The process's heartbeat, at {@code QDLASER_HEARTBEAT_SECONDS} or 30 s. */
  public static Heartbeat global() {
    Heartbeat h = global;
    if (h == null) {
      synchronized (Heartbeat.class) {
        if (global == null) {
          global = new Heartbeat(configuredInterval(), System::nanoTime);
        }
        h = global;
      }
    }
    return h;
  }

  static Duration configuredInterval() {
    String v = System.getProperty(INTERVAL_VARIABLE);
    if (v == null || v.isBlank()) {
      v = System.getenv(INTERVAL_VARIABLE);
    }
    try {
      double s = v == null ? Double.NaN : Double.parseDouble(v.trim());
      return s > 0 ? Duration.ofMillis(Math.round(s * 1000)) : DEFAULT_INTERVAL;
    } catch (NumberFormatException e) {
      return DEFAULT_INTERVAL;
    }
  }

  /**
   * Marks the start of a task on this thread; {@link #finished} ends it.
   *
   * @param estimateSeconds the expected wall time, NaN when unknown
   */
  public void started(String id, double estimateSeconds) {
    running.put(Thread.currentThread().getId(), new Running(id, nanoClock.getAsLong(), estimateSeconds));
    ensureTimer();
  }

  /** Marks the end of this thread's task. */
  public void finished() {
    running.remove(Thread.currentThread().getId());
  }

  /** The heartbeat lines due now: one per task running for at least one interval. */
  List<String> lines() {
    long now = nanoClock.getAsLong();
    List<String> out = new ArrayList<>();
    for (Running r : running.values()) {
      long age = now - r.startNanos();
      if (age >= intervalNanos) {
        out.add(line(r.id(), age / 1e9, r.estimateSeconds()));
      }
    }
    out.sort(null);
    return out;
  }

  /** {@code equilibrium/TPM_d_S3 still running: 1 min 05 s elapsed (last time it took 3 min 10 s)}. */
  static String line(String id, double elapsedSeconds, double estimateSeconds) {
    String estimate;
    if (Double.isNaN(estimateSeconds)) {
      estimate = "no estimate: it has not run here before";
    } else if (elapsedSeconds <= estimateSeconds) {
      estimate = "last time it took " + Readable.seconds(estimateSeconds) + ", about " + Readable.seconds(estimateSeconds - elapsedSeconds)
          + " to go";
    } else {
      estimate = "last time it took " + Readable.seconds(estimateSeconds) + ", already longer";
    }
    return id + " still running: " + Readable.seconds(elapsedSeconds) + " elapsed (" + estimate + ")";
  }

  private void ensureTimer() {
    if (timer != null) {
      return;
    }
    synchronized (this) {
      if (timer == null) {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread th = new Thread(r, "qdlaser-heartbeat");
          th.setDaemon(true);
          return th;
        });
        t.scheduleAtFixedRate(() -> lines().forEach(LOG::info), intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        timer = t;
      }
    }
  }
}
