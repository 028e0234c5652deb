package org.qdlaser.stages.equilibrium;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;

/**
 * Verification run (not a test; issue 13, branch s4arcs): what the mu path of TPM_d S4 at 2 gamma (|b| = 145.5)
 * meets near (mu, r) = (0.226, 77). Part 1 re-runs the path of {@link AmplitudeHomotopy#follow} (its loop copied
 * here, so that the accepted points' full vectors are kept) down to mu = STOP_MU. Part 2 follows the curve
 * G(z, omega, mu, r) = 0 (n + 2 equations, n + 3 unknowns) with fixed small steps DS in the (mu, ln r) plane from
 * the last main point with r above R_FROM, by the same local parametrisation and secant predictor. At every point
 * it prints the test functions of the curve: the signs of det J_r (mu fixed, unknowns z, omega, r) and det J_mu
 * (r fixed, unknowns z, omega, mu), the tangent in the plane, and D = sign det [G_X; t^T] along the direction of
 * travel (D = sign(det J_r) sign(t_mu) up to a constant: it changes sign at a simple branch point, not at a fold),
 * plus the smallest |eigenvalue| of J_r and J_mu by inverse iteration. Part 3 (slices) solves the curve at fixed mu
 * or fixed r from the nearest points of parts 1 and 2 and lists its distinct roots; jump=R1,R2,MU repeats one corrector
 * step of a path coming down the arc of larger mu through r = R1, R2 to mu = MU. Usage:
 * {@code S4ArcsProbe N W SEED DS STEPS R_FROM [mu=V | r=V | jump=R1,R2,MU]...}.
 */
public final class S4ArcsProbe {
  private S4ArcsProbe() {}

  /** Part 1 ends below this mu (main's path has left the region by then). */
  static final double STOP_MU = 0.2;
  /** Inverse-iteration steps of the smallest-eigenvalue estimate. */
  static final int INVERSE_STEPS = 12;
  /** The family, the corrector's Newton, |b| of the path and the index of mu in a curve point (state, omega, mu, r). */
  static ParameterFamily mu;
  static NewtonSolver newton;
  static double amp;
  static int n2;

