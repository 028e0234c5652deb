package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.integration.FieldRecord;
import org.qdlaser.stages.integration.FieldTrace;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.ProgressListener;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.ode.IntegrationException;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.ParameterFamily;

/**
 * The science's front door for equilibria: one point, thresholds, pump sweeps, branches and field traces of a model.
 * The only place that assembles the solver stack (integrator, relaxer, Newton, point solver, threshold finder,
 * continuation) and chooses the transient settings; the CLI and the pipeline's tasks call this and nothing below it.
 *
 * <p>Transient settings. Identical dots use the settings this facade was made with (the manifest's {@code
 * integration:}, or {@link RelaxationSettings#defaults()}). Detuned dots lase in a state that rotates in the
 * integration frame, where the App. A rates settle at the integrator's error level: a single point uses {@link
 * RelaxationSettings#rotating()} as it is, while a pump sweep keeps the rotating tolerances and relative criterion but
 * the manifest's time limits (as every sweep has since the polydisperse sweeps were added; the two differ only in the
 * longest transient, 1e4 against the manifest's max_time).
 *
 * <p>Failures: {@link EquilibriumException} (an integration failing below is reported as one, with its message).
 * Not thread-safe (the integrators are workspaces): one instance per task or command, used by one thread at a time.
 */
public final class Equilibria {
  /** Largest number of unknowns (state + omega) a branch is traced with ({@link LasingBranch#MAX_DIMENSION}). */
  public static final int MAX_BRANCH_UNKNOWNS = LasingBranch.MAX_DIMENSION;
  /** The default transient budget of a detuned-dot point (1/gamma_nr, {@link TransientBudget#DEFAULT_TIME}). */
  public static final double DEFAULT_TRANSIENT_BUDGET = TransientBudget.DEFAULT_TIME;
  private final RelaxationSettings settings;
  private final EquilibriumSolver solver;
  private final SeedChain seeds = new SeedChain(); // the seed chain's last result, shared by the point solvers

  private Equilibria(RelaxationSettings settings, EquilibriumSolver solver) {
    this.settings = settings;
    this.solver = solver;
  }

  /** For {@code qdlaser point} ({@link EquilibriumSolver#withRelaxationSpectra}, the seed's verdict beside the next Newton, {@link PointSolver#outcome}). */
  public Equilibria withRelaxationSpectra() {
    return new Equilibria(settings, solver.withRelaxationSpectra());
  }

  /** With the default transient settings (App. A criterion, {@link RelaxationSettings#defaults()}): the CLI. */
  public static Equilibria defaults() {
    return new Equilibria(RelaxationSettings.defaults(), new EquilibriumSolver());
  }

  /** With a study's integration settings for identical dots (see the class comment for detuned dots). */
  public static Equilibria of(RelaxationSettings integration) {
    return new Equilibria(integration, new EquilibriumSolver());
  }

  /** Transient settings of single points and threshold searches of this kind of model. */
  RelaxationSettings pointSettings(ModelKind kind) {
    return kind.polydisperse() ? RelaxationSettings.rotating() : settings;
  }

  /** Transient settings of pump sweeps: rotating tolerances within this facade's time limits for detuned dots. */
  RelaxationSettings sweepSettings(ModelKind kind) {
    if (!kind.polydisperse()) {
      return settings;
    }
    RelaxationSettings r = RelaxationSettings.rotating();
    return new RelaxationSettings(r.rtol(), r.atol(), r.stopThreshold(), settings.maxTime(), settings.minTime(), true);
  }

  private PointSolver pointSolver(ModelKind kind, TransientBudget budget) {
    return pointSolver(kind, budget, seeds);
  }

  private PointSolver pointSolver(ModelKind kind, TransientBudget budget, SeedChain chain) {
    RelaxationSettings s = pointSettings(kind);
    return new PointSolver(new Relaxer(Integrators.bdf(s), s), solver, budget, chain);
  }

  /**
   * One equilibrium as {@code qdlaser point} gives it: detuned dots with the default transient budget
   * (a transient that does not settle within it ends {@link Verdict#UNSETTLED}), identical dots unbounded.
   */
  public Equilibrium point(Model model) {
    return point(model, model.kind().polydisperse() ? TransientBudget.defaults() : TransientBudget.unbounded());
  }

