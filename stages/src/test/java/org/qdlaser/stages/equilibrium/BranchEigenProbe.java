package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;

/**
 * Verification run (not a test; ci/bench-branch-eigen): the end of a TPM_d sample's stable lasing branch
 * located by its eigenvalue (issue 13, weekly7 item 2). From the threshold search's first stable state
 * ({@link ThresholdStart}, the search's own route), the branch r(|b|) ({@link AmplitudeBranch}: |b| fixed,
 * r free, so folds in r are regular points) is walked down in |b| by RATIO per step to A_MIN, printing at
 * each point r, the rightmost eigenvalue of the rotating-frame Jacobian with the phase mode removed ({@link
 * StabilityAnalyzer#analyse}: re, im, its noise margin) and dr/d|b| by the secant. Where Re lambda changes sign
 * between two points the crossing is bisected in |b| to BISECT_RELATIVE; a fold is a crossing with dr/d|b| = 0
 * and a real eigenvalue, a Hopf one with a complex pair, any other a real eigenvalue through zero where r is
 * monotone (a branch point). A step whose Newton solve fails, or lands on another solution ({@link #jumped}), is
 * retried shorter (square root of its ratio, down to {@link #MIN_RATIO}). RATIO below 1 walks up instead, A_MIN then
 * the largest |b|. Usage: {@code BranchEigenProbe N W SEED [RATIO] [A_MIN]}.
 */
public final class BranchEigenProbe {
  private BranchEigenProbe() {}

  /** Relative width in |b| at which the sign change of Re lambda is bracketed. */
  static final double BISECT_RELATIVE = 1e-4;

