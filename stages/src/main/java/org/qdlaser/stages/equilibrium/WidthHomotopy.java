package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.physics.Readable;

/**
 * The lasing state of a polydisperse sample followed from identical dots: the sample's detunings
 * scaled by s = w / w0 from 0 (all dots at zero detuning, where the {@code _d} model reduces exactly
 * to the identical-dot model and its lasing state is that model's, spread to every dot and pair) to
 * 1, by natural continuation in w with rotating-frame Newton at each step (secant predictor).
 *
 * <p>A second route to the state of {@link PointSolver#solve} (which starts from the cheaper
 * model's state lifted by factorisation), and a diagnostic where that route fails: the path shows
 * where the branch that starts at identical dots goes — to the sample's width, into a fold (steps
 * shrink to nothing), or off to unphysical moments ({@link Equilibrium#physical()}). Natural
 * continuation cannot pass a fold in w; it reports where it stopped.
 */
public final class WidthHomotopy {
  /** First step as a fraction of the sample's width: the first step has no secant predictor. */
  static final double FIRST_STEP = 0.01;
  /** Steps below this fraction of the width: the branch is taken to end (a fold in w, or a pole). */
  static final double MIN_STEP = 1e-4;
  /** Newton iterations up to which the next step grows by {@link #GROW}. */
  static final int FAST = 4;
  /** Newton iterations above which the next step shrinks by half (slow convergence: curvature). */
  static final int SLOW = 8;
  static final double GROW = 1.5;
  /** Attempts (accepted or not) before giving up: ~40 accepted steps reach w0 when smooth. */
  static final int MAX_ATTEMPTS = 200;

  private final NewtonSolver newton;
  private final EquilibriumSolver solver;

  /**
   * Newton iterations per step: a step that needs more is too long (halve it) or at the branch's
   * end. Measured: smooth steps converge in 4-8 iterations; near a fold or a runaway (S2 at N = 50,
   * S3 at N = 100) 11-30 before failing at 50, each failure costing ~150 CPU-s at N = 100.
   */
  static final int MAX_NEWTON_PER_STEP = 25;

  public WidthHomotopy(NewtonSettings settings) {
    this.newton = new NewtonSolver(new NewtonSettings(settings.stepTolerance(), settings.scaleFloor(),
        Math.min(settings.maxIterations(), MAX_NEWTON_PER_STEP)));
    this.solver = new EquilibriumSolver(settings);
  }

  /**
   * One accepted continuation step.
   *
   * @param width w at this step, in units of gamma (the sample's rms detuning / gamma, scaled)
   * @param bAbs |<b>|
   * @param omega rotation frequency (units of gamma_nr)
   * @param incoherentPhotons {@code <b+b> - |<b>|^2} (negative: unphysical moments)
   * @param iterations Newton iterations of this step
   */
  public record Step(double width, double bAbs, double omega, double incoherentPhotons, int iterations) {}

  /**
   * The path and where it ended.
   *
   * @param sampleWidth w0 of the sample, units of gamma
   * @param path accepted steps from w = 0
   * @param end the lasing equilibrium at w0 with its stability, if the path reached it
   * @param ending {@code reached}, {@code step_too_small} (fold in w or divergence at the last
   *     width), {@code no_identical_lasing_state} or {@code max_attempts}
   */
  public record Result(double sampleWidth, List<Step> path, Optional<Equilibrium> end, String ending) {
    public Result {
      path = List.copyOf(path);
    }
  }

