package org.qdlaser.stages.numerics.ode;

import org.qdlaser.stages.numerics.jacobian.SparseFiniteDifferenceJacobianTest;
import org.qdlaser.stages.numerics.sparse.SparseTestMatrices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;
import org.qdlaser.stages.physics.TpmDisperseModel;

/** {@link BdfIntegrator} with sparse iteration matrices ({@link IterationMatrixSparse}). */
class SparseBdfIntegratorTest {

  /** As in IvpTestSetTest: at rtol 1e-6 global errors are ~10-100 rtol. */
  static final double REL_TOL_MODERATE = 1e-3;
  /**
   * Brusselator at rtol = atol = 1e-6 against rtol = atol = 1e-10, in units of 1 + |y| (u and v
   * are O(1)-O(10)): the global error of this damped parabolic problem stays a small multiple of
   * the tolerance (measured 4.6e-6 with either solver); 5e-5 leaves a factor 10.
   */
  static final double BRUSS_TOL = 5e-5;
  /**
   * Sparse against dense linear algebra on the same problem and tolerances: the step sequences
   * can differ by the rounding of the solves, so the results agree to the integration tolerance.
   */
  static final double SAME_PROBLEM_TOL = 1e-4;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "ROBER, SPARSE_DIRECT, 1e-14",
    "HIRES, SPARSE_DIRECT, 1e-10",
    "VDPOL, SPARSE_DIRECT, 1e-6",
    "OREGO, SPARSE_DIRECT, 1e-6",
    "ROBER, SPARSE_ITERATIVE, 1e-14",
    "HIRES, SPARSE_ITERATIVE, 1e-10",
    "VDPOL, SPARSE_ITERATIVE, 1e-6",
    "OREGO, SPARSE_ITERATIVE, 1e-6"
  })
  void forcedSparseLinearAlgebraSolvesTheTestSet(String name, IterationMatrixKind kind, double atol)
      throws IOException {
    IvpProblems.Problem p = IvpProblems.load(name);
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, atol).withIterationMatrix(kind));
    IntegrationResult r =
        integrator.integrate(IvpProblems.system(name), p.t0(), p.y0Copy(), p.t1(), StepObserver.NONE, StopCondition.NEVER);
    assertThat(integrator.iterationMatrixKind()).isEqualTo(kind);
    double[] y = r.y();
    double[] ref = p.reference();
    for (int i = 0; i < ref.length; i++) {
      double scale = Math.max(Math.abs(ref[i]), atol);
      assertThat(y[i])
          .as("%s y%d with %s, stats %s", name, i + 1, kind, r.stats())
          .isCloseTo(ref[i], Offset.offset(REL_TOL_MODERATE * scale));
    }
    if (kind == IterationMatrixKind.SPARSE_ITERATIVE) {
      assertThat(integrator.linearIterations()).isPositive();
    }
  }

  @Test
  void autoSelectsSparseOnlyForSystemsWithAPattern() {
    Brusselator2D b = new Brusselator2D(6);
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, 1e-6));
    integrator.integrate(b, 0, b.initialState(), 0.01, StepObserver.NONE, StopCondition.NEVER);
    assertThat(integrator.iterationMatrixKind()).isEqualTo(IterationMatrixKind.SPARSE_DIRECT);
    integrator.integrate(IvpProblems.rober(), 0, new double[] {1, 0, 0}, 1.0, StepObserver.NONE, StopCondition.NEVER);
    assertThat(integrator.iterationMatrixKind()).isEqualTo(IterationMatrixKind.DENSE);
  }

  @Test
  void sparseAndDenseAgreeOnTpmDisperse() {
    // TPM^(d), N = 4 (5 + 36 + 84 = 125 unknowns): the real model pattern, stiff (rates 1..2e4).
    TpmDisperseModel m = new TpmDisperseModel(SparseFiniteDifferenceJacobianTest.tpmParameters(4));
    double[] y0 = m.lasingInitialState();
    double tEnd = 2.0;
    double[][] results = new double[3][];
    IterationMatrixKind[] kinds = {IterationMatrixKind.DENSE, IterationMatrixKind.SPARSE_DIRECT, IterationMatrixKind.SPARSE_ITERATIVE};
    for (int q = 0; q < kinds.length; q++) {
      BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-8, 1e-10).withMaxOrder(2).withIterationMatrix(kinds[q]));
      results[q] = integrator.integrate(m, 0, y0, tEnd, StepObserver.NONE, StopCondition.NEVER).y();
    }
    for (int q = 1; q < kinds.length; q++) {
      for (int i = 0; i < y0.length; i++) {
        assertThat(results[q][i])
            .as("%s component %d", kinds[q], i)
            .isCloseTo(results[0][i], Offset.offset(SAME_PROBLEM_TOL * (1 + Math.abs(results[0][i]))));
      }
    }
  }

  /**
   * BRUSS-2D on a 100 x 100 grid (20,000 unknowns) over [0, 0.1], both sparse solvers at rtol
   * 1e-6 against a tight run at rtol 1e-10 (ILU-GMRES: the cheap one on this problem). Wall time
   * about 10 s on 2 cores, dominated by the ~20 sparse LU factorisations of the direct run.
   */
  @Test
  void brusselatorWith20000UnknownsMatchesATightToleranceRun() {
    Brusselator2D b = new Brusselator2D(100);
    assertThat(b.dimension()).isEqualTo(20_000);
    double tEnd = 0.1;
    double[] y0 = b.initialState();
    BdfIntegrator tight = new BdfIntegrator(BdfSettings.of(1e-10, 1e-10).withIterationMatrix(IterationMatrixKind.SPARSE_ITERATIVE));
    double[] reference = tight.integrate(b, 0, y0, tEnd, StepObserver.NONE, StopCondition.NEVER).y();
    for (IterationMatrixKind kind : new IterationMatrixKind[] {IterationMatrixKind.SPARSE_DIRECT, IterationMatrixKind.SPARSE_ITERATIVE}) {
      BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, 1e-6).withIterationMatrix(kind));
      IntegrationResult r = integrator.integrate(b, 0, y0, tEnd, StepObserver.NONE, StopCondition.NEVER);
      double[] y = r.y();
      double worst = 0;
      for (int i = 0; i < y.length; i++) {
        worst = Math.max(worst, Math.abs(y[i] - reference[i]) / (1 + Math.abs(reference[i])));
      }
      assertThat(worst).as("%s: max error vs rtol 1e-10, stats %s", kind, r.stats()).isLessThan(BRUSS_TOL);
      // Coloured differences: a Jacobian costs 8 evaluations here, not 20,000.
      assertThat(r.stats().rhsEvaluations()).as("%s stats %s", kind, r.stats()).isLessThan(1000);
    }
  }

  @Test
  void sparseStepLoopDoesNotAllocate() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
    Brusselator2D b = new Brusselator2D(10);
    for (IterationMatrixKind kind : new IterationMatrixKind[] {IterationMatrixKind.SPARSE_DIRECT, IterationMatrixKind.SPARSE_ITERATIVE}) {
      BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-8, 1e-8).withIterationMatrix(kind));
      // Two warm-ups: the first builds the workspaces, the second loads the classes of the reuse check.
      for (int w = 0; w < 2; w++) {
        integrator.integrate(b, 0, b.initialState(), 1.0, StepObserver.NONE, StopCondition.NEVER);
      }
      long[] steps = {0};
      long bytes = SparseTestMatrices.allocatedBytes(() ->
          steps[0] = integrator.integrate(b, 0, b.initialState(), 1.0, StepObserver.NONE, StopCondition.NEVER).stats().steps());
      assumeTrue(bytes >= 0, "allocation counter not enabled");
      // The per-call initial state and result (2 x 200 doubles) and the stats; one object per step
      // would exceed this many times over.
      assertThat(steps[0]).isGreaterThan(100);
      assertThat(bytes).as("%s: bytes allocated by a %d-step run", kind, steps[0]).isLessThan(8192);
    }
  }

  @Test
  void denseOrSparseStorageLimitsAreExplained() {
    OdeSystem big = new OdeSystem() {
      @Override
      public int dimension() {
        return 30_000;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        java.util.Arrays.fill(f, 0.0);
      }
    };
    assertThatThrownBy(() -> new BdfIntegrator(BdfSettings.of(1e-6, 1e-6))
            .integrate(big, 0, new double[30_000], 1, StepObserver.NONE, StopCondition.NEVER))
        .hasMessageContaining("sparsity()");
    assertThatThrownBy(() -> new BdfIntegrator(BdfSettings.of(1e-6, 1e-6).withIterationMatrix(IterationMatrixKind.SPARSE_DIRECT))
            .integrate(big, 0, new double[30_000], 1, StepObserver.NONE, StopCondition.NEVER))
        .hasMessageContaining("without sparsity()");
  }

  @Test
  void exactSparseJacobianAndDifferencesGiveTheSameTransient() {
    // TPM_d N = 4 in a co-rotating frame: the BDF with the model's exact Jacobian (through the frame)
    // and with coloured forward differences of the same system (its Jacobian hidden) agree to the
    // integration tolerance; the exact run spends no right-hand sides on Jacobians.
    TpmDisperseModel m = new TpmDisperseModel(SparseFiniteDifferenceJacobianTest.tpmParameters(4));
    org.qdlaser.stages.integration.CoRotatingFrame frame = new org.qdlaser.stages.integration.CoRotatingFrame(m, 1.1);
    OdeSystem hidden = new OdeSystem() {
      @Override
      public int dimension() {
        return frame.dimension();
      }

      @Override
      public void rhs(double t, double[] y, double[] yDot) {
        frame.rhs(t, y, yDot);
      }

      @Override
      public org.qdlaser.stages.numerics.sparse.SparsityPattern sparsity() {
        return frame.sparsity();
      }
    };
    double[] y0 = m.lasingInitialState();
    BdfSettings settings = BdfSettings.of(1e-8, 1e-10).withIterationMatrix(IterationMatrixKind.SPARSE_DIRECT);
    IntegrationResult exact = new BdfIntegrator(settings).integrate(frame, 0, y0, 2.0, StepObserver.NONE, StopCondition.NEVER);
    IntegrationResult fd = new BdfIntegrator(settings).integrate(hidden, 0, y0, 2.0, StepObserver.NONE, StopCondition.NEVER);
    for (int i = 0; i < y0.length; i++) {
      assertThat(exact.y()[i]).as("component %d", i)
          .isCloseTo(fd.y()[i], Offset.offset(SAME_PROBLEM_TOL * (1 + Math.abs(fd.y()[i]))));
    }
    assertThat(exact.stats().rhsEvaluations()).isLessThan(fd.stats().rhsEvaluations());
  }
}
