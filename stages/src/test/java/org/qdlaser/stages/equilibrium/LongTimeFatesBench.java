package org.qdlaser.stages.equilibrium;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.qdlaser.stages.fitting.PaperReading;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * Verification run of ci/bench-fates (not a test): the long-time fate ({@link LongTimeFate}) of
 * TPM_d samples at r = 2e14 s^-1, Table I otherwise, from {@link PointSolver}'s start (the lifted
 * TPM_IF_d lasing state), and the paper's App. A reading (Eq. (A2) over five growing windows) of the
 * first {@link #PAPER_TIME} time units of the same transient. One markdown row per sample.
 *
 * <p>Usage: {@code LongTimeFatesBench LIMIT CASE...}, each CASE {@code N:W:SEED:TAIL} (W in units
 * of gamma; TAIL as the manifests' sample.tail, 0 for none).
 */
public final class LongTimeFatesBench {
  private LongTimeFatesBench() {}

  /** The paper's shortest TPM^(d) integration (App. A: "at least 100 time units"). */
  static final double PAPER_TIME = PaperProcedure.Settings.DEFAULT_DURATION;

  static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  public static void main(String[] a) {
    double limit = Double.parseDouble(a[0]);
    System.out.println("| sample | N | w_QD | fate | after (1/gamma_nr) | \\|b\\| | omega | photons | details"
        + " | paper reading (App. A, first 100 units): \\|b(100)\\|; a_inf, omega_inf with spreads | Newton attempts | steps | RHS"
        + " | Jacobians | factorisations | wall (s) | CPU (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int k = 1; k < a.length; k++) {
      String[] c = a[k].split(":");
      int n = Integer.parseInt(c[0]);
      double w = Double.parseDouble(c[1]);
      long seed = Long.parseLong(c[2]);
      int tail = Integer.parseInt(c[3]);
      run(n, w, seed, tail, limit);
    }
  }

  static void run(int n, double w, long seed, int tail, double limit) {
    LaserParameters p = LaserParameters.tableI().withN(n);
    Sample s = SampleGenerator.generate(new SampleSpec(n, w, p.gamma(), seed, tail, 0, p.g()));
    Model m = Models.disperse(ModelKind.TPM_d, new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(),
        p.mu(), p.r(), s.detunings(), s.couplings()));
    long c0 = MX.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    RelaxationSettings rs = RelaxationSettings.rotating();
    PointSolver.Start start = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).start(m);
    LongTimeFate.Result f = new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(limit))
        .follow(m, start.state(), start.omega());
    Equilibrium e = f.equilibrium();
    String details;
    if (e.selfPulsing() != null) {
      SelfPulsing sp = e.selfPulsing();
      details = String.format(Locale.ROOT, "period %.4f, mean photons %.2f, |b| in [%.3f, %.3f], %d cycles from t = %.1f",
          sp.period(), sp.meanPhotons(), sp.bAbsMin(), sp.bAbsMax(), sp.cycles(), sp.from());
    } else if (e.unsettled() != null) {
      Unsettled u = e.unsettled();
      details = String.format(Locale.ROOT, "d ln|b|/dt = %.3e over [%.0f, %.0f]", u.driftRate(), u.driftWindowStart(),
          u.time());
    } else {
      details = String.format(Locale.ROOT, "stable %s, rightmost eigenvalue %.3e, residual %.1e", e.stable(),
          e.rightmostEigenvalue(), e.residual());
    }
    String paper;
    IntegratorStats extra = null;
    PaperReading r;
    double b100;
    if (f.time() >= PAPER_TIME) {
      r = PaperProcedure.reading(f.record(), PAPER_TIME, PaperProcedure.Settings.DEFAULT_WINDOWS);
      b100 = f.record().bAbsAt(PAPER_TIME);
    } else { // the fate came first: the paper's reading needs its own 100 units
      PaperProcedure.Result pr = new PaperProcedure(PaperProcedure.Settings.defaults()).read(m, start);
      r = pr.reading();
      extra = pr.work();
      b100 = pr.bAbsEnd();
    }
    paper = String.format(Locale.ROOT, "\\|b(100)\\| = %.3f; %.3f +- %.3f (%s), %.5f +- %.1e (%s)", b100, r.aInf(), r.aInfSpread(),
        r.aInfResolved() ? "decay resolved" : "decay not resolved", r.omegaInf(), r.omegaInfSpread(),
        r.omegaConverged() ? "3 digits" : "not 3 digits");
    IntegratorStats st = f.work();
    System.out.printf(Locale.ROOT, "| S%d%s | %d | %s | %s | %.1f | %.4f | %.5f | %.2f | %s | %s | %d | %d | %d | %d | %d | %.0f | %.0f |%n",
        seed, tail > 0 ? " (tail " + tail + ")" : "", n, fmt(w), e.verdict().jsonName(), f.time(), e.bAbs(), e.omega(),
        e.photons(), details, paper + (extra == null ? "" : "; own 100 units: " + extra.steps() + " steps"),
        f.newtonAttempts(), st.steps(), st.rhsEvaluations(), st.jacobianEvaluations(), st.factorizations(),
        (System.nanoTime() - w0) / 1e9, (MX.getCurrentThreadCpuTime() - c0) / 1e9);
    System.out.flush();
  }

  static String fmt(double w) {
    return (w == Math.rint(w) ? String.valueOf((int) w) : String.valueOf(w)) + " gamma";
  }
}
