package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdlaser.stages.numerics.ContinuationSettings;
import org.qdlaser.stages.numerics.ParametrizedSystem;
import org.qdlaser.stages.numerics.PseudoArclength;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;

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

  /** A fold (saddle-node) of the branch located exactly: pump, amplitude and population there. */
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
    int n = model.dimension();
    int imB = model.layout().field("b").offset() + 1;
    ParametrizedSystem system = new ParametrizedSystem() {
      final double[] f = new double[n];
      final double[] az = new double[n];

      @Override
      public int dimension() {
        return n + 1;
      }

      @Override
      public void residual(double[] x, double logR, double[] out) {
        if (!Double.isFinite(logR)) {
          java.util.Arrays.fill(out, Double.NaN);
          return;
        }
        Model m = model.withPump(Math.exp(logR));
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
    double logMin = Math.log(rMin);
    double logMax = Math.log(start.pump() * 10);
    List<BranchPoint> out = new ArrayList<>();
    List<PseudoArclength.Point> raw = new PseudoArclength(settings).continueBranch(system, x0, Math.log(start.pump()), scale, true, pt -> {
      double r = Math.exp(pt.p());
      Model m = model.withPump(r);
      double[] z = Arrays.copyOf(pt.x(), n);
      double omega = pt.x()[n];
      StabilityAnalyzer.Spectrum sp = StabilityAnalyzer.analyse(m, z, omega, true);
      out.add(new BranchPoint(r, m.fieldAmplitude(z), omega, m.photons(z), m.upperPopulationMean(z), sp.stable(),
          sp.rightmostReal(), pt.dpds()));
      return m.fieldAmplitude(z) > END_AMPLITUDE_FRACTION * b0 && pt.p() > logMin && pt.p() < logMax;
    });
    // Folds: sign changes of d ln r / ds, located on the branch parametrised by |b|.
    List<Fold> folds = new ArrayList<>();
    AmplitudeBranch amp = new AmplitudeBranch(model,
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
            Model at = model.withPump(p.pump());
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
