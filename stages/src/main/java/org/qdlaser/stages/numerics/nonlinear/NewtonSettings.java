package org.qdlaser.stages.numerics.nonlinear;

/**
 * Settings of the damped Newton iteration.
 *
 * @param stepTolerance converged when the weighted RMS norm of the Newton step, with weights
 *     1/(stepTolerance * (|x_i| + scale floor)), is below 1, i.e. a relative step below this
 * @param scaleFloor absolute floor of the per-component scale (components that are 0 at the root)
 * @param maxIterations maximum Newton iterations
 * @param chordSteps whether the sparse path may reuse a factorisation for later iterates (chord steps,
 *     see {@link NewtonSolver}); on by default. Their first version (max-norm line search, a chord
 *     step kept if it lowered max|F|) lost the fig5-6-9-10 sample TPM_d S6 at w_QD = gamma; with
 *     Deuflhard's natural monotonicity test deciding damping and chord steps alike it keeps it
 *     (docs/decisions.md)
 */
public record NewtonSettings(double stepTolerance, double scaleFloor, int maxIterations, boolean chordSteps) {

  /** Chord steps on: see {@code chordSteps}. */
  public NewtonSettings(double stepTolerance, double scaleFloor, int maxIterations) {
    this(stepTolerance, scaleFloor, maxIterations, true);
  }

  /** The same settings with chord steps on or off. */
  public NewtonSettings withChordSteps(boolean on) {
    return new NewtonSettings(stepTolerance, scaleFloor, maxIterations, on);
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
  }

  /** Relative step 1e-12: Newton converges quadratically, so one more step reaches rounding level. */
  public static NewtonSettings defaults() {
    return new NewtonSettings(1e-12, 1e-10, 50);
  }
}
