package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.numerics.nonlinear.ParametrizedSystem;
import org.qdlaser.stages.numerics.nonlinear.PseudoArclength;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ParameterFamily;

/**
 * The lasing branch of a model traced by pseudo-arclength continuation in ln r, in the rotating
 * frame (unknowns: state and omega; phase condition Im b = 0), through folds and onto the unstable
 * branch, with the stability of every point. Used for bifurcation diagrams with both branches.
 */
public final class LasingBranch {
  /** The tracing stops when |b| falls below this fraction of its starting value (near the non-lasing state). */
  static final double END_AMPLITUDE_FRACTION = 1e-3;
  /** Floor of the arclength scale of a field, relative to the largest field magnitude. */
  private static final double SCALE_FLOOR = 1e-9;
  /**
   * Largest number of unknowns (state + omega) traced: the tangent of the continuation is a dense
   * (n + 2) x (n + 2) system built column by column (central differences), and every point's
   * stability a dense eigenproblem. CIM_d (3 + 5N) and TPM_IF_d (5 + 9N) at N = 50 fit; TPM_d
   * (5 + 9N + 7N(N - 1)) only up to N = 11.
   */
  public static final int MAX_DIMENSION = 1_000;
  /**
   * A branch that ends stable with |b| below this fraction of its starting amplitude has reached the
   * non-lasing state: its end is extrapolated to |b| = 0.
   */
  static final double ZERO_AMPLITUDE_FRACTION = 0.05;
  /** |omega| below this (units of gamma_nr) is a non-rotating state: its zero-amplitude end is a pitchfork. */
  static final double RESONANT_OMEGA = 1e-9;

  /**
   * With {@link #stableSideOnly}: unstable points traced past a fold before the tracing stops. A
   * few are needed to locate the fold (the sign change of d(parameter)/ds between two points) and to
   * show where the unstable branch turns.
   */
  static final int UNSTABLE_POINTS_PAST_FOLD = 5;

  private final ContinuationSettings settings;
  private final boolean stableSideOnly;

  /** Traces the whole branch: stable part, folds and the unstable part until the non-lasing state. */
  public LasingBranch(ContinuationSettings settings) {
    this(settings, false);
  }

  /**
   * @param stableSideOnly stop {@link #UNSTABLE_POINTS_PAST_FOLD} unstable points after the first
   *     fold instead of following the unstable branch back to the non-lasing state. For sample
   *     studies (Fig. 3): the TPM_IF_d unstable branch climbs back from the fold to ~1.5e14 s^-1 and
   *     was two thirds of each branch's cost (a dense eigenproblem per point), while the figure and
   *     its checks use the stable branch and the fold.
   */
  public LasingBranch(ContinuationSettings settings, boolean stableSideOnly) {
    this.settings = settings;
    this.stableSideOnly = stableSideOnly;
  }

  /**
   * A fold (saddle-node) of the branch located exactly: the parameter value (the pump for a pump
   * continuation), amplitude and population there; minimum: the branch turns back up in the
   * parameter.
   */
  public record Fold(double pump, double bAbs, double upperPopulation, boolean minimum) {}

  /**
   * The low-pump end of the stable part of a branch traced downwards from a stable point: the
   * lasing threshold read off the continuation.
   *
   * @param pump the parameter value there (the pump for a pump continuation); NaN for {@code none}
   * @param bAbs |b| there (0 where the branch meets the non-lasing state)
   * @param kind {@code fold} (saddle-node: the stable branch turns into the unstable one, located
   *     exactly), {@code pitchfork} / {@code hopf} (the branch reaches |b| = 0, non-rotating /
   *     rotating; the parameter extrapolated linearly in |b|^2 from the last two points, error
   *     O(|b|^4)), {@code instability} (stability lost without a fold: the value is the last stable
   *     point, an upper bound within one continuation step), or {@code none: <reason>}
   */
  public record StableEnd(double pump, double bAbs, String kind) {}

  /** A traced branch with its folds. */
  public record Result(List<BranchPoint> points, List<Fold> folds) {
    public Result {
      points = List.copyOf(points);
      folds = List.copyOf(folds);
    }

