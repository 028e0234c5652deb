package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.numerics.jacobian.ExactJacobianCheck;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The exact Jacobians of the Newton systems built on the polydisperse models, against central
 * differences of their residuals entry by entry: the bordered lasing system (omega column, phase
 * row), the non-rotating steady state on its closed pattern, and the amplitude branch (omega and
 * pump columns, two border rows; the pump column itself a difference, exact to rounding).
 */
class FrameJacobianTest {
  /** Residuals at most quadratic in each unknown: central differences exact up to rounding. */
  static final double STEP = 0.5;

  static DisperseParameters parameters(int n, long seed) {
    return org.qdlaser.stages.physics.DisperseJacobianTest.randomParameters(n, seed);
  }

  static Stream<Arguments> cases() {
    return Stream.of(ModelKind.CIM_d, ModelKind.TPM_IF_d, ModelKind.TPM_d)
        .flatMap(k -> Stream.of(3, 5).map(n -> Arguments.of(k, n)));
  }

  private static double[] random(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble(-1, 1);
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void borderedLasingSystem(ModelKind kind, int n) {
    Model m = Models.disperse(kind, parameters(n, 3 + n));
    NonlinearSystem s = new RotatingFrame(m);
    assertThat(s.hasSparseJacobian()).isTrue();
    double[] x = random(s.dimension(), 11 + n);
    x[m.dimension()] = 1.3; // omega
    assertThat(ExactJacobianCheck.mismatches(s.asOde(), 0.0, x, STEP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void steadyStateSystem(ModelKind kind, int n) {
    Model m = Models.disperse(kind, parameters(n, 5 + n));
    NonlinearSystem s = EquilibriumSolver.steadyState(m);
    assertThat(s.hasSparseJacobian()).isTrue();
    assertThat(ExactJacobianCheck.mismatches(s.asOde(), 0.0, random(s.dimension(), 13 + n), STEP)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void amplitudeBranchSystem(ModelKind kind, int n) {
    Model m = Models.disperse(kind, parameters(n, 7 + n));
    AmplitudeBranch branch = new AmplitudeBranch(m, new NewtonSolver(NewtonSettings.defaults()));
    NonlinearSystem s = branch.system(0.8);
    assertThat(s.hasSparseJacobian()).isTrue();
    double[] x = random(s.dimension(), 17 + n);
    int d = m.dimension();
    x[d] = -0.6; // omega
    x[d + 1] = 12.0; // the pump: well inside its admissible range for the step
    // The pump column of the exact Jacobian is itself a difference with a small step; the check's
    // large step moves the pump, which enters f affinely, so both are exact to rounding.
    assertThat(ExactJacobianCheck.mismatches(s.asOde(), 0.0, x, STEP)).isEmpty();
  }

  /** Sizes above NewtonSolver.SPARSE_FROM unknowns, where Newton takes the sparse path. */
  static Stream<Arguments> sparseSizes() {
    return Stream.of(Arguments.of(ModelKind.CIM_d, 60), Arguments.of(ModelKind.TPM_IF_d, 25),
        Arguments.of(ModelKind.TPM_d, 7));
  }

  /** Newton's tolerance on |b| and the state (the CLI's relative agreement target of the task). */
  static final double SAME_ROOT = 1e-9;

  @ParameterizedTest
  @MethodSource("sparseSizes")
  void newtonSolvesAgreeWithTheFiniteDifferencePath(ModelKind kind, int n) {
    // The same steady-state solve with the exact Jacobian and with central differences (the system
    // wrapped so that it hides its Jacobian) converges to the same state within Newton's tolerance.
    Model m = Models.disperse(kind, parameters(n, 9 + n));
    assertThat(m.dimension()).isGreaterThanOrEqualTo(NewtonSolver.SPARSE_FROM);
    NonlinearSystem exact = EquilibriumSolver.steadyState(m);
    NonlinearSystem fd = new NonlinearSystem() {
      @Override
      public int dimension() {
        return exact.dimension();
      }

      @Override
      public void residual(double[] x, double[] out) {
        exact.residual(x, out);
      }

      @Override
      public org.qdlaser.stages.numerics.sparse.SparsityPattern sparsity() {
        return exact.sparsity();
      }
    };
    NewtonSolver newton = new NewtonSolver(NewtonSettings.defaults());
    double[] x0 = m.noFieldState();
    var a = newton.solve(exact, x0);
    var b = newton.solve(fd, x0);
    assertThat(a.converged()).isTrue();
    assertThat(b.converged()).isTrue();
    double scale = Arrays.stream(a.x()).map(Math::abs).max().orElse(1);
    for (int i = 0; i < x0.length; i++) {
      assertThat(a.x()[i]).isCloseTo(b.x()[i], org.assertj.core.data.Offset.offset(SAME_ROOT * Math.max(1, scale)));
    }
  }
}
