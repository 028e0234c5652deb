package org.qdlaser.stages.integration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.LongTimeFate;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
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
 * Benchmark of ci/bench-corotating (not a test): the same TPM_d transient (Table I, N dots, sample
 * w_QD and seed, r = 2e14 s^-1, from PointSolver's start) in the lab frame and in the co-rotating
 * frame, side by side in one JVM, printed as markdown rows.
 *
 * <p>Usage: {@code CoRotatingBench N W SEED LAB_TIME T1 [T2 ...]}: the lab frame and the co-rotating
 * frame to LAB_TIME (both at rtol 1e-6, and the co-rotating one at 1e-8 as the reference), then the
 * co-rotating frame alone to each T (one integration, timed at each T) and the long-time fate.
 */
public final class CoRotatingBench {
  private CoRotatingBench() {}

  static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]);
    double w = Double.parseDouble(a[1]);
    long seed = Long.parseLong(a[2]);
    double labTime = Double.parseDouble(a[3]);
    LaserParameters p = LaserParameters.tableI().withN(n);
    Sample s = SampleGenerator.generate(new SampleSpec(n, w, p.gamma(), seed, 0, 0, p.g()));
    Model m = Models.disperse(ModelKind.TPM_d, DisperseParameters.withDetunings(p, s.detunings()));
    RelaxationSettings rs = RelaxationSettings.rotating();
    long c0 = MX.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    PointSolver.Start start = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver()).start(m);
    System.out.printf(Locale.ROOT, "Start (lifted TPM_IF_d state, seeded %s): |b| = %.5f, omega = %.6f; %.1f s wall, %.1f s CPU%n%n",
        start.seeded(), m.fieldAmplitude(start.state()), start.omega(), (System.nanoTime() - w0) / 1e9,
        (MX.getCurrentThreadCpuTime() - c0) / 1e9);
    System.out.println("| frame | rtol | t | \\|b\\| | omega | photons | steps | RHS evaluations | Jacobians | factorisations | wall (s) | CPU (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    double[][] rot = new double[2][];
    for (int i = 0; i < 2; i++) {
      double rtol = i == 0 ? 1e-6 : 1e-8;
      c0 = MX.getCurrentThreadCpuTime();
      w0 = System.nanoTime();
      CoRotatingTransient c = coRotating(m, start, rtol);
      c.advance(labTime, StopCondition.NEVER);
      rot[i] = c.labState();
      row("co-rotating", rtol, m, rot[i], c.time(), c.stats(), w0, c0);
    }
    c0 = MX.getCurrentThreadCpuTime();
    w0 = System.nanoTime();
    BdfIntegrator lab = bdf(1e-6);
    IntegrationResult res = lab.integrate(m, 0.0, start.state(), labTime, StepObserver.NONE, StopCondition.NEVER);
    row("lab", 1e-6, m, res.y(), res.t(), res.stats(), w0, c0);
    agreement(m, rot[0], rot[1], res.y(), labTime);

    c0 = MX.getCurrentThreadCpuTime();
    w0 = System.nanoTime();
    CoRotatingTransient c = coRotating(m, start, 1e-6);
    for (int k = 4; k < a.length; k++) {
      c.advance(Double.parseDouble(a[k]), StopCondition.NEVER);
      row("co-rotating", 1e-6, m, c.labState(), c.time(), c.stats(), w0, c0);
    }
    c0 = MX.getCurrentThreadCpuTime();
    w0 = System.nanoTime();
    LongTimeFate.Result f = new LongTimeFate(LongTimeFate.Settings.defaults()).follow(m, start.state(), start.omega());
    System.out.printf(Locale.ROOT, "%nLong-time fate (limit %.0f): %s after %.1f time units, |b| = %.5f, %s, %d windows,"
        + " %d Newton attempts; %.1f s wall, %.1f s CPU%n", LongTimeFate.Settings.DEFAULT_LONG_TIME_LIMIT,
        f.verdict().jsonName(), f.time(), f.equilibrium().bAbs(), f.work(), f.windows(), f.newtonAttempts(),
        (System.nanoTime() - w0) / 1e9, (MX.getCurrentThreadCpuTime() - c0) / 1e9);
  }

  /**
   * The check of CoRotatingLabFrameTest at N = 50 (too slow for the unit suite: ~3 min of lab frame):
   * the lab frame (rtol 1e-6) against the co-rotating frame at t, within the lab frame's measured
   * global error, and the co-rotating frame at 1e-6 against 1e-8; printed with PASS or FAIL.
   */
  static void agreement(Model m, double[] rot6, double[] rot8, double[] lab, double t) {
    double[] f = new double[lab.length];
    m.rhs(0, rot6, f);
    double b = m.fieldAmplitude(rot6);
    double n = m.photons(rot6);
    double w = EquilibriumSolver.frequencyEstimate(m, rot6, f);
    m.rhs(0, lab, f);
    double wLab = EquilibriumSolver.frequencyEstimate(m, lab, f);
    System.out.printf(Locale.ROOT, "%nAgreement at t = %.1f (tolerances of CoRotatingLabFrameTest):%n", t);
    check("|b| lab vs co-rotating", Math.abs(m.fieldAmplitude(lab) - b) / b, CoRotatingLabFrameTest.LAB_AMPLITUDE);
    check("photons lab vs co-rotating", Math.abs(m.photons(lab) - n) / n, CoRotatingLabFrameTest.LAB_PHOTONS);
    check("omega lab vs co-rotating", Math.abs(wLab - w) / Math.abs(w), CoRotatingLabFrameTest.LAB_OMEGA);
    check("|b| co-rotating rtol 1e-6 vs 1e-8", Math.abs(m.fieldAmplitude(rot8) - b) / b,
        CoRotatingLabFrameTest.CO_ROTATING_CONVERGED);
  }

  static void check(String what, double relative, double tolerance) {
    System.out.printf(Locale.ROOT, "- %s: relative difference %.2e, tolerance %.0e: %s%n", what, relative, tolerance,
        relative <= tolerance ? "PASS" : "FAIL");
  }

  static BdfIntegrator bdf(double rtol) {
    return new BdfIntegrator(bdfSettings(rtol));
  }

  static BdfSettings bdfSettings(double rtol) {
    return BdfSettings.of(rtol, rtol * 1e-2).withMaxOrder(Integrators.LASER_MAX_ORDER);
  }

  static CoRotatingTransient coRotating(Model m, PointSolver.Start start, double rtol) {
    return new CoRotatingTransient(bdfSettings(rtol), m, start.state(), start.omega(), CoRotatingTransient.Settings.defaults());
  }

  static void row(String frame, double rtol, Model m, double[] y, double t, IntegratorStats st, long w0, long c0) {
    double[] f = new double[y.length];
    m.rhs(0.0, y, f);
    System.out.printf(Locale.ROOT, "| %s | %.0e | %.1f | %.6f | %.7f | %.3f | %d | %d | %d | %d | %.1f | %.1f |%n", frame, rtol,
        t, m.fieldAmplitude(y), EquilibriumSolver.frequencyEstimate(m, y, f), m.photons(y), st.steps(),
        st.rhsEvaluations(), st.jacobianEvaluations(), st.factorizations(), (System.nanoTime() - w0) / 1e9,
        (MX.getCurrentThreadCpuTime() - c0) / 1e9);
  }
}
