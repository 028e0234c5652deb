package org.qdlaser.stages.numerics.ode;

/** Work counters of one integration. */
public record IntegratorStats(
    long steps,
    long rhsEvaluations,
    long jacobianEvaluations,
    long factorizations,
    long errorTestFailures,
    long convergenceFailures) {

  /** The counters of two integrations added up (e.g. the pieces between breakpoints). */
  public IntegratorStats plus(IntegratorStats o) {
    return new IntegratorStats(
        steps + o.steps, rhsEvaluations + o.rhsEvaluations, jacobianEvaluations + o.jacobianEvaluations,
        factorizations + o.factorizations, errorTestFailures + o.errorTestFailures,
        convergenceFailures + o.convergenceFailures);
  }
}
