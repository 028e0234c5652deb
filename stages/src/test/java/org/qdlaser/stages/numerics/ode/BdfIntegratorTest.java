package org.qdlaser.stages.numerics.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Analytic and behavioural tests of {@link BdfIntegrator}. */
class BdfIntegratorTest {

  /**
   * Global error bound in units of the local tolerance rtol*|y| + atol for the stiff linear system:
   * its fast mode is damped, so the slow mode's error stays a small multiple of the local one.
   */
  static final double GLOBAL_ERROR_FACTOR = 20;
  /**
   * Same for pure decay: relative errors are not damped there (every step scales y and its error
   * alike), so the global relative error is the sum of the local ones over the ~50 steps.
   */
  static final double DECAY_ERROR_FACTOR = 100;
  /**
   * Dense output error inside a step against the exact flow from the step's start, in units of
   * rtol (solution amplitude 1): the interpolant is the step's own polynomial, so its interior
   * error is of the size of the local error, which the step control keeps below ~rtol.
   */
  static final double DENSE_OUTPUT_FACTOR = 5;
  /** The interpolant passes through both ends of the step; only rounding separates them. */
  static final double ENDPOINT_TOL = 1e-13;

  /** y' = -lambda y. */
  static OdeSystem decay(double lambda) {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = -lambda * y[0];
      }

      @Override
      public boolean hasJacobian() {
        return true;
      }

