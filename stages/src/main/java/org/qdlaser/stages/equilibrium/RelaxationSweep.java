package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.physics.PhotonStatistics;

/**
 * Relaxation oscillations and photon statistics across threshold (issue 19, the paper's two open
 * questions of Sec. V): along a pump interval, the non-lasing branch on a pump grid and the lasing
 * branch parametrised by its amplitude (so that both its stable and its unstable part are reached:
 * the TPM family is bistable), with at every steady state its stability, its relaxation oscillation
 * ({@link RelaxationOscillation}, stable states only) and g2(0) ({@link PhotonStatistics}).
 *
 * <p>The lasing branch starts from the stable lasing state at the top pump (found by {@link
 * PointSolver}, i.e. the paper's transient from a lasing initial state, or Newton from the cheaper
 * model's state for {@code _d} models) and is followed down in |b| on a geometric grid to {@link
 * #END_AMPLITUDE_FRACTION} of its start, each point solved for (state, omega, r) at fixed |b|
 * ({@link AmplitudeBranch}); it stops where r leaves the interval or Newton fails.
 */
public final class RelaxationSweep {
  /** The lasing branch is followed down to this fraction of its top-pump amplitude. */
  static final double END_AMPLITUDE_FRACTION = 1e-3;
  /** Slack on the interval's ends for the amplitude-parametrised branch (relative). */
  static final double PUMP_SLACK = 1e-9;

  /** Which branch a point is on. */
  public enum Branch {
    NON_LASING,
    LASING
  }

  /**
   * One steady state of the sweep.
   *
   * @param branch non-lasing (pump grid) or lasing (amplitude grid)
   * @param pump r (normalised)
   * @param bAbs |<b>|
   * @param omega rotation frequency (units of gamma_nr)
   * @param photons {@code <b+ b>}
   * @param upperPopulation mean {@code <c+ c>}
   * @param stable stability in the rotating frame (phase mode removed)
   * @param rightmostEigenvalue largest real part of the spectrum (units of gamma_nr)
   * @param relaxation the relaxation oscillation (stable states with a resolved complex pair), or null
   * @param photonRelaxationTime mean relaxation time of the photon number after a small pump step
   *     (1/gamma_nr; stable states, dense path; else NaN)
   * @param statistics g2(0) and the photon moments
   */
  public record Point(
      Branch branch, double pump, double bAbs, double omega, double photons, double upperPopulation, boolean stable,
      double rightmostEigenvalue, RelaxationOscillation relaxation, double photonRelaxationTime,
      PhotonStatistics statistics) {}

  /**
   * A sweep of one model.
   *
   * @param model the model kind
   * @param points the non-lasing branch by increasing pump, then the lasing branch from the top pump
   *     down in amplitude
   * @param notes what was not computed and why (empty if everything was)
   */
  public record Result(ModelKind model, List<Point> points, List<String> notes) {
    public Result {
      points = List.copyOf(points);
      notes = List.copyOf(notes);
    }
  }

  private final PointSolver pointSolver;
  private final EquilibriumSolver solver;

  public RelaxationSweep(PointSolver pointSolver, EquilibriumSolver solver) {
    this.pointSolver = pointSolver;
    this.solver = solver;
  }

  /**
   * Sweeps {@code model} (its own pump is ignored) over [rMin, rMax].
   *
   * @param nonLasingPoints pumps of the non-lasing branch, geometric in [rMin, rMax] (>= 2)
   * @param lasingPoints amplitudes of the lasing branch, geometric from its top-pump value down to
   *     {@link #END_AMPLITUDE_FRACTION} of it (>= 2)
   */
  public Result sweep(Model model, double rMin, double rMax, int nonLasingPoints, int lasingPoints) {
    if (!(rMin > 0) || !(rMax > rMin) || Double.isInfinite(rMax)) {
      throw new IllegalArgumentException("pump interval must satisfy 0 < r_min < r_max < infinity, got [" + rMin + ", " + rMax + "]");
    }
    if (nonLasingPoints < 2 || lasingPoints < 2) {
      throw new IllegalArgumentException("a sweep needs at least 2 points per branch, got " + nonLasingPoints + " and " + lasingPoints);
    }
    List<Point> points = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    nonLasing(model, rMin, rMax, nonLasingPoints, points, notes);
    lasing(model, rMin, rMax, lasingPoints, points, notes);
    return new Result(model.kind(), points, notes);
  }

  private void nonLasing(Model model, double rMin, double rMax, int count, List<Point> points, List<String> notes) {
    // Natural continuation from the vacuum with step halving (NonLasingBranch): the steady-state
    // equations also have unphysical roots (negative photon number) that Newton from a no-field
    // guess can reach (CIM, Table I: <b+b> = -1.69 at every pump).
    NonLasingBranch continuation = new NonLasingBranch(solver);
    Equilibrium prev = null;
    for (int i = 0; i < count; i++) {
      double r = rMin * Math.pow(rMax / rMin, i / (double) (count - 1));
      try {
        prev = prev == null ? continuation.at(model, r) : continuation.continueTo(model, prev, r);
      } catch (EquilibriumException e) {
        notes.add("non-lasing branch not continued beyond r = " + (prev == null ? 0 : prev.pump()) + ": " + e.getMessage());
        return;
      }
      points.add(point(Branch.NON_LASING, model.withPump(r), prev.state(), 0.0, false));
    }
  }

  private void lasing(Model model, double rMin, double rMax, int count, List<Point> points, List<String> notes) {
    Model top = model.withPump(rMax);
    Equilibrium start = pointSolver.solve(top);
    if (!start.lasing() || !start.stable()) {
      notes.add("no stable lasing state at the top pump r = " + rMax + " (verdict " + start.verdict() + "): lasing branch not traced");
      return;
    }
    AmplitudeBranch branch = new AmplitudeBranch(ParameterFamily.pump(top), new NewtonSolver(NewtonSettings.defaults()));
    AmplitudeBranch.Point prev = branch.from(start);
    double a0 = start.bAbs();
    for (int k = 0; k < count; k++) {
      double a = a0 * Math.pow(END_AMPLITUDE_FRACTION, k / (double) (count - 1));
      Optional<AmplitudeBranch.Point> p = k == 0 ? Optional.of(prev) : branch.solveTowards(a, prev);
      if (p.isEmpty()) {
        notes.add("lasing branch: Newton failed at |b| = " + a + " after r = " + prev.pump());
        return;
      }
      double r = p.get().pump();
      if (r < rMin * (1 - PUMP_SLACK) || r > rMax * (1 + PUMP_SLACK)) {
        notes.add("lasing branch leaves [" + rMin + ", " + rMax + "] at |b| = " + a + " (r = " + r + ")");
        return;
      }
      prev = p.get();
      points.add(point(Branch.LASING, model.withPump(r), prev.state(), prev.omega(), true));
    }
  }

  private static Point point(Branch branch, Model m, double[] z, double omega, boolean lasing) {
    RelaxationOscillation.Analysis a = RelaxationOscillation.analyse(m, z, omega, lasing);
    return new Point(branch, m.pump(), m.fieldAmplitude(z), omega, m.photons(z), m.upperPopulationMean(z),
        a.stability().stable(), a.stability().rightmostReal(), a.relaxation().orElse(null), a.photonRelaxationTime(),
        PhotonStatistics.of(m, z));
  }
}
