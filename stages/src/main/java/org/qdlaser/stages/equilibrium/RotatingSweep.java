package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.qdlaser.stages.integration.ProgressListener;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TimeSeries;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;

/**
 * Downward pump sweep for detuned dots: each pump starts from the previous equilibrium, first by
 * natural continuation (rotating-frame Newton from it, accepted if stable), else by the windowed
 * transient of {@link PointSolver#solveFrom} (early rotating-frame Newton), because the lasing state
 * rotates and the App. A rates settle only at the integrator's error level. The time series holds
 * one row per pump (the end of its transient; time 0 where Newton continued the state).
 */
final class RotatingSweep {
  private RotatingSweep() {}

  /** Accepted continuation: stable, with non-negative photons and populations in [0, 1]. */
  private static final Predicate<Equilibrium> PHYSICAL_AND_STABLE =
      e -> e.stable() && e.photons() >= 0 && e.upperPopulationMean() >= 0 && e.upperPopulationMean() <= 1;

  static Relaxer.SweepResult sweep(Model model, double[] pumps, double[] y0, Relaxer relaxer, EquilibriumSolver solver,
      ProgressListener progress) {
    PointSolver ps = new PointSolver(relaxer, solver);
    Equilibrium previous = null;
    List<Relaxation> out = new ArrayList<>();
    double[] y = y0;
    int n = pumps.length;
    double[] b = new double[n];
    double[] ph = new double[n];
    double[] cc = new double[n];
    double[] bb = new double[n];
    double[] time = new double[n];
    for (int i = 0; i < n; i++) {
      Model m = model.withPump(pumps[i]);
      PointSolver.Outcome o = step(m, i, previous, y, ps, solver);
      previous = o.equilibrium();
      y = o.equilibrium().state();
      double[] f = new double[y.length];
      m.rhs(0, y, f);
      out.add(new Relaxation(pumps[i], o.transientTime(), y, f, !"max_time".equals(o.ending()), 0.0, 0, 0));
      b[i] = m.fieldAmplitude(y);
      ph[i] = m.photons(y);
      cc[i] = m.upperPopulationMean(y);
      bb[i] = m.bbAmplitude(y);
      time[i] = o.transientTime();
      progress.progress(i + 1, n, m.kind() + " r=" + pumps[i] + " (" + o.ending() + ")");
    }
    return new Relaxer.SweepResult(out, new TimeSeries(pumps, time, b, ph, cc, bb));
  }

  /**
   * The equilibrium at the {@code i}-th pump. TPM_d: the first pump starts from the lifted TPM_IF_d
   * lasing state (PointSolver.solve), as {@code qdlaser point}; from the generic initial state its
   * transient costs minutes at N = 40. Later pumps: natural continuation first (Newton from the
   * previous equilibrium, accepted if stable and physical), the transient only where it fails (past
   * a threshold): TPM_d transients cost minutes per pump at N = 40 (docs/decisions.md).
   */
  private static PointSolver.Outcome step(Model m, int i, Equilibrium previous, double[] y, PointSolver ps,
      EquilibriumSolver solver) {
    if (i == 0 && Models.seedModel(m).isPresent()) {
      return new PointSolver.Outcome(ps.solve(m), 0.0, "newton_seeded");
    }
    if (previous != null) {
      Optional<Equilibrium> next = previous.lasing()
          ? solver.polishLasing(m, y, previous.omega()).filter(PHYSICAL_AND_STABLE) : Optional.empty();
      String how = "newton_continued";
      if (next.isEmpty()) {
        // Lasing state lost (past a threshold) or never there: the stable non-lasing state by Newton
        // (a TPM_d transient decaying to it costs over ten minutes at N = 40).
        next = solver.polishNonLasing(m, y).filter(PHYSICAL_AND_STABLE);
        how = previous.lasing() ? "newton_non_lasing_after_lasing" : how;
      }
      if (next.isPresent()) {
        return new PointSolver.Outcome(next.get(), 0.0, how);
      }
    }
    return ps.solveFrom(m, y);
  }
}
