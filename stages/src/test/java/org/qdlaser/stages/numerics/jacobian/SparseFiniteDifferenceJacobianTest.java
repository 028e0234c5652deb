package org.qdlaser.stages.numerics.jacobian;

import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparseTestMatrices;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.TpmDisperseModel;

public class SparseFiniteDifferenceJacobianTest {

  /**
   * Forward differences against the analytic Jacobian: ~sqrt(eps) relative to the row's or
   * column's largest entry (as in FiniteDifferenceJacobianTest), with margin for curvature.
   */
  static final double REL_TOL = 1e-6;
  /**
   * Coloured against dense differences: each row reads the same perturbed inputs in both, so the
   * quotients agree to rounding of the right-hand side, relative to the Jacobian's scale.
   */
  static final double SAME_QUOTIENT_TOL = 1e-12;

  /** f_i = sum_j a_ij sin(y_j) + y_i^2 / 2 on the pattern of a, with analytic Jacobian. */
  public static OdeSystem sparseNonlinear(double[] a, int n) {
    SparseMatrix m = SparseMatrix.fromDense(a, n, true);
    return new OdeSystem() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        for (int i = 0; i < n; i++) {
          double s = 0.5 * y[i] * y[i];
          for (int j = 0; j < n; j++) {
            s += a[i * n + j] * Math.sin(y[j]);
          }
          f[i] = s;
        }
      }

      @Override
      public boolean hasJacobian() {
        return true;
      }

