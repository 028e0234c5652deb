package org.qdlaser.stages.equilibrium;

import java.util.Locale;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;

/**
 * Verification run (not a test): one homotopy path in mu at fixed |b| of a TPM_d sample from its lasing
 * state at mu = 1 ({@link AmplitudeHomotopy#follow}), at the start's amplitude times FACTOR, with the path's attempt
 * budget {@link AmplitudeHomotopy#MAX_ATTEMPTS} (fate9 measured with a budget argument, since removed, at 400 and 200):
 * where does the path go, and is its end at the target stable? Usage: {@code PathFurtherProbe N W SEED FACTOR [PUMP_FACTOR]} (the start at mu = 1 at PUMP_FACTOR
 * times the paper's pump).
 */
public final class PathFurtherProbe {
  private PathFurtherProbe() {}

  public static void main(String[] a) {
    Model m0 = ThresholdHomotopyBench.tpmD(Integer.parseInt(a[0]), Double.parseDouble(a[1]), Long.parseLong(a[2]));
    Model m = a.length > 4 ? m0.withPump(m0.pump() * Double.parseDouble(a[4])) : m0;
    double factor = Double.parseDouble(a[3]);
    long c0 = ThresholdHomotopyBench.cpu();
    var p = Models.disperseParameters(m).orElseThrow();
    ParameterFamily mu = ParameterFamily.disperse("mu", m.kind(), p);
    Model top = mu.at(ThresholdStart.HOMOTOPY_MU);
    PointSolver.Start s = ThresholdHomotopyBench.rotatingPointSolver(new EquilibriumSolver()).start(top);
    Equilibrium e = new EquilibriumSolver(ThresholdFinder.branchNewton()).polishLasing(top, s.state(), s.omega())
        .orElseThrow(() -> new IllegalStateException("no lasing state at mu = 1"));
    NewtonSolver newton = new NewtonSolver(ThresholdFinder.branchNewton());
    AmplitudeBranch atStart = new AmplitudeBranch(ParameterFamily.pump(top), newton);
    AmplitudeBranch.Point start = atStart.from(e);
    double amp = top.fieldAmplitude(start.state()) * factor;
    AmplitudeBranch.Point from = factor == 1 ? start : atStart.solveTowards(amp, start).orElseThrow();
    AmplitudeHomotopy h = new AmplitudeHomotopy(newton);
    var end = h.follow(mu, from, amp, ThresholdStart.HOMOTOPY_MU, mu.base());
    h.tried().forEach(t -> System.out.println("tried: " + t));
    end.ifPresent(q -> new EquilibriumSolver(ThresholdFinder.branchNewton())
        .polishLasing(m.withPump(q.pump()), q.state(), q.omega())
        .ifPresentOrElse(eq -> System.out.printf(Locale.ROOT, "at the target: |b| = %.4f, r = %.7e s^-1, omega %.6f, rightmost eigenvalue %.4e, %s%n",
            eq.bAbs(), eq.pump() * 1e9, eq.omega(), eq.rightmostEigenvalue(), eq.stable() ? "stable" : "unstable"),
            () -> System.out.println("at the target: not polished by Newton at its pump")));
    System.out.printf(Locale.ROOT, "S%s |b| = %.2f: %s, CPU %.1f s%n", a[2], amp,
        end.map(q -> "reached mu = " + mu.base() + " at r = " + q.pump()).orElse("ended before the target"),
        (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }
}
