package org.qdlaser.stages.equilibrium;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.physics.Model;

/**
 * The dense spectrum of a lasing state at {@link StabilityAnalyzer#NOISE_STEP_FACTOR} times the
 * finite-difference step, computed on a second thread while the calling thread computes the
 * balanced step's for the stability verdict, for callers that read both (the relaxation analysis of
 * {@code qdlaser point}, {@link RelaxationOscillation}): on two cores the second eigenproblem costs no
 * wall time (issue 14 part 3; docs/decisions.md, "Start-up, fifth step"). Each spectrum is a pure
 * function of (model, state, omega, step), so the values are bit for bit those of one thread.
 */
final class SecondStepSpectrum {
  /**
   * Smallest dense dimension computed beside: from a few hundred unknowns a dense spectrum costs a
   * few tenths of a CPU-second under C1 (TPM_IF_d N = 50: 454 after the phase-mode quotient; CIM_d
   * N = 50: 252) against ~1 ms to hand it over; the identical-dot models (tens of unknowns) stay on
   * one thread.
   */
  static final int MIN_DIMENSION = 200;

  /** Daemon threads (one per concurrent caller; idle ones end after a minute). */
  private static final ExecutorService THREADS = HelperThreads.cached("qdlaser-second-spectrum");

  /** Second-step spectra started on a second thread since the JVM started (tests: which states pay for one). */
  private static final java.util.concurrent.atomic.AtomicLong STARTED = new java.util.concurrent.atomic.AtomicLong();

  private SecondStepSpectrum() {}

  /** How many second-step spectra {@link #start} has handed to a second thread so far. */
  static long started() {
    return STARTED.get();
  }

  /**
   * Starts the second-step spectrum of lasing state {@code y} (caller-owned, copied) on a second
   * thread; null if the state is small or this thread's memo already holds that spectrum.
   */
  static Future<StabilityAnalyzer.Eigenvalues> start(Model model, double[] y, double omega) {
    if (model.dimension() < MIN_DIMENSION
        || SpectrumMemo.contains(model, y, omega, true, StabilityAnalyzer.DENSE + StabilityAnalyzer.NOISE_STEP_FACTOR)) {
      return null;
    }
    double[] state = y.clone();
    STARTED.incrementAndGet();
    return THREADS.submit(() -> StabilityAnalyzer.computeDenseEigenvalues(model, state, omega, true,
        StabilityAnalyzer.NOISE_STEP_FACTOR));
  }

  /**
   * Waits for {@code second} (null: nothing to do) and puts it in this thread's memo for {@code y},
   * after the first step's spectrum (which made the memo's entry that state's); its failure is thrown
   * as if computed on this thread.
   */
  static void finish(Future<StabilityAnalyzer.Eigenvalues> second, Model model, double[] y, double omega) {
    if (second == null) {
      return;
    }
    StabilityAnalyzer.Eigenvalues ev = HelperThreads.await(second,
        () -> new EquilibriumException("interrupted while the second-step spectrum was computed"));
    SpectrumMemo.get(model, y, omega, true, StabilityAnalyzer.DENSE + StabilityAnalyzer.NOISE_STEP_FACTOR, () -> ev);
  }
}