  /** One equilibrium (transient from a lasing initial state, then Newton) with the given transient budget. */
  public Equilibrium point(Model model, TransientBudget budget) {
    return guarded(() -> pointSolver(model.kind(), budget).solve(model));
  }

  /**
   * One equilibrium as {@code qdlaser point} gives it by default: identical dots as {@link
   * #point(Model)}; detuned dots Newton from the seed chain, else the transient followed in the
   * co-rotating frame to its long-time fate ({@link LongTimeFate}: lasing, non_lasing,
   * self_pulsing, or unsettled at {@code longTimeLimit}).
   *
   * @param longTimeLimit longest transient (1/gamma_nr), positive and finite
   * @return the equilibrium (or the transient's end with its diagnostics) and the time integrated
   */
  public Fate pointWithFate(Model model, double longTimeLimit) {
    return pointWithFate(model, longTimeLimit, Double.NaN, 0);
  }

  /**
   * As {@link #pointWithFate(Model, double)}, with the paper's App. A reading of the first {@code
   * readingTime} units of the same transient ({@code windows} growing windows), read off its record at
   * no further cost when the transient lasted that long (else {@link Fate#reading()} is null).
   */
  public Fate pointWithFate(Model model, double longTimeLimit, double readingTime, int windows) {
    return followed(model, longTimeLimit, readingTime, windows).fate();
  }

  /** A {@link Fate} and the long-time transient it came from (null if Newton from the seed chain decided). */
  private record Followed(Fate fate, LongTimeFate.Result longTime) {}

  private Followed followed(Model model, double longTimeLimit, double readingTime, int windows) {
    return guarded(() -> {
      PointSolver.Outcome o = fatePointSolver(model.kind(), longTimeLimit).outcome(model);
      LongTimeFate.Result r = o.fate();
      PaperProcedure.Result reading = null;
      if (r != null && readingTime > 0 && r.time() >= readingTime) {
        reading = new PaperProcedure.Result(PaperProcedure.reading(r.record(), readingTime, windows),
            r.record().bAbsAt(readingTime), readingTime, r.work());
      }
      return new Followed(new Fate(o.equilibrium(), o.transientTime(), r == null ? NO_WORK : r.work(),
          r == null ? 0 : r.newtonAttempts(), reading), r);
    });
  }

  /**
   * A detuned-dot point decided by its long-time fate alone (issue 13; the activation task's procedure
   * ours): Newton from the seed chain, else the transient from the same start followed in the
   * co-rotating frame ({@link LongTimeFate}) to its verdict, with no lab-frame transient budget
   * before it. What that budget would have recorded is read off the same transient: if it was still
   * undecided at {@code budget}'s time (no stable steady state by the fate's Newton attempts, no
   * decay), {@link Fate#budgetEnd()} is its end there, as {@link TransientEnding} describes a
   * budget's end, and the sample counts as one the fate followed; a sample decided within the budget,
   * or decaying on the budget's time scale there ({@link TransientEnding#decaying}) and then non-lasing,
   * has none, as the budget would have decided it.
   *
   * <p>The same samples as the budget-then-fate route, one transient instead of two: the lab-frame
   * budget integrated the same start for 12-28 units and was then discarded (most of an unsettled
   * sample's wall time, docs/benchmarks.md). The fate tries Newton at 4, 8, 16, ... units where the
   * budget tried at 4, 8 and its end: a sample the budget would settle at its end is settled at the
   * next checkpoint and recorded as followed.
   *
   * @param model a detuned-dot model ({@link ModelKind#polydisperse()})
   */
  public Fate pointByFate(Model model, TransientBudget budget, double longTimeLimit, double readingTime, int windows) {
    if (!model.kind().polydisperse()) {
      throw new IllegalArgumentException("a point by its long-time fate needs detuned dots (a _d model), got " + model.kind());
    }
    // The seed chain (TPM_IF_d, CIM_d of the same dots) solved as the budget route solves it, within the
    // budget; the fate is for this model's own transient only (the seed chain is shared by model).
    guarded(() -> pointSolver(model.kind(), budget).start(model));
    Followed followed = followed(model, longTimeLimit, readingTime, windows);
    Fate f = followed.fate();
    LongTimeFate.Result r = followed.longTime();
    if (r == null) {
      return f; // Newton from the seed chain: no transient
    }
    double t = Math.min(budget.time(), r.time());
    boolean decided = r.time() < budget.time() && r.verdict() != Verdict.UNSETTLED && r.verdict() != Verdict.SELF_PULSING;
    if (decided) {
      return f;
    }
    FieldRecord rec = r.record();
    double from = t * (1 - budget.driftFraction());
    double drift = rec.driftRate(from, t);
    double omega = rec.meanFrequency(from, t);
    if (!Double.isFinite(drift) || !Double.isFinite(omega)) {
      // fewer than 3 co-rotating steps in the window (a slow drift takes steps of several units): the
      // chords of the record's interpolants of ln|b| and the lab phase over the same window
      drift = Math.log(rec.bAbsAt(t) / rec.bAbsAt(from)) / (t - from);
      omega = (rec.phaseAt(t) - rec.phaseAt(from)) / (t - from);
    }
    if (drift < -TransientEnding.DECAY_RATE_TIMES_BUDGET / t && r.verdict() == Verdict.NON_LASING) {
      return f; // decaying on the budget's time scale and gone: non-lasing by the budget's own rule
    }
    Unsettled end = new Unsettled(rec.bAbsAt(t), drift, omega, t, from);
    return new Fate(f.equilibrium(), f.timeIntegrated(), f.work(), f.newtonAttempts(), f.reading(), end);
  }