  /**
   * Follows the lasing state from identical dots to the sample.
   *
   * @param target the sample's polydisperse model (non-zero detunings; couplings used as given)
   * @param identicalState lasing state of {@link #identicalModel(Model)} (caller-owned, not modified)
   * @param identicalOmega its rotation frequency (units of gamma_nr)
   */
  public Result follow(Model target, double[] identicalState, double identicalOmega) {
    DisperseParameters sample = parameters(target);
    ModelKind kind = target.kind();
    ParameterFamily family = ParameterFamily.disperse("w_qd", kind, sample);
    double w0 = family.base();
    Model identical = identicalModel(target);
    Model m0 = family.at(0.0);
    int n = m0.dimension();
    double[] x = new double[n + 1];
    System.arraycopy(RotatingFrame.gauge(m0.layout(), spread(identical, identicalState, m0)), 0, x, 0, n);
    x[n] = identicalOmega;
    NewtonResult start = newton.solve(new RotatingFrame(m0), x);
    List<Step> path = new ArrayList<>();
    if (!start.converged() || m0.fieldAmplitude(start.x()) <= EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
      return new Result(w0, path, Optional.empty(), "no_identical_lasing_state");
    }
    x = start.x();
    path.add(step(m0, 0.0, x, start.iterations()));
    double[] xPrev = null;
    double v = 0;
    double vPrev = 0;
    double dv = FIRST_STEP * w0;
    double[] guess = new double[n + 1];
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      double vNext = Math.min(w0, v + dv);
      System.arraycopy(x, 0, guess, 0, n + 1);
      if (xPrev != null) {
        double f = (vNext - v) / (v - vPrev);
        for (int i = 0; i <= n; i++) {
          guess[i] += f * (x[i] - xPrev[i]);
        }
      }
      Model m = family.at(vNext);
      NewtonResult r = newton.solve(new RotatingFrame(m), guess);
      if (r.converged() && m.fieldAmplitude(r.x()) > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        xPrev = x;
        vPrev = v;
        x = r.x();
        v = vNext;
        path.add(step(m, v, x, r.iterations()));
        // One line per step (seconds to minutes each at N = 100): progress of a long continuation.
        LOG.info("{} width homotopy: w_QD = {} of {} gamma (|b| = {}, {} Newton iterations)", kind, Readable.number(v),
            Readable.number(w0), Readable.number(m.fieldAmplitude(x)), r.iterations());
        if (v >= w0) {
          Optional<Equilibrium> end = solver.polishLasing(m, Arrays.copyOf(x, n), x[n]);
          return new Result(w0, path, end, end.isPresent() ? "reached" : "step_too_small");
        }
        if (r.iterations() <= FAST) {
          dv *= GROW;
        } else if (r.iterations() > SLOW) {
          dv *= 0.5;
        }
      } else {
        LOG.info("{} width homotopy: no convergence at w_QD = {} gamma ({} Newton iterations): step halved", kind,
            Readable.number(vNext), r.iterations());
        dv *= 0.5;
        if (dv < MIN_STEP * w0) {
          return new Result(w0, path, Optional.empty(), "step_too_small");
        }
      }
    }
    return new Result(w0, path, Optional.empty(), "max_attempts");
  }

  private static DisperseParameters parameters(Model m) {
    return Models.disperseParameters(m).orElseThrow(
        () -> new IllegalArgumentException("the width homotopy needs a polydisperse model, got " + m.kind()));
  }

  private static Step step(Model m, double w, double[] x, int iterations) {
    int n = m.dimension();
    double b = m.fieldAmplitude(x);
    return new Step(w, b, x[n], m.photons(x) - b * b, iterations);
  }

  /**
   * The identical-dot model the sample reduces to at w = 0: the sample's rates, N, mean coupling,
   * zero detuning.
   */
  public static Model identicalModel(Model target) {
    DisperseParameters p = parameters(target);
    ModelKind identical = switch (target.kind()) {
      case CIM_d -> ModelKind.CIM;
      case TPM_IF_d -> ModelKind.TPM_IF;
      case TPM_d -> ModelKind.TPM;
      default -> throw new IllegalArgumentException("no identical-dot model for " + target.kind());
    };
    return Models.identical(identical, new LaserParameters(
        p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.meanCoupling(), p.mu(), p.n(), p.r(), 0.0));
  }

  /**
   * An identical-dot state spread to every dot and pair of the {@code _d} model: field "X[l]" or
   * "X[i][j]" takes the identical model's "X" (the exact reduction of DESIGN.md).
   */
  static double[] spread(Model identical, double[] y, Model disperse) {
    double[] z = new double[disperse.dimension()];
    for (Field f : disperse.layout().fields()) {
      int bracket = f.name().indexOf('[');
      Field src = identical.layout().field(bracket < 0 ? f.name() : f.name().substring(0, bracket));
      System.arraycopy(y, src.offset(), z, f.offset(), f.size());
    }
    return z;
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WidthHomotopy.class);
}
