package org.qdlaser.stages.physics.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;

/** The cw rate equations against the closed forms of spec 1a and against their own transients. */
class CwRateEquationsTest {
  /** GTH gives populations to a few ulps; gains are differences of O(1) populations. */
  static final double CLOSED_FORM_TOLERANCE = 1e-12;
  /** BDF at rtol 1e-10 / atol 1e-12, run for 40 slowest relaxation times (e^-40 ~ 4e-18). */
  static final double TRANSIENT_TOLERANCE = 1e-8;

  record Case(LevelScheme scheme, double pump, double relax, double esaRatio) {}

  static Stream<Case> cases() {
    List<Case> list = new ArrayList<>();
    for (LevelScheme s : LevelScheme.values()) {
      for (double w : new double[] {0.0, 1e-3, 0.01, 0.5, 1.001, 2.0, 37.0, 1e2, 1e5}) {
        for (double kappa : new double[] {1000, 10, 1.5}) {
          for (double r : new double[] {0.0, 0.3, 1.0}) {
            list.add(new Case(s, w, kappa, r));
          }
        }
      }
    }
    return list.stream();
  }

  static CwRateEquations equations(Case c) {
    return new CwRateEquations(c.scheme(), new CwParameters(c.pump(), c.relax(), c.esaRatio(), 5e7));
  }

  /** Spec 1a's steady states, written out by hand (independent of the GTH reduction). */
  static double[] closedFormPopulations(Case c) {
    double w = c.pump();
    double k = c.relax();
    return switch (c.scheme()) {
      case TWO_LEVEL -> new double[] {(w + 1) / (2 * w + 1), w / (2 * w + 1)};
      case THREE_LEVEL -> {
        // N3 = W N1/(W + k), N2 = k N3, N1 + N2 + N3 = 1.
        double n1 = (w + k) / (w + k + w + k * w);
        yield new double[] {n1, k * w * n1 / (w + k), w * n1 / (w + k)};
      }
      case FOUR_LEVEL -> {
        // N4 = W N1/(W + k), N3 = k N4, N2 = N3/k.
        double n4PerN1 = w / (w + k);
        double n3PerN1 = k * n4PerN1;
        double n2PerN1 = n3PerN1 / k;
        double n1 = 1 / (1 + n2PerN1 + n3PerN1 + n4PerN1);
        yield new double[] {n1, n2PerN1 * n1, n3PerN1 * n1, n4PerN1 * n1};
      }
    };
  }

  /** Spec 1a's gains: 2LS -1/(2W+1) - r N2; 3LS N1[(1-r) k W/(W+k) - 1]; 4LS N3 (1 - r - 1/k). */
  static double closedFormGain(Case c) {
    double w = c.pump();
    double k = c.relax();
    double r = c.esaRatio();
    double[] n = closedFormPopulations(c);
    return switch (c.scheme()) {
      case TWO_LEVEL -> -1 / (2 * w + 1) - r * n[1];
      case THREE_LEVEL -> n[0] * ((1 - r) * k * w / (w + k) - 1);
      case FOUR_LEVEL -> n[2] * (1 - r - 1 / k);
    };
  }

  @ParameterizedTest
  @MethodSource("cases")
  void steadyStateIsTheClosedForm(Case c) {
    CwSteadyState s = equations(c).steadyState();
    double[] expected = closedFormPopulations(c);
    double[] got = s.populations();
    for (int i = 0; i < expected.length; i++) {
      assertThat(got[i]).as("%s N_%d", c, i).isCloseTo(expected[i], offset(CLOSED_FORM_TOLERANCE * Math.max(1, Math.abs(expected[i]))));
    }
    assertThat(s.gain()).as("%s gain", c).isCloseTo(closedFormGain(c), offset(CLOSED_FORM_TOLERANCE));
    assertThat(s.residual()).as("%s residual", c).isLessThan(CLOSED_FORM_TOLERANCE * (1 + c.pump() + c.relax()));
    assertThat(s.stable()).isTrue();
  }

