package org.qdlaser.stages.equilibrium;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.numerics.threads.RouteCancellation;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk up the target's branch of {@link AmplitudeHomotopy} (its {@code walkUp}): from a branch point,
 * steps along the branch (in |b|, or in the pump where |b| turns) until a point polished at fixed pump is
 * stable. The polish (a Newton solve and a spectrum, ~0.5 CPU-s at TPM_d N = 50) does not feed the walk, so
 * it runs beside the next step, and the first stable point in the walk's order is the answer, as when each
 * polish came before the next step: the polish's verdict is taken first (a stable state ends the walk and the
 * step beside it is cancelled; a polish's failure comes before the step's).
 *
 * <p>Each solve sees the sparse LU workspace it would see one after the other on one thread (the workspace
 * of a thread is reused by a solve on the same pattern, and the reused row order can change the last bits):
 * a point's step and its polish run on one helper thread (a "chain"); the next step runs on a new chain,
 * beside the polish, where it starts with a step in |b| (whose pattern, n + 2 unknowns, differs from the
 * polish's, n + 1: one after the other it would start on a fresh workspace too), and on the polish's chain
 * after the polish where it starts with a step in the pump (whose Newton would reuse the polish's
 * workspace). The caller's workspace goes to the first chain, and the caller takes over the workspace of
 * the chain that did the walk's last work in the walk's order ({@link NewtonSolver.SparseWorkspace#detach}):
 * the caller's next solves (the descent from the stable state) see what they saw one after the other. So
 * also where a step or polish throws: the caller takes over the workspace of the chain that threw (its
 * solve was the last one after the other; the chain is idle then). Where the walk ends by an interrupt of
 * the caller or a cancelled route instead, the chains may still be running and are being stopped: the
 * caller gets its own workspace back as it was at the start, without waiting on them.
 *
 * <p>The chains' tasks are {@link RouteCancellation#cancellable}, on a route or not: work the walk discards
 * (the step beside a stable polish, whatever runs when the walk ends by an exception) stops at its next
 * Newton iteration instead of running to its end after the walk returned.
 */
final class BranchWalkUp {
  private static final Logger LOG = LoggerFactory.getLogger(AmplitudeHomotopy.class);

  private final NewtonSolver newton;
  private final List<String> log;
  private final List<AmplitudeHomotopy.Visit> visits;

  /** A walk whose steps use {@code newton}, appending to the homotopy's {@code log} and {@code visits}. */
  BranchWalkUp(NewtonSolver newton, List<String> log, List<AmplitudeHomotopy.Visit> visits) {
    this.newton = newton;
    this.log = log;
    this.visits = visits;
  }

  /** One step's result: the next point (empty: no continuation) and the walk's parameter and directions after it. */
  private record Step(Optional<AmplitudeBranch.Point> next, boolean inPump, double aDir, double rDir) {}

  /** A point's polish under way: its chain's result, and the point for the record of a failed polish. */
  private record Polish(Future<Optional<Equilibrium>> result, double pump, double bAbs, ModelKind kind) {}

  /** The first stable lasing state at amplitudes a, a * ratio, ... from {@code from} (see {@link AmplitudeHomotopy#walkUp}). */
  Optional<Equilibrium> stableState(Model target, AmplitudeBranch.Point from) {
    AmplitudeBranch branch = new AmplitudeBranch(ParameterFamily.pump(target), newton);
    EquilibriumSolver polish = new EquilibriumSolver(ThresholdFinder.branchNewton());
    Chains c = new Chains();
    try {
      AmplitudeBranch.Point p = from;
      boolean inPump = false;
      double aDir = 1;
      double rDir = 1;
      for (int k = 0; k <= AmplitudeHomotopy.MAX_AMPLITUDE_STEPS; k++) {
        RouteCancellation.check();
        if (k > 0) {
          AmplitudeBranch.Point at = p;
          boolean pumpNow = inPump;
          double a = aDir;
          double r = rDir;
          Callable<Step> next = RouteCancellation.cancellable(() -> step(target, branch, at, pumpNow, a, r));
          // a step in |b| beside the polish, on a new chain; one in the pump reuses the polish's workspace: after it
          Future<Step> f = inPump ? null : c.startStep(next);
          Optional<Equilibrium> done = settle(c); // one after the other, the polish came first
          if (done.isPresent()) {
            return c.takeOver(done);
          }
          Step s = f == null ? c.await(c.chain.submit(next), c.chain) : c.await(f, c.stepChain);
          c.stepDone();
          if (s.next().isEmpty()) {
            log.add(String.format(Locale.ROOT, "branch at the target continued neither in |b| nor in r from |b| = %.2f, r = %s",
                target.fieldAmplitude(p.state()), Readable.number(p.pump())));
            return c.takeOver(Optional.empty());
          }
          p = s.next().get();
          inPump = s.inPump();
          aDir = s.aDir();
          rDir = s.rDir();
        }
        if (!(p.pump() < ThresholdFinder.R_MAX)) {
          log.add("branch at the target above the ceiling r = " + ThresholdFinder.R_MAX + " at " + p.pump());
          return c.takeOver(Optional.empty());
        }
        Model m = target.withPump(p.pump());
        AmplitudeBranch.Point q = p;
        c.pending = new Polish(c.chain.submit(RouteCancellation.cancellable(() -> polish.polishLasing(m, q.state(), q.omega()))),
            p.pump(), m.fieldAmplitude(p.state()), target.kind());
      }
      return c.takeOver(settle(c));
    } finally {
      c.end();
    }
  }

  /** The walk's chains and who holds which LU workspace (see the class comment). */
  private static final class Chains {
    /** The caller's workspace, detached at the start: the first chain's, and the caller's again where no chain has one. */
    private final NewtonSolver.SparseWorkspace callers = NewtonSolver.SparseWorkspace.detach();
    /** The chain of the walk's last point: its polish, and after it a step in the pump. */
    private ExecutorService chain = newChain();
    /** The new chain of a step in |b| while it runs (beside the polish on {@link #chain}); else null. */
    private ExecutorService stepChain;
    /** The polish under way on {@link #chain}, or null. */
    private Polish pending;
    /** The chain whose task threw: one after the other, its solve was the walk's last. Null while none did. */
    private ExecutorService failed;
    private boolean givenBack;

    Chains() {
      chain.submit(() -> NewtonSolver.SparseWorkspace.adopt(callers));
    }

    /** Starts {@code step} on a new chain (its thread-locals empty). */
    Future<Step> startStep(Callable<Step> step) {
      stepChain = newChain();
      return stepChain.submit(step);
    }

    /** After a step's result: its chain is the walk's chain from now on. */
    void stepDone() {
      if (stepChain != null) {
        chain.shutdown();
        chain = stepChain;
        stepChain = null;
      }
    }

    /** {@code f}'s value; if its task on {@code on} threw, {@code on} is remembered as the one that did. */
    <T> T await(Future<T> f, ExecutorService on) {
      try {
        return BranchWalkUp.await(f);
      } catch (RuntimeException | Error e) {
        if (!Thread.currentThread().isInterrupted()) { // a task's failure, not this thread's interrupt
          failed = on;
        }
        throw e;
      }
    }

    /**
     * {@code result}, after this thread took over {@link #chain}'s workspace (its last solves were the walk's
     * last), or {@link #callers} where the chain has none (dense solves only: they leave it as it is).
     */
    <T> T takeOver(T result) {
      NewtonSolver.SparseWorkspace ws = BranchWalkUp.await(chain.submit(NewtonSolver.SparseWorkspace::detach));
      NewtonSolver.SparseWorkspace.adopt(ws != null ? ws : callers);
      givenBack = true;
      return result;
    }

    /**
     * Ends the walk: on an exception exit this thread gets a workspace back (see the class comment), then the
     * chains end, whatever still runs on them cancelled (nothing, after a normal return but a step beside a
     * stable polish).
     */
    void end() {
      if (!givenBack) {
        NewtonSolver.SparseWorkspace ws = null;
        if (failed != null && !Thread.currentThread().isInterrupted()) {
          try {
            ws = BranchWalkUp.await(failed.submit(NewtonSolver.SparseWorkspace::detach)); // idle: its task threw
          } catch (RuntimeException e) { // the walk's own exception goes on; the caller's workspace then
            LOG.debug("walk up the branch: the failed chain's LU workspace not taken over ({})", e.toString());
          }
        }
        NewtonSolver.SparseWorkspace.adopt(ws != null ? ws : callers);
      }
      if (pending != null) {
        pending.result().cancel(true);
      }
      chain.shutdownNow();
      if (stepChain != null) {
        stepChain.shutdownNow();
      }
    }
  }

  /** A chain: one helper thread, its thread-locals empty at the start, tasks run in order. */
  private static ExecutorService newChain() {
    return HelperThreads.single("qdlaser-walk-up");
  }

  private static <T> T await(Future<T> f) {
    return HelperThreads.await(f, () -> new EquilibriumException("interrupted during the walk up the branch"));
  }

  /**
   * The pending polish's state if stable (none pending afterwards); else empty, with the point recorded (visited
   * or failed).
   */
  private Optional<Equilibrium> settle(Chains c) {
    Polish pending = c.pending;
    if (pending == null) {
      return Optional.empty();
    }
    Optional<Equilibrium> e = c.await(pending.result(), c.chain);
    c.pending = null;
    if (e.isEmpty()) {
      log.add(String.format(Locale.ROOT, "no lasing state by Newton at r = %s from the branch point |b| = %.2f",
          Readable.number(pending.pump()), pending.bAbs()));
      return Optional.empty();
    }
    Equilibrium eq = e.get();
    visits.add(new AmplitudeHomotopy.Visit(eq.bAbs(), eq.pump(), eq.omega(), eq.rightmostEigenvalue(), eq.stable()));
    LOG.info("branch of {} at the target: {}", pending.kind(), visits.get(visits.size() - 1));
    return eq.stable() ? e : Optional.empty();
  }

  /**
   * The next point from {@code p}: continuation along the branch in the direction of travel with the locally
   * regular parameter: |b| (up at first) until it cannot grow or shrink further (the branch turns in |b|: S6,
   * S10 at 2 gamma), then the pump in its direction of travel, and back to |b| where the pump turns (a fold
   * in r), keeping each parameter's direction, so that the walk passes both kinds of turn instead of stepping
   * back along the arm just taken. A failed step is shortened a few times only: each failure costs a full
   * Newton solve.
   */
  private Step step(Model target, AmplitudeBranch branch, AmplitudeBranch.Point p, boolean inPump, double aDir,
      double rDir) {
    double a0 = target.fieldAmplitude(p.state());
    Optional<AmplitudeBranch.Point> q = Optional.empty();
    boolean wasInPump = inPump;
    if (!inPump) {
      q = amplitudeStep(branch, p, a0, aDir);
    }
    if (q.isEmpty()) {
      q = pumpSteps(target, p, rDir);
      inPump = q.isPresent();
    }
    if (q.isEmpty() && wasInPump) {
      q = amplitudeStep(branch, p, a0, aDir);
    }
    if (q.isEmpty()) {
      return new Step(q, inPump, aDir, rDir);
    }
    double a1 = target.fieldAmplitude(q.get().state());
    if (inPump) {
      aDir = Math.signum(a1 - a0) != 0 ? Math.signum(a1 - a0) : aDir;
    } else {
      rDir = Math.signum(q.get().pump() - p.pump()) != 0 ? Math.signum(q.get().pump() - p.pump()) : rDir;
    }
    return new Step(q, inPump, aDir, rDir);
  }

  /**
   * A step in |b| by {@link AmplitudeHomotopy#AMPLITUDE_RATIO} in direction {@code dir} (+1 up, -1 down),
   * shortened down to {@link AmplitudeHomotopy#MIN_AMPLITUDE_RATIO}.
   */
  private static Optional<AmplitudeBranch.Point> amplitudeStep(AmplitudeBranch branch, AmplitudeBranch.Point p, double a0,
      double dir) {
    Optional<AmplitudeBranch.Point> q = Optional.empty();
    for (double ratio = AmplitudeHomotopy.AMPLITUDE_RATIO; q.isEmpty() && ratio >= AmplitudeHomotopy.MIN_AMPLITUDE_RATIO;
        ratio = Math.sqrt(ratio)) {
      q = branch.solve(a0 * Math.pow(ratio, dir), p);
    }
    return q;
  }

  /** The same in the pump. */
  private static Optional<AmplitudeBranch.Point> pumpSteps(Model target, AmplitudeBranch.Point p, double dir) {
    Optional<AmplitudeBranch.Point> q = Optional.empty();
    for (double ratio = AmplitudeHomotopy.AMPLITUDE_RATIO; q.isEmpty() && ratio >= AmplitudeHomotopy.MIN_AMPLITUDE_RATIO;
        ratio = Math.sqrt(ratio)) {
      q = pumpStep(target, p, Math.pow(ratio, dir));
    }
    return q;
  }

  /** The branch point at pump {@code from}'s times {@code ratio} by Newton at fixed pump from {@code from}'s state. */
  private static Optional<AmplitudeBranch.Point> pumpStep(Model target, AmplitudeBranch.Point from, double ratio) {
    double r = from.pump() * ratio;
    int n = target.dimension();
    return new EquilibriumSolver(ThresholdFinder.branchNewton()).lasingState(target.withPump(r), from.state(), from.omega())
        .map(x -> {
          double[] y = java.util.Arrays.copyOf(x, n + 2);
          y[n + 1] = r;
          return new AmplitudeBranch.Point(y);
        });
  }
}
