package org.qdlaser.stages.physics.simple;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Stimulated-emission figures of a {@link SpectralModel} over the probe window [E_A - 0.5, E_A +
 * 0.3] eV (spec 1b), as pure functions.
 *
 * <p>Extrema are bracketed on an energy grid and then located to rounding: a minimum of N0(E) is
 * where d/dE OD_NL(E, N) vanishes at N = N0(E) (implicit differentiation of OD_NL(E, N0(E)) = 0),
 * a maximum of the gain where d/dE OD_NL(E, N) vanishes at fixed N, both roots of analytic
 * derivatives (Brent); where the bracket shows no sign change (a kink of N0 where its smallest root
 * changes branch) a derivative-free Brent minimisation takes over.
 */
public final class SeAnalysis {
  /** The probe window reaches this far below E_A, eV (spec 1b). */
  public static final double PROBE_BELOW = 0.5;
  /** The probe window reaches this far above E_A, eV (spec 1b). */
  public static final double PROBE_ABOVE = 0.3;
  /**
   * Grid step that brackets the extrema, eV: 0.5 meV resolves the calibrated lines (FWHM 80-100
   * meV) with 160+ points per width; narrower lines get {@value #POINTS_PER_FWHM} points per FWHM.
   */
  static final double GRID_STEP = 0.5e-3;

  static final int POINTS_PER_FWHM = 20;
  /** Absolute accuracy of an extremum's energy, eV: a few ulps of E ~ 2 eV. */
  static final double ENERGY_ACCURACY = 1e-15;

  private static final int MAX_EVALUATIONS = 500;

  private SeAnalysis() {}

  /** Lower end of the probe window, eV. */
  public static double windowLow(SpectralParameters p) {
    return p.eAbs() - PROBE_BELOW;
  }

  /** Upper end of the probe window, eV. */
  public static double windowHigh(SpectralParameters p) {
    return p.eAbs() + PROBE_ABOVE;
  }

  /** The bracketing grid over the probe window (both ends included); a new array, eV. */
  public static double[] probeGrid(SpectralParameters p) {
    double narrowest = Math.min(Math.min(p.fwhmAbs(), p.fwhmEm()), Math.min(p.fwhmEsa(), p.fwhmXxEm()));
    double step = Math.min(GRID_STEP, narrowest / POINTS_PER_FWHM);
    return grid(windowLow(p), windowHigh(p), step);
  }

  /** Points lo, lo + h, ..., hi with h the largest step &lt;= {@code step} that divides [lo, hi]; a new array. */
  static double[] grid(double lo, double hi, double step) {
    int intervals = (int) Math.ceil((hi - lo) / step - 1e-9);
    if (intervals < 2 || intervals > 50_000_000) {
      throw new IllegalArgumentException("energy grid of " + intervals + " intervals over [" + lo + ", " + hi + "] eV");
    }
    double[] e = new double[intervals + 1];
    for (int i = 0; i <= intervals; i++) {
      e[i] = lo + (hi - lo) * i / intervals;
    }
    e[intervals] = hi;
    return e;
  }

  /** Threshold, maximum gain and cross-section ratio over the probe window. */
  public static SeThreshold analyse(SpectralModel m) {
    SpectralExtremum th = thresholdMinimum(m);
    SpectralExtremum mg = maxGain(m, m.parameters().nMax());
    boolean gain = mg.exists() && mg.value() > 0;
    double eMax = gain ? mg.energy() : Double.NaN;
    double nAtMax = gain ? m.thresholdOccupancy(eMax) : Double.NaN;
    return new SeThreshold(th.value(), th.energy(), th.atWindowEdge(), eMax, gain ? mg.value() : 0.0,
        Double.isInfinite(nAtMax) ? Double.NaN : nAtMax);
  }

