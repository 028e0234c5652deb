package org.qdlaser.stages.numerics.nonlinear;

/**
 * Outcome of a Newton solve.
 *
 * @param x final iterate (copy)
 * @param converged whether the step criterion was met, or F reached its rounding level (see {@link
 *     NewtonSolver})
 * @param iterations Newton iterations taken
 * @param residualNorm max-norm of F at {@code x}
 */
public record NewtonResult(double[] x, boolean converged, int iterations, double residualNorm) {
  public NewtonResult {
    x = x.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }
}
