package org.qdlaser.stages.numerics.linear;

/**
 * Factor-once, solve-many dense linear solver for the Newton iteration matrix M = I - h*beta*J of
 * an implicit integrator: the factoriser behind {@link IterationMatrixDense}. Sparse matrices go
 * through {@link IterationMatrixSparse} ({@link SparseLuSolver}, or ILU(0) + {@link GmresSolver});
 * {@link IterationMatrix} is the interface the integrator sees for all of them. Implementations
 * are workspaces (not thread safe) and keep the factorisation internally; they must not allocate
 * in {@link #solve}.
 */
public interface LinearSolver {

  /**
   * Factorises the n x n matrix {@code a} (row-major, {@code a[i*n+j]}). The solver keeps no
   * reference to {@code a}; it may overwrite it.
   *
   * @throws SingularMatrixException if the matrix is singular (a zero or non-finite pivot); no
   *     factorisation is then available
   */
  void factor(double[] a, int n);

  /**
   * Solves M x = b in place with the last factorisation.
   *
   * @param b right-hand side on entry, solution on return (length at least n)
   * @throws IllegalStateException if there is no valid factorisation
   */
  void solve(double[] b);

  /** The matrix handed to {@link #factor} is singular to working precision. */
  final class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public SingularMatrixException(String message) {
      super(message);
    }
  }
}
