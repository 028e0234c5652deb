package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.linear.LinearSolver;

/**
 * The Newton iteration matrix M = I - cJ of an implicit integrator (c = h/gamma_k for BDF, time
 * units): the storage of the Jacobian J = df/dy, its evaluation, the preparation of M for solves
 * (factorisation, or a preconditioner) and the solves. The one interface behind which {@link
 * BdfIntegrator} uses dense LU ({@link IterationMatrixDense}), sparse LU or ILU(0)-preconditioned
 * GMRES ({@link IterationMatrixSparse}).
 *
 * <p>Implementations are workspaces bound to one dimension (and pattern); not thread safe. None of
 * the methods below allocates once the workspace has warmed up (the sparse LU grows its factor
 * arrays during the first factorisations).
 */
public interface IterationMatrix {

  /** Dimension n of the system. */
  int dimension();

  /**
   * Evaluates and stores J at (t, y).
   *
   * @param y state, length n, read only
   * @param f f(t, y), length n, read only
   * @param floor per-component increment floors for finite differences (state units), positive,
   *     read only
   * @return right-hand side evaluations used (0 for an analytic Jacobian)
   */
  int evaluateJacobian(OdeSystem system, double t, double[] y, double[] f, double[] floor);

  /** Whether every stored Jacobian entry is finite. */
  boolean jacobianIsFinite();

  /**
   * Prepares solves with M = I - cJ from the stored J.
   *
   * @param c coefficient (time units)
   * @throws LinearSolver.SingularMatrixException if M cannot be factorised; no solves are then
   *     possible until the next successful call
   */
  void factor(double c);

  /**
   * Solves M x = b in place.
   *
   * @param b right-hand side on entry, (approximate) solution on return, length n
   * @param c the current coefficient; direct solvers use the factorised M regardless (see {@link
   *     #usesCurrentCoefficient()})
   * @param weight positive error weights (1/state units), length n, read only
   * @param tolerance bound on the weighted RMS residual sqrt(sum (w_i r_i)^2 / n) for inexact
   *     solvers; ignored by direct ones
   * @return false if an inexact solver missed the tolerance (b then holds its best iterate)
   */
  boolean solve(double[] b, double c, double[] weight, double tolerance);

  /**
   * True if {@link #solve} solves with the current c (iterative solvers apply I - cJ exactly and
   * use the factorised M only as a preconditioner); false if it solves with the c of the last
   * {@link #factor}, so that the integrator must correct for a changed c.
   */
  boolean usesCurrentCoefficient();

  /** Krylov iterations since construction (0 for direct solvers). */
  long linearIterations();

  /** Non-zeros of the stored Jacobian (n^2 for dense storage). */
  long jacobianNonZeros();

  /** Non-zeros of the last factorisation (L + U, or the ILU factors); n^2 for dense storage. */
  long factorNonZeros();

  /** Which linear algebra this is (DENSE, SPARSE_DIRECT or SPARSE_ITERATIVE). */
  IterationMatrixKind kind();

  /**
   * The iteration matrix that {@code kind} selects for {@code system}.
   *
   * @param denseSolver factoriser for the dense kind (owned by the new matrix)
   * @throws IllegalArgumentException if the selected storage cannot hold the system (dense above
   *     {@link IterationMatrixDense#MAX_DIMENSION} unknowns, or sparse with no pattern above {@link
   *     IterationMatrixSparse#MAX_DENSE_PATTERN_DIMENSION})
   */
  static IterationMatrix create(OdeSystem system, IterationMatrixKind kind, LinearSolver denseSolver) {
    if (!kind.sparseFor(system)) {
      return new IterationMatrixDense(system.dimension(), denseSolver);
    }
    return new IterationMatrixSparse(
        system.dimension(), system.sparsity(),
        kind == IterationMatrixKind.SPARSE_ITERATIVE ? IterationMatrixKind.SPARSE_ITERATIVE : IterationMatrixKind.SPARSE_DIRECT);
  }
}