    /** The low-pump end of the stable part of the branch (see {@link StableEnd}). */
    public StableEnd stableEnd() {
      if (points.isEmpty()) {
        return new StableEnd(Double.NaN, Double.NaN, "none: no branch");
      }
      if (!points.get(0).stable()) {
        return new StableEnd(Double.NaN, Double.NaN, "none: the branch starts unstable");
      }
      int last = 0;
      while (last + 1 < points.size() && points.get(last + 1).stable()
          && Math.signum(points.get(last + 1).dlogrds()) == Math.signum(points.get(0).dlogrds())) {
        last++;
      }
      BranchPoint end = points.get(last);
      if (last + 1 < points.size()) {
        BranchPoint next = points.get(last + 1);
        // A fold between the last stable point and the next one (located in that amplitude interval,
        // see trace) ends the stable branch there: a minimum of the parameter for a branch traced
        // downwards, a maximum for one traced upwards (continuation in w_qd from narrow samples).
        boolean downwards = points.get(0).dlogrds() < 0;
        for (Fold f : folds) {
          if (f.minimum() == downwards && f.bAbs() >= Math.min(end.bAbs(), next.bAbs()) && f.bAbs() <= Math.max(end.bAbs(), next.bAbs())) {
            return new StableEnd(f.pump(), f.bAbs(), "fold");
          }
        }
        return new StableEnd(end.pump(), end.bAbs(), "instability");
      }
      double b0 = points.get(0).bAbs();
      if (last >= 1 && end.bAbs() < ZERO_AMPLITUDE_FRACTION * b0) {
        BranchPoint prev = points.get(last - 1);
        double b1 = end.bAbs() * end.bAbs();
        double b2 = prev.bAbs() * prev.bAbs();
        double p0 = end.pump() - b1 * (prev.pump() - end.pump()) / (b2 - b1);
        return new StableEnd(p0, 0.0, Math.abs(end.omega()) > RESONANT_OMEGA ? "hopf" : "pitchfork");
      }
      return new StableEnd(Double.NaN, Double.NaN, "none: the continuation stopped at " + end.pump()
          + " with |b| = " + end.bAbs() + ", still stable");
    }
  }

  /**
   * Traces the branch downwards in r from a lasing equilibrium until |b| has nearly vanished, the
   * pump leaves [rMin, start pump * 10], or the point budget is spent.
   */
  public Result trace(Model model, Equilibrium start, double rMin) {
    return trace(ParameterFamily.pump(model.withPump(start.pump())), start, rMin, start.pump() * 10, true);
  }

  /**
   * Traces the branch in any parameter of {@code family} from a lasing equilibrium of the family's
   * base model (parameter value {@code family.base()}), downwards or upwards, until |b| has nearly
   * vanished, the parameter leaves [min, max], or the point budget is spent. For {@link
   * BranchPoint} the parameter value takes the place of the pump.
   */
  public Result trace(ParameterFamily family, Equilibrium start, double min, double max, boolean downwards) {
    Model model = family.at(family.base());
    int n = model.dimension();
    if (n + 1 > MAX_DIMENSION) {
      throw new IllegalArgumentException(model.kind() + " has " + n + " unknowns (+ omega): the continuation (dense tangent "
          + "systems) takes at most " + MAX_DIMENSION);
    }
    int imB = model.layout().field("b").offset() + 1;
    boolean log = family.logarithmic();
    java.util.function.DoubleUnaryOperator value = u -> log ? Math.exp(u) : u;
    ParametrizedSystem system = rotatingFrame(family, n, imB, value);
    double[] x0 = Arrays.copyOf(start.state(), n + 1);
    x0[n] = start.omega();
    double[] scale = scale(model, x0);
    double b0 = start.bAbs();
    double u0 = log ? Math.log(family.base()) : family.base();
    double uMin = log ? Math.log(min) : min;
    double uMax = log ? Math.log(max) : max;
    List<BranchPoint> out = new ArrayList<>();
    int reB = imB - 1;
    double sign0 = Math.signum(x0[reB]);
    double[] firstSlope = {Double.NaN};
    int[] unstablePastFold = {0};
    List<PseudoArclength.Point> raw = new PseudoArclength(settings).continueBranch(system, x0, u0, scale, downwards, pt -> {
      double v = value.applyAsDouble(pt.p());
      Model m = family.at(v);
      double[] z = Arrays.copyOf(pt.x(), n);
      if (Math.signum(z[reB]) != sign0) {
        // Through the non-lasing state (a pitchfork) onto the mirror branch b -> -b: the end.
        return false;
      }
      double omega = pt.x()[n];
      StabilityAnalyzer.Spectrum sp = StabilityAnalyzer.analyse(m, z, omega, true);
      out.add(new BranchPoint(v, m.fieldAmplitude(z), omega, m.photons(z), m.upperPopulationMean(z), sp.stable(),
          sp.rightmostReal(), pt.dpds()));
      if (Double.isNaN(firstSlope[0]) && pt.dpds() != 0) {
        firstSlope[0] = Math.signum(pt.dpds());
      }
      if (stableSideOnly && pt.dpds() * firstSlope[0] < 0 && !sp.stable()
          && ++unstablePastFold[0] >= UNSTABLE_POINTS_PAST_FOLD) {
        return false;
      }
      return m.fieldAmplitude(z) > END_AMPLITUDE_FRACTION * b0 && pt.p() >= uMin && pt.p() <= uMax;
    });
    if (raw.size() > out.size()) {
      raw = raw.subList(0, out.size()); // the point past the pitchfork was not accepted
    }
    return new Result(out, folds(family, out, raw, n));
  }