  @Test
  void populationsOfTinyLevelsAreAccurateRelatively() {
    // 4LS at kappa = 1000: the lower laser level holds ~1e-6 of the dots; GTH has no subtractions,
    // so it is exact to a few ulps relative, where an LU solve would lose ~3 digits.
    Case c = new Case(LevelScheme.FOUR_LEVEL, 1e-3, 1e3, 0);
    double lower = equations(c).steadyState().populations()[1];
    assertThat(lower).isCloseTo(closedFormPopulations(c)[1], offset(1e-14 * closedFormPopulations(c)[1]));
  }

  @Test
  void rateMatricesConserveTheDots() {
    for (LevelScheme s : LevelScheme.values()) {
      double[] m = new CwRateEquations(s, new CwParameters(3.0, 70, 0, 5e7)).rateMatrix();
      int n = s.levels();
      for (int j = 0; j < n; j++) {
        double col = 0;
        for (int i = 0; i < n; i++) {
          col += m[i * n + j];
          if (i != j) {
            assertThat(m[i * n + j]).isGreaterThanOrEqualTo(0);
          }
        }
        assertThat(col).as("%s column %d", s, j).isCloseTo(0, offset(1e-13));
      }
    }
  }

  @Test
  void levelNamesFollowTheSpec() {
    assertThat(LevelScheme.TWO_LEVEL.levelNames()).containsExactly("ground", "upper");
    assertThat(LevelScheme.THREE_LEVEL.levelNames()).containsExactly("ground", "upper", "pump_level");
    assertThat(LevelScheme.FOUR_LEVEL.levelNames()).containsExactly("ground", "lower", "upper", "pump_level");
  }

  @ParameterizedTest
  @MethodSource("transientCases")
  void transientsFromTheGroundStateEndInTheSteadyState(Case c) {
    CwRateEquations eq = equations(c);
    CwSteadyState s = eq.steadyState();
    double tEnd = 40 / s.relaxationRate();
    IntegrationResult r = new BdfIntegrator(BdfSettings.of(1e-10, 1e-12))
        .integrate(eq, 0, eq.groundState(), tEnd, StepObserver.NONE, StopCondition.NEVER);
    double[] y = r.y();
    double[] expected = s.populations();
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      assertThat(y[i]).as("%s N_%d at t = %s", c, i, tEnd).isCloseTo(expected[i], offset(TRANSIENT_TOLERANCE));
      sum += y[i];
    }
    assertThat(sum).as("dots are conserved").isCloseTo(1.0, offset(1e-12));
    assertThat(eq.gain(y)).isCloseTo(s.gain(), offset(2 * TRANSIENT_TOLERANCE));
  }

  static Stream<Case> transientCases() {
    return Stream.of(
        new Case(LevelScheme.TWO_LEVEL, 2, 1000, 0),
        new Case(LevelScheme.THREE_LEVEL, 2, 1000, 0),
        new Case(LevelScheme.FOUR_LEVEL, 2, 1000, 0),
        new Case(LevelScheme.THREE_LEVEL, 0.01, 1000, 1),
        new Case(LevelScheme.FOUR_LEVEL, 100, 1000, 1),
        new Case(LevelScheme.FOUR_LEVEL, 0.5, 3, 0.2));
  }

  @Test
  void relaxationRateIsTheSlowestEigenvalue() {
    // 2LS: dN2/dt = W - (2W + 1) N2 relaxes at 2W + 1.
    double w = 2.5;
    CwRateEquations eq = new CwRateEquations(LevelScheme.TWO_LEVEL, new CwParameters(w, 1000, 0, 5e7));
    assertThat(eq.slowestRelaxationRate()).isCloseTo(2 * w + 1, offset(1e-12));
  }

  @Test
  void jacobianIsTheRateMatrix() {
    CwRateEquations eq = new CwRateEquations(LevelScheme.FOUR_LEVEL, new CwParameters(2, 1000, 0, 5e7));
    double[] y = {0.1, 0.2, 0.3, 0.4};
    double[] jac = new double[16];
    eq.jacobian(0, y, jac);
    double[] f = new double[4];
    eq.rhs(0, y, f);
    for (int i = 0; i < 4; i++) {
      double s = 0;
      for (int j = 0; j < 4; j++) {
        s += jac[i * 4 + j] * y[j];
      }
      assertThat(f[i]).isCloseTo(s, offset(1e-12));
    }
  }
}
