package org.qdlaser.stages.integration;

/**
 * End of one transient.
 *
 * @param pump pump rate (normalised)
 * @param duration integrated time (1/gamma_nr)
 * @param state final state (copy)
 * @param derivative right-hand side at the final state (copy)
 * @param reachedCriterion whether the App. A criterion stopped it (false: max time reached)
 * @param maxRate final value of the monitored largest rate
 * @param steps accepted steps
 * @param rhsEvaluations right-hand side evaluations
 */
public record Relaxation(
    double pump, double duration, double[] state, double[] derivative, boolean reachedCriterion,
    double maxRate, long steps, long rhsEvaluations) {
  public Relaxation {
    state = state.clone();
    derivative = derivative.clone();
  }

  @Override
  public double[] state() {
    return state.clone();
  }

  @Override
  public double[] derivative() {
    return derivative.clone();
  }
}
