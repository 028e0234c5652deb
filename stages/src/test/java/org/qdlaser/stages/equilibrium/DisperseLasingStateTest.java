package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/** Lasing states of polydisperse dots: rotating-frame Newton against long integrations and reductions. */
class DisperseLasingStateTest {
  static final LaserParameters P = LaserParameters.tableI();

  static Model cimD(int n, double width, long seed) {
    Sample s = SampleGenerator.generate(new SampleSpec(n, width, P.gamma(), seed, 0, 0, P.g()));
    return Models.disperse(ModelKind.CIM_d,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(), s.detunings(), s.couplings()));
  }

  @Test
  void integrationFromTheNewtonStateRotatesAtTheNewtonFrequencyWithConstantAmplitude() {
    assertRotatesAtTheNewtonFrequency(cimD(40, 0.5, 3));
  }

  /**
   * TPM_d (sparse Newton above 1,000 unknowns is not needed at N = 10, but the two-dot detuning
   * terms are): 10 dots, width gamma, three times the Table I coupling so that they lase at 1e15 s^-1.
   */
  @Test
  void tpmDIntegrationRotatesAtTheNewtonFrequency() {
    Sample s = SampleGenerator.generate(new SampleSpec(10, 1.0, P.gamma(), 3, 0, 0, P.g()));
    double[] g = java.util.Arrays.stream(s.couplings()).map(c -> 3 * c).toArray();
    assertRotatesAtTheNewtonFrequency(Models.disperse(ModelKind.TPM_d,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), 1e6, s.detunings(), g)));
  }

  static void assertRotatesAtTheNewtonFrequency(Model m) {
    RelaxationSettings rs = RelaxationSettings.rotating();
    Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
    assertThat(e.lasing()).isTrue();
    assertThat(e.stable()).isTrue();
    assertThat(Math.abs(e.omega())).as("detuned dots pull the frequency").isGreaterThan(1e-3);

    // Independent of the rotating-frame equations: integrate the lab-frame model from the
    // polished state for a few periods and read amplitude and accumulated phase of <b>.
    double period = 2 * Math.PI / Math.abs(e.omega());
    double t = 3 * period;
    RelaxationSettings tight = new RelaxationSettings(1e-10, 1e-12, 1e-12, t, t, false);
    Relaxation rel = new Relaxer(Integrators.bdf(tight), tight).relax(m, e.state());
    double[] y = rel.state();
    int b = m.layout().field("b").offset();
    double phase = Math.atan2(y[b + 1], y[b]);
    double expected = Math.IEEEremainder(e.omega() * t, 2 * Math.PI);
    // BDF2 at rtol 1e-10 over three periods: global error well below 1e-6.
    assertThat(m.fieldAmplitude(y)).isCloseTo(e.bAbs(), offset(1e-6 * e.bAbs()));
    assertThat(Math.IEEEremainder(phase - expected, 2 * Math.PI)).isCloseTo(0.0, offset(1e-6));
  }

  /**
   * TPM_IF_d starts from the lifted CIM_d lasing state (Models.seedModel); that shortcut must reach
   * the state the paper's method — the transient from the lasing initial state — reaches. Sample S7
   * at w_QD = gamma (N = 50, as in Figs. 5-10) is strongly pulled (|omega| = 1.35); both states are Newton-polished, so
   * they agree far below 1e-7 when they are the same state.
   */
  @Test
  void tpmIfDStateFromTheCimDSeedIsTheOneTheTransientReaches() {
    Sample s = SampleGenerator.generate(new SampleSpec(50, 1.0, P.gamma(), 7, 0, 0, P.g()));
    Model m = Models.disperse(ModelKind.TPM_IF_d,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(), s.detunings(), s.couplings()));
    RelaxationSettings rs = RelaxationSettings.rotating();
    PointSolver points = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver());
    Equilibrium seeded = points.solve(m);
    Equilibrium viaTransient = points.solveFrom(m, PointSolver.lasingInitialState(m)).equilibrium();
    assertThat(Models.seedModel(m)).isPresent();
    assertThat(seeded.lasing()).isTrue();
    assertThat(viaTransient.lasing()).isTrue();
    assertThat(seeded.bAbs()).isCloseTo(viaTransient.bAbs(), offset(SAME_STATE * viaTransient.bAbs()));
    assertThat(seeded.omega()).isCloseTo(viaTransient.omega(), offset(SAME_STATE * Math.abs(viaTransient.omega())));
  }

  /** Two Newton-polished (residual ~1e-12) copies of one state differ far below this; distinct states far above. */
  static final double SAME_STATE = 1e-7;

  @Test
  void zeroWidthSampleGivesTheIdenticalDotLasingState() {
    Model m = cimD(50, 0.0, 1);
    RelaxationSettings rs = RelaxationSettings.rotating();
    Equilibrium d = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
    RelaxationSettings rs0 = RelaxationSettings.defaults();
    Equilibrium i = new PointSolver(new Relaxer(Integrators.bdf(rs0), rs0), new EquilibriumSolver()).solve(new CimModel(P));
    // Both Newton-polished to rounding: the reduction is exact.
    assertThat(d.bAbs()).isCloseTo(i.bAbs(), offset(1e-9 * i.bAbs()));
    assertThat(d.photons()).isCloseTo(i.photons(), offset(1e-9 * i.photons()));
    assertThat(d.omega()).isCloseTo(0.0, offset(1e-9));
    assertThat(d.activation()).hasSize(50);
  }

  @Test
  void thresholdOfDetunedDotsIsAHopfToARotatingStateAndReducesToTheCimFormula() {
    RelaxationSettings rs = RelaxationSettings.rotating();
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver points = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver);
    ThresholdFinder finder = new ThresholdFinder(points, solver);

    // Zero width: the analytic CIM threshold with N = 30.
    Threshold zero = finder.find(cimD(30, 0.0, 1));
    double cc = 0.5 * (1 + P.gamma() * P.gammaC() / (30 * P.g() * P.g()));
    double rTh = cc * (1 + 2 * P.g() * P.g() / P.gammaC()) / (1 - cc);
    assertThat(zero.kind()).isEqualTo("pitchfork");
    assertThat(zero.pump()).isCloseTo(rTh, offset(ThresholdFinder.THRESHOLD_RELATIVE_ACCURACY * 10 * rTh));

    // Detuned dots: a rotating state is born; it lases just above and not below.
    Model m = cimD(30, 0.5, 3);
    Threshold th = finder.find(m);
    assertThat(th.kind()).isEqualTo("hopf");
    assertThat(th.frequency()).isGreaterThan(1e-3);
    assertThat(th.pump()).as("detuning raises the threshold").isGreaterThan(rTh);
    Equilibrium above = points.solve(m.withPump(th.pump() * 1.05));
    assertThat(above.lasing()).isTrue();
    assertThat(Math.abs(above.omega())).as("the lasing state rotates near the critical frequency")
        .isCloseTo(th.frequency(), offset(0.05 * th.frequency()));
    assertThat(points.solve(m.withPump(th.pump() * 0.95)).lasing()).isFalse();
  }
}
