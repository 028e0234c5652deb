package org.qdlaser.stages.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.fitting.OscillationFit;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/** Fig. 11's computation on a small CIM_d: the lab-frame field rotates at the Newton omega. */
class FieldTraceTest {
  /** BDF at rtol 1e-10 over a few periods: phase and modulus errors well below 1e-6 (cf. DisperseLasingStateTest). */
  static final double INTEGRATION_TOLERANCE = 1e-6;

  @Test
  void labFrameFieldFromTheNewtonStateRotatesAtOmegaWithConstantModulus() {
    LaserParameters p = LaserParameters.tableI();
    Sample s = SampleGenerator.generate(new SampleSpec(40, 0.5, p.gamma(), 3, 0, 0, p.g()));
    Model m = Models.disperse(ModelKind.CIM_d,
        new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), s.detunings(), s.couplings()));
    RelaxationSettings rs = RelaxationSettings.rotating();
    Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
    assertThat(e.lasing()).isTrue();
    double window = 3 * 2 * Math.PI / Math.abs(e.omega());
    RelaxationSettings tight = new RelaxationSettings(1e-10, 1e-12, 1e-12, window, window, false);
    FieldTrace tr = FieldTrace.record(Integrators.bdf(tight), m, e.state(), window);
    assertThat(tr.time()[0]).isZero();
    assertThat(tr.time()[tr.time().length - 1]).isCloseTo(window, within(1e-9 * window));
    OscillationFit f = OscillationFit.fit(tr.time(), tr.re(), tr.im());
    assertThat(f.periods()).isCloseTo(3.0, within(1e-3));
    assertThat(f.angularFrequency()).isCloseTo(e.omega(), within(INTEGRATION_TOLERANCE * Math.abs(e.omega())));
    assertThat(f.modulusRelativeSpread()).isLessThan(INTEGRATION_TOLERANCE);
    assertThat(f.modulusMean()).isCloseTo(e.bAbs(), within(INTEGRATION_TOLERANCE * e.bAbs()));
  }
}
