package org.qdlaser.stages.equilibrium;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.qdlaser.stages.integration.CoRotatingTransient;
import org.qdlaser.stages.integration.FieldRecord;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.physics.Model;

/**
 * Verification run (not a test; issue 13, branch s2g): the long-time transient of a TPM_d sample at the
 * paper's pump in the co-rotating frame, as {@link LongTimeFate} integrates it (the same start, tolerances
 * and frame; checkpoints 4, 8, 16, ..., no Newton attempts and no App. A criterion stop, so the windows
 * match the fate's while nothing stopped it), with, at the times ANALYSE, what the fate does not report:
 * Newton from the transient's state with 50 iterations (the fate's attempts have 15), both as the default
 * max|F|-damped iteration and with Deuflhard's natural monotonicity test ({@link NewtonSettings#chordSteps});
 * the rightmost eigenvalue of the rotating-frame Jacobian at the transient's state (phase mode removed: the
 * local linearisation, not a steady state's verdict); and the lasing branch at the state's |b| with the pump
 * free ({@link AmplitudeBranch#solve}): the steady state nearest the transient at that amplitude, and the pump
 * it needs. Each analysed state is written to STATE_DIR as {@code t<T>.bin} (doubles: t, omega, state) for
 * {@link BranchFromStateProbe}. Usage: {@code FateStatesProbe LIMIT STATE_DIR T1,T2,... [N W SEED]}; system properties
 * {@code s2g.every} (extra printed stops every so many units; they end the integrator's windows there, a change at
 * the tolerance's level), {@code s2g.rtol} (the integrator's rtol, atol scaled with it; default the fate's 1e-6) and
 * {@code s2g.from} (a written state to start from instead of the fate's start; times then count from its t).
 */
public final class FateStatesProbe {
  private FateStatesProbe() {}

  public static void main(String[] a) throws IOException {
    double limit = Double.parseDouble(a[0]);
    Path dir = Path.of(a[1]);
    TreeSet<Double> analyse = new TreeSet<>();
    Arrays.stream(a[2].split(",")).map(Double::parseDouble).forEach(analyse::add);
    int n = a.length > 3 ? Integer.parseInt(a[3]) : 50;
    double w = a.length > 4 ? Double.parseDouble(a[4]) : 1;
    long seed = a.length > 5 ? Long.parseLong(a[5]) : 2;
    Model m = ThresholdHomotopyBench.tpmD(n, w, seed);
    long c0 = ThresholdHomotopyBench.cpu();
    String from = System.getProperty("s2g.from");
    double[] saved = from == null ? null : read(Path.of(from));
    PointSolver.Start start = from != null ? null : ThresholdHomotopyBench.rotatingPointSolver(new EquilibriumSolver()).start(m);
    double t0 = from == null ? 0 : saved[0];
    LongTimeFate.Settings fs = LongTimeFate.Settings.defaults();
    double rtol = Double.parseDouble(System.getProperty("s2g.rtol", String.valueOf(fs.rtol())));
    double atol = fs.atol() * rtol / fs.rtol();
    CoRotatingTransient tr = new CoRotatingTransient(
        BdfSettings.of(rtol, atol).withMaxOrder(Integrators.LASER_MAX_ORDER), m,
        from == null ? start.state() : Arrays.copyOfRange(saved, 2, saved.length), from == null ? start.omega() : saved[1], fs.frame());
    TreeSet<Double> stops = new TreeSet<>(analyse);
    for (double c = fs.firstCheckpoint(); from == null && c < limit; c *= 2) {
      stops.add(c);
    }
    stops.add(limit);
    double every = Double.parseDouble(System.getProperty("s2g.every", "0"));
    for (double c = t0 + every; every > 0 && c < limit; c += every) {
      stops.add(c);
    }
    double prev = 0;
    for (double t : stops) {
      if (t > limit) {
        break;
      }
      if (t <= t0) {
        continue;
      }
      tr.advance(t - t0, (tt, y, yd) -> false);
      double[] z = tr.state();
      FieldRecord rec = tr.record();
      double b = m.fieldAmplitude(z);
      System.out.printf(Locale.ROOT, "t = %9.1f  |b| = %.5f  omega = %.7f  d ln|b|/dt = %+.4e over [%.0f, %.0f]  <b+b> = %.6e  <b+b> - |b|^2 = %+.4e"
          + "  mean <c+c> = %.6f  |<bb>| = %.4e  steps %d  windows %d  CPU %.1f s%n",
          t0 + tr.time(), b, tr.omega(), rec.driftRate(prev + 0.5 * (tr.time() - prev), tr.time()), t0 + prev + 0.5 * (tr.time() - prev),
          t0 + tr.time(), m.photons(z), m.photons(z) - b * b, m.upperPopulationMean(z), m.bbAmplitude(z), tr.stats().steps(), tr.windows(),
          (ThresholdHomotopyBench.cpu() - c0) / 1e9);
      System.out.flush();
      prev = tr.time();
      if (analyse.contains(t)) {
        write(dir.resolve(String.format(Locale.ROOT, "t%.0f.bin", t)), t0 + tr.time(), tr.omega(), z);
        analyse(m, z, tr.omega(), c0);
      }
    }
  }

