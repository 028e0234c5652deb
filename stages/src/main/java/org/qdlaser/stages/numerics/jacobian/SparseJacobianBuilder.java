package org.qdlaser.stages.numerics.jacobian;

import java.util.Arrays;
import java.util.Objects;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.ColumnColouring;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The sparse Jacobian df/dy on a fixed pattern, and the one place that decides how it is obtained: a
 * system that gives its Jacobian exactly ({@link OdeSystem#hasSparseJacobian}) fills it from its
 * equations, every other one gets coloured finite differences ({@link SparseFiniteDifferenceJacobian},
 * forward for the integrator's iteration matrix, central for Newton and stability). Callers ask for
 * "the Jacobian" and never test the system themselves.
 *
 * <p>The pattern may be a superset of the system's own {@link OdeSystem#sparsity()} (e.g. closed
 * under the diagonal): the exact values are then scattered into it, the extra entries set to zero.
 * The column colouring is made only when a finite-difference Jacobian is first needed (TPM_d N =
 * 100: ~0.3 s saved when every Jacobian is exact).
 *
 * <p>A workspace (not thread safe); allocation-free after the first Jacobian of each system pattern.
 */
public final class SparseJacobianBuilder {
  private final SparsityPattern pattern;
  private ColumnColouring colouring;
  private SparseFiniteDifferenceJacobian fd;
  /** The last matrix pattern found equal to {@link #pattern} (another object). */
  private SparsityPattern lastTarget;

  /** The last system pattern seen, whether it is this builder's pattern, and else its scatter map. */
  private SparsityPattern lastSource;
  private boolean lastSame;
  private int[] scatter;
  private double[] scratch = new double[0];

  /** A builder on {@code pattern}; the colouring is made on first finite-difference use. */
  public SparseJacobianBuilder(SparsityPattern pattern) {
    this(pattern, null);
  }

  /** @param colouring a valid colouring of {@code pattern}, or null to make one on first use */
  public SparseJacobianBuilder(SparsityPattern pattern, ColumnColouring colouring) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.colouring = colouring;
  }

  public SparsityPattern pattern() {
    return pattern;
  }

  /** Whether {@code system}'s Jacobian is computed exactly (from its equations) rather than by differences. */
  public static boolean isExact(OdeSystem system) {
    return system.hasSparseJacobian() && system.sparsity() != null;
  }

  /**
   * df/dy at (t, y) into {@code jac}: exact if the system has it, else forward differences with
   * increments sqrt(eps) max(|y_j|, floor_j) ({@link SparseFiniteDifferenceJacobian#compute}).
   *
   * @param f0 f(t, y), read only (used by the differences only)
   * @param floor per-component increment floor (state units), read only
   * @return right-hand side evaluations used (0 for an exact Jacobian)
   */
  public int forward(OdeSystem system, double t, double[] y, double[] f0, double[] floor, SparseMatrix jac) {
    if (isExact(system)) {
      exact(system, t, y, jac);
      return 0;
    }
    return finiteDifferences().compute(system, t, y, f0, floor, jac);
  }

  /**
   * df/dy at (t, y) into {@code jac}: at {@code stepFactor} 1 exact if the system has it, else central
   * differences with the increments times {@code stepFactor}, on two threads with {@code concurrent}
   * if not null ({@link SparseFiniteDifferenceJacobian#computeCentral(OdeSystem, OdeSystem, double,
   * double[], double, double, SparseMatrix, double[])}). Another step factor asks for a second
   * opinion whose difference from the first measures the Jacobian's noise (the stability verdict near
   * zero): that is always a difference quotient, since an exact Jacobian has no step to vary and a
   * repeat of it would measure nothing.
   *
   * @param work caller-owned work array of length n (used by the differences only)
   * @return right-hand side evaluations used (0 for an exact Jacobian)
   */
  public int central(OdeSystem system, OdeSystem concurrent, double t, double[] y, double floor, double stepFactor,
      SparseMatrix jac, double[] work) {
    if (stepFactor == 1.0 && isExact(system)) {
      exact(system, t, y, jac);
      return 0;
    }
    return finiteDifferences().computeCentral(system, concurrent, t, y, floor, stepFactor, jac, work);
  }

  /** The coloured finite-difference Jacobian on the pattern (made on first use). */
  public SparseFiniteDifferenceJacobian finiteDifferences() {
    if (fd == null) {
      if (colouring == null) {
        colouring = ColumnColouring.of(pattern);
      }
      fd = new SparseFiniteDifferenceJacobian(pattern, colouring);
    }
    return fd;
  }

  private void exact(OdeSystem system, double t, double[] y, SparseMatrix jac) {
    SparsityPattern target = jac.pattern();
    if (target != pattern && target != lastTarget) {
      if (!target.equals(pattern)) {
        throw new IllegalArgumentException("the Jacobian matrix is not on this builder's sparsity pattern");
      }
      lastTarget = target; // an equal pattern object: compared once, not at every Jacobian
    }
    SparsityPattern source = system.sparsity();
    if (source != lastSource) {
      lastSame = source == pattern || source.equals(pattern);
      scatter = lastSame ? null : source.positionsIn(pattern);
      lastSource = source;
    }
    if (lastSame) {
      system.sparseJacobian(t, y, jac.values);
      return;
    }
    if (scratch.length < source.nonZeros()) {
      scratch = new double[source.nonZeros()];
    }
    system.sparseJacobian(t, y, scratch);
    final double[] v = jac.values;
    Arrays.fill(v, 0.0);
    final int[] map = scatter;
    for (int k = 0; k < map.length; k++) {
      v[map[k]] = scratch[k];
    }
  }
}
