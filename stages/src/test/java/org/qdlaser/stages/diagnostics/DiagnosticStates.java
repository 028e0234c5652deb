package org.qdlaser.stages.diagnostics;

import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/** Lasing states at Table I (N = 50, r = 2e14 s^-1) for the diagnostics tests, solved as `qdlaser point` does. */
final class DiagnosticStates {
  static final LaserParameters P = LaserParameters.tableI();

  private DiagnosticStates() {}

  /** A polydisperse model of Table I with sample (w_QD, seed, tail). */
  static Model disperse(ModelKind kind, double width, long seed, int tail) {
    Sample s = SampleGenerator.generate(new SampleSpec(P.n(), width, P.gamma(), seed, tail, 0, P.g()));
    return Models.disperse(kind,
        new DisperseParameters(P.gamma(), P.gammaC(), P.gammaNl(), P.gammaNr(), P.mu(), P.r(), s.detunings(), s.couplings()));
  }

  static Equilibrium solve(Model m) {
    RelaxationSettings rs = RelaxationSettings.rotating();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).solve(m);
  }
}
