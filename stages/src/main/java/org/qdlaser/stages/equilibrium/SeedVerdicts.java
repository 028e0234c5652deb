package org.qdlaser.stages.equilibrium;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.qdlaser.stages.numerics.threads.HelperThreads;

/**
 * The daemon threads on which a seed's stability verdict runs beside the next model's Newton solve
 * ({@link PointSolver}'s seed-verdict overlap, {@link LongTimeFate}'s {@link NextNewtonBeside}).
 */
final class SeedVerdicts {
  /** Seed verdicts handed to a second thread since the JVM started (tests: whether the overlap ran). */
  static final AtomicLong STARTED = new AtomicLong();
  static final ExecutorService THREADS = HelperThreads.cached("qdlaser-seed-verdict");

  private SeedVerdicts() {}

  /** {@code verdict} started on a seed-verdict thread (and counted in {@link #STARTED}). */
  static Future<Equilibrium> submit(java.util.concurrent.Callable<Equilibrium> verdict) {
    STARTED.incrementAndGet();
    return THREADS.submit(verdict);
  }

  /** The verdict's equilibrium; its failure as if computed on this thread. */
  static Equilibrium await(Future<Equilibrium> f) {
    return HelperThreads.await(f, () -> new EquilibriumException("interrupted while a seed's stability was computed"));
  }
}
