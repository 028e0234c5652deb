package org.qdlaser.stages.numerics.testproblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The Test Set problems as defined: well-formed registry entries, analytic Jacobians equal to
 * central differences of the right-hand sides, and the invariants and limits the equations imply.
 * Agreement of each problem with its published reference solution is checked by integration
 * (IvpTestSetTest, and for the expensive ones ci/bench-stiff-scipy).
 */
class TestSetProblemsTest {
  /**
   * Central differences with step 1e-6 relative are accurate to ~1e-10 of the entries' scale here;
   * 1e-6 relative (of the largest entry of the row) leaves room and still catches any wrong term.
   */
  static final double JACOBIAN_TOL = 1e-6;
  /** Relative step of the central differences. */
  static final double STEP = 1e-6;

  @Test
  void everyNamedProblemIsWellFormed() {
    for (String name : StiffTestProblems.WITH_REFERENCE) {
      StiffTestProblem p = StiffTestProblems.get(name);
      int n = p.system().dimension();
      assertThat(p.y0()).as(name).hasSize(n);
      assertThat(p.reference()).as(name).hasSize(n);
      assertThat(p.referenceSource()).as(name).contains("Test Set");
      assertThat(p.defaultAtol(1e-6)).as(name).isPositive();
      double[] f = new double[n];
      p.system().rhs(p.t0(), p.y0(), f);
      for (double v : f) {
        assertThat(v).as("%s f(t0, y0)", name).isFinite();
      }
      // The reference scores itself as exact.
      assertThat(p.maxRelativeError(p.reference(), p.defaultAtol(1e-6))).as(name).isZero();
    }
    assertThat(StiffTestProblems.get("MEDAKZO").breakpoints()).containsExactly(5.0);
    assertThat(StiffTestProblems.get("EMEP").breakpoints()).hasSize(8);
    assertThat(StiffTestProblems.get("E5").defaultAtol(1e-9)).isEqualTo(StiffTestProblems.E5_ATOL);
  }

  @Test
  void analyticJacobiansAreTheDerivativesOfTheRightHandSides() {
    Random random = new Random(14);
    for (String name : StiffTestProblems.WITH_REFERENCE) {
      StiffTestProblem p = StiffTestProblems.get(name);
      OdeSystem s = p.system();
      if (!s.hasJacobian()) {
        continue;
      }
      int n = s.dimension();
      // A state near the reference with every component perturbed (so no product term vanishes).
      double[] y = p.reference();
      for (int i = 0; i < n; i++) {
        y[i] = y[i] + (0.5 + random.nextDouble()) * Math.max(Math.abs(y[i]), 1e-3) * (random.nextBoolean() ? 1 : -1);
      }
      if (name.equals("RINGMOD")) {
        for (int i = 0; i < n; i++) {
          y[i] = 0.1 * random.nextGaussian(); // the diode exponentials overflow far from the circuit's range
        }
      }
      double t = 0.5 * (p.t0() + p.t1());
      double[] jac = new double[n * n];
      s.jacobian(t, y, jac);
      double[] fp = new double[n];
      double[] fm = new double[n];
      double[] rowScale = new double[n];
      double[][] fd = new double[n][n];
      for (int j = 0; j < n; j++) {
        double h = STEP * Math.max(Math.abs(y[j]), 1e-3);
        double keep = y[j];
        y[j] = keep + h;
        s.rhs(t, y, fp);
        y[j] = keep - h;
        s.rhs(t, y, fm);
        y[j] = keep;
        for (int i = 0; i < n; i++) {
          fd[i][j] = (fp[i] - fm[i]) / (2 * h);
          rowScale[i] = Math.max(rowScale[i], Math.max(Math.abs(fd[i][j]), Math.abs(jac[i * n + j])));
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertThat(jac[i * n + j])
              .as("%s d f%d / d y%d", name, i + 1, j + 1)
              .isCloseTo(fd[i][j], within(JACOBIAN_TOL * Math.max(rowScale[i], 1e-300)));
        }
      }
    }
  }

  @Test
  void e5KeepsItsLinearInvariantInTheRightHandSide() {
    // y2 - y3 - y4 is constant: f2 - f3 - f4 = 0 for every state (to rounding).
    double[] y = {1.2e-3, 3.4e-11, 5.6e-12, 7.8e-13};
    double[] f = new double[4];
    new E5().rhs(0, y, f);
    assertThat(f[1] - f[2] - f[3]).isCloseTo(0.0, within(1e-16 * Math.abs(f[1])));
  }

  @Test
  void pleiadesConservesMomentum() {
    // Masses j = 1..7: sum_j m_j a_j = 0 (the pairwise forces cancel).
    StiffTestProblem p = StiffTestProblems.get("PLEI");
    double[] f = new double[28];
    p.system().rhs(0, p.y0(), f);
    double px = 0;
    double py = 0;
    for (int j = 0; j < 7; j++) {
      px += (j + 1) * f[14 + j];
      py += (j + 1) * f[21 + j];
    }
    assertThat(px).isCloseTo(0.0, within(1e-12));
    assertThat(py).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void beamAtRestWithoutForceStaysAtRest() {
    // Straight and at rest, the beam feels only the force; with it off (t > pi) f vanishes.
    double[] f = new double[80];
    Beam b = new Beam();
    b.rhs(4.0, new double[80], f);
    for (double v : f) {
      assertThat(v).isZero();
    }
    b.rhs(1.0, new double[80], f);
    assertThat(f[79]).isNotZero(); // the force acts on the free end before pi
  }

  @Test
  void medakzoReactionConservesAntibodyMinusAntigenAtTheFarEnd() {
    // At the last grid point only the reaction acts: u' = v' = -k u v.
    double[] y = new double[400];
    for (int i = 0; i < 400; i++) {
      y[i] = 0.1 + 0.001 * i;
    }
    double[] f = new double[400];
    new MedicalAkzo().rhs(1.0, y, f);
    assertThat(f[398]).isEqualTo(f[399]).isEqualTo(-100.0 * y[398] * y[399]);
  }

  @Test
  void emepHasNoPhotolysisAtNightAndTheTestSetsInitialState() {
    double[] y = Emep.initialState();
    assertThat(y[4]).isEqualTo(3.5e13); // CH4
    assertThat(y[37]).isEqualTo(1e-3); // O(1D)
    Emep e = new Emep();
    double[] day = new double[66];
    double[] night = new double[66];
    e.rhs(12 * 3600.0, y, day);
    e.rhs(24 * 3600.0, y, night);
    // O(1D) is made only by photolysis of O3 (1e-40/s at night): at noon its production (~2e7) beats
    // the loss of the initial 1e-3 (~7e5), at midnight only the loss is left.
    assertThat(day[37]).isPositive();
    assertThat(night[37]).isNegative();
    // NO2 photolysis (DJ(3)) makes NO by day: NO's rate is higher at noon than at midnight.
    assertThat(day[0]).isGreaterThan(night[0]);
  }
}
