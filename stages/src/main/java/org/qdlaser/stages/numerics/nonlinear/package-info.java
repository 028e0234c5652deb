/**
 * Nonlinear systems F(x) = 0: the {@link org.qdlaser.stages.numerics.nonlinear.NonlinearSystem}
 * role, damped Newton (dense or sparse linear algebra by size), and pseudo-arclength continuation
 * of parametrised systems with fold and branch-point detection.
 *
 * <p>Knows nothing of lasers: the equilibrium stage builds the systems (rotating frame, phase
 * condition) and interprets the results.
 */
package org.qdlaser.stages.numerics.nonlinear;
