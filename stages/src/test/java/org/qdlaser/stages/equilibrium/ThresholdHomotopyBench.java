package org.qdlaser.stages.equilibrium;

import java.lang.management.ManagementFactory;
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
 * Verification run of ci/bench-thresholds (not a test): {@code qdlaser threshold --model TPM_d}'s search
 * ({@link ThresholdFinder#find}) on Gaussian TPM_d samples, Table I otherwise; one markdown row per
 * sample with the process CPU time. Usage: {@code ThresholdHomotopyBench N W SEED...}.
 */
public final class ThresholdHomotopyBench {
  private ThresholdHomotopyBench() {}

  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]);
    double w = Double.parseDouble(a[1]);
    System.out.println("| sample | N | w_QD | threshold (s^-1) | kind | \\|b\\| there | omega | CPU (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int k = 2; k < a.length; k++) {
      long seed = Long.parseLong(a[k]);
      LaserParameters p = LaserParameters.tableI().withN(n);
      Model m = tpmD(n, w, seed);
      long c0 = cpu();
      EquilibriumSolver solver = new EquilibriumSolver();
      PointSolver ps = rotatingPointSolver(solver);
      String row;
      try {
        Threshold t = new ThresholdFinder(ps, solver).find(m);
        row = String.format(Locale.ROOT, "%.5e | %s | %.2f | %.5f", t.pump() * p.gammaNr() * 1e9, t.kind(), t.bAbs(),
            t.frequency());
      } catch (EquilibriumException e) {
        row = "none | " + e.getMessage().replace('|', '/') + " | | ";
      }
      System.out.printf(Locale.ROOT, "| S%d | %d | %s | %s | %.1f |%n", seed, n, w, row, (cpu() - c0) / 1e9);
    }
  }

  /**
   * TPM_d with a Gaussian sample of N dots of width w (units of gamma) and the given seed, Table I otherwise;
   * with the system property {@code qdlaser.tail} = K the sample has App. F's tail of 2K dots at +-gamma .. +-K gamma
   * (Fig. 8's core + tail S3: K = 5, the weekly's TPM_d_w1_S3_t5).
   */
  static Model tpmD(int n, double w, long seed) {
    LaserParameters p = LaserParameters.tableI().withN(n);
    Sample s = SampleGenerator.generate(new SampleSpec(n, w, p.gamma(), seed, Integer.getInteger("qdlaser.tail", 0), 0, p.g()));
    return Models.disperse(ModelKind.TPM_d, new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(),
        p.mu(), p.r(), s.detunings(), s.couplings()));
  }

  /** The point solver of the threshold search: BDF relaxation in the rotating settings, then the given Newton. */
  static PointSolver rotatingPointSolver(EquilibriumSolver solver) {
    RelaxationSettings rs = RelaxationSettings.rotating();
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver);
  }

  /** ThresholdStart as the threshold search builds it (short transient, branch Newton). */
  static ThresholdStart thresholdStart() {
    return new ThresholdStart(rotatingPointSolver(new EquilibriumSolver()),
        new EquilibriumSolver(ThresholdFinder.branchNewton()), ThresholdStart.SHORT_TRANSIENT);
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