      @Override
      public void jacobian(double t, double[] y, double[] j) {
        j[0] = -lambda;
      }
    };
  }

  /** y' = A y with eigenvalues -1 (eigenvector (1,1)) and -1000 (eigenvector (1,-1)). */
  static OdeSystem stiffLinear() {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = -500.5 * y[0] + 499.5 * y[1];
        f[1] = 499.5 * y[0] - 500.5 * y[1];
      }
    };
  }

  /** y(0) = (2, 0): y = (e^-t + e^-1000t, e^-t - e^-1000t). */
  static double[] stiffLinearExact(double t) {
    double slow = Math.exp(-t);
    double fast = Math.exp(-1000 * t);
    return new double[] {slow + fast, slow - fast};
  }

  /** Harmonic oscillator y1' = y2, y2' = -y1; y(0) = (1, 0) gives (cos t, -sin t). */
  static OdeSystem oscillator() {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = y[1];
        f[1] = -y[0];
      }
    };
  }

  @Test
  void exponentialDecayFollowsExactSolution() {
    final double lambda = 50;
    final double rtol = 1e-8;
    final double atol = 1e-12;
    double[] worst = {0};
    IntegrationResult r =
        new BdfIntegrator(BdfSettings.of(rtol, atol))
            .integrate(
                decay(lambda), 0, new double[] {1}, 0.2,
                (t, y, yDot) -> {
                  double exact = Math.exp(-lambda * t);
                  worst[0] = Math.max(worst[0], Math.abs(y[0] - exact) / (rtol * exact + atol));
                },
                StopCondition.NEVER);
    assertThat(r.t()).isEqualTo(0.2);
    assertThat(worst[0]).as("max error / local tolerance, %s", r.stats()).isLessThan(DECAY_ERROR_FACTOR);
    double exact = Math.exp(-lambda * 0.2);
    assertThat(r.y()[0]).isCloseTo(exact, Offset.offset(DECAY_ERROR_FACTOR * (rtol * exact + atol)));
  }

  @Test
  void stiffLinearSystemMatchesExactSolutionWithFewSteps() {
    final double rtol = 1e-8;
    final double atol = 1e-10;
    final double tEnd = 10;
    double[] worst = {0};
    IntegrationResult r =
        new BdfIntegrator(BdfSettings.of(rtol, atol))
            .integrate(
                stiffLinear(), 0, new double[] {2, 0}, tEnd,
                (t, y, yDot) -> {
                  double[] e = stiffLinearExact(t);
                  for (int i = 0; i < 2; i++) {
                    worst[0] = Math.max(worst[0], Math.abs(y[i] - e[i]) / (rtol * Math.abs(e[i]) + atol));
                  }
                },
                StopCondition.NEVER);
    assertThat(worst[0]).as("max error / local tolerance").isLessThan(GLOBAL_ERROR_FACTOR);
    double[] e = stiffLinearExact(tEnd);
    assertThat(r.y()[0]).isCloseTo(e[0], Offset.offset(GLOBAL_ERROR_FACTOR * (rtol * e[0] + atol)));
    assertThat(r.y()[1]).isCloseTo(e[1], Offset.offset(GLOBAL_ERROR_FACTOR * (rtol * e[1] + atol)));
    // Stability-limited explicit methods need > 1000*tEnd/2 = 5000 steps; a stiff solver follows e^-t.
    assertThat(r.stats().steps()).as("steps, %s", r.stats()).isLessThan(1000);
  }

  @Test
  void landsExactlyOnTEndAndNeverEvaluatesBeyondIt() {
    final double tEnd = 0.7312;
    double[] maxT = {Double.NEGATIVE_INFINITY};
    OdeSystem inner = decay(3);
    OdeSystem probe =
        new OdeSystem() {
          @Override
          public int dimension() {
            return 1;
          }

          @Override
          public void rhs(double t, double[] y, double[] f) {
            maxT[0] = Math.max(maxT[0], t);
            inner.rhs(t, y, f);
          }
        };
    List<Double> times = new ArrayList<>();
    IntegrationResult r =
        new BdfIntegrator(BdfSettings.of(1e-6, 1e-9))
            .integrate(probe, 0.1, new double[] {1}, tEnd, (t, y, yDot) -> times.add(t), StopCondition.NEVER);
    assertThat(r.t()).isEqualTo(tEnd);
    assertThat(times.get(times.size() - 1)).isEqualTo(tEnd);
    assertThat(maxT[0]).isLessThanOrEqualTo(tEnd);
    assertThat(times).isSorted();
    assertThat(times).hasSize((int) r.stats().steps());
  }

  @Test
  void stopConditionEndsIntegrationEarly() {
    List<Double> observed = new ArrayList<>();
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-8, 1e-12));
    IntegrationResult r =
        integrator.integrate(
            decay(1), 0, new double[] {1}, 10, (t, y, yDot) -> observed.add(t), (t, y, yDot) -> y[0] < 0.5);
    assertThat(r.stoppedEarly()).isTrue();
    assertThat(r.t()).isLessThan(10);
    assertThat(r.y()[0]).isLessThan(0.5);
    assertThat(observed.get(observed.size() - 1)).isEqualTo(r.t());
    // It stopped at the first step past y = 1/2, i.e. the crossing t = ln 2 lies in the last step.
    assertThat(Math.log(2)).isBetween(integrator.lastStepStart(), integrator.lastStepEnd());
  }

  @Test
  void stopConditionSeesTheDerivative() {
    // Stop when |y'| < 1e-3 for y' = -y: the derivative passed in must be close to -y.
    double[] seen = new double[2];
    IntegrationResult r =
        new BdfIntegrator(BdfSettings.of(1e-8, 1e-12))
            .integrate(
                decay(1), 0, new double[] {1}, 100, StepObserver.NONE,
                (t, y, yDot) -> {
                  seen[0] = y[0];
                  seen[1] = yDot[0];
                  return Math.abs(yDot[0]) < 1e-3;
                });
    assertThat(r.stoppedEarly()).isTrue();
    // The interpolant derivative equals f up to the Newton tolerance, a small fraction of rtol.
    assertThat(seen[1]).isCloseTo(-seen[0], Offset.offset(1e-6 * Math.abs(seen[0])));
  }

  @Test
  void nanFromTheRightHandSideRaisesIntegrationException() {
    OdeSystem poisoned =
        new OdeSystem() {
          @Override
          public int dimension() {
            return 1;
          }

          @Override
          public void rhs(double t, double[] y, double[] f) {
            f[0] = t > 1 ? Double.NaN : -y[0];
          }
        };
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, 1e-10));
    assertThatThrownBy(
            () -> integrator.integrate(poisoned, 0, new double[] {1}, 5, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("NaN")
        .hasMessageContaining("at t = ")
        .satisfies(e -> assertThat(((IntegrationException) e).time()).isCloseTo(1.0, Offset.offset(1e-6)));
  }

  @Test
  void nanAtTheInitialStateIsReportedAtT0() {
    OdeSystem bad =
        new OdeSystem() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public void rhs(double t, double[] y, double[] f) {
            f[0] = 0;
            f[1] = Math.sqrt(y[1]);
          }
        };
    assertThatThrownBy(
            () -> new BdfIntegrator(BdfSettings.of(1e-6, 1e-10))
                .integrate(bad, 2.5, new double[] {1, -1}, 5, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("f_1")
        .satisfies(e -> assertThat(((IntegrationException) e).time()).isEqualTo(2.5));
  }

  @Test
  void blowUpRaisesIntegrationExceptionNearTheSingularity() {
    // y' = y^2, y(0) = 1 has y = 1/(1-t): the step size must underflow just before t = 1.
    OdeSystem blowUp =
        new OdeSystem() {
          @Override
          public int dimension() {
            return 1;
          }

          @Override
          public void rhs(double t, double[] y, double[] f) {
            f[0] = y[0] * y[0];
          }
        };
    assertThatThrownBy(
            () -> new BdfIntegrator(BdfSettings.of(1e-6, 1e-10))
                .integrate(blowUp, 0, new double[] {1}, 2, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("step size underflow")
        .satisfies(e -> assertThat(((IntegrationException) e).time()).isBetween(0.99, 1.0));
  }

  @Test
  void stepBudgetIsEnforced() {
    assertThatThrownBy(
            () -> new BdfIntegrator(BdfSettings.of(1e-6, 1e-10).withMaxSteps(5))
                .integrate(stiffLinear(), 0, new double[] {2, 0}, 10, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("maximum number of steps (5)");
  }

  @Test
  void denseOutputIsAccurateInsideEveryStep() {
    final double rtol = 1e-9;
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(rtol, 1e-12));
    double[] worst = {0, 0};
    double[] previousEnd = {Double.NaN, Double.NaN};
    double[] ya = new double[2];
    double[] yi = new double[2];
    integrator.integrate(
        oscillator(), 0, new double[] {1, 0}, 10,
        (t, y, yDot) -> {
          double a = integrator.lastStepStart();
          assertThat(integrator.lastStepEnd()).isEqualTo(t);
          integrator.interpolate(a, ya);
          for (int m = 1; m <= 7; m++) {
            // Exact flow of the oscillator from (a, ya): a rotation by ti - a.
            double ti = a + (t - a) * m / 8.0;
            double c = Math.cos(ti - a);
            double s = Math.sin(ti - a);
            integrator.interpolate(ti, yi);
            worst[0] = Math.max(worst[0], Math.abs(yi[0] - (c * ya[0] + s * ya[1])) / rtol);
            worst[0] = Math.max(worst[0], Math.abs(yi[1] - (-s * ya[0] + c * ya[1])) / rtol);
          }
          // Continuity: the interpolant starts where the previous step ended and ends at y.
          if (!Double.isNaN(previousEnd[0])) {
            worst[1] = Math.max(worst[1], Math.max(Math.abs(ya[0] - previousEnd[0]), Math.abs(ya[1] - previousEnd[1])));
          }
          integrator.interpolate(t, yi);
          worst[1] = Math.max(worst[1], Math.max(Math.abs(yi[0] - y[0]), Math.abs(yi[1] - y[1])));
          previousEnd[0] = y[0];
          previousEnd[1] = y[1];
        },
        StopCondition.NEVER);
    assertThat(worst[0]).as("interior interpolation error / rtol").isLessThan(DENSE_OUTPUT_FACTOR);
    assertThat(worst[1]).as("endpoint mismatch").isLessThan(ENDPOINT_TOL);
  }

  @Test
  void denseOutputDerivativeMatchesTheRightHandSide() {
    final double rtol = 1e-9;
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(rtol, 1e-12));
    integrator.integrate(oscillator(), 0, new double[] {1, 0}, 3, StepObserver.NONE, StopCondition.NEVER);
    double t = 0.5 * (integrator.lastStepStart() + integrator.lastStepEnd());
    double[] d = new double[2];
    integrator.interpolateDerivative(t, d);
    // One order less accurate than the solution: ~rtol/h relative, h ~ 1e-2 here.
    assertThat(d[0]).isCloseTo(-Math.sin(t), Offset.offset(1e-5));
    assertThat(d[1]).isCloseTo(-Math.cos(t), Offset.offset(1e-5));
  }

  @Test
  void interpolationOutsideTheLastStepIsRejected() {
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, 1e-9));
    double[] out = new double[1];
    assertThatThrownBy(() -> integrator.interpolate(0.0, out)).isInstanceOf(IllegalStateException.class);
    integrator.integrate(decay(1), 0, new double[] {1}, 1, StepObserver.NONE, StopCondition.NEVER);
    assertThatThrownBy(() -> integrator.interpolate(1.5, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the last step");
  }

  @Test
  void integratorIsReusableAcrossDimensions() {
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-8, 1e-12));
    IntegrationResult a = integrator.integrate(decay(2), 0, new double[] {1}, 1, StepObserver.NONE, StopCondition.NEVER);
    IntegrationResult b =
        integrator.integrate(stiffLinear(), 0, new double[] {2, 0}, 1, StepObserver.NONE, StopCondition.NEVER);
    IntegrationResult c = integrator.integrate(decay(2), 0, new double[] {1}, 1, StepObserver.NONE, StopCondition.NEVER);
    assertThat(c.y()[0]).isEqualTo(a.y()[0]);
    assertThat(c.stats()).isEqualTo(a.stats());
    assertThat(b.y()[0]).isCloseTo(stiffLinearExact(1)[0], Offset.offset(1e-6));
  }

  @Test
  void zeroLengthIntervalReturnsTheInitialState() {
    IntegrationResult r =
        new BdfIntegrator(BdfSettings.of(1e-6, 1e-9))
            .integrate(decay(1), 3, new double[] {0.25}, 3, StepObserver.NONE, StopCondition.NEVER);
    assertThat(r.t()).isEqualTo(3);
    assertThat(r.y()).containsExactly(0.25);
    assertThat(r.stats().steps()).isZero();
  }

  @Test
  void badArgumentsAreRejected() {
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-6, 1e-9));
    assertThatThrownBy(
            () -> integrator.integrate(decay(1), 1, new double[] {1}, 0, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forward");
    assertThatThrownBy(
            () -> integrator.integrate(decay(1), 0, new double[] {1, 2}, 1, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension");
    BdfIntegrator perComponent =
        new BdfIntegrator(BdfSettings.of(1e-6, 1e-9).withAtolPerComponent(new double[] {1e-9, 1e-9}));
    assertThatThrownBy(
            () -> perComponent.integrate(decay(1), 0, new double[] {1}, 1, StepObserver.NONE, StopCondition.NEVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("atolPerComponent");
  }

  @Test
  void stepLoopDoesNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
    OdeSystem rober = IvpProblems.rober();
    BdfIntegrator integrator = new BdfIntegrator(BdfSettings.of(1e-10, 1e-14));
    integrator.integrate(rober, 0, new double[] {1, 0, 0}, 1e11, StepObserver.NONE, StopCondition.NEVER); // warm-up
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    IntegrationResult r =
        integrator.integrate(rober, 0, new double[] {1, 0, 0}, 1e11, StepObserver.NONE, StopCondition.NEVER);
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // Only the per-call result objects (a few hundred bytes); one object per step would exceed this
    // bound many times over, as the run takes thousands of steps.
    assertThat(r.stats().steps()).isGreaterThan(1000);
    assertThat(allocated).as("bytes allocated by a %d-step run", r.stats().steps()).isLessThan(4096);
  }

  /**
   * y_i' = -lambda_i (y_i - cos t), lambda_i log-spaced in [1, 1e4], i < n: a forced stiff linear
   * system whose Jacobian never changes, so no Newton failure or slow convergence asks for a new
   * one and every re-evaluation after the first is the age rule's.
   */
  static OdeSystem forcedStiff(int n, boolean analyticJacobian) {
    final double[] lambda = new double[n];
    for (int i = 0; i < n; i++) {
      lambda[i] = Math.pow(1e4, i / (double) (n - 1));
    }
    return new OdeSystem() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        final double c = Math.cos(t);
        for (int i = 0; i < n; i++) {
          f[i] = -lambda[i] * (y[i] - c);
        }
      }

      @Override
      public boolean hasJacobian() {
        return analyticJacobian;
      }

      @Override
      public void jacobian(double t, double[] y, double[] j) {
        java.util.Arrays.fill(j, 0.0);
        for (int i = 0; i < n; i++) {
          j[i * n + i] = -lambda[i];
        }
      }
    };
  }

  @Test
  void ageRuleReEvaluatesAFiniteDifferenceJacobianOnlyOnceItsCostIsAmortised() {
    final int n = 40; // 40 finite-difference columns per Jacobian
    BdfIntegrator bdf = new BdfIntegrator(BdfSettings.of(1e-8, 1e-8).withIterationMatrix(IterationMatrixKind.DENSE));
    bdf.integrate(forcedStiff(n, false), 0, new double[n], 100, StepObserver.NONE, StopCondition.NEVER);
    IntegratorStats s = bdf.stats();
    assertThat(s.convergenceFailures()).isZero();
    long stepRhs = s.rhsEvaluations() - (long) n * s.jacobianEvaluations();
    // Each re-evaluation for age needs 10 n right-hand sides on steps since the last (the 50-step
    // rule alone would give steps / 50 Jacobians, several times more here).
    assertThat(s.steps()).isGreaterThan(50L * 2 * (1 + stepRhs / (10L * n)));
    assertThat(s.jacobianEvaluations()).isGreaterThan(1).isLessThanOrEqualTo(1 + stepRhs / (10L * n));
  }

  @Test
  void ageRuleStillReEvaluatesAnAnalyticJacobianEvery50Steps() {
    final int n = 40;
    BdfIntegrator bdf = new BdfIntegrator(BdfSettings.of(1e-8, 1e-8).withIterationMatrix(IterationMatrixKind.DENSE));
    bdf.integrate(forcedStiff(n, true), 0, new double[n], 100, StepObserver.NONE, StopCondition.NEVER);
    IntegratorStats s = bdf.stats();
    assertThat(s.jacobianEvaluations()).isGreaterThanOrEqualTo(s.steps() / 50);
  }
}
