package org.qdlaser.stages.fitting;

/**
 * A least-squares fit.
 *
 * @param parameters fitted parameters, in the model's order (copy)
 * @param standardErrors one-sigma uncertainties from the covariance scaled by the residual variance (copy)
 * @param rms root-mean-square residual, in units of the data
 * @param rSquared coefficient of determination 1 - RSS/TSS
 * @param evaluations model evaluations used
 */
public record FitResult(double[] parameters, double[] standardErrors, double rms, double rSquared, int evaluations) {
  public FitResult {
    parameters = parameters.clone();
    standardErrors = standardErrors.clone();
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }
}
