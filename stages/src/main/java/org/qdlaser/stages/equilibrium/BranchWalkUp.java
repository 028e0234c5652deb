package org.qdlaser.stages.equilibrium;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * polish came before the next step (a step computed after a stable point is discarded; a polish's failure
 * comes before the next step's).
 *
 * <p>Each solve sees the sparse LU workspace it would see one after the other on one thread (the workspace
 * of a thread is reused by a solve on the same pattern, and the reused row order can change the last bits):
 * a point's step and its polish run on one helper thread (a "chain"); the next step runs on a new chain,
 * beside the polish, where it starts with a step in |b| (whose pattern, n + 2 unknowns, differs from the
 * polish's, n + 1: one after the other it would start on a fresh workspace too), and on the polish's chain
 * after the polish where it starts with a step in the pump (whose Newton would reuse the polish's
 * workspace). The caller's workspace goes to the first chain, and the caller takes over the workspace of
 * the chain that did the walk's last work in the walk's order ({@link NewtonSolver.SparseWorkspace#detach}):
 * the caller's next solves (the descent from the stable state) see what they saw one after the other.
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
    ExecutorService chain = newChain();
    ExecutorService stepChain = null;
    Polish pending = null;
    NewtonSolver.SparseWorkspace callers = NewtonSolver.SparseWorkspace.detach();
    chain.submit(() -> NewtonSolver.SparseWorkspace.adopt(callers));
    try {
      AmplitudeBranch.Point p = from;
      boolean inPump = false;
      double aDir = 1;
      double rDir = 1;
      for (int k = 0; k <= AmplitudeHomotopy.MAX_AMPLITUDE_STEPS; k++) {
        RouteCancellation.check();
        if (k > 0) {
          if (inPump) { // a step in the pump reuses the polish's workspace: after the polish's verdict, on its chain
            Optional<Equilibrium> done = settle(pending);
            pending = null;
            if (done.isPresent()) {
              return takeOver(chain, callers, done);
            }
          }
          stepChain = inPump ? chain : newChain();
          AmplitudeBranch.Point at = p;
          boolean pumpNow = inPump;
          double a = aDir;
          double r = rDir;
          Future<Step> f = stepChain.submit(RouteCancellation.inherit(() -> step(target, branch, at, pumpNow, a, r)));
          Step s;
          try {
            s = await(f);
          } catch (RuntimeException | Error e) {
            Optional<Equilibrium> done = settle(pending); // one after the other, that polish came first
            if (done.isPresent()) {
              return takeOver(chain, callers, done);
            }
            throw e;
          }
          Optional<Equilibrium> done = settle(pending);
          pending = null;
          if (done.isPresent()) {
            return takeOver(chain, callers, done);
          }
          if (stepChain != chain) {
            chain.shutdown();
            chain = stepChain;
          }
          stepChain = null;
          if (s.next().isEmpty()) {
            log.add(String.format(Locale.ROOT, "branch at the target continued neither in |b| nor in r from |b| = %.2f, r = %s",
                target.fieldAmplitude(p.state()), Readable.number(p.pump())));
            return takeOver(chain, callers, Optional.empty());
          }
          p = s.next().get();
          inPump = s.inPump();
          aDir = s.aDir();
          rDir = s.rDir();
        }
        if (!(p.pump() < ThresholdFinder.R_MAX)) {
          log.add("branch at the target above the ceiling r = " + ThresholdFinder.R_MAX + " at " + p.pump());
          return takeOver(chain, callers, Optional.empty());
        }
        Model m = target.withPump(p.pump());
        AmplitudeBranch.Point q = p;
        pending = new Polish(chain.submit(RouteCancellation.inherit(() -> polish.polishLasing(m, q.state(), q.omega()))),
            p.pump(), m.fieldAmplitude(p.state()), target.kind());
      }
      Optional<Equilibrium> done = settle(pending);
      pending = null;
      return takeOver(chain, callers, done);
    } finally {
      discard(pending, chain, stepChain);
    }
  }

  /** Ends the chains (idle unless the walk ended by an exception: then their work is discarded). */
  private static void discard(Polish pending, ExecutorService chain, ExecutorService stepChain) {
    if (pending != null) {
      pending.result().cancel(true);
    }
    chain.shutdownNow();
    if (stepChain != null) {
      stepChain.shutdownNow();
    }
  }

  /**
   * {@code result}, after this thread took over {@code chain}'s workspace (its last solves were the walk's
   * last), or the {@code callers} it had where the chain has none (dense solves only: they leave it as it is).
   */
  private static <T> T takeOver(ExecutorService chain, NewtonSolver.SparseWorkspace callers, T result) {
    NewtonSolver.SparseWorkspace ws = await(chain.submit(NewtonSolver.SparseWorkspace::detach));
    NewtonSolver.SparseWorkspace.adopt(ws != null ? ws : callers);
    return result;
  }

  /** A chain: one helper thread, its thread-locals empty at the start, tasks run in order. */
  private static ExecutorService newChain() {
    return HelperThreads.single("qdlaser-walk-up");
  }

  private static <T> T await(Future<T> f) {
    return HelperThreads.await(f, () -> new EquilibriumException("interrupted during the walk up the branch"));
  }

  /** The pending polish's state if stable; else empty, with the point recorded (visited or failed). */
  private Optional<Equilibrium> settle(Polish pending) {
    if (pending == null) {
      return Optional.empty();
    }
    Optional<Equilibrium> e = await(pending.result());
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
