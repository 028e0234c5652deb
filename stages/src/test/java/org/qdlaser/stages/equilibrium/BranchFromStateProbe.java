package org.qdlaser.stages.equilibrium;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;

/**
 * Verification run (not a test; issue 13, branch s2g): the lasing branch through a state that {@link
 * FateStatesProbe} wrote (a long transient's state at the paper's pump). Mode {@code amp}: the branch r(|b|)
 * ({@link AmplitudeBranch}, pump free) solved at the state's |b| from it, then walked in |b| by RATIO per step
 * (RATIO &gt; 1 down, &lt; 1 up) to END, with the rightmost eigenvalue at each point and, where r passes the
 * paper's pump between two points, the crossing bisected in |b|: a steady state at the pump, with its
 * eigenvalue. A failed step, or one that lands on another solution (BranchEigenProbe's jump guard), is retried
 * shorter (square root of the ratio, down to 1.001), then the walk ends (a turn in |b|). Mode {@code pump}: natural continuation in r at fixed pump steps (RATIO per step, to the pump
 * END in s^-1) from the branch point at the state's |b|, rotating-frame Newton at each pump (a turn in |b| is
 * a regular point there). Usage: {@code BranchFromStateProbe STATE_FILE amp|pump RATIO END [N W SEED]}.
 */
public final class BranchFromStateProbe {
  private BranchFromStateProbe() {}

  /** Smallest step ratio tried before the walk ends (as BranchEigenProbe's MIN_RATIO). */
  static final double MIN_RATIO = 1.001;
  /** Relative width in |b| to which a crossing of the pump is bisected. */
  static final double BISECT_RELATIVE = 1e-5;

