package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.integration.FieldLog;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Readable;

/**
 * One equilibrium at the model's parameters: a transient from a lasing initial state (the models
 * are bistable, so a weak initial field would decay to the non-lasing state) integrated with the
 * App. A criterion, then Newton-polished in the rotating frame.
 */
public final class PointSolver {
  private final Relaxer relaxer;
  private final EquilibriumSolver solver;
  private final TransientBudget budget;
  private final LongTimeFate fate;
  /** The seed chain's last result, shared with the other point solvers of one Equilibria. */
  private final SeedChain seeds;
  /**
   * Whether a Newton-polished seed's stability verdict is computed on a second thread beside the next
   * model's Newton from it ({@link #overlapSeedVerdict}): the same results bit for bit, sooner on two
   * cores; a wasted Newton solve where the seed turns out unstable, so for single points on an otherwise
   * idle machine ({@code qdlaser point}, whose facade is {@link Equilibria#withRelaxationSpectra}: its
   * long-time-fate solvers do this), not for batch work.
   */
  private final boolean seedVerdictBeside;

  /** Unbounded transients (to the relaxation settings' max time), polished at their end. */
  public PointSolver(Relaxer relaxer, EquilibriumSolver solver) {
    this(relaxer, solver, TransientBudget.unbounded());
  }

  /** Transients bounded by {@code budget}: one that does not settle within it ends unsettled. */
  public PointSolver(Relaxer relaxer, EquilibriumSolver solver, TransientBudget budget) {
    this(relaxer, solver, budget, new SeedChain());
  }

  /** As {@link #PointSolver(Relaxer, EquilibriumSolver, TransientBudget)}, sharing the seed chain's results. */
  PointSolver(Relaxer relaxer, EquilibriumSolver solver, TransientBudget budget, SeedChain seeds) {
    this(relaxer, solver, budget, null, seeds);
  }

  private PointSolver(Relaxer relaxer, EquilibriumSolver solver, TransientBudget budget, LongTimeFate fate, SeedChain seeds) {
    this(relaxer, solver, budget, fate, seeds, false);
  }

  private PointSolver(Relaxer relaxer, EquilibriumSolver solver, TransientBudget budget, LongTimeFate fate, SeedChain seeds,
      boolean seedVerdictBeside) {
    this.relaxer = relaxer;
    this.solver = solver;
    this.budget = budget;
    this.fate = fate;
    this.seeds = seeds;
    this.seedVerdictBeside = seedVerdictBeside;
  }

  /**
   * Transients of detuned dots followed to their long-time fate in the co-rotating frame ({@link
   * LongTimeFate}: lasing, non_lasing, self_pulsing, or unsettled at its long-time limit) instead
   * of the lab-frame windows of {@link #solveFrom}; identical dots (which do not rotate) as with
   * {@link #PointSolver(Relaxer, EquilibriumSolver)}.
   */
  public PointSolver(Relaxer relaxer, EquilibriumSolver solver, LongTimeFate fate) {
    this(relaxer, solver, fate, new SeedChain());
  }

  /** As {@link #PointSolver(Relaxer, EquilibriumSolver, LongTimeFate)}, sharing the seed chain's results. */
  PointSolver(Relaxer relaxer, EquilibriumSolver solver, LongTimeFate fate, SeedChain seeds) {
    // qdlaser point's two-core mode (Equilibria.withRelaxationSpectra): the seed's verdict beside, too.
    this(relaxer, solver, TransientBudget.unbounded(), java.util.Objects.requireNonNull(fate, "fate"), seeds,
        solver.relaxationSpectra());
  }

  /**
   * This solver for the seed chain's models (TPM_IF_d and CIM_d below TPM_d): the same transients and
   * Newton polishes, without the relaxation analysis' second-step spectra, which nobody reads for a
   * seed (issue 14: at TPM_d N = 100 the seeds' discarded spectra at twice the step, 503 and 905
   * unknowns, were a fifth of the point's CPU). The verdicts and states are the same bit for bit: the
   * second-step spectrum is still computed where the stability verdict needs it ({@link
   * StabilityAnalyzer#verdict}).
   */
  private PointSolver forSeeds() {
    EquilibriumSolver s = solver.withoutRelaxationSpectra();
    LongTimeFate f = fate == null ? null : fate.withoutRelaxationSpectra();
    return s == solver && f == fate ? this : new PointSolver(relaxer, s, budget, f, seeds);
  }

