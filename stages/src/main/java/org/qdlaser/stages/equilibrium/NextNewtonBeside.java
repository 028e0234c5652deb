package org.qdlaser.stages.equilibrium;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.qdlaser.stages.numerics.nonlinear.NewtonResult;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;

/**
 * The next model's Newton solve from a seed's Newton-polished state, run speculatively while the seed's
 * stability verdict is computed on a second thread ({@link LongTimeFate}'s {@code beside}; {@link
 * PointSolver}: TPM_IF_d's Newton from the lifted CIM_d state while CIM_d's dense spectrum is computed).
 * Keeps the last attempt: the start it lifted and Newton's outcome, a failure included (never thrown
 * here: one after the other, the seed's verdict came first and decides whether this solve happens at
 * all). Not thread-safe: used by the thread that follows the seed's fate.
 */
final class NextNewtonBeside implements Consumer<NewtonResult> {
  private final Model seed;
  private final Model model;
  private final EquilibriumSolver solver;
  private PointSolver.Start start;
  private Optional<NewtonResult> newton;
  private RuntimeException failure;

  /** {@code model}'s Newton (by {@code solver}) from states of its seed model {@code seed}. */
  NextNewtonBeside(Model seed, Model model, EquilibriumSolver solver) {
    this.seed = seed;
    this.model = model;
    this.solver = solver;
  }

  @Override
  public void accept(NewtonResult seedNewton) {
    double[] x = seedNewton.x();
    int n = seed.dimension();
    // As PointSolver's start from the seed's lasing equilibrium: its state x[0, n), its omega x[n].
    start = new PointSolver.Start(Models.lift(seed, Arrays.copyOf(x, n), model), x[n], true);
    newton = null;
    failure = null;
    try {
      newton = solver.rotatingNewton(model, start.state(), start.omega());
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /**
   * The polish of {@code model} from {@code s} if the last attempt started exactly there (same state and
   * omega, bit for bit) and did not fail; empty otherwise (the caller solves it again, one after the other).
   */
  Optional<Optional<NewtonResult>> from(PointSolver.Start s) {
    boolean same = start != null && failure == null
        && Double.doubleToLongBits(start.omega()) == Double.doubleToLongBits(s.omega())
        && Arrays.equals(start.state(), s.state()) && start.seeded() == s.seeded();
    return same ? Optional.of(newton) : Optional.empty();
  }
}
