package org.qdlaser.stages.numerics.ode;

/**
 * Linear algebra of the Newton iteration matrix M = I - cJ in {@link BdfIntegrator} (see {@link
 * IterationMatrix}).
 */
public enum IterationMatrixKind {
  /**
   * {@link #SPARSE_DIRECT} when the system supplies {@link OdeSystem#sparsity()}, else {@link
   * #DENSE}.
   */
  AUTO,
  /**
   * Dense J (the system's analytic Jacobian, else dense forward differences: n right-hand side
   * evaluations) and dense LU: O(n^2) memory, O(n^3) per factorisation. For small systems.
   */
  DENSE,
  /**
   * Sparse J on the system's pattern by coloured forward differences and sparse LU with an
   * approximate minimum degree ordering ({@link SparseLuSolver}). A system without a pattern is
   * treated as dense-patterned (small systems only; for tests and comparisons).
   */
  SPARSE_DIRECT,
  /**
   * Sparse J as for {@link #SPARSE_DIRECT}, and an inexact Newton iteration: GMRES on M = I - cJ
   * with the current c, preconditioned by ILU(0) of the last refactored M ({@link GmresSolver},
   * {@link IluPreconditioner}).
   */
  SPARSE_ITERATIVE;

  /** Whether this kind, for a system with or without a sparsity pattern, uses sparse storage. */
  public boolean sparseFor(OdeSystem system) {
    switch (this) {
      case DENSE:
        return false;
      case SPARSE_DIRECT:
      case SPARSE_ITERATIVE:
        return true;
      default:
        return system.sparsity() != null;
    }
  }
}