  /** min over the probe window of N0(E) and its energy (NONE if there is no gain up to n_max). */
  public static SpectralExtremum thresholdMinimum(SpectralModel m) {
    double[] grid = probeGrid(m.parameters());
    double[] da = new double[3];
    double[] pr = new double[3];
    DoubleUnaryOperator n0 = m::thresholdOccupancy;
    // d/dE OD_NL(E, N) at N = N0(E): same sign as dN0/dE where OD_NL falls through 0 with N.
    DoubleUnaryOperator slope = e -> {
      double n = m.thresholdOccupancy(e);
      if (Double.isInfinite(n)) {
        return Double.NaN;
      }
      m.statistics().occupations(n, pr);
      m.stateAbsorbanceDerivatives(e, da);
      return pr[0] * da[0] + pr[1] * da[1] + pr[2] * da[2];
    };
    return minimise(grid, n0, slope);
  }

  /**
   * The maximum over the probe window of the gain -OD_NL(E, n) / OD_0 (negative if the sample
   * absorbs everywhere) and its energy.
   */
  public static SpectralExtremum maxGain(SpectralModel m, double n) {
    return maxGain(m, n, windowLow(m.parameters()), windowHigh(m.parameters()));
  }

  /** As {@link #maxGain(SpectralModel, double)} over [lo, hi] eV. */
  public static SpectralExtremum maxGain(SpectralModel m, double n, double lo, double hi) {
    double[] pr = new double[3];
    m.statistics().occupations(n, pr);
    double[] a = new double[3];
    DoubleUnaryOperator od = e -> {
      m.stateAbsorbances(e, a);
      return pr[0] * a[0] + pr[1] * a[1] + pr[2] * a[2];
    };
    DoubleUnaryOperator slope = e -> {
      m.stateAbsorbanceDerivatives(e, a);
      return pr[0] * a[0] + pr[1] * a[1] + pr[2] * a[2];
    };
    double narrowest = Math.min(Math.min(m.parameters().fwhmAbs(), m.parameters().fwhmEm()),
        Math.min(m.parameters().fwhmEsa(), m.parameters().fwhmXxEm()));
    double[] grid = grid(lo, hi, Math.min(GRID_STEP, narrowest / POINTS_PER_FWHM));
    SpectralExtremum min = minimise(grid, od, slope);
    return min.exists() ? new SpectralExtremum(-min.value(), min.energy(), min.atWindowEdge()) : min;
  }

  /**
   * Minimum of f over [grid[0], grid[last]]: the grid's smallest finite value, refined on its two
   * neighbouring intervals by the root of {@code slope} (any function with the sign of f' there)
   * or, without a sign change, by Brent minimisation.
   */
  static SpectralExtremum minimise(double[] grid, DoubleUnaryOperator f, DoubleUnaryOperator slope) {
    int k = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < grid.length; i++) {
      double v = f.applyAsDouble(grid[i]);
      if (v < best) {
        best = v;
        k = i;
      }
    }
    if (k < 0) {
      return SpectralExtremum.NONE;
    }
    if (k == 0 || k == grid.length - 1) {
      return new SpectralExtremum(best, grid[k], true);
    }
    double lo = grid[k - 1];
    double hi = grid[k + 1];
    double sLo = slope.applyAsDouble(lo);
    double sHi = slope.applyAsDouble(hi);
    double e;
    if (sLo < 0 && sHi > 0) {
      e = new BrentSolver(ENERGY_ACCURACY, ENERGY_ACCURACY, 0.0).solve(MAX_EVALUATIONS, slope::applyAsDouble, lo, hi);
    } else {
      double cap = 1e300;
      e = new BrentOptimizer(1e-14, ENERGY_ACCURACY)
          .optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE, new SearchInterval(lo, hi, grid[k]),
              new UnivariateObjectiveFunction(x -> Math.min(cap, f.applyAsDouble(x))))
          .getPoint();
    }
    double v = f.applyAsDouble(e);
    return v <= best ? new SpectralExtremum(v, e, false) : new SpectralExtremum(best, grid[k], false);
  }
}