  static void write(Path p, double t, double omega, double[] z) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate((z.length + 2) * Double.BYTES);
    bb.putDouble(t).putDouble(omega);
    for (double v : z) {
      bb.putDouble(v);
    }
    Files.createDirectories(p.getParent());
    Files.write(p, bb.array());
  }

  /** t, omega, state from a file of {@link #write}. */
  static double[] read(Path p) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p));
    double[] out = new double[bb.capacity() / Double.BYTES];
    for (int i = 0; i < out.length; i++) {
      out[i] = bb.getDouble();
    }
    return out;
  }

  /** Newton (two globalisations), the local spectrum and the branch at this |b| from a transient's state. */
  static void analyse(Model m, double[] z, double omega, long c0) {
    int n = m.dimension();
    double[] x0 = Arrays.copyOf(RotatingFrame.gauge(m.layout(), z), n + 1);
    x0[n] = omega;
    RotatingFrame rf = new RotatingFrame(m);
    double[] f = new double[n + 1];
    rf.residual(x0, f);
    System.out.printf(Locale.ROOT, "  rotating-frame residual at the state: max|F| = %.3e%n", maxAbs(f));
    NewtonSettings d = NewtonSettings.defaults();
    for (boolean deuflhard : new boolean[] {false, true}) {
      long c = ThresholdHomotopyBench.cpu();
      NewtonResult r = new NewtonSolver(new NewtonSettings(d.stepTolerance(), d.scaleFloor(), 50).withChordSteps(deuflhard)).solve(rf, x0);
      double[] s = Arrays.copyOf(r.x(), n);
      System.out.printf(Locale.ROOT, "  Newton (%s, 50 iterations): %s after %d, max|F| %.3e, |b| %.5f, omega %.7f, max rel change %.3e (%.1f CPU-s)%n",
          deuflhard ? "natural monotonicity" : "max|F| damping", r.converged() ? "converged" : "failed", r.iterations(), r.residualNorm(),
          m.fieldAmplitude(s), r.x()[n], maxRel(r.x(), x0), (ThresholdHomotopyBench.cpu() - c) / 1e9);
      if (r.converged() && m.fieldAmplitude(s) > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        System.out.println("    its spectrum: " + spectrum(m, s, r.x()[n]));
      }
    }
    System.out.println("  spectrum at the transient's state (not a steady state): " + spectrum(m, x0, omega));
    AmplitudeBranch br = new AmplitudeBranch(m, new NewtonSolver(new NewtonSettings(d.stepTolerance(), d.scaleFloor(), 50)));
    double[] g = Arrays.copyOf(x0, n + 2);
    g[n + 1] = m.pump();
    long c = ThresholdHomotopyBench.cpu();
    double amp = m.fieldAmplitude(z);
    var p = br.solve(amp, new AmplitudeBranch.Point(g));
    System.out.printf(Locale.ROOT, "  branch at |b| = %.5f, pump free (%d iterations, %.1f CPU-s): %s%n", amp, br.lastIterations(),
        (ThresholdHomotopyBench.cpu() - c) / 1e9, p.map(q -> String.format(Locale.ROOT, "r = %.7e s^-1, omega %.7f; %s",
            q.pump() * 1e9, q.omega(), spectrum(m.withPump(q.pump()), q.state(), q.omega()))).orElse("Newton failed"));
    System.out.printf(Locale.ROOT, "  (analysis done, CPU %.1f s)%n", (ThresholdHomotopyBench.cpu() - c0) / 1e9);
    System.out.flush();
  }

  static String spectrum(Model m, double[] s, double omega) {
    StabilityAnalyzer.Spectrum sp = StabilityAnalyzer.analyse(m, Arrays.copyOf(s, m.dimension()), omega, true);
    return String.format(Locale.ROOT, "rightmost eigenvalue %+.4e %+.4ei (margin %.1e), %s", sp.rightmostReal(), sp.rightmostImag(),
        sp.margin(), sp.stable() ? "stable" : "unstable");
  }

  static double maxAbs(double[] v) {
    double x = 0;
    for (double e : v) {
      x = Math.max(x, Math.abs(e));
    }
    return x;
  }

  /** Largest change relative to max(|x0_i|, 1e-10) (how far Newton went). */
  static double maxRel(double[] x, double[] x0) {
    double r = 0;
    for (int i = 0; i < x0.length; i++) {
      r = Math.max(r, Math.abs(x[i] - x0[i]) / Math.max(Math.abs(x0[i]), 1e-10));
    }
    return r;
  }
}
