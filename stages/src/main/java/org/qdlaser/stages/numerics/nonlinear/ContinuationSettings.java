package org.qdlaser.stages.numerics.nonlinear;

/**
 * Step control of pseudo-arclength continuation, in the scaled variables (each unknown divided by
 * its scale, the parameter as given).
 *
 * @param initialStep first arclength step
 * @param minStep smallest step before the continuation gives up
 * @param maxStep largest step
 * @param maxPoints maximum number of points on the branch
 * @param newtonTolerance relative step tolerance of the corrector
 * @param maxNewtonIterations corrector iterations before a step counts as failed
 */
public record ContinuationSettings(
    double initialStep, double minStep, double maxStep, int maxPoints, double newtonTolerance, int maxNewtonIterations) {
  public ContinuationSettings {
    if (!(minStep > 0 && minStep <= initialStep && initialStep <= maxStep)) {
      throw new IllegalArgumentException(
          "need 0 < min_step <= initial_step <= max_step, got " + minStep + ", " + initialStep + ", " + maxStep);
    }
    if (maxPoints < 2 || maxNewtonIterations < 1) {
      throw new IllegalArgumentException("max points must be >= 2 and Newton iterations >= 1");
    }
    if (!(newtonTolerance > 0 && newtonTolerance < 1)) {
      throw new IllegalArgumentException("Newton tolerance must be in (0, 1), got " + newtonTolerance);
    }
  }

  /**
   * Steps of at most 5 % of the scaled state; Newton to 1e-10 relative. With steps up to 0.2 the
   * TPM (N = 500, mu = 0.1) branch jumped near its fold onto the trivial solution b = 0.
   */
  public static ContinuationSettings defaults() {
    return new ContinuationSettings(0.01, 1e-9, 0.05, 4000, 1e-10, 12);
  }
}