  /**
   * A point with its long-time fate.
   *
   * @param equilibrium the polished steady state, or the transient's end with its {@link Unsettled}
   *     or {@link SelfPulsing} diagnostics ({@link Equilibrium#verdict()})
   * @param timeIntegrated transient time integrated before the verdict (1/gamma_nr; 0 when Newton
   *     from the seed chain found the state)
   * @param work integrator work of the long-time transient (zero when none was followed)
   * @param newtonAttempts Newton polishes tried along the long-time transient
   * @param reading the paper's App. A reading ({@link PaperProcedure#reading}) of the first {@code
   *     readingTime} units of the long-time transient; null when none was followed or it was shorter
   * @param budgetEnd {@link #pointByFate} only: the same transient's end at the budget's time when it
   *     was undecided there; else null
   */
  public record Fate(Equilibrium equilibrium, double timeIntegrated, IntegratorStats work, int newtonAttempts,
      PaperProcedure.Result reading, Unsettled budgetEnd) {
    public Fate(Equilibrium equilibrium, double timeIntegrated, IntegratorStats work, int newtonAttempts,
        PaperProcedure.Result reading) {
      this(equilibrium, timeIntegrated, work, newtonAttempts, reading, null);
    }
  }

  private static final IntegratorStats NO_WORK = new IntegratorStats(0, 0, 0, 0, 0, 0);

  /** The paper's reading's default integration time (1/gamma_nr): App. A's "at least 100 time units". */
  public static final double PAPER_READING_DURATION = PaperProcedure.Settings.DEFAULT_DURATION;
  /** The paper's reading's default number of growing windows ({@link PaperProcedure.Settings}). */
  public static final int PAPER_READING_WINDOWS = PaperProcedure.Settings.DEFAULT_WINDOWS;

  /** The default long-time limit of {@link #pointWithFate} (1/gamma_nr, {@link LongTimeFate}). */
  public static final double DEFAULT_LONG_TIME_LIMIT = LongTimeFate.Settings.DEFAULT_LONG_TIME_LIMIT;

