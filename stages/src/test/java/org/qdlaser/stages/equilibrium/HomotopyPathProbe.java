package org.qdlaser.stages.equilibrium;

import java.util.Locale;
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

/**
 * Verification run (not a test): the homotopy at fixed |b| of a TPM_d sample from mu = 1 ({@link
 * AmplitudeHomotopy}), printing the traced path in (mu, r) and the branch points visited at the target.
 * Usage: {@code HomotopyPathProbe N W SEED}.
 */
public final class HomotopyPathProbe {
  private HomotopyPathProbe() {}

  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]);
    double w = Double.parseDouble(a[1]);
    long seed = Long.parseLong(a[2]);
    LaserParameters p = LaserParameters.tableI().withN(n);
    Sample s = SampleGenerator.generate(new SampleSpec(n, w, p.gamma(), seed, 0, 0, p.g()));
    Model m = Models.disperse(ModelKind.TPM_d, new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(),
        p.mu(), p.r(), s.detunings(), s.couplings()));
    long c0 = ThresholdHomotopyBench.cpu();
    RelaxationSettings rs = RelaxationSettings.rotating();
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver ps = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver);
    ThresholdStart start = new ThresholdStart(ps, new EquilibriumSolver(ThresholdFinder.branchNewton()),
        ThresholdStart.SHORT_TRANSIENT);
    var found = start.find(m, new double[] {m.pump()});
    start.tried().forEach(t -> System.out.println("tried: " + t));
    System.out.printf(Locale.ROOT, "S%d: %s, CPU %.1f s%n", seed,
        found.map(f -> "stable at r = " + f.pump() + ", |b| = " + f.bAbs()).orElse("none"),
        (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }
}
