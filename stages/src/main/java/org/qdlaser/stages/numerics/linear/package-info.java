/**
 * Linear solvers behind the {@link org.qdlaser.stages.numerics.linear.LinearSolver} role: dense LU
 * for small systems, and the iterative path (restarted GMRES with an ILU(0) preconditioner) for
 * large sparse ones. The sparse direct LU lives in {@code numerics.sparse} with its ordering.
 *
 * <p>Allocation-free after set-up: workspaces are grow-only and owned by the solver instance.
 */
package org.qdlaser.stages.numerics.linear;
