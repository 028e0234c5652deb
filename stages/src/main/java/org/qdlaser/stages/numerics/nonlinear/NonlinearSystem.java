package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/** A square system F(x) = 0 of real equations. Arrays are caller-owned. */
public interface NonlinearSystem {
  int dimension();

  /** Writes F(x) into {@code out}. */
  void residual(double[] x, double[] out);

  /**
   * Structural non-zeros of dF/dx, or null for a dense Jacobian. Large systems supply it so that
   * Newton uses a coloured finite-difference Jacobian and a sparse LU.
   */
  default SparsityPattern sparsity() {
    return null;
  }

  /** Whether {@link #sparseJacobian} gives dF/dx exactly on {@link #sparsity()} (see {@link OdeSystem#hasSparseJacobian}). */
  default boolean hasSparseJacobian() {
    return false;
  }

  /**
   * dF/dx at x on {@link #sparsity()}, in its CSR order (see {@link OdeSystem#sparseJacobian}).
   *
   * @param x unknowns, read only
   * @param values output, length {@code sparsity().nonZeros()}, caller-owned, overwritten
   */
  default void sparseJacobian(double[] x, double[] values) {
    throw new UnsupportedOperationException("no analytic sparse Jacobian");
  }

  /**
   * A copy of this system whose {@link #residual} may run concurrently with this one's (its own work
   * arrays, the same equations), or null if there is none: then Newton's finite-difference Jacobian is
   * computed on one thread. Systems whose residual keeps no state may return {@code this}.
   */
  default NonlinearSystem concurrentCopy() {
    return null;
  }

  /** This system as the autonomous ODE x' = F(x) (same arrays; for the shared Jacobian code). */
  default OdeSystem asOde() {
    NonlinearSystem self = this;
    return new OdeSystem() {
      @Override
      public int dimension() {
        return self.dimension();
      }

      @Override
      public void rhs(double t, double[] y, double[] yDot) {
        self.residual(y, yDot);
      }

      @Override
      public SparsityPattern sparsity() {
        return self.sparsity();
      }

      @Override
      public boolean hasSparseJacobian() {
        return self.hasSparseJacobian();
      }

      @Override
      public void sparseJacobian(double t, double[] y, double[] values) {
        self.sparseJacobian(y, values);
      }
    };
  }
}