      @Override
      public void jacobian(double t, double[] y, double[] jac) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            jac[i * n + j] = a[i * n + j] * Math.cos(y[j]) + (i == j ? y[i] : 0.0);
          }
        }
      }

      @Override
      public SparsityPattern sparsity() {
        return m.pattern();
      }
    };
  }

  @Test
  void matchesTheAnalyticJacobianOfARandomSparseSystem() {
    int n = 60;
    double[] a = SparseTestMatrices.random(n, 3, 1.0, 11);
    OdeSystem s = sparseNonlinear(a, n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(0.3 * i) + (i % 7 == 0 ? 0.0 : 0.5);
    }
    double[] f0 = new double[n];
    s.rhs(0, y, f0);
    double[] floor = new double[n];
    Arrays.fill(floor, 1.0); // the components' typical size: increments ~sqrt(eps), as intended
    SparseFiniteDifferenceJacobian fd = new SparseFiniteDifferenceJacobian(s.sparsity());
    SparseMatrix jac = new SparseMatrix(s.sparsity());
    double[] yCopy = y.clone();
    int evals = fd.compute(s, 0, y, f0, floor, jac);
    assertThat(y).containsExactly(yCopy);
    assertThat(evals).isEqualTo(fd.colouring().colours()).isLessThan(n);
    double[] exact = new double[n * n];
    s.jacobian(0, y, exact);
    double[] got = jac.toDense();
    double scale = SparseTestMatrices.maxAbs(exact);
    for (int k = 0; k < n * n; k++) {
      assertThat(got[k]).as("entry (%d, %d)", k / n, k % n).isCloseTo(exact[k], Offset.offset(REL_TOL * scale));
    }
  }

  @Test
  void equalsDenseDifferencesOnTheBrusselator() {
    Brusselator2D b = new Brusselator2D(5);
    compareWithDense(b, b.initialState(), 2.0);
  }

  @Test
  void equalsDenseDifferencesOnTpmDisperse() {
    // TPM^(d), N = 3 (104 unknowns), at its lasing initial state: a real model pattern.
    TpmDisperseModel m = new TpmDisperseModel(tpmParameters(3));
    compareWithDense(m, m.lasingInitialState(), 1e-8);
  }

  @Test
  void centralDifferencesOnTwoThreadsAreBitForBitThoseOnOne() {
    // TPM^(d), N = 6, at its lasing initial state perturbed, so that every column has its
    // own increment: the colours split between the caller and the helper thread must give the same
    // quotients, exactly (the same evaluations, only on another thread), twice in a row (workspace reuse).
    TpmDisperseModel m = new TpmDisperseModel(tpmParameters(6));
    double[] y = m.lasingInitialState();
    for (int i = 0; i < y.length; i++) {
      y[i] += 1e-3 * Math.sin(i);
    }
    SparsityPattern p = m.sparsity();
    SparseFiniteDifferenceJacobian one = new SparseFiniteDifferenceJacobian(p);
    SparseFiniteDifferenceJacobian two = new SparseFiniteDifferenceJacobian(p);
    assertThat(one.colouring().colours()).isGreaterThan(2);
    SparseMatrix a = new SparseMatrix(p);
    SparseMatrix b = new SparseMatrix(p);
    double[] work = new double[y.length];
    for (double factor : new double[] {1.0, 2.0}) {
      int ea = one.computeCentral(m, 0.0, y, 1e-8, factor, a, work);
      int eb = two.computeCentral(m, m, 0.0, y, 1e-8, factor, b, work);
      assertThat(eb).isEqualTo(ea);
      assertThat(b.toDense()).containsExactly(a.toDense());
    }
  }

  @Test
  void anExceptionOnTheHelperThreadReachesTheCaller() {
    TpmDisperseModel m = new TpmDisperseModel(tpmParameters(3));
    SparsityPattern p = m.sparsity();
    OdeSystem failing = new OdeSystem() {
      @Override
      public int dimension() {
        return m.dimension();
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        throw new IllegalStateException("helper failed");
      }
    };
    SparseFiniteDifferenceJacobian fd = new SparseFiniteDifferenceJacobian(p);
    assertThatThrownBy(() -> fd.computeCentral(m, failing, 0.0, m.lasingInitialState(), 1e-8, 1.0, new SparseMatrix(p),
        new double[m.dimension()])).isInstanceOf(IllegalStateException.class).hasMessage("helper failed");
  }

  public static DisperseParameters tpmParameters(int dots) {
    double[] det = new double[dots];
    double[] g = new double[dots];
    for (int l = 0; l < dots; l++) {
      det[l] = 30.0 * (l - 0.5 * (dots - 1));
      g[l] = 70.0 * (1 + 0.1 * l);
    }
    return new DisperseParameters(1e4, 10.0, 0.0, 1.0, 0.1, 2e5, det, g);
  }

  private static void compareWithDense(OdeSystem s, double[] y, double floorValue) {
    int n = s.dimension();
    double[] f0 = new double[n];
    s.rhs(0.5, y, f0);
    double[] floor = new double[n];
    Arrays.fill(floor, floorValue);
    double[] dense = new double[n * n];
    new FiniteDifferenceJacobian(n).compute(s, 0.5, y, f0, floor, dense);
    SparseMatrix jac = new SparseMatrix(s.sparsity());
    SparseFiniteDifferenceJacobian fd = new SparseFiniteDifferenceJacobian(s.sparsity());
    int evals = fd.compute(s, 0.5, y, f0, floor, jac);
    assertThat(evals).isLessThan(n);
    double[] got = jac.toDense();
    double scale = SparseTestMatrices.maxAbs(dense);
    for (int k = 0; k < n * n; k++) {
      // Entries outside the pattern are 0 in the dense differences too (the pattern is complete).
      assertThat(got[k]).as("entry (%d, %d)", k / n, k % n).isCloseTo(dense[k], Offset.offset(SAME_QUOTIENT_TOL * scale));
    }
  }

  @Test
  void allocatesNothingAfterConstruction() {
    Brusselator2D b = new Brusselator2D(20);
    int n = b.dimension();
    double[] y = b.initialState();
    double[] f0 = new double[n];
    b.rhs(0, y, f0);
    double[] floor = new double[n];
    Arrays.fill(floor, 1e-6);
    SparseFiniteDifferenceJacobian fd = new SparseFiniteDifferenceJacobian(b.sparsity());
    SparseMatrix jac = new SparseMatrix(b.sparsity());
    fd.compute(b, 0, y, f0, floor, jac); // warm-up
    long bytes = SparseTestMatrices.allocatedBytes(() -> {
      for (int r = 0; r < 10; r++) {
        fd.compute(b, 0, y, f0, floor, jac);
      }
    });
    assumeTrue(bytes >= 0, "allocation counter not available");
    assertThat(bytes).as("bytes allocated by 10 Jacobians").isLessThan(1024);
  }

  @Test
  void rejectsAMatrixOnAnotherPattern() {
    Brusselator2D b = new Brusselator2D(4);
    SparseFiniteDifferenceJacobian fd = new SparseFiniteDifferenceJacobian(b.sparsity());
    int n = b.dimension();
    SparseMatrix other = new SparseMatrix(new Brusselator2D(3).sparsity());
    assertThatThrownBy(() -> fd.compute(b, 0, new double[n], new double[n], new double[n], other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern");
  }
}
