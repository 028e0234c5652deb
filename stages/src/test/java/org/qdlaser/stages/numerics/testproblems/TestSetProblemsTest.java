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

  /**
   * Hand-computed rates are sums of at most a few products of printed constants; 1e-12 relative is
   * a few roundings of the largest term, far below any wrong coefficient or sign.
   */
  static final double HAND_TOL = 1e-12;

  @Test
  void e5RatesAtTheInitialPointByHand() {
    // y0 = (1.76e-3, 0, 0, 0): only the decomposition A y1 acts, A y1 = 7.89e-10 * 1.76e-3 = 1.38864e-12.
    StiffTestProblem p = StiffTestProblems.get("E5");
    double[] f = new double[4];
    p.system().rhs(p.t0(), p.y0(), f);
    assertThat(f[0]).isCloseTo(-1.38864e-12, within(HAND_TOL * 1.38864e-12));
    assertThat(f[1]).isCloseTo(1.38864e-12, within(HAND_TOL * 1.38864e-12));
    assertThat(f[2]).isCloseTo(1.38864e-12, within(HAND_TOL * 1.38864e-12));
    assertThat(f[3]).isZero();
  }

  @Test
  void polluRatesAtTheInitialPointByHand() {
    // At y0 only reactions 2, 4, 5, 7, 16, 17 have all their reactants: r2 = 26.6*0.2*0.04 = 0.2128,
    // r4 = 8.6e-4*0.1 = 8.6e-5, r5 = 8.2e-5, r7 = 1.3e-4*0.01 = 1.3e-6, r16 = 3.5e-4*0.04 = 1.4e-5,
    // r17 = 1.75e-2*0.04 = 7e-4; the species balances of the Test Set's pollu.f then give:
    double[] expected = new double[20];
    expected[0] = 0.2128; // +r2
    expected[1] = -0.2128; // -r2
    expected[2] = 7e-4; // +r17
    expected[3] = -0.2128 - 1.4e-5 - 7e-4; // -r2 -r16 -r17
    expected[4] = 2 * 8.6e-5 + 1.3e-6; // +2 r4 +r7
    expected[6] = -8.6e-5 - 8.2e-5; // -r4 -r5
    expected[7] = 8.6e-5 + 8.2e-5 + 1.3e-6; // r4 + r5 + r7
    expected[8] = -1.3e-6; // -r7
    expected[9] = 1.3e-6; // +r7
    expected[15] = 1.4e-5; // +r16
    StiffTestProblem p = StiffTestProblems.get("POLLU");
    double[] f = new double[20];
    p.system().rhs(p.t0(), p.y0(), f);
    for (int i = 0; i < 20; i++) {
      assertThat(f[i]).as("POLLU f%d(0, y0)", i + 1).isCloseTo(expected[i], within(HAND_TOL * 0.2128));
    }
  }

  @Test
  void polluIsTheTestSetsSpeciesBalanceAtAGenericState() {
    // Our Pollution is written as a reaction table; the Test Set writes one balance per species.
    // Both at a state where every reaction runs at a different rate must agree.
    double[] k = {0.35, 26.6, 1.23e4, 8.6e-4, 8.2e-4, 1.5e4, 1.3e-4, 2.4e4, 1.65e4, 9e3, 2.2e-2, 1.2e4, 1.88,
        1.63e4, 4.8e6, 3.5e-4, 1.75e-2, 1e8, 4.44e11, 1240, 2.1, 5.78, 4.74e-2, 1780, 3.12};
    double[] y = new double[21]; // 1-based, as in pollu.f
    for (int i = 1; i <= 20; i++) {
      y[i] = 1.0 + 0.1 * i;
    }
    double[] r = new double[26];
    r[1] = k[0] * y[1];
    r[2] = k[1] * y[2] * y[4];
    r[3] = k[2] * y[5] * y[2];
    r[4] = k[3] * y[7];
    r[5] = k[4] * y[7];
    r[6] = k[5] * y[7] * y[6];
    r[7] = k[6] * y[9];
    r[8] = k[7] * y[9] * y[6];
    r[9] = k[8] * y[11] * y[2];
    r[10] = k[9] * y[11] * y[1];
    r[11] = k[10] * y[13];
    r[12] = k[11] * y[10] * y[2];
    r[13] = k[12] * y[14];
    r[14] = k[13] * y[1] * y[6];
    r[15] = k[14] * y[3];
    r[16] = k[15] * y[4];
    r[17] = k[16] * y[4];
    r[18] = k[17] * y[16];
    r[19] = k[18] * y[16];
    r[20] = k[19] * y[17] * y[6];
    r[21] = k[20] * y[19];
    r[22] = k[21] * y[19];
    r[23] = k[22] * y[1] * y[4];
    r[24] = k[23] * y[19] * y[1];
    r[25] = k[24] * y[20];
    double[] e = {
        -r[1] - r[10] - r[14] - r[23] - r[24] + r[2] + r[3] + r[9] + r[11] + r[12] + r[22] + r[25],
        -r[2] - r[3] - r[9] - r[12] + r[1] + r[21],
        -r[15] + r[1] + r[17] + r[19] + r[22],
        -r[2] - r[16] - r[17] - r[23] + r[15],
        -r[3] + 2 * r[4] + r[6] + r[7] + r[13] + r[20],
        -r[6] - r[8] - r[14] - r[20] + r[3] + 2 * r[18],
        -r[4] - r[5] - r[6] + r[13],
        r[4] + r[5] + r[6] + r[7],
        -r[7] - r[8],
        -r[12] + r[7] + r[9],
        -r[9] - r[10] + r[8] + r[11],
        r[9],
        -r[11] + r[10],
        -r[13] + r[12],
        r[14],
        -r[18] - r[19] + r[16],
        -r[20],
        r[20],
        -r[21] - r[22] - r[24] + r[23] + r[25],
        -r[25] + r[24]};
    double[] state = new double[20];
    System.arraycopy(y, 1, state, 0, 20);
    double[] f = new double[20];
    new Pollution().rhs(0, state, f);
    for (int i = 0; i < 20; i++) {
      // No balance cancels much at this state, so each is checked to HAND_TOL of itself (the slowest
      // reactions, ~1e-3, count as much as r19 ~ 1e12).
      assertThat(f[i]).as("POLLU f%d", i + 1).isCloseTo(e[i], within(HAND_TOL * Math.abs(e[i])));
    }
  }

  @Test
  void vdpolmAtTheInitialPointByHand() {
    // y0 = (2, 0): y1' = y2 = 0, y2' = mu (1 - 4) 0 - 2 = -2.
    StiffTestProblem p = StiffTestProblems.get("VDPOLM");
    double[] f = new double[2];
    p.system().rhs(p.t0(), p.y0(), f);
    assertThat(f).containsExactly(0.0, -2.0);
  }

  @Test
  void ringmodAtRestSeesOnlyItsInputsAndTheDiodeBridgeSymmetry() {
    // At y = 0, t = 2.5e-5 s (a quarter period of the carrier): U_in2 = 2, U_in1 = 0.5 sin(0.05 pi).
    // Diodes 1, 2 see -2 V, diodes 3, 4 see +2 V; the bridge is symmetric, so the four C_s nodes
    // move in pairs (f3 = f6 = -f4 = -f5), and the only inductor driven is L_s1 by U_in1:
    // f14 = U_in1 / L_s1 = 250 sin(0.05 pi) = 39.108616260057715 A/s.
    double t = 2.5e-5;
    double[] f = new double[15];
    new RingModulator().rhs(t, new double[15], f);
    double qReverse = RingModulator.GAMMA * (Math.exp(-2 * RingModulator.DELTA) - 1);
    double qForward = RingModulator.GAMMA * (Math.exp(2 * RingModulator.DELTA) - 1);
    double cs = (qForward - qReverse) / RingModulator.CS;
    assertThat(f[2]).isCloseTo(cs, within(HAND_TOL * cs));
    assertThat(f[5]).isCloseTo(cs, within(HAND_TOL * cs));
    assertThat(f[3]).isCloseTo(-cs, within(HAND_TOL * cs));
    assertThat(f[4]).isCloseTo(-cs, within(HAND_TOL * cs));
    double cp = 2 * (qReverse - qForward) / RingModulator.CP;
    assertThat(f[6]).isCloseTo(cp, within(HAND_TOL * Math.abs(cp)));
    assertThat(f[13]).isCloseTo(39.108616260057715, within(HAND_TOL * 40));
    for (int i : new int[] {0, 1, 7, 8, 9, 10, 11, 12, 14}) {
      assertThat(f[i]).as("RINGMOD f%d", i + 1).isZero();
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
