package org.qdlaser.stages.equilibrium;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;

/**
 * Verification run (not a test; issue 13, fold8 item 1): why {@link BranchEndClassifier}'s old single
 * midpoint check rejected S6's fold. From the search's first stable state ({@link ThresholdStart}; cached in
 * CACHE as the branch point's unknowns, so that reruns skip the homotopy) the branch r(|b|) is walked down by
 * 1.1 per step to the bisection end's amplitude A_END; from there the old check's state is solved as the
 * classifier did (one {@link AmplitudeBranch#solveTowards} to the midpoint (A_FOLD + A_END) / 2), and the
 * same amplitude is reached by the walk continued in steps of 1.1. Both states are printed with r, omega and
 * the rightmost eigenvalue ({@link StabilityAnalyzer#analyse}, as the classifier and {@link BranchEigenProbe}
 * call it), and their distance. Usage: {@code FoldSegmentProbe N W SEED A_END A_FOLD CACHE}.
 */
public final class FoldSegmentProbe {
  private FoldSegmentProbe() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    double w = Double.parseDouble(args[1]);
    long seed = Long.parseLong(args[2]);
    double aEnd = Double.parseDouble(args[3]);
    double aFold = Double.parseDouble(args[4]);
    Path cache = Path.of(args[5]);
    Model m = ThresholdHomotopyBench.tpmD(n, w, seed);
    long c0 = ThresholdHomotopyBench.cpu();
    AmplitudeBranch br = new AmplitudeBranch(m, new NewtonSolver(ThresholdFinder.branchNewton()));
    AmplitudeBranch.Point top;
    if (Files.exists(cache)) {
      ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(cache));
      double[] x = new double[bb.remaining() / Double.BYTES];
      bb.asDoubleBuffer().get(x);
      top = new AmplitudeBranch.Point(x);
    } else {
      Equilibrium e = ThresholdHomotopyBench.thresholdStart().find(m, new double[] {m.pump()}).orElseThrow();
      top = br.from(e);
      double[] x = top.x();
      ByteBuffer bb = ByteBuffer.allocate(x.length * Double.BYTES);
      bb.asDoubleBuffer().put(x);
      Files.write(cache, bb.array());
    }
    int reB = m.layout().field("b").offset();
    System.out.printf(Locale.ROOT, "S%d: first stable state |b| = %.4f, r = %.7e s^-1 (CPU %.1f s)%n", seed, top.x()[reB],
        top.pump() * 1e9, (ThresholdHomotopyBench.cpu() - c0) / 1e9);
    AmplitudeBranch.Point good = walk(br, top, aEnd, reB);
    print(m, "bisection end (walked)", good, reB);
    double aMid = 0.5 * (aFold + aEnd);
    long c1 = ThresholdHomotopyBench.cpu();
    Optional<AmplitudeBranch.Point> jump = br.solveTowards(aMid, good);
    System.out.printf(Locale.ROOT, "jump solveTowards(%.5f) from the end: %s (CPU %.1f s)%n", aMid, jump.isPresent() ? "solved" : "failed",
        (ThresholdHomotopyBench.cpu() - c1) / 1e9);
    jump.ifPresent(p -> print(m, "midpoint by the old jump", p, reB));
    AmplitudeBranch.Point walked = walk(br, good, aMid, reB);
    print(m, "midpoint by the walk", walked, reB);
    if (jump.isPresent()) {
      double[] a = jump.get().x();
      double[] b = walked.x();
      double d = 0;
      double s = 0;
      for (int i = 0; i < a.length - 2; i++) {
        d = Math.max(d, Math.abs(a[i] - b[i]));
        s = Math.max(s, Math.abs(b[i]));
      }
      System.out.printf(Locale.ROOT, "max |state difference| %.3e (max |state| %.3e), r difference %.3e relative%n", d, s,
          (a[a.length - 1] - b[b.length - 1]) / b[b.length - 1]);
    }
    System.out.printf(Locale.ROOT, "CPU %.1f s%n", (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }

  /** Walks the branch from {@code from} down to amplitude {@code to} by 1.1 per step (halving a failed step). */
  private static AmplitudeBranch.Point walk(AmplitudeBranch br, AmplitudeBranch.Point from, double to, int reB) {
    AmplitudeBranch.Point p = from;
    double a = from.x()[reB];
    double ratio = 1.1;
    while (a > to) {
      double next = Math.max(to, a / ratio);
      Optional<AmplitudeBranch.Point> q = br.solve(next, p);
      if (q.isEmpty()) {
        ratio = Math.sqrt(ratio);
        if (ratio < 1.001) {
          throw new IllegalStateException("walk lost the branch at |b| = " + next);
        }
        continue;
      }
      p = q.get();
      a = next;
    }
    return p;
  }

  private static void print(Model m, String what, AmplitudeBranch.Point p, int reB) {
    StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(m.withPump(p.pump()), p.state(), p.omega(), true);
    double[] z = p.state();
    System.out.printf(Locale.ROOT, "%s: |b| = %.5f (Im b %.1e), r = %.7e s^-1, omega = %.6f, photons %.4f, Re lambda = %+.4e, Im lambda = %+.4e, "
        + "margin %.1e, %s%n", what, m.fieldAmplitude(z), z[reB + 1], p.pump() * 1e9, p.omega(), m.photons(z), s.rightmostReal(),
        s.rightmostImag(), s.margin(), s.stable() ? "stable" : "unstable");
  }
}
