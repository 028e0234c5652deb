package org.qdlaser.stages.numerics.nonlinear;

/**
 * Settings of the damped Newton iteration.
 *
 * @param stepTolerance converged when the weighted RMS norm of the Newton step, with weights
 *     1/(stepTolerance * (|x_i| + scale floor)), is below 1, i.e. a relative step below this
 * @param scaleFloor absolute floor of the per-component scale (components that are 0 at the root)
 * @param maxIterations maximum Newton iterations
 * @param chordSteps whether the sparse path may reuse a factorisation for later iterates (chord steps,
 *     see {@link NewtonSolver}); with them on, the sparse path is damped by Deuflhard's natural
 *     monotonicity test, which decides damping and chord steps alike and keeps the fig5-6-9-10 sample
 *     TPM_d S6 at w_QD = gamma that the first chord version lost. Off by default: with it on, the
 *     nightly's fig3 lost 6 golden checks (the TPM_IF_d branches of S1..S10 changed; lead, 2026-12-06,
 *     docs/decisions.md); off, the sparse path is full Newton damped by max|F|, as before
 * @param stallLimit the solve fails after this many consecutive iterations whose line search accepted only a
 *     damping of at most {@link NewtonSolver#STALL_DAMPING} (Deuflhard's lambda_min test, asked twice: the
 *     linear model is trusted for less than 1/32 of its step, so the iterate is outside Newton's region of
 *     convergence); 0: never (run to {@code maxIterations}). Asked on the max-norm damped path only (the
 *     one these settings take with {@code chordSteps} off). For callers to whom a failure is cheap (a
 *     continuation halves its step) and a long failing solve is not; see {@link NewtonSolver}
 */
public record NewtonSettings(double stepTolerance, double scaleFloor, int maxIterations, boolean chordSteps,
    int stallLimit) {

  /** Full Newton steps damped by max|F| (no chord steps, no natural monotonicity test): see {@code chordSteps}. */
  public NewtonSettings(double stepTolerance, double scaleFloor, int maxIterations) {
    this(stepTolerance, scaleFloor, maxIterations, false, 0);
  }

  /** The same settings with chord steps on or off. */
  public NewtonSettings withChordSteps(boolean on) {
    return new NewtonSettings(stepTolerance, scaleFloor, maxIterations, on, stallLimit);
  }

  /** The same settings failing after {@code limit} consecutive stalled iterations (0: never); see {@code stallLimit}. */
  public NewtonSettings withStallLimit(int limit) {
    return new NewtonSettings(stepTolerance, scaleFloor, maxIterations, chordSteps, limit);
  }
  public NewtonSettings {
    if (!(stepTolerance > 0 && stepTolerance < 1)) {
      throw new IllegalArgumentException("Newton step tolerance must be in (0, 1), got " + stepTolerance);
    }
    if (!(scaleFloor > 0)) {
      throw new IllegalArgumentException("Newton scale floor must be positive, got " + scaleFloor);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("Newton max iterations must be >= 1, got " + maxIterations);
    }
    if (stallLimit < 0) {
      throw new IllegalArgumentException("Newton stall limit must be >= 0 (0: off), got " + stallLimit);
    }
  }

  /** Relative step 1e-12: Newton converges quadratically, so one more step reaches rounding level. */
  public static NewtonSettings defaults() {
    return new NewtonSettings(1e-12, 1e-10, 50);
  }
}
