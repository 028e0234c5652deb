package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdlaser.stages.numerics.ContinuationSettings;
import org.qdlaser.stages.numerics.ParametrizedSystem;
import org.qdlaser.stages.numerics.PseudoArclength;
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

  private final ContinuationSettings settings;

  public LasingBranch(ContinuationSettings settings) {
    this.settings = settings;
  }

  /**
   * A fold (saddle-node) of the branch located exactly: the parameter value (the pump for a pump
   * continuation), amplitude and population there; minimum: the branch turns back up in the
   * parameter.
   */
  public record Fold(double pump, double bAbs, double upperPopulation, boolean minimum) {}

  /** A traced branch with its folds. */
  public record Result(List<BranchPoint> points, List<Fold> folds) {
    public Result {
      points = List.copyOf(points);
      folds = List.copyOf(folds);
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
    int imB = model.layout().field("b").offset() + 1;
    boolean log = family.logarithmic();
    java.util.function.DoubleUnaryOperator value = u -> log ? Math.exp(u) : u;
    ParametrizedSystem system = new ParametrizedSystem() {
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
      return m.fieldAmplitude(z) > END_AMPLITUDE_FRACTION * b0 && pt.p() >= uMin && pt.p() <= uMax;
    });
    if (raw.size() > out.size()) {
      raw = raw.subList(0, out.size()); // the point past the pitchfork was not accepted
    }
    // Folds: sign changes of d(parameter)/ds, located on the branch parametrised by |b|.
    List<Fold> folds = new ArrayList<>();
    AmplitudeBranch amp = new AmplitudeBranch(family,
        new org.qdlaser.stages.numerics.NewtonSolver(org.qdlaser.stages.numerics.NewtonSettings.defaults()));
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
              a.bAbs(), minimum, ThresholdFinder.FOLD_AMPLITUDE_RELATIVE)
          .ifPresent(p -> {
            Model at = family.at(p.pump());
            double[] z = p.state();
            folds.add(new Fold(p.pump(), at.fieldAmplitude(z), at.upperPopulationMean(z), minimum));
          });
    }
    return new Result(out, folds);
  }

  /** Arclength scale per unknown: the magnitude of its field at the start (floored), 1 for omega. */
  private static double[] scale(Model model, double[] x0) {
    int n = model.dimension();
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(x0[i]));
    }
    double[] s = new double[n + 1];
    for (Field f : model.layout().fields()) {
      double mag = 0;
      for (int k = 0; k < f.size(); k++) {
        mag = Math.max(mag, Math.abs(x0[f.offset() + k]));
      }
      for (int k = 0; k < f.size(); k++) {
        s[f.offset() + k] = Math.max(mag, SCALE_FLOOR * max);
      }
    }
    s[n] = 1.0;
    return s;
  }
}
