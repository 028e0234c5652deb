package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.StateLayout;

/** The bounded transient of PointSolver and its unsettled verdict. */
class UnsettledTransientTest {
  /** Slow decay rate of the toy field (per unit time): far below 1 / budget, far above the relative criterion 1e-6. */
  static final double EPS = -1e-3;
  /** Rotation frequency of the toy field (units of gamma_nr). */
  static final double OMEGA = 1.9;

  /**
   * A field that rotates at OMEGA and decays at the slow rate EPS: no lasing steady state (the
   * rotating-frame fixed point would need EPS = 0), no decay within a budget of tens of units
   * (|b| falls by e^{-0.028}), and no App. A criterion (relative rate 1e-3 > 1e-6). Plus a photon
   * number relaxing to |b|^2, so that the state has the fields a model reports.
   */
  record SlowlyDrifting(double pump, double eps) implements Model {
    SlowlyDrifting(double pump) {
      this(pump, EPS);
    }

    static final StateLayout LAYOUT = StateLayout.builder().add("b", true, 1).add("Bb", false, 0).build();

    @Override
    public ModelKind kind() {
      return ModelKind.CIM_d;
    }

    @Override
    public StateLayout layout() {
      return LAYOUT;
    }

    @Override
    public int dots() {
      return 1;
    }

    @Override
    public Model withPump(double r) {
      return new SlowlyDrifting(r, eps);
    }

    @Override
    public void rhs(double t, double[] y, double[] yDot) {
      yDot[0] = eps * y[0] - OMEGA * y[1];
      yDot[1] = eps * y[1] + OMEGA * y[0];
      yDot[2] = (y[0] * y[0] + y[1] * y[1]) - y[2];
    }

    @Override
    public double upperPopulationMean(double[] y) {
      return 0.5;
    }

    @Override
    public double[] activation(double[] y) {
      return new double[] {y[0] * y[0] + y[1] * y[1]};
    }

    @Override
    public double[] factorisedState(double b, double vc, double cc) {
      return new double[] {b, 0, b * b};
    }

    @Override
    public double[] lasingInitialState() {
      return factorisedState(100, 0, 0);
    }

    @Override
    public double[] noFieldState() {
      return new double[3];
    }
  }