  record Pt(double a, double r, double omega, StabilityAnalyzer.Spectrum s, AmplitudeBranch.Point p) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "|b| = %10.5f  r = %.7e s^-1  omega = %.6f  Re lambda = %+.4e  Im lambda = %+.4e  margin %.1e  %s",
          a, r * 1e9, omega, s.rightmostReal(), s.rightmostImag(), s.margin(), s.stable() ? "stable" : "unstable");
    }
  }

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    double w = Double.parseDouble(args[1]);
    long seed = Long.parseLong(args[2]);
    double ratio = args.length > 3 ? Double.parseDouble(args[3]) : 1.1;
    double aMin = args.length > 4 ? Double.parseDouble(args[4]) : 4.0;
    Model m = ThresholdHomotopyBench.tpmD(n, w, seed);
    long c0 = ThresholdHomotopyBench.cpu();
    ThresholdStart start = ThresholdHomotopyBench.thresholdStart();
    Equilibrium top = start.find(m, new double[] {m.pump()}).orElseThrow();
    System.out.printf(Locale.ROOT, "S%d: first stable state |b| = %.4f, r = %.7e s^-1 (CPU %.1f s)%n", seed, top.bAbs(),
        top.pump() * 1e9, (ThresholdHomotopyBench.cpu() - c0) / 1e9);
    AmplitudeBranch br = new AmplitudeBranch(m, new NewtonSolver(ThresholdFinder.branchNewton()));
    List<Pt> pts = new ArrayList<>();
    AmplitudeBranch.Point guess = br.from(top);
    double a = top.bAbs();
    double step = ratio;
    while (ratio > 1 ? a >= aMin : a <= aMin) { // RATIO < 1 walks up the branch, to |b| = A_MIN as an upper bound
      Optional<Pt> q = at(m, br, a, guess);
      if (q.isEmpty() && !pts.isEmpty() && Math.abs(Math.log(step)) > Math.log(MIN_RATIO)) {
        System.out.printf(Locale.ROOT, "  |b| = %.5f: Newton failed from the previous point, step shortened%n", a);
        step = Math.sqrt(step);
        a = pts.get(pts.size() - 1).a / step;
        continue;
      }
      if (q.isEmpty()) {
        System.out.printf(Locale.ROOT, "no branch point at |b| = %.5f from the previous one: walk ends%n", a);
        break;
      }
      Pt pt = q.get();
      if (pts.size() >= 2 && jumped(pts.get(pts.size() - 2), pts.get(pts.size() - 1), pt) && Math.abs(Math.log(step)) > Math.log(MIN_RATIO)) {
        System.out.printf(Locale.ROOT, "  |b| = %.5f: r = %.7e s^-1 off the branch (ln r changed by %.3g, the last step by %.3g): "
            + "another solution, step shortened%n", a, pt.r * 1e9, Math.log(pt.r / pts.get(pts.size() - 1).r),
            Math.log(pts.get(pts.size() - 1).r / pts.get(pts.size() - 2).r));
        step = Math.sqrt(step);
        a = pts.get(pts.size() - 1).a / step;
        continue;
      }
      step = ratio;
      String slope = pts.isEmpty() ? "" : String.format(Locale.ROOT, "  dr/d|b| = %+.4e",
          (pt.r - pts.get(pts.size() - 1).r) / (pt.a - pts.get(pts.size() - 1).a));
      System.out.println(pt + slope);
      if (!pts.isEmpty() && Math.signum(pt.s.rightmostReal()) != Math.signum(pts.get(pts.size() - 1).s.rightmostReal())) {
        bisect(m, br, pts.get(pts.size() - 1), pt);
      }
      pts.add(pt);
      guess = pt.p;
      a /= ratio;
    }
    System.out.printf(Locale.ROOT, "CPU %.1f s%n", (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }

  /**
   * Smallest step ratio at which a point is accepted although {@link #jumped} says otherwise (Newton from a
   * neighbour 1e-3 away in |b| stays on the branch).
   */
  static final double MIN_RATIO = 1.001;
  /** Change of ln r that a step may always make (the steps near a fold, where r barely moves). */
  static final double JUMP_FLOOR = 1e-3;
  /** Factor by which one step's change of ln r may exceed the last one's before it counts as a jump. */
  static final double JUMP_FACTOR = 3;

  /**
   * Whether {@code p} is another solution rather than the branch's next point after {@code p0}, {@code p1}:
   * its ln r changed by more than {@link #JUMP_FACTOR} times the last step's (and {@link #JUMP_FLOOR}). Measured
   * on S9 at 2 gamma: |b| 257 -> 234 in one step of 1.1 landed at r = 2.3e14 s^-1 after 5.0e14 (ln r -0.78 after
   * -0.11), while the branch continued in small steps lies at 4.67e14 there.
   */
  static boolean jumped(Pt p0, Pt p1, Pt p) {
    return Math.abs(Math.log(p.r / p1.r)) > Math.max(JUMP_FACTOR * Math.abs(Math.log(p1.r / p0.r)), JUMP_FLOOR);
  }

  private static Optional<Pt> at(Model m, AmplitudeBranch br, double a, AmplitudeBranch.Point guess) {
    return br.solve(a, guess).map(q -> {
      double r = q.pump();
      StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(m.withPump(r), q.state(), q.omega(), true);
      return new Pt(a, r, q.omega(), s, q);
    });
  }

  /** Bisects the sign change of Re lambda between {@code hi} and {@code lo} (adjacent walk points) in |b|. */
  private static void bisect(Model m, AmplitudeBranch br, Pt hi, Pt lo) {
    System.out.println("  sign change of Re lambda: bisecting in |b|");
    while (Math.abs(hi.a - lo.a) / hi.a > BISECT_RELATIVE) {
      double mid = 0.5 * (hi.a + lo.a);
      Optional<Pt> q = at(m, br, mid, hi.p);
      if (q.isEmpty()) {
        System.out.printf(Locale.ROOT, "  no branch point at |b| = %.6f: bisection stops%n", mid);
        return;
      }
      Pt pt = q.get();
      System.out.println("  " + pt);
      if (Math.signum(pt.s.rightmostReal()) == Math.signum(hi.s.rightmostReal())) {
        hi = pt;
      } else {
        lo = pt;
      }
    }
    System.out.printf(Locale.ROOT, "  crossing in |b| = [%.6f, %.6f], r = [%.7e, %.7e] s^-1, dr/d|b| there %+.4e, "
        + "Re lambda %+.3e / %+.3e, Im lambda %+.3e / %+.3e%n", lo.a, hi.a, lo.r * 1e9, hi.r * 1e9,
        (hi.r - lo.r) / (hi.a - lo.a), lo.s.rightmostReal(), hi.s.rightmostReal(), lo.s.rightmostImag(), hi.s.rightmostImag());
  }
}
