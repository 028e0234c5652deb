package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;

/** Newton polishing of lasing (rotating-frame) and non-lasing steady states, with stability. */
public final class EquilibriumSolver {
  /**
   * |b| below this counts as no coherent field. Lasing states of these models have |b| of order
   * 1..1e3; Newton converging to |b| ~ 0 from a lasing guess means the branch has ended.
   */
  public static final double LASING_AMPLITUDE_FLOOR = 1e-6;

  private final NewtonSolver newton;
  private final NewtonSettings settings;
  /** Whether a lasing state's stability computes the relaxation analysis' second spectrum beside its own. */
  private final boolean relaxationSpectra;

  public EquilibriumSolver(NewtonSettings settings) {
    this(settings, false);
  }

  private EquilibriumSolver(NewtonSettings settings, boolean relaxationSpectra) {
    this.newton = new NewtonSolver(settings);
    this.settings = settings;
    this.relaxationSpectra = relaxationSpectra;
  }

  /**
   * A solver whose lasing states' stability verdicts also compute, on a second thread, the spectrum
   * at the second finite-difference step that {@link RelaxationOscillation} reads, for callers that
   * read it for the states they polish ({@link SecondStepSpectrum}): the same numbers, sooner on two
   * cores; more CPU where the second spectrum is not read (intermediate polishes), so not for batch work.
   */
  public EquilibriumSolver withRelaxationSpectra() {
    return new EquilibriumSolver(settings, true);
  }

  /**
   * This solver without {@link #withRelaxationSpectra}: for states whose relaxation nobody reads (the
   * seed chain's states, {@link PointSolver#start}), whose second-step spectrum is then computed only if
   * the stability verdict needs it. The same numbers.
   */
  EquilibriumSolver withoutRelaxationSpectra() {
    return relaxationSpectra ? new EquilibriumSolver(settings, false) : this;
  }

  /** Whether this solver is one of {@link #withRelaxationSpectra}. */
  boolean relaxationSpectra() {
    return relaxationSpectra;
  }

  public EquilibriumSolver() {
    this(NewtonSettings.defaults());
  }

  /**
   * Polishes a lasing state from a guess (any phase) and a frequency guess. Empty if Newton does
   * not converge or converges to a state without coherent field.
   */
  public Optional<Equilibrium> polishLasing(Model model, double[] guess, double omegaGuess) {
    return rotatingNewton(model, guess, omegaGuess).map(res -> lasingEquilibrium(model, res));
  }

  /**
   * The second half of {@link #polishLasing} (the first is {@link #rotatingNewton}), for callers that do other
   * work between them ({@link PointSolver}: a seed's stability beside the next model's Newton): the lasing state
   * Newton converged to, with its stability.
   */
  Equilibrium lasingEquilibrium(Model model, NewtonResult res) {
    int n = model.dimension();
    double[] x = res.x();
    return build(model, java.util.Arrays.copyOf(x, n), x[n], true, res, relaxationSpectra);
  }

  /**
   * A lasing state by rotating-frame Newton from a guess, without its stability (a branch step,
   * where the eigenvalues are needed only at the branch's end: at TPM_d N = 50 they cost more than
   * the Newton solve).
   *
   * @return the state followed by omega (a new array), or empty as {@link #polishLasing}
   */
  public Optional<double[]> lasingState(Model model, double[] guess, double omegaGuess) {
    return rotatingNewton(model, guess, omegaGuess).map(NewtonResult::x);
  }

  /** Rotating-frame Newton from a guess (gauged so that b is real): the converged result with a coherent field, else empty. */
  Optional<NewtonResult> rotatingNewton(Model model, double[] guess, double omegaGuess) {
    int n = model.dimension();
    if (model.fieldAmplitude(guess) <= LASING_AMPLITUDE_FLOOR) {
      return Optional.empty();
    }
    double[] x0 = new double[n + 1];
    System.arraycopy(RotatingFrame.gauge(model.layout(), guess), 0, x0, 0, n);
    x0[n] = omegaGuess;
    NewtonResult res = newton.solve(new RotatingFrame(model), x0);
    if (!res.converged() || model.fieldAmplitude(java.util.Arrays.copyOf(res.x(), n)) <= LASING_AMPLITUDE_FLOOR) {
      return Optional.empty();
    }
    return Optional.of(res);
  }

  /** Polishes the non-lasing state (every phase-charged field zero) from a guess. */
  public Optional<Equilibrium> polishNonLasing(Model model, double[] guess) {
    NewtonResult res = nonLasingNewton(model, guess);
    if (!res.converged()) {
      return Optional.empty();
    }
    return Optional.of(build(model, res.x(), 0.0, false, res));
  }