  public static void main(String[] a) {
    Model m = ThresholdHomotopyBench.tpmD(Integer.parseInt(a[0]), Double.parseDouble(a[1]), Long.parseLong(a[2]));
    double rFrom = Double.parseDouble(a[5]);
    long c0 = ThresholdHomotopyBench.cpu();
    mu = ParameterFamily.disperse("mu", m.kind(), Models.disperseParameters(m).orElseThrow());
    Model top = mu.at(ThresholdStart.HOMOTOPY_MU);
    PointSolver.Start s = ThresholdHomotopyBench.rotatingPointSolver(new EquilibriumSolver()).start(top);
    Equilibrium e = new EquilibriumSolver(ThresholdFinder.branchNewton()).polishLasing(top, s.state(), s.omega())
        .orElseThrow(() -> new IllegalStateException("no lasing state at mu = 1"));
    newton = new NewtonSolver(ThresholdFinder.branchNewton());
    AmplitudeBranch.Point start = new AmplitudeBranch(ParameterFamily.pump(top), newton).from(e);
    amp = top.fieldAmplitude(start.state());
    List<double[]> main = mainPath(start);
    System.out.printf(Locale.ROOT, "part 1: %d points, CPU %.1f s%n", main.size(), (ThresholdHomotopyBench.cpu() - c0) / 1e9);
    int k0 = 0;
    for (int k = 1; k < main.size() && k0 == 0; k++) { // the first crossing of r = R_FROM below mu = 0.4
      k0 = main.get(k)[n2 + 1] < rFrom && main.get(k - 1)[n2 + 1] >= rFrom && main.get(k)[n2] < 0.4 ? k - 1 : 0;
    }
    for (int k = 0; k < main.size(); k++) {
      print(k == k0 ? "main*" : "main", main.get(k), k == 0 ? null : main.get(k - 1));
    }
    List<double[]> fine = fineTrace(main.get(k0 - 1), main.get(k0), Double.parseDouble(a[3]), Integer.parseInt(a[4]));
    System.out.printf(Locale.ROOT, "part 2: %d points, CPU %.1f s%n", fine.size(), (ThresholdHomotopyBench.cpu() - c0) / 1e9);
    List<double[]> all = new ArrayList<>(main);
    all.addAll(fine);
    for (int i = 6; i < a.length; i++) {
      String[] kv = a[i].split("=");
      if (kv[0].equals("jump")) {
        String[] v = kv[1].split(",");
        jump(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), all);
      } else {
        slice(kv[0].equals("mu"), Double.parseDouble(kv[1]), all);
      }
    }
    System.out.printf(Locale.ROOT, "CPU %.1f s%n", (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }

  /** {@link AmplitudeHomotopy#follow}'s loop (same steps, same corrector), keeping every accepted point. */
  static List<double[]> mainPath(AmplitudeBranch.Point start) {
    double from = ThresholdStart.HOMOTOPY_MU;
    double to = mu.base();
    double[] x = curvePoint(branch(from).solve(amp, start).orElseThrow(), from, start.pump());
    n2 = x.length - 2;
    double span = Math.abs(to - from);
    double dir = Math.signum(to - from);
    double[] xPrev = null;
    double ds = AmplitudeHomotopy.FIRST_STEP;
    List<double[]> pts = new ArrayList<>();
    pts.add(x);
    for (int attempt = 0; attempt < AmplitudeHomotopy.MAX_ATTEMPTS && x[n2] > STOP_MU; attempt++) {
      double h = x[n2];
      double lnR = Math.log(x[n2 + 1]);
      double th = dir;
      double tr = 0;
      double arc = Double.NaN;
      if (xPrev != null) {
        double dh = (h - xPrev[n2]) / span;
        double dr = lnR - Math.log(xPrev[n2 + 1]);
        arc = Math.hypot(dh, dr);
        th = dh / arc;
        tr = dr / arc;
      }
      boolean preferH = Math.abs(th) >= Math.abs(tr);
      double hNext = h + ds * th * span;
      double lnRNext = lnR + ds * tr;
      boolean atTarget = (hNext - to) * dir >= 0;
      if (atTarget) {
        double f = (to - h) / (hNext - h);
        lnRNext = lnR + f * (lnRNext - lnR);
        hNext = to;
        preferH = true;
      }
      int[] it = {0, 0};
      Optional<double[]> y = step(x, xPrev, span, arc, hNext, lnRNext, preferH, !atTarget, it);
      if (y.isEmpty()) {
        ds *= 0.5;
        System.out.printf(Locale.ROOT, "main: corrector failed from mu = %.5f, r = %.4f towards (%.5f, %.4f)%n", h,
            Math.exp(lnR), hNext, Math.exp(lnRNext));
        if (ds < AmplitudeHomotopy.MIN_STEP) {
          break;
        }
        continue;
      }
      xPrev = x;
      x = y.get();
      pts.add(x);
      if (atTarget || AmplitudeHomotopy.pathEnd(mu, x, from, dir) != null) {
        break;
      }
      ds = Math.min(AmplitudeHomotopy.MAX_STEP,
          ds * (it[0] <= AmplitudeHomotopy.FAST ? AmplitudeHomotopy.GROW : it[0] > AmplitudeHomotopy.SLOW ? 0.5 : 1));
    }
    return pts;
  }

  /** Fixed steps {@code ds} (halved on a failure, down to ds / 64) from x1 along the secant from x0. */
  static List<double[]> fineTrace(double[] x0, double[] x1, double ds, int steps) {
    List<double[]> pts = new ArrayList<>();
    double[] xPrev = x0;
    double[] x = x1;
    pts.add(x1);
    for (int k = 0; k < steps; k++) {
      double dh = x[n2] - xPrev[n2];
      double dr = Math.log(x[n2 + 1]) - Math.log(xPrev[n2 + 1]);
      double arc = Math.hypot(dh, dr);
      Optional<double[]> y = Optional.empty();
      for (double d = ds; y.isEmpty() && d >= ds / 64; d *= 0.5) {
        double hNext = x[n2] + d * dh / arc;
        double lnRNext = Math.log(x[n2 + 1]) + d * dr / arc;
        y = step(x, xPrev, 1, arc, hNext, lnRNext, Math.abs(dh) >= Math.abs(dr), true, new int[2]);
      }
      if (y.isEmpty()) {
        System.out.println("fine: no step converged");
        break;
      }
      xPrev = x;
      x = y.get();
      pts.add(x);
      print("fine", x, xPrev);
    }
    return pts;
  }

  /**
   * One step of the path's corrector ({@link #step}, span 1) from the point of the curve at r = r1 with the larger mu
   * (xPrev) and the one at r = r2 (x), along their secant to mu = hNext: the step of a path that came down that arc,
   * printed with D along the step (x to the new point) as the path would orient it.
   */
  static void jump(double r1, double r2, double hNext, List<double[]> pts) {
    double[] xPrev = slice(false, r1, pts).stream().max((p, q) -> Double.compare(p[n2], q[n2])).orElseThrow();
    double[] x = slice(false, r2, pts).stream().max((p, q) -> Double.compare(p[n2], q[n2])).orElseThrow();
    double dh = x[n2] - xPrev[n2];
    double dr = Math.log(x[n2 + 1] / xPrev[n2 + 1]);
    double arc = Math.hypot(dh, dr);
    double lnRNext = Math.log(x[n2 + 1]) + (hNext - x[n2]) * dr / dh;
    int[] it = new int[2];
    Optional<double[]> y = step(x, xPrev, 1, arc, hNext, lnRNext, Math.abs(dh) >= Math.abs(dr), true, it);
    System.out.printf(Locale.ROOT, "jump: from (%.6f, %.4f) after (%.6f, %.4f), predicted (%.6f, %.4f): %s%n", x[n2],
        x[n2 + 1], xPrev[n2], xPrev[n2 + 1], hNext, Math.exp(lnRNext),
        y.isEmpty() ? "no corrector converged" : (it[1] == 1 ? "mu" : "r") + " fixed, " + it[0] + " iterations");
    print("jump-before", x, xPrev);
    y.ifPresent(q -> print("jump-after", q, x));
  }

  /** Guesses of a slice: the points of {@code pts} nearest to it in the (mu, ln r) plane. */
  static final int SLICE_GUESSES = 12;

  /**
   * The distinct roots of the curve at fixed mu ({@code inMu}) or fixed r = {@code v}, each solved from one of the
   * {@link #SLICE_GUESSES} points of {@code pts} nearest to the slice (its mu or r replaced by v).
   */
  static List<double[]> slice(boolean inMu, double v, List<double[]> pts) {
    int c = inMu ? n2 : n2 + 1;
    List<double[]> near = new ArrayList<>(pts);
    near.sort((p, q) -> Double.compare(Math.abs(Math.log(p[c] / v)), Math.abs(Math.log(q[c] / v))));
    List<double[]> roots = new ArrayList<>();
    for (double[] p : near.subList(0, Math.min(SLICE_GUESSES, near.size()))) {
      double[] g = p.clone();
      g[c] = v;
      Optional<double[]> y = inMu
          ? branch(v).solve(amp, new AmplitudeBranch.Point(without(g, n2))).map(q -> curvePoint(q, v, q.pump()))
          : new AmplitudeBranch(atPump(v), newton).solve(amp, new AmplitudeBranch.Point(without(g, n2 + 1)))
              .map(q -> curvePoint(q, q.pump(), v));
      if (y.isPresent() && mu.admissible(y.get()[n2])) {
        double[] r = y.get();
        int o = inMu ? n2 + 1 : n2;
        if (roots.stream().noneMatch(q -> Math.abs(q[o] / r[o] - 1) < 1e-7)) {
          roots.add(r);
        }
      }
    }
    int o = inMu ? n2 + 1 : n2;
    roots.sort((p, q) -> Double.compare(p[o], q[o]));
    for (double[] r : roots) {
      print(String.format(Locale.ROOT, "slice %s=%s", inMu ? "mu" : "r", v), r, null);
    }
    return roots;
  }

  /** One line of a point: (mu, r, omega), sign det J_r and J_mu, smallest |eigenvalues|, tangent, D. */
  static void print(String tag, double[] x, double[] xPrev) {
    int n = n2 - 1;
    double h = x[n2];
    double r = x[n2 + 1];
    NonlinearSystem sr = branch(h).system(amp);
    NonlinearSystem sm = new AmplitudeBranch(atPump(r), newton).system(amp);
    double[] xr = without(x, n2);
    double[] xm = without(x, n2 + 1);
    // d G / d mu and d G / d r at the point (f is affine in both: central differences exact to rounding)
    double[] gMu = paramColumn(x, h * 1e-6, true);
    double[] gR = paramColumn(x, r * 1e-6, false);
    double[] detR = new double[2];
    double[] v = solveWith(sr, xr, gMu, detR); // J_r v = g_mu: tangent (-v, 1) in (z, omega, r; mu)
    double[] detM = new double[2];
    double[] w = solveWith(sm, xm, gR, detM); // J_mu w = g_r: tangent (-w, 1) in (z, omega, mu; r)
    double tMuR = 1;
    double tLnRR = -v[n + 1] / r; // per unit mu
    double tMuM = -w[n + 1];
    double tLnRM = 1 / r; // per unit r
    double sR = 1;
    double sM = 1;
    if (xPrev != null) {
      double dh = h - xPrev[n2];
      double dl = Math.log(r) - Math.log(xPrev[n2 + 1]);
      sR = Math.signum(tMuR * dh + tLnRR * dl);
      sM = Math.signum(tMuM * dh + tLnRM * dl);
    }
    double nr = Math.hypot(tMuR, tLnRR);
    System.out.printf(Locale.ROOT,
        "%s mu %.7f r %.6f omega %.7f | detJr %+d detJmu %+d | eigJr %.3e eigJmu %.3e | t(mu, lnr) (%+.5f, %+.5f)"
            + " | D_r %+d D_mu %+d%n",
        tag, h, r, x[n2 - 1], (int) detR[0], (int) detM[0], detR[1], detM[1], sR * tMuR / nr, sR * tLnRR / nr,
        (int) (detR[0] * sR), (int) (detM[0] * sM));
  }

  /** Column d G / d (mu or r) of the n + 2 equations at x (border rows do not depend on either). */
  static double[] paramColumn(double[] x, double d, boolean inMu) {
    int n = n2 - 1;
    double h = x[n2];
    double r = x[n2 + 1];
    double[] fp = new double[n];
    double[] fm = new double[n];
    Model up = inMu ? mu.at(h + d).withPump(r) : mu.at(h).withPump(r + d);
    Model down = inMu ? mu.at(h - d).withPump(r) : mu.at(h).withPump(r - d);
    up.rhs(0.0, x, fp);
    down.rhs(0.0, x, fm);
    double[] g = new double[n + 2];
    for (int i = 0; i < n; i++) {
      g[i] = (fp[i] - fm[i]) / (2 * d);
    }
    return g;
  }

  /**
   * Solves J y = b with J the sparse Jacobian of {@code sys} at {@code x}; det[0] receives sign det J (from the LU's
   * pivots and permutations, read by reflection), det[1] the smallest |eigenvalue| of J by inverse iteration.
   */
  static double[] solveWith(NonlinearSystem sys, double[] x, double[] b, double[] det) {
    SparseMatrix jac = new SparseMatrix(sys.sparsity());
    Arrays.fill(jac.values, 0.0);
    sys.sparseJacobian(x, jac.values);
    SparseLuSolver lu = new SparseLuSolver();
    lu.factor(jac);
    det[0] = detSign(lu);
    int n = x.length;
    double[] q = new double[n];
    Arrays.fill(q, 1 / Math.sqrt(n));
    for (int k = 0; k < INVERSE_STEPS; k++) {
      lu.solve(q);
      double norm = 0;
      for (double qi : q) {
        norm += qi * qi;
      }
      norm = Math.sqrt(norm);
      det[1] = 1 / norm;
      for (int i = 0; i < n; i++) {
        q[i] /= norm;
      }
    }
    double[] y = b.clone();
    lu.solve(y);
    return y;
  }

  static double detSign(SparseLuSolver lu) {
    double s = 1;
    for (double u : (double[]) field(lu, "uDiag")) {
      s *= Math.signum(u);
    }
    return s * parity((int[]) field(lu, "rowOfStep")) * parity((int[]) field(lu, "colPerm"));
  }

  /** A private field of the LU (sign of its determinant: pivots, row order, column order; scaling is positive). */
  static Object field(Object o, String name) {
    try {
      Field f = o.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sign of a permutation (cycle decomposition). */
  static int parity(int[] p) {
    boolean[] seen = new boolean[p.length];
    int s = 1;
    for (int i = 0; i < p.length; i++) {
      if (!seen[i]) {
        int len = 0;
        for (int j = i; !seen[j]; j = p[j]) {
          seen[j] = true;
          len++;
        }
        if (len % 2 == 0) {
          s = -s;
        }
      }
    }
    return s;
  }

  /** AmplitudeHomotopy's corrector (copied: mode 0 fixes the coordinate that moved more, mode 1 the other). */
  static Optional<double[]> step(double[] x, double[] xPrev, double span, double arc, double hNext, double lnRNext,
      boolean preferH, boolean mayswitch, int[] iterations) {
    double h = x[n2];
    double lnR = Math.log(x[n2 + 1]);
    Optional<double[]> y = Optional.empty();
    for (int mode = 0; mode < (mayswitch ? 2 : 1) && y.isEmpty(); mode++) {
      boolean inH = mode == 0 ? preferH : !preferH;
      double[] guess = x.clone();
      double f = xPrev == null ? Double.NaN : Math.hypot((hNext - h) / span, lnRNext - lnR) / arc;
      for (int i = 0; Double.isFinite(f) && i < guess.length; i++) {
        guess[i] += f * (x[i] - xPrev[i]);
      }
      guess[n2] = hNext;
      guess[n2 + 1] = Math.exp(lnRNext);
      AmplitudeBranch bn;
      if (inH) {
        bn = branch(hNext);
        y = bn.solve(amp, new AmplitudeBranch.Point(without(guess, n2))).map(p -> curvePoint(p, hNext, p.pump()));
      } else {
        double r = Math.exp(lnRNext);
        bn = new AmplitudeBranch(atPump(r), newton);
        y = bn.solve(amp, new AmplitudeBranch.Point(without(guess, n2 + 1))).map(p -> curvePoint(p, p.pump(), r));
      }
      iterations[0] = bn.lastIterations();
      iterations[1] = inH ? 1 : 0;
      y = y.filter(v -> mu.admissible(v[n2]));
    }
    return y;
  }

  static double[] curvePoint(AmplitudeBranch.Point p, double h, double r) {
    double[] x = p.x();
    double[] y = Arrays.copyOf(x, x.length + 1);
    y[x.length - 1] = h;
    y[x.length] = r;
    return y;
  }

  static double[] without(double[] x, int k) {
    double[] y = new double[x.length - 1];
    System.arraycopy(x, 0, y, 0, k);
    System.arraycopy(x, k + 1, y, k, x.length - k - 1);
    return y;
  }

  static ParameterFamily atPump(double r) {
    return new ParameterFamily(mu.name(), mu.base(), mu.logarithmic(), mu.lowerBound(), v -> mu.at(v).withPump(r));
  }

  static AmplitudeBranch branch(double h) {
    return new AmplitudeBranch(ParameterFamily.pump(mu.at(h)), newton);
  }
}
