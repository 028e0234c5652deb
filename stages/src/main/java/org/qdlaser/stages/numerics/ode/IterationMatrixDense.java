package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.jacobian.FiniteDifferenceJacobian;
import org.qdlaser.stages.numerics.linear.LinearSolver;

import java.util.Objects;

/**
 * Dense {@link IterationMatrix}: J row-major in an n x n array (the system's analytic Jacobian,
 * else {@link FiniteDifferenceJacobian}), M = I - cJ factorised by a {@link LinearSolver} (by
 * default {@link DenseLuSolver}). Allocation-free after construction.
 */
public final class IterationMatrixDense implements IterationMatrix {
  /**
   * Largest dimension accepted: J, M and the LU copy are three n x n arrays, 1.5 GB at this n, and a
   * factorisation costs ~n^3/3 flops (minutes). Larger systems must supply a sparsity pattern.
   */
  public static final int MAX_DIMENSION = 8_000;

  private final int n;
  private final LinearSolver solver;
  private final double[] jac;
  private final double[] matrix;
  private final FiniteDifferenceJacobian fd;

  /** @param solver factoriser of M, owned by this object from now on */
  public IterationMatrixDense(int n, LinearSolver solver) {
    if (n < 1 || n > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "dense iteration matrix needs 1 <= n <= " + MAX_DIMENSION + ", got n = " + n
              + " (supply OdeSystem.sparsity() for sparse linear algebra)");
    }
    this.n = n;
    this.solver = Objects.requireNonNull(solver, "solver");
    this.jac = new double[n * n];
    this.matrix = new double[n * n];
    this.fd = new FiniteDifferenceJacobian(n);
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public int evaluateJacobian(OdeSystem system, double t, double[] y, double[] f, double[] floor) {
    if (system.hasJacobian()) {
      system.jacobian(t, y, jac);
      return 0;
    }
    return fd.compute(system, t, y, f, floor, jac);
  }

  @Override
  public boolean jacobianIsFinite() {
    for (double v : jac) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void factor(double c) {
    final int nn = n * n;
    for (int i = 0; i < nn; i++) {
      matrix[i] = -c * jac[i];
    }
    for (int i = 0; i < n; i++) {
      matrix[i * n + i] += 1.0;
    }
    solver.factor(matrix, n);
  }

  @Override
  public boolean solve(double[] b, double c, double[] weight, double tolerance) {
    solver.solve(b);
    return true;
  }

  @Override
  public boolean usesCurrentCoefficient() {
    return false;
  }

  @Override
  public long linearIterations() {
    return 0;
  }

  @Override
  public long jacobianNonZeros() {
    return (long) n * n;
  }

  @Override
  public long factorNonZeros() {
    return (long) n * n;
  }

  @Override
  public IterationMatrixKind kind() {
    return IterationMatrixKind.DENSE;
  }
}