  /**
   * The rotating-frame steady state along the family: f(x) - omega A x = 0 and Im b = 0 (the phase
   * condition at offset {@code imB}), unknowns the state and omega (at index n), parameter u
   * ({@code value} maps it to the family's parameter). Inadmissible values give NaN residuals.
   */
  private static ParametrizedSystem rotatingFrame(ParameterFamily family, int n, int imB,
      java.util.function.DoubleUnaryOperator value) {
    return new ParametrizedSystem() {
      final double[] f = new double[n];
      final double[] az = new double[n];

      @Override
      public int dimension() {
        return n + 1;
      }

      @Override
      public void residual(double[] x, double u, double[] out) {
        double v = value.applyAsDouble(u);
        if (!family.admissible(v)) {
          java.util.Arrays.fill(out, Double.NaN);
          return;
        }
        Model m = family.at(v);
        m.rhs(0.0, x, f);
        m.layout().applyRotationGenerator(x, az);
        double omega = x[n];
        for (int i = 0; i < n; i++) {
          out[i] = f[i] - omega * az[i];
        }
        out[n] = x[imB];
      }
    };
  }

  /**
   * Folds: sign changes of d(parameter)/ds between consecutive points of {@code out}, located on the
   * branch parametrised by |b| from the continuation's states {@code raw} (n unknowns + omega).
   */
  private static List<Fold> folds(ParameterFamily family, List<BranchPoint> out, List<PseudoArclength.Point> raw, int n) {
    List<Fold> folds = new ArrayList<>();
    AmplitudeBranch amp = new AmplitudeBranch(family,
        new org.qdlaser.stages.numerics.nonlinear.NewtonSolver(org.qdlaser.stages.numerics.nonlinear.NewtonSettings.defaults()));
    for (int i = 1; i < out.size(); i++) {
      BranchPoint a = out.get(i - 1);
      BranchPoint b = out.get(i);
      if (Math.signum(a.dlogrds()) == Math.signum(b.dlogrds()) || a.dlogrds() == 0) {
        continue;
      }
      boolean minimum = a.dlogrds() < 0;
      double[] gx = raw.get(i - 1).x();
      double[] guess = Arrays.copyOf(gx, n + 2);
      guess[n + 1] = a.pump();
      amp.extremum(new AmplitudeBranch.Point(guess), Math.min(a.bAbs(), b.bAbs()), Math.max(a.bAbs(), b.bAbs()),
              minimum, ThresholdFinder.FOLD_AMPLITUDE_RELATIVE)
          .ifPresent(p -> {
            Model at = family.at(p.pump());
            double[] z = p.state();
            folds.add(new Fold(p.pump(), at.fieldAmplitude(z), at.upperPopulationMean(z), minimum));
          });
    }
    return folds;
  }

  /**
   * Arclength scale per unknown. Fields are grouped in families by their name without the dot
   * index ({@code Vc[3]} belongs to {@code Vc}); every unknown of a family is scaled by the largest
   * magnitude in the family at the start (floored) times the square root of the family's number of
   * fields, so that a family of N per-dot fields weighs in the arclength like the one field of an
   * identical-dot model (a step is then an RMS relative change, not one growing as sqrt(N)). For
   * identical-dot models every family has one field: the scale is that field's magnitude. Omega: 1.
   */
  private static double[] scale(Model model, double[] x0) {
    int n = model.dimension();
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(x0[i]));
    }
    java.util.Map<String, double[]> families = new java.util.HashMap<>(); // family -> {magnitude, count}
    for (Field f : model.layout().fields()) {
      double[] fam = families.computeIfAbsent(family(f.name()), k -> new double[2]);
      for (int k = 0; k < f.size(); k++) {
        fam[0] = Math.max(fam[0], Math.abs(x0[f.offset() + k]));
      }
      fam[1] += 1;
    }
    double[] s = new double[n + 1];
    for (Field f : model.layout().fields()) {
      double[] fam = families.get(family(f.name()));
      double v = Math.max(fam[0], SCALE_FLOOR * max) * Math.sqrt(fam[1]);
      for (int k = 0; k < f.size(); k++) {
        s[f.offset() + k] = v;
      }
    }
    s[n] = 1.0;
    return s;
  }

  /** Family of a field: its name without the dot or pair index ({@code Vc[3]} -> {@code Vc}). */
  static String family(String fieldName) {
    int i = fieldName.indexOf('[');
    return i < 0 ? fieldName : fieldName.substring(0, i);
  }
}