  public Relaxer relaxer() {
    return relaxer;
  }

  /**
   * First transient window (1/gamma_nr) before the first Newton attempt; doubled each time. Not
   * shorter: the early attempt decides which attractor is reported, and after 0.5 time units
   * Newton reached a different stable lasing state of TPM_IF (N = 70, beta = 7e-4, g = 7.5e11
   * s^-1; its branch ends at 2.269e5 instead of the fold at 2.256e5 found from t = 4), i.e. the
   * models are multistable there and the transient must first approach the basin of the state
   * the paper's integration reaches.
   */
  static final double FIRST_WINDOW = 4.0;

  /**
   * Integrates from the lasing initial state in growing windows (4, 8, 16, ... time units); after
   * each window Newton tries to polish a lasing state in the rotating frame and accepts it only if
   * it is stable. Otherwise the transient goes on until the App. A criterion or the maximum time,
   * and its end is polished (lasing or not). Early acceptance saves the long approach to a rotating
   * lasing state (CIM_d, N = 50: t ~ 500 by integration alone).
   */
  public Equilibrium solve(Model model) {
    return outcome(model).equilibrium();
  }

  /**
   * As {@link #solve}, with the transient time and how it ended: {@code newton_seeded} (Newton from
   * the lifted seed, no transient), the endings of {@link #solveFrom}, or, with a {@link
   * LongTimeFate}, {@code long_time_} and the fate's verdict.
   */
  public Outcome outcome(Model model) {
    // TPM_d: the TPM_IF_d lasing state of the same dots, lifted by factorisation, is a lasing
    // initial state close to TPM_d's (same field within a few per cent at 2e14 s^-1): Newton
    // from it skips the transient, which costs most of the time and from the generic start
    // sometimes ends non-lasing for strongly detuned samples (measured: S2, S4 at w_QD = gamma).
    // TPM_IF_d likewise starts from CIM_d (recursively, so TPM_d's chain is CIM_d -> TPM_IF_d
    // -> TPM_d): over the 40 samples of Figs. 5-10 (w_QD = 0.2..2 gamma, r = 2e14 s^-1) Newton
    // from the lifted CIM_d state reached the same TPM_IF_d state as the 4-unit transient in
    // every lasing sample (|b| and omega equal to 1e-6) at less than half the cost.
    if (seedVerdictBeside) {
      overlapSeedVerdict(model);
    }
    Start s = start(model);
    if (s.seeded()) {
      var direct = seededLasing(model);
      if (direct.isPresent()) {
        LOG.debug("{} r = {}: lasing state by Newton from the lifted seed state", model.kind(), model.pump());
        return new Outcome(direct.get(), 0.0, "newton_seeded");
      }
    }
    return followTransient(model, s.state(), s.omega());
  }

  /**
   * The stable lasing state Newton reaches from the lifted seed state of {@link #start}, if the start
   * is seeded (empty otherwise, or if Newton fails or the state is unstable). Computed once per model
   * with the start ({@link SeedChain}).
   */
  public java.util.Optional<Equilibrium> seededLasing(Model model) {
    Start s = start(model);
    if (!s.seeded()) {
      return java.util.Optional.empty();
    }
    return seeds.polished(model, () -> solver.polishLasing(model, s.state(), s.omega()).filter(Equilibrium::stable));
  }