  private PointSolver fatePointSolver(ModelKind kind, double longTimeLimit) {
    RelaxationSettings s = pointSettings(kind);
    return new PointSolver(new Relaxer(Integrators.bdf(s), s), solver,
        new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(longTimeLimit), solver.relaxationSpectra()), seeds);
  }

  /**
   * The paper's App. A reading of a detuned-dot sample ({@code qdlaser point --procedure paper}):
   * the transient from {@link PointSolver#start} integrated for {@code duration} in the co-rotating
   * frame, Eq. (A2) fitted over {@code windows} growing windows. Nothing is Newton-polished.
   *
   * @param duration integrated time (1/gamma_nr); the paper's: at least 100
   * @param windows number of growing windows, at least 2
   */
  public PaperProcedure.Result paperReading(Model model, double duration, int windows) {
    PaperProcedure.Settings d = PaperProcedure.Settings.defaults();
    PaperProcedure.Settings s = new PaperProcedure.Settings(duration, windows, d.rtol(), d.atol());
    return guarded(() -> new PaperProcedure(s).read(model, pointSolver(model.kind(), TransientBudget.defaults()).start(model)));
  }

  /**
   * The stable steady states of {@code model} found from {@code primary} (its reported solve) and
   * the other routes of {@link StableStates}, stable lasing states first (largest |b| first), then
   * the stable non-lasing state: searched on a helper thread (this facade is its alone until the supplier returns).
   */
  public java.util.function.Supplier<java.util.List<Equilibrium>> stableStates(Model model, Equilibrium primary) {
    return StableStates.aside(() -> guarded(() -> new StableStates(pointSolver(model.kind(),
        TransientBudget.defaults()), solver).find(model, primary)));
  }

  /**
   * The lasing state of a polydisperse sample continued in w_qd from the identical-dot lasing state
   * ({@code qdlaser point --from identical}); the identical-dot start is solved as {@link
   * #point(Model)} solves the sample.
   *
   * @throws EquilibriumException if the identical dots do not lase at the model's pump
   */
  public WidthHomotopy.Result pointFromIdentical(Model model) {
    return guarded(() -> fromIdentical(model));
  }

  private WidthHomotopy.Result fromIdentical(Model model) {
    Equilibrium start = pointSolver(model.kind(), TransientBudget.defaults()).solve(WidthHomotopy.identicalModel(model));
    if (!start.lasing()) {
      throw new EquilibriumException("--from identical: the identical-dot " + start.model() + " does not lase at r = "
          + start.pump() + " (gamma_nr units), so there is no lasing state to continue in w_qd");
    }
    return new WidthHomotopy(NewtonSettings.defaults())
        .follow(model, start.state(), start.omega());
  }

  /** The highest pump (normalised) a threshold search tries for a stable lasing state. */
  public static final double THRESHOLD_CEILING = ThresholdFinder.R_MAX;

  /** The start of {@link EquilibriumException}'s message when a threshold search finds no stable lasing state. */
  public static final String NO_STABLE_LASING = ThresholdFinder.NO_STABLE_LASING;

  /** The threshold of stable coherent emission and its kind (search from a high pump downwards). */
  public Threshold threshold(Model model) {
    return threshold(model, 1);
  }

  /** As {@link #threshold(Model)}, a detuned-dot search's bounded start routes on {@code threads} threads: the same result ({@link ThresholdStart}). */
  public Threshold threshold(Model model, int threads) {
    return guarded(() -> new ThresholdFinder(pointSolver(model.kind(), TransientBudget.unbounded()), solver, threads,
        () -> pointSolver(model.kind(), TransientBudget.unbounded(), new SeedChain())).find(model));
  }

  /**
   * The threshold inside a bracket of a downward sweep, from the sweep's transient ends at its lowest
   * lasing pump and at the next pump below (both Newton-polished here): skips the costly search of
   * {@link #threshold} (see {@link ThresholdFinder#findInBracket}).
   */
  public Threshold thresholdInBracket(Model model, Relaxation lowestLasingEnd, Relaxation highestNonLasingEnd) {
    return guarded(() -> {
      Equilibrium lasing = new EquilibriumSolver().polish(model.withPump(lowestLasingEnd.pump()), lowestLasingEnd);
      Equilibrium nonLasing = new EquilibriumSolver().polish(model.withPump(highestNonLasingEnd.pump()), highestNonLasingEnd);
      return new ThresholdFinder(pointSolver(model.kind(), TransientBudget.unbounded()), solver)
          .findInBracket(model, lasing, nonLasing);
    });
  }

  /** The Newton-polished end of a transient at the model's pump (lasing if it still has a field, else not). */
  public Equilibrium polish(Model model, Relaxation end) {
    return guarded(() -> solver.polish(model, end));
  }

  /**
   * Relaxation oscillations, tau_n and g2 along [rMin, rMax] on both branches ({@link
   * RelaxationSweep}); the top pump's lasing state is found as {@link #point(Model)} finds it.
   */
  public RelaxationSweep.Result relaxationSweep(Model model, double rMin, double rMax, int nonLasingPoints, int lasingPoints) {
    TransientBudget budget = model.kind().polydisperse() ? TransientBudget.defaults() : TransientBudget.unbounded();
    return guarded(() -> new RelaxationSweep(pointSolver(model.kind(), budget), solver)
        .sweep(model, rMin, rMax, nonLasingPoints, lasingPoints));
  }

  /**
   * A pump step to {@code model}'s pump from {@code step} below it, integrated and fitted against the
   * spectrum's pair ({@link PumpStepCheck}); the steady state at the target pump as {@link #point(Model)}.
   */
  public PumpStepCheck pumpStep(Model model, double step, double fitFrom, double fitTo, int samples) {
    return guarded(() -> {
      Equilibrium after = point(model);
      if (!after.stable()) {
        throw new EquilibriumException("the steady state at r = " + model.pump() + " is not stable: no pump step to it");
      }
      return PumpStepCheck.run(model, after, solver, step, fitFrom, fitTo, samples);
    });
  }

  /**
   * A downward pump sweep (the paper's bifurcation-diagram method): each pump starts from the
   * previous end. Identical dots integrate each transient to the App. A criterion; detuned dots
   * continue the previous equilibrium by Newton where they can ({@link RotatingSweep}).
   *
   * @param recordStride identical dots: record every k-th accepted step of the time series
   */
  public Relaxer.SweepResult pumpSweep(Model model, double[] pumps, int recordStride, ProgressListener progress) {
    RelaxationSettings s = sweepSettings(model.kind());
    Relaxer relaxer = new Relaxer(Integrators.bdf(s), s);
    double[] y0 = model.withPump(pumps[0]).lasingInitialState();
    return guarded(() -> model.kind().polydisperse()
        ? RotatingSweep.sweep(model, pumps, y0, relaxer, solver, progress)
        : relaxer.sweep(model, pumps, y0, recordStride, progress));
  }

  /**
   * A lasing branch by pseudo-arclength continuation from the stable lasing state at {@code from}
   * towards {@code to}. In the pump ({@code family.name()} is r) the branch is traced downwards to
   * {@code to}; in another parameter between the two values, in either direction. Sample branches
   * stop a few points past the first fold ({@link LasingBranch#LasingBranch(
   * ContinuationSettings, boolean)}).
   *
   * @return the branch, or an empty one with the reason when no stable lasing state is reached at
   *     {@code from}
   */
  public Branch branch(ParameterFamily family, double from, double to) {
    return guarded(() -> traceBranch(family, from, to));
  }

  private Branch traceBranch(ParameterFamily family, double from, double to) {
    Model first = family.at(from);
    Equilibrium start = point(first, TransientBudget.unbounded());
    if (!start.lasing() || !start.stable()) {
      return new Branch(new LasingBranch.Result(java.util.List.of(), java.util.List.of()),
          "no stable lasing state reached from a lasing initial state at the start " + family.name() + " = " + from
              + " (threshold above it, or outside the basin); branch not traced");
    }
    LasingBranch tracer = new LasingBranch(ContinuationSettings.defaults(),
        first.kind().polydisperse());
    LasingBranch.Result res = family.name().equals("r")
        ? tracer.trace(first, start, to)
        : tracer.trace(family, start, Math.min(from, to), Math.max(from, to), to < from);
    return new Branch(res, "");
  }

  /** A traced branch ({@code result}: points, folds and the stable end; empty when not traced) and {@code note}: empty, or why not. */
  public record Branch(LasingBranch.Result result, String note) {}

  /**
   * &lt;b&gt; in the lab frame over {@code window} time units from {@code start}, integrated with
   * this facade's settings (not the rotating ones: the lab-frame field is what is recorded).
   */
  public FieldTrace fieldTrace(Model model, double[] start, double window) {
    return guarded(() -> FieldTrace.record(Integrators.bdf(settings), model, start, window));
  }

  /** Runs a computation; an integration failing below (step underflow, too many steps) is reported as an {@link EquilibriumException}. */
  private static <T> T guarded(java.util.function.Supplier<T> computation) {
    try {
      return computation.get();
    } catch (IntegrationException e) {
      throw new EquilibriumException(e.getMessage(), e);
    }
  }
}
