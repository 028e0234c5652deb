package org.qdlaser.stages.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * The same transient integrated in the lab frame and in the co-rotating frame agrees at t = 28
 * (issue 13) on real models: TPM_IF^(d) N = 50 and TPM^(d) N = 10 (N = 50: ci/bench-corotating).
 *
 * <p>The accuracy that decides the tolerance is the lab frame's. BDF2 resolves the rotation there
 * with a global error in |b| that grows like ~C rtol with C ~ 600 (TPM_IF_d N = 50: |b| = 266.50007
 * at rtol 1e-6, 266.66706 at 1e-8, against 266.66918 co-rotating at both) to ~2,600 (TPM_d N = 10:
 * 402.258 at 1e-6, 403.124 at 1e-7, against 403.29884 co-rotating; BDF of order <= 5 in the lab frame
 * at 1e-7: 403.30069), measured 2026-12-05 (docs/decisions.md). The co-rotating result changes by
 * ~1e-6 relative (the phase-invariant weights; 4e-8 before) from rtol 1e-6 to 1e-8: its steps follow the slow envelope only.
 */
class CoRotatingLabFrameTest {
  static final double T = 28.0;
  static final double RTOL = 1e-6;
  /** Lab-frame BDF2 global error in |b| at t = 28, relative, at rtol 1e-6 (measured <= 2.6e-3). */
  static final double LAB_AMPLITUDE = 4e-3;
  /** The same for the photon number (measured <= 9e-7) and the frequency (measured <= 8e-6). */
  static final double LAB_PHOTONS = 1e-5;
  static final double LAB_OMEGA = 3e-5;
  /**
   * Co-rotating results at rtol 1e-6 against rtol 1e-8: a few rtol, as for any rtol-controlled
   * integration (measured 1.2e-6 relative in |b| at TPM_d N = 10, t = 28, with the phase-invariant
   * error weights; 4e-8 before them, when the gauged imaginary parts were held to atol alone).
   */
  static final double CO_ROTATING_CONVERGED = 1e-5;

  static final LaserParameters P = LaserParameters.tableI();

  static Model sample(ModelKind kind, int n, double couplingFactor, double pump) {
    Sample s = SampleGenerator.generate(new SampleSpec(n, 1.0, P.gamma(), 3, 0, 0, P.g()));
    double[] g = Arrays.stream(s.couplings()).map(c -> couplingFactor * c).toArray();
    return Models.disperse(kind, new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), pump,
        s.detunings(), g));
  }

  /** Table I, S3 at w_QD = gamma, from the lifted CIM_d lasing state (PointSolver's start). */
  @Test
  void tpmIfDisperseN50() {
    assertFramesAgree(sample(ModelKind.TPM_IF_d, 50, 1.0, P.r()));
  }

  /** 10 dots of S3 at w_QD = gamma with three times the coupling at 1e15 s^-1 (they lase; as DisperseLasingStateTest). */
  @Test
  void tpmDisperseN10() {
    assertFramesAgree(sample(ModelKind.TPM_d, 10, 3.0, 1e6));
  }

  static void assertFramesAgree(Model m) {
    RelaxationSettings rs = RelaxationSettings.rotating();
    PointSolver.Start start = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).start(m);

    CoRotatingTransient rot = coRotating(m, start, RTOL);
    double[] y = rot.labState();
    double[] f = new double[y.length];
    m.rhs(0, y, f);
    double bRot = m.fieldAmplitude(y);
    double photonsRot = m.photons(y);
    double omegaRot = EquilibriumSolver.frequencyEstimate(m, y, f);

    double[] y8 = coRotating(m, start, 1e-8).labState();
    assertThat(m.fieldAmplitude(y8)).isCloseTo(bRot, offset(CO_ROTATING_CONVERGED * bRot));

    BdfIntegrator lab = new BdfIntegrator(BdfSettings.of(RTOL, RTOL * 1e-2).withMaxOrder(Integrators.LASER_MAX_ORDER));
    IntegrationResult res = lab.integrate(m, 0.0, start.state(), T, StepObserver.NONE, StopCondition.NEVER);
    double[] z = res.y();
    m.rhs(0, z, f);
    assertThat(m.fieldAmplitude(z)).isCloseTo(bRot, offset(LAB_AMPLITUDE * bRot));
    assertThat(m.photons(z)).isCloseTo(photonsRot, offset(LAB_PHOTONS * photonsRot));
    assertThat(EquilibriumSolver.frequencyEstimate(m, z, f)).isCloseTo(omegaRot, offset(LAB_OMEGA * Math.abs(omegaRot)));
    // the lab phase of <b> (the rotation accumulated over ~5-18 periods): to the lab frame's phase error
    double phaseLab = Math.atan2(z[bOffset(m) + 1], z[bOffset(m)]);
    double phaseRot = Math.atan2(y[bOffset(m) + 1], y[bOffset(m)]);
    assertThat(Math.IEEEremainder(phaseLab - phaseRot, 2 * Math.PI)).isCloseTo(0.0, offset(LAB_AMPLITUDE));
    // and the co-rotating integration does it in a fraction of the steps
    assertThat(rot.stats().steps()).isLessThan(res.stats().steps() / 5);
  }

  static CoRotatingTransient coRotating(Model m, PointSolver.Start start, double rtol) {
    CoRotatingTransient c = new CoRotatingTransient(
        BdfSettings.of(rtol, rtol * 1e-2).withMaxOrder(Integrators.LASER_MAX_ORDER), m,
        start.state(), start.omega(), CoRotatingTransient.Settings.defaults());
    c.advance(T, StopCondition.NEVER);
    return c;
  }

  static int bOffset(Model m) {
    return m.layout().field("b").offset();
  }
}
