package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * An autonomous or non-autonomous system y' = f(t, y) of real ODEs.
 *
 * <p>All arrays are owned by the caller; implementations must not keep references to them and must
 * not allocate in {@link #rhs} or {@link #jacobian}: these run in the integrator's hot loop.
 */
public interface OdeSystem {

  /** Number of real unknowns. */
  int dimension();

  /**
   * Evaluates f(t, y) into {@code yDot}.
   *
   * @param t time (model units, for the lasers 1/gamma_nr)
   * @param y state, length {@link #dimension()}, read only
   * @param yDot output, length {@link #dimension()}, overwritten
   */
  void rhs(double t, double[] y, double[] yDot);

  /** Whether {@link #jacobian} is implemented; if not, integrators use finite differences. */
  default boolean hasJacobian() {
    return false;
  }

  /**
   * Dense Jacobian df/dy in row-major order: {@code jac[i * n + j] = d f_i / d y_j}.
   *
   * @param jac output of length n*n, overwritten
   */
  default void jacobian(double t, double[] y, double[] jac) {
    throw new UnsupportedOperationException("no analytic Jacobian");
  }

  /**
   * Whether {@link #sparseJacobian} gives df/dy exactly (from the equations, not from differences) on
   * {@link #sparsity()}. The Jacobian builders use it instead of coloured finite differences
   * ({@link org.qdlaser.stages.numerics.jacobian.SparseJacobianBuilder}, the one place that decides).
   */
  default boolean hasSparseJacobian() {
    return false;
  }

  /**
   * df/dy at (t, y) on {@link #sparsity()}: {@code values[k]} is the entry at CSR position k of that
   * pattern (rows in order, columns ascending). Every entry is overwritten; a derivative outside the
   * pattern is an error of the implementation (it throws rather than drop it).
   *
   * @param y state, length {@link #dimension()}, read only
   * @param values output, length {@code sparsity().nonZeros()}, caller-owned, overwritten
   */
  default void sparseJacobian(double t, double[] y, double[] values) {
    throw new UnsupportedOperationException("no analytic sparse Jacobian");
  }

  /**
   * Structural non-zeros of df/dy, or null if the Jacobian is to be treated as dense. Large
   * systems (the polydisperse models) supply it so that integrators can use sparse Jacobians
   * (finite differences with column colouring) and sparse linear solvers.
   */
  default SparsityPattern sparsity() {
    return null;
  }
}
