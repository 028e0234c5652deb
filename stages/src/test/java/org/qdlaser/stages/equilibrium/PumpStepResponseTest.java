package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.PumpStep;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;

/** The linear pump-step response (PumpStepResponse) against integrated transients. */
class PumpStepResponseTest {
  @Test
  void meanRelaxationTimeOfThePhotonNumberIsTheTransientsIntegral() {
    // Class-B-like CIM (RelaxationTimeDomainTest.CLASS_B): the photon number relaxes with a visible
    // oscillation after a pump step of 1e-3; the integral of its deviation over the start deviation,
    // trapezoidal on 2e4 samples to t = 0.2 (the slowest mode, -141.5, has decayed by e^-28).
    LaserParameters p = RelaxationTimeDomainTest.CLASS_B;
    Model after = new CimModel(p);
    RelaxationSettings rs = RelaxationSettings.defaults();
    EquilibriumSolver solver = new EquilibriumSolver();
    Equilibrium e2 = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver).solve(after);
    PumpStepResponse resp = new PumpStepResponse(after, e2.state(), e2.omega(), e2.lasing());
    double tau = resp.meanRelaxationTime(PumpStepResponse.photonGradient(after));
    double step = 1e-3;
    Equilibrium e1 = solver.polishLasing(after.withPump(p.r() * (1 - step)), e2.state(), e2.omega()).orElseThrow();
    PumpStep.Transient tr = PumpStep.integrate(after, e2.state(), e2.omega(), e1.state(), 0.2, 20001);
    double[] t = tr.time();
    double[] n = tr.photons();
    double integral = 0;
    for (int i = 1; i < t.length; i++) {
      integral += 0.5 * (t[i] - t[i - 1]) * (n[i] + n[i - 1] - 2 * e2.photons());
    }
    double dev0 = n[0] - e2.photons();
    // the start deviation is the linear one to O(step): measured 5e-4
    assertThat(dev0).isCloseTo(-step * p.r() * resp.steadyDerivative(PumpStepResponse.photonGradient(after)),
        within(2 * step * Math.abs(dev0)));
    // measured 1.2098e-4 against 1.2103e-4 (4e-4: first order in the step)
    assertThat(integral / dev0).isCloseTo(tau, within(2 * step * tau));
    // the CIM's lasing population is clamped at threshold: no relaxation time
    assertThat(resp.meanRelaxationTime(PumpStepResponse.populationGradient(after))).isNaN();
  }
}