  /**
   * The non-lasing state by Newton from a guess, without its stability (a continuation step, where
   * only the end needs the eigenvalues: at TPM_d N = 50 the stability costs more than the Newton solve).
   */
  public Optional<double[]> nonLasingState(Model model, double[] guess) {
    NewtonResult res = nonLasingNewton(model, guess);
    return res.converged() ? Optional.of(res.x()) : Optional.empty();
  }

  /**
   * A converged non-lasing state (from {@link #nonLasingState}) with its stability, without another
   * Newton solve (which can fail where the Jacobian is singular, at a pitchfork); the residual is
   * recomputed.
   */
  public Equilibrium describeNonLasing(Model model, double[] state) {
    double[] f = new double[state.length];
    model.rhs(0.0, state, f);
    double r = 0;
    for (double v : f) {
      r = Math.max(r, Math.abs(v));
    }
    StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(model, state, 0.0, false);
    return new Equilibrium(model.kind(), model.pump(), false, state, 0.0, model.fieldAmplitude(state),
        model.photons(state), model.upperPopulationMean(state), model.activation(state), s.stable(), s.rightmostReal(),
        r, 0);
  }

  private NewtonResult nonLasingNewton(Model model, double[] guess) {
    double[] z = guess.clone();
    for (Field f : model.layout().fields()) {
      if (f.charge() != 0) {
        z[f.offset()] = 0.0;
        z[f.offset() + 1] = 0.0;
      }
    }
    return newton.solve(steadyState(model), z);
  }

  /**
   * f(z) = 0 of the model (non-rotating steady state) as a Newton system, with the model's sparsity
   * closed under the rotation blocks ({@link RotatingFrame#steadyStatePattern}: the lasing system's
   * leading block, so that both share one fill-reducing order).
   */
  static NonlinearSystem steadyState(Model model) {
    return new NonlinearSystem() {
      @Override
      public int dimension() {
        return model.dimension();
      }

      @Override
      public void residual(double[] x, double[] out) {
        model.rhs(0.0, x, out);
      }

      @Override
      public NonlinearSystem concurrentCopy() {
        return this; // the model's right-hand side keeps no state
      }

      @Override
      public org.qdlaser.stages.numerics.sparse.SparsityPattern sparsity() {
        return RotatingFrame.steadyStatePattern(model);
      }

      @Override
      public boolean hasSparseJacobian() {
        return model.hasSparseJacobian() && model.sparsity() != null;
      }

      /** df/dz on the closed pattern (the rotation blocks' extra entries are zero: omega = 0). */
      @Override
      public void sparseJacobian(double[] x, double[] values) {
        org.qdlaser.stages.physics.FrameJacobian.of(model, sparsity(), -1).fill(model, x, 0.0, values);
      }
    };
  }

  private static Equilibrium build(Model model, double[] z, double omega, boolean lasing, NewtonResult res) {
    return build(model, z, omega, lasing, res, false);
  }

  private static Equilibrium build(Model model, double[] z, double omega, boolean lasing, NewtonResult res,
      boolean bothSteps) {
    StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(model, z, omega, lasing, bothSteps);
    return new Equilibrium(
        model.kind(), model.pump(), lasing, z, omega, model.fieldAmplitude(z), model.photons(z),
        model.upperPopulationMean(z), model.activation(z), s.stable(), s.rightmostReal(),
        res.residualNorm(), res.iterations());
  }

  /**
   * Polishes the end of a transient: the lasing state if the transient still has a field and
   * Newton converges to a lasing state from it, else the non-lasing state.
   *
   * @throws EquilibriumException if neither converges
   */
  public Equilibrium polish(Model model, org.qdlaser.stages.integration.Relaxation rel) {
    double[] y = rel.state();
    if (model.fieldAmplitude(y) > LASING_AMPLITUDE_FLOOR) {
      Optional<Equilibrium> lasing = polishLasing(model, y, frequencyEstimate(model, y, rel.derivative()));
      if (lasing.isPresent()) {
        return lasing.get();
      }
    }
    return polishNonLasing(model, y)
        .orElseThrow(
            () -> new EquilibriumException(
                "Newton did not converge to a steady state of " + model.kind() + " at r = " + model.pump()
                    + " after a transient of " + rel.duration() + " (1/gamma_nr); last max rate "
                    + rel.maxRate() + ", criterion reached: " + rel.reachedCriterion()));
  }

  /** Frequency estimate Im(conj(b) db/dt)/|b|^2 from a state and its derivative. */
  public static double frequencyEstimate(Model model, double[] y, double[] yDot) {
    return RotatingFrame.instantaneousFrequency(model.layout(), y, yDot);
  }
}