  /**
   * Where {@code model}'s seed is itself Newton-polished from its own seed (TPM_d: TPM_IF_d from CIM_d),
   * the seed's stability verdict (TPM_IF_d N = 100: a dense spectrum of 905 unknowns, the largest item of
   * the point's CPU after the LU) runs on a second thread while this thread solves {@code model}'s Newton
   * from the lifted seed state and that state's own verdict (the non-lasing polish of {@link StableStates}
   * from it on a third, {@link NonLasingAhead}); the seed chain then holds {@code model}'s start and polish
   * exactly as {@link #start} and {@link #seededLasing} compute them one after the other (same states, same
   * verdicts: each is a pure function of its inputs and of this thread's workspaces, used in the same order).
   * If the seed turns out unstable, the speculative work is discarded and {@link #start} takes the seed's own
   * route (its transient) as before.
   * Does nothing when the start is already known or the seed is not Newton-polished from a seed.
   */
  private void overlapSeedVerdict(Model model) {
    var seed = org.qdlaser.stages.physics.Models.seedModel(model);
    if (seed.isEmpty() || seeds.knows(model)) {
      return;
    }
    if (org.qdlaser.stages.physics.Models.seedModel(seed.get()).isEmpty()) {
      overlapFateVerdict(model, seed.get());
      return;
    }
    if (model.dimension() >= org.qdlaser.stages.numerics.nonlinear.NewtonSolver.SPARSE_FROM && model.sparsity() != null) {
      // The fill-reducing order of this model's Newton system (TPM_d N = 100: 1.2-2.7 s, one run memoised
      // by pattern, the same permutation wherever computed) on the ordering thread while the seed chain
      // (single-threaded: CIM_d's transient, TPM_IF_d's Newton) runs here, instead of beside this model's
      // first Jacobian, which is cheap now that it is exact.
      org.qdlaser.stages.numerics.sparse.SparseOrdering.prefetchBorderedMinimumDegree(new RotatingFrame(model).sparsity());
    }
    PointSolver seedSolver = forSeeds();
    Model sm = seed.get();
    Start seedStart = seedSolver.start(sm); // the seed's own start (CIM_d's transient, lifted): the chain's slot is the seed's
    if (!seedStart.seeded()) {
      return;
    }
    var seedNewton = seedSolver.solver.rotatingNewton(sm, seedStart.state(), seedStart.omega());
    if (seedNewton.isEmpty()) {
      seeds.polished(sm, java.util.Optional::empty); // what seededLasing(seed) finds: start(model) goes on from here
      return;
    }
    java.util.concurrent.Future<Equilibrium> verdict =
        SeedVerdicts.submit(() -> seedSolver.solver.lasingEquilibrium(sm, seedNewton.get()));
    double[] x = seedNewton.get().x();
    int n = sm.dimension();
    Start mine = new Start(org.qdlaser.stages.physics.Models.lift(sm, java.util.Arrays.copyOf(x, n), model), x[n], true);
    java.util.Optional<Equilibrium> polished;
    try {
      var newton = solver.rotatingNewton(model, mine.state(), mine.omega());
      // The non-lasing polish of this lasing state on a third thread at once (NonLasingAhead); this thread
      // computes the state's own verdict before it waits for the seed's (TPM_d N = 100: the TPM_IF_d seed's
      // dense spectrum of 905 unknowns could outlast this Newton solve, and this thread would idle).
      newton.ifPresent(r -> startNonLasingAhead(model, java.util.Arrays.copyOf(r.x(), model.dimension())));
      polished = newton.map(r -> solver.lasingEquilibrium(model, r));
    } catch (RuntimeException | Error e) {
      seeds.dropNonLasingAhead(); // its lasing state is lost with this failure
      // One after the other, the seed's verdict came first: its failure, or its instability (then this
      // Newton solve and verdict would not have run), decides before this one's failure.
      if (!SeedVerdicts.await(verdict).stable()) {
        seeds.polished(sm, java.util.Optional::empty);
        return;
      }
      throw e;
    }
    Equilibrium seedState = SeedVerdicts.await(verdict);
    if (!seedState.stable()) {
      seeds.polished(sm, java.util.Optional::empty); // the speculative Newton solve and verdict are discarded,
      seeds.dropNonLasingAhead(); // and the non-lasing polish started from that Newton's state
      return;
    }
    seeds.polished(sm, () -> java.util.Optional.of(seedState));
    seeds.record(model, mine);
    seeds.polished(model, () -> polished.filter(Equilibrium::stable));
  }

  /** {@link NonLasingAhead#start}: the non-lasing polish from lasing state {@code guess} beside its verdict. */
  private void startNonLasingAhead(Model model, double[] guess) {
    NonLasingAhead.start(seeds, solver, model, guess);
  }

