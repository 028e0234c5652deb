package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.integration.CoRotatingTransient;
import org.qdlaser.stages.integration.EquilibriumCriterion;
import org.qdlaser.stages.integration.FieldRecord;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.physics.Model;

/**
 * Where a transient goes in the long run (issue 13): integrated in the frame co-rotating with its
 * field ({@link CoRotatingTransient}) until one of
 *
 * <ul>
 *   <li>{@code lasing}: rotating-frame Newton from the transient polishes a <i>stable</i> steady
 *       lasing state (tried at the checkpoints 4, 8, 16, ... time units while the transient is not
 *       drifting away faster and faster, and whenever the App. A criterion holds);
 *   <li>{@code non_lasing}: the field has decayed below {@link #DECAYED} of its start and Newton
 *       polishes the stable non-lasing state;
 *   <li>{@code self_pulsing}: |b| oscillates with one period, neither growing nor decaying, over the
 *       last checkpoint interval ({@link Pulsation});
 *   <li>{@code unsettled}: the long-time limit (default 10,000 time units) is reached with none of
 *       these; the drift of ln|b| over the last part of the transient is reported.
 * </ul>
 *
 * <p>Not thread safe (an integrator workspace per call, but the solver's Newton workspaces are per
 * thread): one instance per thread.
 */
public final class LongTimeFate {
  /** Fraction of the initial |b| below which the field counts as decayed (as {@link PointSolver}). */
  static final double DECAYED = PointSolver.DECAYED;

  /**
   * Newton iterations of an attempt from a transient state. From a state in the basin of a steady
   * state Newton converges in 4-8 iterations (measured along the transients of docs/decisions.md);
   * a drifting transient far from any steady state fails, and each iteration costs a sparse
   * factorisation (~0.3 s at TPM_d N = 50), so attempts stop early.
   */
  static final int NEWTON_ATTEMPT_ITERATIONS = 15;

  /**
   * How long and how closely to follow the transient.
   *
   * @param longTimeLimit longest transient (1/gamma_nr); {@code unsettled} beyond it
   * @param firstCheckpoint first Newton attempt and fate check (1/gamma_nr); then doubled
   * @param driftFraction last fraction of the integrated time over which an unsettled end's drift
   *     d ln|b| / dt and frequency are fitted, in (0, 1]
   * @param rtol relative tolerance of the integrator
   * @param atol absolute tolerance (state units)
   * @param frame how the co-rotating frame follows the field
   */
  public record Settings(double longTimeLimit, double firstCheckpoint, double driftFraction, double rtol, double atol,
      CoRotatingTransient.Settings frame) {
    public Settings {
      if (!(longTimeLimit > 0) || !Double.isFinite(longTimeLimit)) {
        throw new IllegalArgumentException("long-time limit must be positive and finite (1/gamma_nr), got " + longTimeLimit);
      }
      if (!(firstCheckpoint > 0 && firstCheckpoint <= longTimeLimit)) {
        throw new IllegalArgumentException(
            "first checkpoint must be in (0, long-time limit = " + longTimeLimit + "], got " + firstCheckpoint);
      }
      if (!(driftFraction > 0 && driftFraction <= 1)) {
        throw new IllegalArgumentException("drift fraction must be in (0, 1], got " + driftFraction);
      }
      if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
        throw new IllegalArgumentException("need 0 < rtol < 1 and atol > 0, got " + rtol + ", " + atol);
      }
    }

    /** Default long-time limit (1/gamma_nr): 20 times the ~500 units of the paper's longest TPM^(d) run (App. A). */
    public static final double DEFAULT_LONG_TIME_LIMIT = 10_000.0;

    /**
     * 10,000 time units; checkpoints 4, 8, 16, ... (PointSolver's windows); the drift over the last
     * 10 %; the rotating tolerances of {@code RelaxationSettings.rotating()} (rtol 1e-6, atol 1e-8):
     * in the co-rotating frame they are accurate, unlike the lab frame's (docs/decisions.md).
     */
    public static Settings defaults() {
      return new Settings(DEFAULT_LONG_TIME_LIMIT, 4.0, 0.1, 1e-6, 1e-8, CoRotatingTransient.Settings.defaults());
    }

