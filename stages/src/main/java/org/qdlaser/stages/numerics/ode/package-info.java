/**
 * Stiff initial-value problems: the {@link org.qdlaser.stages.numerics.ode.OdeSystem} contract
 * (right-hand side, optional analytic or structured Jacobian), the
 * {@link org.qdlaser.stages.numerics.ode.StiffIntegrator} role and its variable-order BDF
 * implementation with its iteration matrices (dense or sparse LU, or ILU-preconditioned GMRES),
 * step observers and stop conditions.
 *
 * <p>Owns the step loop, error control and the Newton corrector of the BDF, and the step loop's
 * cancellation point ({@link org.qdlaser.stages.numerics.threads.RouteCancellation#check}: a transient
 * on a speculative route no longer wanted stops at its next step). Knows no models, files, manifests
 * or logging; arrays passed in are caller-owned unless documented otherwise.
 */
package org.qdlaser.stages.numerics.ode;
