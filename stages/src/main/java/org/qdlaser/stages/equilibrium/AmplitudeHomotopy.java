package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.threads.RouteCancellation;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lasing state of a detuned-dot model reached by continuation from a solvable member of a family
 * (issue 13, item 4), for the threshold search where Newton and short transients from the lifted
 * seed find none.
 *
 * <p>The continuation runs on the lasing branch parametrised by the amplitude ({@link
 * AmplitudeBranch}): |b| = a is held fixed and the pump r is an unknown, so the path in the family's
 * parameter h (mu from 1 down to the model's mu) never meets the fold in r that ends a continuation at
 * fixed pump (S7 at 2 gamma: fold in mu near 0.07 at r = 2e14 s^-1, because the fold in r has moved
 * above 2e14 s^-1 as mu falls; docs/decisions.md). At mu = 1 the inter-dot correlations are damped
 * and TPM^(d) is close to TPM_IF^(d), whose lifted lasing state Newton polishes.
 *
 * <p>At the target the branch r(a) is then walked up in a (the stable side of a fold lies above it,
 * at larger field) until a state is stable, the first state of the usual descent ({@link
 * NewtonDescent}). Every visited point, with its eigenvalue where computed, is kept as evidence.
 */
final class AmplitudeHomotopy {
  private static final Logger LOG = LoggerFactory.getLogger(AmplitudeHomotopy.class);

  /** First step in h (mu), from the solvable member: a tenth of the way. */
  static final double FIRST_STEP = 0.1;
  static final double MIN_STEP = 1e-4; // steps below this: the path is taken to end
  /** Newton iterations up to which the next step grows by {@link #GROW}. */
  static final int FAST = 4;
  /** Newton iterations above which the next step halves. */
  static final int SLOW = 8;
  static final double GROW = 1.5;
  /** Attempts of one path, a cost bound (80 until fate9: S4's first mu path needs ~83; docs/decisions.md). */
  static final int MAX_ATTEMPTS = 200;
  /** Largest step of {@link #follow} in the (h / span, ln r) plane. */
  static final double MAX_STEP = 0.5;
  /** Ratio between consecutive amplitudes of the walk up the branch at the target. */
  static final double AMPLITUDE_RATIO = 1.25;
  /** Shortest step of that walk (a failed step's ratio is square-rooted down to this: 1.25, 1.118, 1.057, 1.028). */
  static final double MIN_AMPLITUDE_RATIO = 1.02;
  /** Largest number of amplitude steps of that walk (1.25^20 ~ 87: from |b| ~ 100 to ~ 9,000). */
  static final int MAX_AMPLITUDE_STEPS = 20;

  /** A visited point of the target's branch: amplitude, pump (normalised), omega, rightmost eigenvalue (NaN: not computed). */
  record Visit(double bAbs, double pump, double omega, double rightmost, boolean stable) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "|b| = %.2f at r = %s (omega %.5f, rightmost eigenvalue %.3e%s)", bAbs,
          Readable.number(pump), omega, rightmost, stable ? ", stable" : "");
    }
  }

  private final NewtonSolver newton;
  private final List<String> log = new ArrayList<>();
  private final List<Visit> visits = new ArrayList<>();
  private int pathsFollowed;

  /**
   * Paths solved by {@code newton}; on a speculative route's thread a path stops between two Newton solves
   * (and Newton between two iterations) once the route is no longer wanted ({@link RouteCancellation}).
   */
  AmplitudeHomotopy(NewtonSolver newton) {
    this.newton = newton;
  }

  /**
   * Path {@code k} of the homotopy in mu at fixed amplitude from {@code start} (a lasing state of
   * {@code target}, whose pump is only a first guess, at mu = {@code from}) to the model's own mu, as below.
   */
  Optional<Equilibrium> stableState(Model target, Equilibrium start, double from, int k) {
    ParameterFamily mu = ParameterFamily.disperse("mu",
        target.kind(), org.qdlaser.stages.physics.Models.disperseParameters(target).orElseThrow());
    return stableState(target, mu, branch(mu, from).from(start), from, k);
  }

  /**
   * Path {@code k} of the homotopy in {@code family} (whose member at its base is {@code target}) at fixed
   * amplitude {@link #AMPLITUDE_FACTORS}[k] times the start's, from the branch point {@code start} of the
   * member at h = {@code from} to the base, then the walk up in amplitude to a stable state: the first
   * stable lasing state found on the target's branch, or empty. The paths (0, 1, 2: where one ends early
   * or leads to no stable state, the next) are independent, so that they may run on separate threads.
   */
  Optional<Equilibrium> stableState(Model target, ParameterFamily family, AmplitudeBranch.Point start, double from, int k) {
    double a = family.at(from).fieldAmplitude(start.state()) * AMPLITUDE_FACTORS[k];
    Optional<AmplitudeBranch.Point> s = k == 0 ? Optional.of(start) : branch(family, from).solveTowards(a, start);
    if (s.isEmpty()) {
      log.add(String.format(Locale.ROOT, "no branch point at |b| = %.2f, %s = %s", a, family.name(), Readable.number(from)));
      return Optional.empty();
    }
    Optional<AmplitudeBranch.Point> p = follow(family, s.get(), a, from, family.base());
    return p.isPresent() ? walkUp(target, p.get()) : Optional.empty();
  }

  /** Amplitudes of the homotopy relative to the start's: where one path ends early (S4), the next starts at a larger field. */
  static final double[] AMPLITUDE_FACTORS = {1, 2, 4};

  /**
   * Continuation of the curve {(h, r)} of branch points at fixed |b| = {@code a} (the state and omega
   * free) from the point {@code start} at h = {@code from} to h = {@code to}, by local parametrisation
   * (Rheinboldt): each step fixes whichever of h and ln r changed more along the secant (h measured in
   * units of |to - from|) and solves for the other, with the secant predictor over arclength in that
   * plane. So a fold of the path in h (where r changes fast and natural continuation in h stops with
   * shrinking steps: TPM_d S4 and S8 at 2 gamma) is passed in r, and the path is followed to wherever it
   * goes: to h = {@code to} (the point there is returned), back past h = {@code from}, or down to a pump
   * below {@link ThresholdFinder#R_MIN} (no lasing state at this amplitude on this path; both end it
   * empty, with the trace kept in {@link #tried}).
   */
  Optional<AmplitudeBranch.Point> follow(ParameterFamily family, AmplitudeBranch.Point start, double a, double from,
      double to) {
    Optional<AmplitudeBranch.Point> first = branch(family, from).solve(a, start);
    if (first.isEmpty()) {
      log.add("homotopy in " + family.name() + ": no branch point at |b| = " + a + ", " + family.name() + " = " + from);
      return Optional.empty();
    }
    pathsFollowed++;
    double span = Math.abs(to - from);
    double dir = Math.signum(to - from);
    // Curve points: (state, omega, h, r).
    double[] x = curvePoint(first.get(), from, first.get().pump());
    double[] xPrev = null;
    double ds = FIRST_STEP;
    int n2 = x.length - 2;
    List<String> trace = new ArrayList<>();
    String end = "attempts exhausted";
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      RouteCancellation.check();
      double h = x[n2];
      double lnR = Math.log(x[n2 + 1]);
      // Unit secant in (h / span, ln r); the first step goes along h towards the target.
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
      boolean atTarget = false;
      if ((hNext - to) * dir >= 0) { // the step reaches the target: land on it in h
        double f = (to - h) / (hNext - h);
        lnRNext = lnR + f * (lnRNext - lnR);
        hNext = to;
        preferH = true;
        atTarget = true;
      }
      int[] it = {0, 0};
      Optional<double[]> y = step(family, a, x, xPrev, span, arc, hNext, lnRNext, preferH, !atTarget, it);
      if (y.isEmpty()) {
        ds *= 0.5;
        if (ds < MIN_STEP) {
          end = "steps too small";
          break;
        }
        continue;
      }
      xPrev = x;
      x = y.get();
      String pt = String.format(Locale.ROOT, "%s = %.6g, r = %s (%s fixed, %d iterations)", family.name(), x[n2],
          Readable.number(x[n2 + 1]), it[1] == 1 ? family.name() : "r", it[0]);
      trace.add(pt);
      LOG.info("homotopy in {} at |b| = {}: {}", family.name(), Readable.number(a), pt);
      if (atTarget) {
        log.add(String.format(Locale.ROOT, "homotopy in %s at |b| = %.2f from %s to %s: r = %s (path: %s)", family.name(),
            a, Readable.number(from), Readable.number(to), Readable.number(x[n2 + 1]), String.join("; ", trace)));
        return Optional.of(new AmplitudeBranch.Point(without(x, n2)));
      }
      String stop = pathEnd(family, x, from, dir);
      if (stop != null) {
        end = stop;
        break;
      }
      ds = Math.min(MAX_STEP, ds * (it[0] <= FAST ? GROW : it[0] > SLOW ? 0.5 : 1));
    }
    log.add(String.format(Locale.ROOT, "homotopy in %s at |b| = %.2f from %s ended at %s = %s, r = %s: %s (path: %s)",
        family.name(), a, Readable.number(from), family.name(), Readable.number(x[n2]), Readable.number(x[n2 + 1]), end,
        String.join("; ", trace)));
    return Optional.empty();
  }

  /**
   * One corrector step of {@link #follow} to the predicted (h, ln r) = ({@code hNext}, {@code lnRNext}): the
   * coordinate that moved more ({@code preferH}: h) is fixed first; where that fails and {@code
   * mayswitch} (a turn of the path in that coordinate just ahead: r at a minimum while h still moves), the
   * other one is fixed instead. {@code iterations[0]} receives the Newton iterations of the last solve.
   */
  private Optional<double[]> step(ParameterFamily family, double a, double[] x, double[] xPrev, double span, double arc,
      double hNext, double lnRNext, boolean preferH, boolean mayswitch, int[] iterations) {
    int n2 = x.length - 2;
    double h = x[n2];
    double lnR = Math.log(x[n2 + 1]);
    Optional<double[]> y = Optional.empty();
    for (int mode = 0; mode < (mayswitch ? 2 : 1) && y.isEmpty(); mode++) {
      boolean inH = mode == 0 ? preferH : !preferH;
      double[] guess = x.clone(); // the secant predictor along the arclength in the (h / span, ln r) plane
      double f = xPrev == null ? Double.NaN : Math.hypot((hNext - h) / span, lnRNext - lnR) / arc;
      for (int i = 0; Double.isFinite(f) && i < guess.length; i++) {
        guess[i] += f * (x[i] - xPrev[i]);
      }
      guess[n2] = hNext;
      guess[n2 + 1] = Math.exp(lnRNext);
      AmplitudeBranch bn;
      if (inH) {
        bn = branch(family, hNext);
        y = bn.solve(a, new AmplitudeBranch.Point(without(guess, n2))).map(p -> curvePoint(p, hNext, p.pump()));
      } else {
        double r = Math.exp(lnRNext);
        bn = new AmplitudeBranch(atPump(family, r), newton);
        y = bn.solve(a, new AmplitudeBranch.Point(without(guess, n2 + 1))).map(p -> curvePoint(p, p.pump(), r));
      }
      iterations[0] = bn.lastIterations();
      iterations[1] = inH ? 1 : 0;
      y = y.filter(v -> family.admissible(v[n2]));
    }
    return y;
  }

  /** Why the path of {@link #follow} ends at curve point {@code x} ((state, omega, h, r)), or null where it goes on. */
  static String pathEnd(ParameterFamily family, double[] x, double from, double dir) {
    int n2 = x.length - 2;
    if ((x[n2] - from) * dir < 0) {
      return "the path turned back past " + family.name() + " = " + Readable.number(from);
    }
    Model here = family.at(x[n2]).withPump(x[n2 + 1]);
    double[] state = java.util.Arrays.copyOf(x, n2 - 1);
    if (!NonLasingBranch.physical(here, state)) {
      // a root of the polynomial steady-state equations that no laser reaches: not followed through it
      return String.format(Locale.ROOT, "the path left the physical states (photons %.6g, mean upper population %.6g)",
          here.photons(state), here.upperPopulationMean(state));
    }
    double r = x[n2 + 1];
    if (r < ThresholdFinder.R_MIN || r > ThresholdFinder.R_MAX) { // above: the ceiling of the verdict "none" (S4: mu paths to 1e21 s^-1)
      return r < ThresholdFinder.R_MIN ? "r fell below " + Readable.number(ThresholdFinder.R_MIN) + ": no lasing state at this |b| on the path" : "r rose above the search's ceiling " + Readable.number(ThresholdFinder.R_MAX) + ": not followed beyond it (no lasing state on the path below it)";
    }
    return null;
  }

  /** (state, omega, h, r) from a branch point whose last entry is h or r. */
  private static double[] curvePoint(AmplitudeBranch.Point p, double h, double r) {
    double[] x = p.x();
    double[] y = java.util.Arrays.copyOf(x, x.length + 1);
    y[x.length - 1] = h;
    y[x.length] = r;
    return y;
  }

  /** {@code x} without entry {@code k}. */
  private static double[] without(double[] x, int k) {
    double[] y = new double[x.length - 1];
    System.arraycopy(x, 0, y, 0, k);
    System.arraycopy(x, k + 1, y, k, x.length - k - 1);
    return y;
  }

  /** The family's members at pump {@code r}: h becomes the branch's free parameter. */
  private static ParameterFamily atPump(ParameterFamily family, double r) {
    return new ParameterFamily(family.name(), family.base(), family.logarithmic(), family.lowerBound(),
        v -> family.at(v).withPump(r));
  }

  private AmplitudeBranch branch(ParameterFamily family, double h) {
    Model m = family.at(h);
    return new AmplitudeBranch(ParameterFamily.pump(m), newton);
  }

  /**
   * From a point of the target's branch, the first stable lasing state at amplitudes a, a *
   * {@link #AMPLITUDE_RATIO}, ... (a step that fails is shortened; where |b| cannot grow, the step is
   * taken in the pump instead, upwards by the same ratios: a local change of the continuation
   * parameter, regular where the branch turns in |b|): each point polished at fixed pump with its
   * spectrum, beside the next step ({@link BranchWalkUp}).
   */
  Optional<Equilibrium> walkUp(Model target, AmplitudeBranch.Point from) {
    return new BranchWalkUp(newton, log, visits).stableState(target, from);
  }

  /** Paths of {@link #follow} that got past their first point (ending at the target or a path end, {@link #tried}). */
  int pathsFollowed() {
    return pathsFollowed;
  }

  /** What was tried, in order. */
  List<String> tried() {
    return List.copyOf(log);
  }

  /** The target's branch points polished on the way, with their spectra. */
  List<Visit> visits() {
    return List.copyOf(visits);
  }
}