  static PointSolver solver(TransientBudget budget, double maxTime) {
    RelaxationSettings rs = RelaxationSettings.rotating().withMaxTime(maxTime);
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver(), budget);
  }

  @Test
  void aTransientThatNeitherSettlesNorDecaysWithinItsBudgetIsUnsettledWithItsDriftAndFrequency() {
    Model m = new SlowlyDrifting(1.0);
    PointSolver.Outcome o = solver(TransientBudget.of(28), 1e4).solveFrom(m, m.lasingInitialState());
    Equilibrium e = o.equilibrium();

    assertThat(o.ending()).isEqualTo("unsettled");
    assertThat(e.verdict()).isEqualTo(Verdict.UNSETTLED);
    assertThat(e.lasing()).isFalse();
    assertThat(e.stable()).isFalse();
    // windows 4 + 8 + 16: the budget exactly, not the relaxation settings' max time
    assertThat(o.transientTime()).isCloseTo(28.0, offset(1e-9));
    Unsettled u = e.unsettled();
    assertThat(u.time()).isCloseTo(28.0, offset(1e-9));
    assertThat(u.driftWindowStart()).isCloseTo(14.0, offset(1e-9));
    // BDF2 at rtol 1e-6: amplitude and phase errors ~1e-6 relative over the window, far below these offsets
    assertThat(u.driftRate()).isCloseTo(EPS, offset(1e-2 * Math.abs(EPS)));
    assertThat(u.omega()).isCloseTo(OMEGA, offset(1e-4 * OMEGA));
    double expectedB = 100 * Math.exp(EPS * 28);
    assertThat(u.bAbsEnd()).isCloseTo(expectedB, offset(1e-4 * expectedB));
    assertThat(e.bAbs()).isEqualTo(u.bAbsEnd());
    assertThat(e.omega()).isEqualTo(u.omega());
    // the end state, gauged (Im b = 0), with the activation of that state
    assertThat(e.state()[1]).isCloseTo(0.0, offset(1e-9 * expectedB));
    assertThat(e.activation()[0]).isCloseTo(expectedB * expectedB, offset(1e-3 * expectedB * expectedB));
    // rotating-frame residual of the end state: its largest entry is the lag of Bb behind the drifting |b|^2,
    // d|b|^2/dt = 2 EPS |b|^2 (Bb relaxes at rate 1, so it lags by that rate); 5 % for the lag's own relaxation
    assertThat(e.residual()).isCloseTo(2 * Math.abs(EPS) * expectedB * expectedB, offset(0.05 * 2 * Math.abs(EPS) * expectedB * expectedB));
    assertThat(e.rightmostEigenvalue()).isNaN();
  }

  /**
   * A field decaying at -0.2 per unit falls to e^{-5.6} = 3.7e-3 of its start in 28 units: not below
   * PointSolver.DECAYED (1e-3), but decaying on the budget's time scale (rate below -1/28), so it
   * goes to the (stable) non-lasing state, as a sample below threshold (CIM_d S5 at 2 gamma decays
   * at -0.13 per unit), not unsettled.
   */
  @Test
  void aFieldDecayingOnTheBudgetsTimeScaleIsNonLasingNotUnsettled() {
    Model m = new SlowlyDrifting(1.0, -0.2);
    PointSolver.Outcome o = solver(TransientBudget.of(28), 1e4).solveFrom(m, m.lasingInitialState());
    assertThat(o.ending()).isEqualTo("newton_non_lasing");
    assertThat(o.equilibrium().verdict()).isEqualTo(Verdict.NON_LASING);
    assertThat(o.equilibrium().stable()).isTrue();
    assertThat(o.transientTime()).isCloseTo(28.0, offset(1e-9));
  }

  @Test
  void withoutABudgetTheSameTransientRunsToItsMaxTimeAndIsPolishedAsBefore() {
    Model m = new SlowlyDrifting(1.0);
    PointSolver.Outcome o = solver(TransientBudget.unbounded(), 28).solveFrom(m, m.lasingInitialState());
    assertThat(o.ending()).isEqualTo("max_time");
    assertThat(o.equilibrium().verdict()).isEqualTo(Verdict.NON_LASING);
    assertThat(o.equilibrium().unsettled()).isNull();
  }

  @Test
  void aBudgetDoesNotChangeASampleThatSettles() {
    Model m = DisperseLasingStateTest.cimD(40, 0.5, 3); // lases at Table I (DisperseLasingStateTest)
    Equilibrium bounded = solver(TransientBudget.defaults(), 1e4).solve(m);
    Equilibrium free = solver(TransientBudget.unbounded(), 1e4).solve(m);
    assertThat(bounded.verdict()).isEqualTo(Verdict.LASING);
    assertThat(bounded.stable()).isTrue();
    assertThat(bounded.bAbs()).isCloseTo(free.bAbs(), offset(DisperseLasingStateTest.SAME_STATE * free.bAbs()));
  }

  @Test
  void budgetsAndUnsettledDiagnosticsAreValidated() {
    assertThatThrownBy(() -> TransientBudget.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
    assertThatThrownBy(() -> new TransientBudget(10, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("drift fraction");
    assertThatThrownBy(() -> new Unsettled(0, 0, 1, 10, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("|b| > 0");
    assertThatThrownBy(() -> new Unsettled(1, Double.NaN, 1, 10, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite drift");
    assertThatThrownBy(() -> new Unsettled(1, 0, 1, 10, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("drift window start < time");
    assertThat(new Unsettled(97.4, -4.5e-4, 1.906, 28, 14).driftTimeScale()).isCloseTo(2222.2, offset(0.1));
  }
}
