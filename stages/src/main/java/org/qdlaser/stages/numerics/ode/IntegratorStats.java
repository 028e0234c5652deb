package org.qdlaser.stages.numerics.ode;

/** Work counters of one integration. */
public record IntegratorStats(
    long steps,
    long rhsEvaluations,
    long jacobianEvaluations,
    long factorizations,
    long errorTestFailures,
    long convergenceFailures) {}
