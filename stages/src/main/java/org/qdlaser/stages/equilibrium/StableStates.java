package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.qdlaser.stages.numerics.threads.HelperThreads;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * Every stable steady state that two routes find at one parameter point, in one order for every
 * model (issue 13): the TPM and TPM_IF are bistable between the non-lasing state and a lasing state
 * above their fold (Sec. IV, Fig. 3), and which one a single solve reports depends on its start —
 * TPM (identical dots, N = 12, r = 2e5, g = 300) relaxes from the lasing initial state to the
 * non-lasing state, while TPM_d with zero detunings, the same equations, reaches the lasing state by
 * Newton from its seed chain.
 *
 * <p>The routes: the state the solver reported ({@code primary}); the non-lasing state by Newton
 * from that state with its field removed, or from the uncorrelated no-field state; a lasing state by
 * Newton from the seed chain (CIM -> TPM_IF -> TPM, lifted by factorisation), which for identical
 * dots runs on the equivalent {@code _d} model with zero detunings (the exact reduction of DESIGN.md)
 * and is collapsed back. <b>Order:</b> stable lasing states first (largest |b| first), then the
 * stable non-lasing state: in a bistable region the lasing state is the paper's reading (its
 * downward pump sweeps stay on the lasing branch down to the fold, Sec. III/App. A, and its threshold
 * is the lowest pump with such a state), and the rule does not depend on which route a model took.
 */
public final class StableStates {
  /** Two states are the same when |b| and the photon number agree to this relative accuracy. */
  static final double SAME_STATE = 1e-6;

  private final PointSolver pointSolver;
  private final EquilibriumSolver solver;

  /**
   * {@code search} started on a new helper thread (its thread-local workspaces empty, as {@link
   * NonLasingAhead}'s: a reused thread's LU could round differently); the supplier returned waits for its
   * states (its failure rethrown as if found on the caller's thread).
   */
  static Supplier<List<Equilibrium>> aside(Supplier<List<Equilibrium>> search) {
    Future<List<Equilibrium>> f = HelperThreads.onNewThread("qdlaser-other-stable-states", search::get);
    return () -> HelperThreads.await(f,
        () -> new EquilibriumException("interrupted while the other stable states were found"));
  }

  public StableStates(PointSolver pointSolver, EquilibriumSolver solver) {
    this.pointSolver = pointSolver;
    this.solver = solver;
  }

  /**
   * The stable steady states found from {@code primary} (the reported solve of {@code model}) and
   * the other routes, lasing first; empty if none is stable (e.g. an unsettled sample whose
   * non-lasing state is unstable).
   */
  public List<Equilibrium> find(Model model, Equilibrium primary) {
    List<Equilibrium> found = new ArrayList<>();
    if (steady(primary) && primary.stable()) {
      found.add(primary);
    }
    if (primary.verdict() != Verdict.NON_LASING || !primary.stable()) {
      nonLasing(model, primary).ifPresent(e -> add(found, e));
    }
    if (primary.verdict() != Verdict.LASING || !primary.stable()) {
      lasing(model).ifPresent(e -> add(found, e));
    }
    found.sort((a, b) -> a.lasing() != b.lasing() ? (a.lasing() ? -1 : 1) : Double.compare(b.bAbs(), a.bAbs()));
    return found;
  }

  private static boolean steady(Equilibrium e) {
    return e.verdict() == Verdict.LASING || e.verdict() == Verdict.NON_LASING;
  }

  private Optional<Equilibrium> nonLasing(Model model, Equilibrium primary) {
    for (double[] guess : new double[][] {primary.state(), model.noFieldState()}) {
      // From the point's lasing state, `qdlaser point` started this polish already (PointSolver).
      Optional<Equilibrium> e = pointSolver.nonLasingAhead(model, guess, () -> solver.polishNonLasing(model, guess))
          .filter(NonLasingBranch::physical).filter(Equilibrium::stable);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private Optional<Equilibrium> lasing(Model model) {
    if (model.kind().polydisperse()) {
      return pointSolver.seededLasing(model); // the point's own seed chain when it was solved by the same facade
    }
    if (model.kind() == ModelKind.CIM || Models.disperseTwin(model).isEmpty()) {
      return Optional.empty(); // CIM: one lasing branch from a pitchfork, no bistability to look for
    }
    Model twin = Models.disperseTwin(model).get();
    PointSolver.Start s = pointSolver.start(twin);
    if (!s.seeded()) {
      return Optional.empty();
    }
    Optional<Equilibrium> onTwin = solver.polishLasing(twin, s.state(), s.omega());
    if (onTwin.isEmpty()) {
      return Optional.empty();
    }
    double[] y = collapse(twin, onTwin.get().state(), model);
    return solver.polishLasing(model, y, onTwin.get().omega()).filter(Equilibrium::stable);
  }

  /**
   * A state of the {@code _d} model whose dots are all equal, as a state of the identical-dot model:
   * field "X" takes "X[0]" or "X[0][1]" (the inverse of {@link WidthHomotopy#spread}).
   */
  public static double[] collapse(Model disperse, double[] y, Model identical) {
    double[] z = new double[identical.dimension()];
    for (Field f : identical.layout().fields()) {
      String name = f.name();
      Field src = disperse.layout().has(name) ? disperse.layout().field(name)
          : disperse.layout().has(name + "[0]") ? disperse.layout().field(name + "[0]")
          : disperse.layout().field(name + "[0][1]");
      System.arraycopy(y, src.offset(), z, f.offset(), f.size());
    }
    return z;
  }

  private static void add(List<Equilibrium> found, Equilibrium e) {
    for (Equilibrium x : found) {
      if (x.lasing() == e.lasing() && close(x.bAbs(), e.bAbs()) && close(x.photons(), e.photons())) {
        return;
      }
    }
    found.add(e);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= SAME_STATE * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
  }
}
