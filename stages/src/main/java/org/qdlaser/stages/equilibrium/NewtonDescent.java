package org.qdlaser.stages.equilibrium;

import java.util.Arrays;
import java.util.Optional;
import org.qdlaser.stages.physics.Model;

/**
 * The lower end of a lasing branch of detuned dots followed down from a stable state by Newton
 * alone (issue 13): steps down by a fixed pump ratio until Newton fails, then bisection of the last
 * interval, with no eigenvalues on the way; the stability of the two states at the end is checked
 * once. At TPM_d N = 50 a stability analysis costs ~2 s, more than a converging branch step, and a
 * descent from 2e15 s^-1 to a fold near 7.7e14 s^-1 takes 14 steps.
 *
 * <p>The result is the branch end of the stability-checked search ({@link ThresholdFinder}) when the
 * branch stays stable down to where Newton loses it (a stable node meeting a saddle at a fold); if
 * either end state is unstable, the branch lost stability on the way and {@link #follow} is empty, so
 * that the caller runs the checked search.
 */
final class NewtonDescent {
  /**
   * The last two lasing states of the descent, both stable, and the first pump below them where
   * Newton found no lasing state.
   */
  record End(Equilibrium previous, Equilibrium good, double rBad) {}

  private final EquilibriumSolver solver;
  private final double ratio;
  private final double width;
  private final double rMin;

  /**
   * @param solver Newton with few iterations (a step past the branch end fails)
   * @param ratio pump ratio of a descent step (&gt; 1)
   * @param width relative width of the final bracket
   * @param rMin lowest pump followed (normalised)
   */
  NewtonDescent(EquilibriumSolver solver, double ratio, double width, double rMin) {
    this.solver = solver;
    this.ratio = ratio;
    this.width = width;
    this.rMin = rMin;
  }

  /** A branch point: pump, state (lab gauge) and omega. */
  private record Point(double pump, double[] state, double omega) {}

  /**
   * Follows the branch down from the stable lasing state {@code top}; empty if the branch lost
   * stability on the way (or reaches {@code rMin}): then the caller's checked search decides.
   */
  Optional<End> follow(Model model, Equilibrium top) {
    Point good = new Point(top.pump(), top.state(), top.omega());
    Point previous = good;
    double rBad = Double.NaN;
    while (Double.isNaN(rBad)) {
      double r = good.pump() / ratio;
      if (r < rMin) {
        return Optional.empty();
      }
      Optional<Point> p = step(model, good, r);
      if (p.isPresent()) {
        previous = good;
        good = p.get();
      } else {
        rBad = r;
      }
    }
    while ((good.pump() - rBad) / good.pump() > width) {
      double r = Math.sqrt(good.pump() * rBad);
      Optional<Point> p = step(model, good, r);
      if (p.isPresent()) {
        previous = good;
        good = p.get();
      } else {
        rBad = r;
      }
    }
    Optional<Equilibrium> g = checked(model, good);
    Optional<Equilibrium> pr = previous == good ? g : checked(model, previous);
    if (g.isEmpty() || pr.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new End(pr.get(), g.get(), rBad));
  }

  private Optional<Point> step(Model model, Point from, double r) {
    int n = model.dimension();
    return solver.lasingState(model.withPump(r), from.state(), from.omega())
        .map(x -> new Point(r, Arrays.copyOf(x, n), x[n]));
  }

  /** The converged state polished once more (one Newton iteration) with its stability; empty if unstable. */
  private Optional<Equilibrium> checked(Model model, Point p) {
    return solver.polishLasing(model.withPump(p.pump()), p.state(), p.omega()).filter(Equilibrium::stable);
  }
}