  /** The non-lasing polish from {@code guess}: the one started ahead ({@link NonLasingAhead#take}), else {@code otherwise}'s. */
  java.util.Optional<Equilibrium> nonLasingAhead(Model model, double[] guess,
      java.util.function.Supplier<java.util.Optional<Equilibrium>> otherwise) {
    return NonLasingAhead.take(seeds, model, guess, otherwise);
  }

  /**
   * Where {@code model}'s seed {@code sm} is found by its long-time fate (TPM_IF_d's CIM_d: transient, then
   * Newton), each lasing Newton polish of the seed has its stability computed on a second thread while this
   * thread solves {@code model}'s Newton from it ({@link NextNewtonBeside}); the seed chain then holds the
   * start {@link #computeStart} makes of the seed's fate and, if the fate accepted that very polish, the
   * speculative Newton as {@link #seededLasing} would compute it (same states bit for bit). A speculative
   * solve that failed or started elsewhere is left for {@link #seededLasing} to do again. Dense seed verdicts
   * only (CIM_d up to {@link StabilityAnalyzer#MAX_DENSE_DIMENSION} unknowns, N <= 199).
   */
  private void overlapFateVerdict(Model model, Model sm) {
    PointSolver seedSolver = forSeeds();
    if (seedSolver.fate == null || !sm.kind().polydisperse()
        || (sm.dimension() > StabilityAnalyzer.MAX_DENSE_DIMENSION && sm.sparsity() != null)) {
      // Not a long-time fate; or a sparse verdict, which reuses the thread's Newton workspace (its LU's pivot
      // order) right after the polish, so on another thread its last bits could differ: start(model) as before.
      return;
    }
    Start seedStart = seedSolver.start(sm); // the seed has no seed: its lasing initial state
    NextNewtonBeside next = new NextNewtonBeside(sm, model, solver);
    Equilibrium s = seedSolver.fate.follow(sm, seedStart.state(), seedStart.omega(), next).equilibrium();
    Start mine = startFrom(model, sm, s);
    seeds.record(model, mine);
    next.from(mine).ifPresent(newton ->
        seeds.polished(model, () -> newton.map(r -> solver.lasingEquilibrium(model, r)).filter(Equilibrium::stable)));
  }

  private Outcome followTransient(Model model, double[] y0, double omega) {
    if (fate != null && model.kind().polydisperse()) {
      LongTimeFate.Result r = fate.follow(model, y0, omega);
      return new Outcome(r.equilibrium(), r.time(), "long_time_" + r.verdict().jsonName(), r);
    }
    return solveFrom(model, y0);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PointSolver.class);

  /**
   * Where a transient of {@code model} starts, as {@link #solve} starts it: for TPM_d (TPM_IF_d) the
   * lasing state of TPM_IF_d (CIM_d) of the same dots, lifted by factorisation, if that model lases;
   * otherwise the model's lasing initial state.
   *
   * @param state lab-frame start state
   * @param omega its rotation frequency (the seed's), or the instantaneous frequency of the initial state
   * @param seeded whether the start is a lifted seed state
   */
  public record Start(double[] state, double omega, boolean seeded) {
    public Start {
      state = state.clone();
    }

    @Override
    public double[] state() {
      return state.clone();
    }
  }

  /** The start of {@code model}'s transient (see {@link Start}). */
  public Start start(Model model) {
    return seeds.start(model, () -> computeStart(model));
  }

  private Start computeStart(Model model) {
    var seed = org.qdlaser.stages.physics.Models.seedModel(model);
    return startFrom(model, seed.orElse(null), seed.isPresent() ? forSeeds().solve(seed.get()) : null);
  }

  /** The start of {@code model} given its seed model's equilibrium {@code s} (both null: no seed). */
  private static Start startFrom(Model model, Model seed, Equilibrium s) {
    if (s != null && s.lasing()) {
      return new Start(org.qdlaser.stages.physics.Models.lift(seed, s.state(), model), s.omega(), true);
    }
    double[] y0 = lasingInitialState(model);
    double[] f = new double[y0.length];
    model.rhs(0.0, y0, f);
    return new Start(y0, EquilibriumSolver.frequencyEstimate(model, y0, f), false);
  }