  public static void main(String[] a) throws IOException {
    double[] file = FateStatesProbe.read(Path.of(a[0]));
    boolean amp = a[1].equals("amp");
    double ratio = Double.parseDouble(a[2]);
    double end = Double.parseDouble(a[3]);
    int n = a.length > 4 ? Integer.parseInt(a[4]) : 50;
    double w = a.length > 5 ? Double.parseDouble(a[5]) : 1;
    long seed = a.length > 6 ? Long.parseLong(a[6]) : 2;
    Model m = ThresholdHomotopyBench.tpmD(n, w, seed);
    long c0 = ThresholdHomotopyBench.cpu();
    int dim = m.dimension();
    double[] z = Arrays.copyOfRange(file, 2, file.length);
    double[] g = Arrays.copyOf(RotatingFrame.gauge(m.layout(), z), dim + 2);
    g[dim] = file[1];
    g[dim + 1] = m.pump();
    NewtonSettings d = NewtonSettings.defaults();
    NewtonSolver newton = new NewtonSolver(new NewtonSettings(d.stepTolerance(), d.scaleFloor(), 50));
    AmplitudeBranch br = new AmplitudeBranch(m, newton);
    double a0 = m.fieldAmplitude(z);
    System.out.printf(Locale.ROOT, "state of t = %.1f: |b| = %.5f, omega %.7f%n", file[0], a0, file[1]);
    Optional<AmplitudeBranch.Point> p0 = br.solveTowards(a0, new AmplitudeBranch.Point(g));
    if (p0.isEmpty()) {
      System.out.println("no branch point at the state's |b| from it");
      return;
    }
    print(m, a0, p0.get(), Double.NaN);
    if (amp) {
      walkAmplitude(m, br, a0, p0.get(), ratio, end);
    } else {
      walkPump(m, p0.get(), ratio, end * 1e-9);
    }
    System.out.printf(Locale.ROOT, "CPU %.1f s%n", (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }

  private static void walkAmplitude(Model m, AmplitudeBranch br, double a0, AmplitudeBranch.Point p0, double ratio, double end) {
    double aPrev = a0;
    AmplitudeBranch.Point prev = p0;
    double step = ratio;
    double lnLast = 0; // the first step may change ln r by JUMP_FLOOR only: start with a small RATIO
    while (ratio > 1 ? aPrev / step >= end : aPrev / step <= end) {
      double a = aPrev / step;
      Optional<AmplitudeBranch.Point> q = br.solve(a, prev);
      if (q.isEmpty()) {
        if (Math.abs(Math.log(step)) <= Math.log(MIN_RATIO)) {
          System.out.printf(Locale.ROOT, "no branch point at |b| = %.5f from the previous one at the shortest step: walk ends%n", a);
          return;
        }
        step = Math.exp(Math.signum(Math.log(step)) * Math.max(Math.log(MIN_RATIO), 0.5 * Math.abs(Math.log(step))));
        System.out.printf(Locale.ROOT, "  |b| = %.5f: Newton failed, step shortened to %.5f%n", a, step);
        continue;
      }
      double lnStep = Math.log(q.get().pump() / prev.pump());
      if (Math.abs(lnStep) > Math.max(BranchEigenProbe.JUMP_FACTOR * Math.abs(lnLast), BranchEigenProbe.JUMP_FLOOR)
          && Math.abs(Math.log(step)) > Math.log(MIN_RATIO)) { // BranchEigenProbe's jump guard: another solution, not the next point
        step = Math.exp(Math.signum(Math.log(step)) * Math.max(Math.log(MIN_RATIO), 0.5 * Math.abs(Math.log(step))));
        System.out.printf(Locale.ROOT, "  |b| = %.5f: r = %.7e s^-1 off the branch (ln r changed by %.3g, the last step by %.3g), step shortened%n",
            a, q.get().pump() * 1e9, lnStep, lnLast);
        continue;
      }
      lnLast = lnStep;
      print(m, a, q.get(), (q.get().pump() - prev.pump()) / (a - aPrev));
      if ((q.get().pump() - m.pump()) * (prev.pump() - m.pump()) < 0) {
        bisectPump(m, br, aPrev, prev, a, q.get());
      }
      aPrev = a;
      prev = q.get();
      step = ratio;
    }
  }

  /** Bisects in |b| where r(|b|) passes the model's pump between two branch points. */
  private static void bisectPump(Model m, AmplitudeBranch br, double a1, AmplitudeBranch.Point p1, double a2, AmplitudeBranch.Point p2) {
    System.out.println("  r passes the pump: bisecting in |b|");
    while (Math.abs(a1 - a2) / a1 > BISECT_RELATIVE) {
      double mid = 0.5 * (a1 + a2);
      Optional<AmplitudeBranch.Point> q = br.solve(mid, p1);
      if (q.isEmpty()) {
        System.out.printf(Locale.ROOT, "  no branch point at |b| = %.6f: bisection stops%n", mid);
        return;
      }
      if ((q.get().pump() - m.pump()) * (p1.pump() - m.pump()) > 0) {
        a1 = mid;
        p1 = q.get();
      } else {
        a2 = mid;
        p2 = q.get();
      }
    }
    AmplitudeBranch.Point near = Math.abs(p1.pump() - m.pump()) < Math.abs(p2.pump() - m.pump()) ? p1 : p2;
    System.out.print("  at the pump: ");
    new EquilibriumSolver().polishLasing(m, near.state(), near.omega()).ifPresentOrElse(
        e -> System.out.printf(Locale.ROOT, "steady state |b| = %.5f, omega %.7f, rightmost eigenvalue %+.4e, %s%n", e.bAbs(),
            e.omega(), e.rightmostEigenvalue(), e.stable() ? "stable" : "unstable"),
        () -> System.out.println("Newton at the pump failed from the bisection's end"));
  }

  /** Natural continuation in the pump from a branch point, RATIO per step, to the pump END (units of gamma_nr). */
  private static void walkPump(Model m, AmplitudeBranch.Point p0, double ratio, double end) {
    EquilibriumSolver s = new EquilibriumSolver(NewtonSettings.defaults());
    double r = p0.pump();
    double[] state = p0.state();
    double omega = p0.omega();
    double step = ratio;
    double bPrev = m.fieldAmplitude(state);
    while (ratio > 1 ? r * step <= end : r * step >= end) {
      double rt = r * step;
      Optional<double[]> q = s.lasingState(m.withPump(rt), state, omega);
      if (q.isEmpty()) {
        if (Math.abs(Math.log(step)) <= Math.log(MIN_RATIO)) {
          System.out.printf(Locale.ROOT, "no steady state at r = %.7e s^-1 from the previous one at the shortest step: walk ends%n", rt * 1e9);
          return;
        }
        step = Math.exp(Math.signum(Math.log(step)) * Math.max(Math.log(MIN_RATIO), 0.5 * Math.abs(Math.log(step))));
        System.out.printf(Locale.ROOT, "  r = %.7e s^-1: Newton failed, step shortened to %.5f%n", rt * 1e9, step);
        continue;
      }
      int dim = m.dimension();
      state = Arrays.copyOf(q.get(), dim);
      omega = q.get()[dim];
      double b = m.fieldAmplitude(state);
      System.out.printf(Locale.ROOT, "r = %.7e s^-1  |b| = %10.5f  omega = %.7f  d|b|/dr = %+.4e  <b+b> - |b|^2 = %+.4e  %s%n", rt * 1e9, b,
          omega, (b - bPrev) / ((rt - r) * 1e9), m.photons(state) - b * b, FateStatesProbe.spectrum(m.withPump(rt), state, omega));
      System.out.flush();
      bPrev = b;
      r = rt;
      step = ratio;
    }
  }

  private static void print(Model m, double a, AmplitudeBranch.Point p, double slope) {
    double[] s = p.state();
    System.out.printf(Locale.ROOT, "|b| = %10.5f  r = %.7e s^-1  omega = %.7f  dr/d|b| = %+.4e  <b+b> - |b|^2 = %+.4e  mean <c+c> = %.6f  %s%n", a,
        p.pump() * 1e9, p.omega(), slope, m.photons(s) - a * a, m.upperPopulationMean(s),
        FateStatesProbe.spectrum(m.withPump(p.pump()), s, p.omega()));
    System.out.flush();
  }
}