    public Settings withLongTimeLimit(double t) {
      return new Settings(t, Math.min(firstCheckpoint, t), driftFraction, rtol, atol, frame);
    }
  }

  /**
   * The fate and what it cost.
   *
   * @param equilibrium the polished steady state ({@code lasing}, {@code non_lasing}) or the end of
   *     the transient with its {@link Unsettled} or {@link SelfPulsing} diagnostics
   * @param time time integrated (1/gamma_nr)
   * @param work integrator work summed over the co-rotating windows
   * @param windows co-rotating windows (integrator restarts)
   * @param newtonAttempts Newton polishes tried along the way
   * @param record |b|, lab phase, photons at every accepted step (for the paper's reading)
   */
  public record Result(Equilibrium equilibrium, double time, IntegratorStats work, int windows, int newtonAttempts,
      FieldRecord record) {
    public Verdict verdict() {
      return equilibrium.verdict();
    }
  }

  private final Settings settings;
  private final EquilibriumSolver solver;

  public LongTimeFate(Settings settings) {
    this(settings, false);
  }

  /** With {@code relaxationSpectra}, lasing states polished as {@link EquilibriumSolver#withRelaxationSpectra} (the same numbers). */
  LongTimeFate(Settings settings, boolean relaxationSpectra) {
    this.settings = settings;
    NewtonSettings d = NewtonSettings.defaults();
    EquilibriumSolver s = new EquilibriumSolver(new NewtonSettings(d.stepTolerance(), d.scaleFloor(), NEWTON_ATTEMPT_ITERATIONS));
    this.solver = relaxationSpectra ? s.withRelaxationSpectra() : s;
  }

  /** This fate with lasing states polished without {@link EquilibriumSolver#withRelaxationSpectra} (the same numbers). */
  LongTimeFate withoutRelaxationSpectra() {
    return solver.relaxationSpectra() ? new LongTimeFate(settings, false) : this;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Follows the transient of {@code model} from {@code labStart} (its field non-zero).
   *
   * @param omegaGuess first frame frequency (units of gamma_nr), e.g. the seed state's
   */
  public Result follow(Model model, double[] labStart, double omegaGuess) {
    return follow(model, labStart, omegaGuess, null);
  }

  /**
   * As {@link #follow(Model, double[], double)}; with {@code beside} (null: none), each lasing Newton polish
   * has its stability verdict computed on a second thread while {@code beside} runs on this one with the
   * converged Newton result ({@link PointSolver}: the next model's Newton from this seed). The fate is the
   * same bit for bit: the verdict is the one {@link EquilibriumSolver#polishLasing} makes, only elsewhere.
   */
  Result follow(Model model, double[] labStart, double omegaGuess, java.util.function.Consumer<NewtonResult> beside) {
    CoRotatingTransient tr = new CoRotatingTransient(
        BdfSettings.of(settings.rtol(), settings.atol()).withMaxOrder(Integrators.LASER_MAX_ORDER), model, labStart,
        omegaGuess, settings.frame());
    double b0 = model.fieldAmplitude(labStart);
    // In the co-rotating frame the App. A rates are the lab rates and go to zero at a steady state;
    // compared relative to each quantity (as for every detuned-dot transient, RelaxationSettings.rotating()).
    EquilibriumCriterion criterion = new EquilibriumCriterion(model, STOP_THRESHOLD, true);
    double[] decayLevel = {DECAYED * b0};
    // disarmed after a criterion stop that Newton could not polish, until the next checkpoint
    boolean[] criterionArmed = {true};
    int bOffset = model.layout().field("b").offset();
    int attempts = 0;
    double checkpoint = settings.firstCheckpoint();
    double previousCheckpoint = 0;
    double previousDrift = Double.NaN;
    while (true) {
      double target = Math.min(checkpoint, settings.longTimeLimit());
      // A route no longer wanted (ThresholdStart) stops at the integrator's next step (BdfIntegrator).
      boolean stopped = tr.advance(target, (t, y, yDot) ->
          (criterionArmed[0] && t >= MIN_TIME && criterion.shouldStop(t, y, yDot))
              || Math.hypot(y[bOffset], y[bOffset + 1]) < decayLevel[0]);
      double[] z = tr.state();
      double b = model.fieldAmplitude(z);
      FieldRecord rec = tr.record();
      double now = tr.time();
      double drift = rec.driftRate(previousCheckpoint + 0.5 * (now - previousCheckpoint), now);
      LOG.info("{} r = {}: co-rotating transient at t = {} of {} (|b| = {}, d ln|b|/dt = {}, omega = {}, {} steps)",
          model.kind(), model.pump(), now, settings.longTimeLimit(), b, drift, tr.omega(), tr.stats().steps());
      if (b < decayLevel[0]) {
        Optional<Equilibrium> off = solver.polishNonLasing(model, z).filter(Equilibrium::stable);
        attempts++;
        if (off.isPresent()) {
          return result(off.get(), tr, attempts);
        }
        decayLevel[0] *= DECAYED; // the non-lasing state is not (yet) reached or unstable: follow on
      } else if (b > EquilibriumSolver.LASING_AMPLITUDE_FLOOR && (stopped || !(Math.abs(drift) > Math.abs(previousDrift)))) {
        // Newton unless the drift grows from checkpoint to checkpoint (running away from any steady state)
        attempts++;
        Optional<Equilibrium> on = (beside == null ? solver.polishLasing(model, z, tr.omega())
            : polishBeside(model, z, tr.omega(), beside)).filter(Equilibrium::stable);
        if (on.isPresent()) {
          return result(on.get(), tr, attempts);
        }
        if (stopped) {
          criterionArmed[0] = false;
        }
      }
      if (now - previousCheckpoint >= Pulsation.MIN_SPAN) {
        Optional<SelfPulsing> p = Pulsation.detect(rec, previousCheckpoint, now);
        if (p.isPresent()) {
          return result(TransientEnding.selfPulsing(model, z, p.get()), tr, attempts);
        }
      }
      if (now >= settings.longTimeLimit()) {
        double from = now * (1 - settings.driftFraction());
        double d = rec.driftRate(from, now);
        double w = rec.meanFrequency(from, now);
        if (!Double.isFinite(d) || !Double.isFinite(w)) { // too few steps in the window: the end point's rates
          int last = rec.size() - 1;
          d = rec.bAbsRate(last) / rec.bAbs(last);
          w = rec.frequency(last);
        }
        return result(TransientEnding.unsettled(model, z, d, w, now, from), tr, attempts);
      }
      if (!stopped) {
        previousCheckpoint = now;
        previousDrift = drift;
        checkpoint *= 2;
        criterionArmed[0] = true;
      }
    }
  }

  /**
   * {@link EquilibriumSolver#polishLasing}'s two halves with {@code beside} between them: the Newton solve
   * here, its state's stability on a second thread while {@code beside} (which must not throw) runs here.
   */
  private Optional<Equilibrium> polishBeside(Model model, double[] z, double omega, java.util.function.Consumer<NewtonResult> beside) {
    Optional<NewtonResult> newton = solver.rotatingNewton(model, z, omega);
    if (newton.isEmpty()) {
      return Optional.empty();
    }
    java.util.concurrent.Future<Equilibrium> verdict = SeedVerdicts.submit(() -> solver.lasingEquilibrium(model, newton.get()));
    beside.accept(newton.get());
    return Optional.of(SeedVerdicts.await(verdict));
  }

  private Result result(Equilibrium e, CoRotatingTransient tr, int attempts) {
    LOG.info("{} r = {}: {} after {} time units ({} steps, {} windows, {} Newton attempts)", e.model(), e.pump(),
        e.verdict().jsonName(), tr.time(), tr.stats().steps(), tr.windows(), attempts);
    return new Result(e, tr.time(), tr.stats(), tr.windows(), attempts, tr.record());
  }

  /**
   * Relative App. A threshold in the co-rotating frame: rates below 1e-6 of each quantity per unit
   * time (as {@code RelaxationSettings.rotating()}); then Newton decides.
   */
  static final double STOP_THRESHOLD = 1e-6;
  /** Earliest time the criterion may stop the transient (as {@code RelaxationSettings}' min time). */
  static final double MIN_TIME = 1.0;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LongTimeFate.class);
}