  /**
   * Result of {@link #solveFrom}: the equilibrium, the transient time spent, how it ended
   * (criterion, max_time, newton_lasing, newton_non_lasing, or unsettled: the budget was spent, see
   * {@link Unsettled}); {@code fate} the long-time fate's record and work when one was followed, else null.
   */
  public record Outcome(Equilibrium equilibrium, double transientTime, String ending, LongTimeFate.Result fate) {
    /** An outcome without a long-time fate. */
    public Outcome(Equilibrium equilibrium, double transientTime, String ending) {
      this(equilibrium, transientTime, ending, null);
    }
  }

  /**
   * The equilibrium reached from {@code y0}: growing transient windows; after each, a stable
   * lasing state found by rotating-frame Newton is accepted, and so is the non-lasing state once
   * the field has decayed below {@link #DECAYED} of its value at the start (it is then on its way
   * there); otherwise the transient ends by the App. A criterion or the maximum time and its end is
   * polished. With a bounded {@link TransientBudget}, a transient that spends it without any of
   * these, its field still on, ends {@code unsettled} ({@link TransientEnding}).
   */
  public Outcome solveFrom(Model model, double[] y0) {
    double[] y = y0.clone();
    double b0 = model.fieldAmplitude(y0);
    double elapsed = 0;
    double window = FIRST_WINDOW;
    double maxTime = Math.min(relaxer.settings().maxTime(), budget.time());
    FieldLog log = new FieldLog(model); // |b| along the transient: the drift of an unsettled end
    while (true) {
      log.startWindow(elapsed);
      Relaxation rel = relaxer.relax(model, y, Math.min(window, maxTime - elapsed),
          budget.bounded() ? log : org.qdlaser.stages.numerics.ode.StepObserver.NONE);
      elapsed += rel.duration();
      if (rel.reachedCriterion() || (elapsed >= maxTime && !budget.bounded())) {
        return new Outcome(polish(model, rel), elapsed, rel.reachedCriterion() ? "criterion" : "max_time");
      }
      double[] s = rel.state();
      double b = model.fieldAmplitude(s);
      if (b > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        var early = solver.polishLasing(model, s, EquilibriumSolver.frequencyEstimate(model, s, rel.derivative()))
            .filter(Equilibrium::stable);
        if (early.isPresent()) {
          return new Outcome(early.get(), elapsed, "newton_lasing");
        }
      }
      if (b < DECAYED * b0) {
        var off = solver.polishNonLasing(model, s).filter(Equilibrium::stable);
        if (off.isPresent()) {
          return new Outcome(off.get(), elapsed, "newton_non_lasing");
        }
      }
      if (elapsed >= maxTime && b > EquilibriumSolver.LASING_AMPLITUDE_FLOOR) {
        if (TransientEnding.decaying(log, elapsed, budget)) {
          var off = solver.polishNonLasing(model, s).filter(Equilibrium::stable);
          if (off.isPresent()) {
            return new Outcome(off.get(), elapsed, "newton_non_lasing");
          }
        }
        LOG.info("{} r = {}: transient unsettled after its budget of {} time units of 1/gamma_nr (|b| = {})", model.kind(),
            Readable.rate(model.pump()), Readable.number(elapsed), Readable.number(b));
        return new Outcome(TransientEnding.unsettled(model, s, rel.derivative(), log, elapsed, budget), elapsed, "unsettled");
      }
      if (elapsed >= maxTime) {
        return new Outcome(polish(model, rel), elapsed, "max_time");
      }
      y = s;
      window *= 2;
    }
  }

  /** Fraction of the initial field below which a decaying transient is taken to go non-lasing. */
  static final double DECAYED = org.qdlaser.stages.integration.CoRotatingTransient.FIELD_DECAYED;

  /** Polishes the end of a transient (see {@link EquilibriumSolver#polish}). */
  public Equilibrium polish(Model model, Relaxation rel) {
    return solver.polish(model, rel);
  }

  /** The model's lasing initial state (see {@link Model#lasingInitialState()}). */
  public static double[] lasingInitialState(Model model) {
    return model.lasingInitialState();
  }
}
