package org.qdlaser.stages.physics.simple;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Amplified spontaneous emission of a thin film of dots (spec 1c; paper Sec. 3.4, Fig. 9), as pure
 * functions: single-pass gain G(E) = G0 (-OD_NL(E, &lt;N&gt;)/OD_0), no propagation and no film loss
 * (paper: "It is assumed that there are no material losses due to film quality"), spectrum I(E) =
 * I_sp(E) (e^G - 1)/G (spontaneous emission amplified along the film; I_sp where G = 0).
 */
public final class AseAnalysis {
  /** &lt;N&gt; steps that bracket the ASE threshold: n_max / {@value}. */
  static final int OCCUPANCY_STEPS = 400;
  /** Relative accuracy of the threshold &lt;N&gt;. */
  static final double OCCUPANCY_ACCURACY = 1e-13;

  private AseAnalysis() {}

  /**
   * Amplification factor (e^G - 1)/G, 1 at G = 0 (continuous there: 1 + G/2 + O(G^2) for tiny G).
   */
  public static double amplification(double g) {
    return Math.abs(g) < 1e-8 ? 1 + 0.5 * g : Math.expm1(g) / g;
  }

  /**
   * ASE spectrum I(E) at mean exciton number {@code n} on {@code energies} (eV), arbitrary units
   * (those of I_sp: peak exciton emission of a dot holding one exciton = 1/2); a new array.
   */
  public static double[] spectrum(SpectralModel m, AseParameters ase, double n, double[] energies) {
    double[] pr = new double[3];
    double[] a = new double[3];
    m.statistics().occupations(n, pr);
    double[] out = new double[energies.length];
    for (int i = 0; i < energies.length; i++) {
      out[i] = intensity(m, ase, pr, a, energies[i]);
    }
    return out;
  }

  private static double intensity(SpectralModel m, AseParameters ase, double[] pr, double[] a, double e) {
    m.stateAbsorbances(e, a);
    double g = -ase.g0() * (pr[0] * a[0] + pr[1] * a[1] + pr[2] * a[2]);
    return m.spontaneousEmission(e, pr) * amplification(g);
  }

  /**
   * The ASE spike: the maximum of I(E) at {@code n} over the probe window and its energy (grid,
   * then Brent minimisation of -I on the neighbouring intervals).
   */
  public static SpectralExtremum spike(SpectralModel m, AseParameters ase, double n) {
    double[] grid = SeAnalysis.probeGrid(m.parameters());
    double[] pr = new double[3];
    double[] a = new double[3];
    m.statistics().occupations(n, pr);
    int k = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < grid.length; i++) {
      double v = intensity(m, ase, pr, a, grid[i]);
      if (v > best) {
        best = v;
        k = i;
      }
    }
    if (k == 0 || k == grid.length - 1) {
      return new SpectralExtremum(best, grid[k], true);
    }
    double e = new BrentOptimizer(1e-14, SeAnalysis.ENERGY_ACCURACY)
        .optimize(new MaxEval(500), GoalType.MAXIMIZE, new SearchInterval(grid[k - 1], grid[k + 1], grid[k]),
            new UnivariateObjectiveFunction(x -> intensity(m, ase, pr, a, x)))
        .getPoint();
    double v = intensity(m, ase, pr, a, e);
    return v >= best ? new SpectralExtremum(v, e, false) : new SpectralExtremum(best, grid[k], false);
  }

  /** Largest &lt;N&gt; the ASE analysis reaches: n_max, and at most 2 under the Rabi map. */
  public static double occupancyLimit(SpectralParameters s, AseParameters ase) {
    return ase.fluenceMap() == FluenceMap.RABI ? Math.min(s.nMax(), 2.0) : s.nMax();
  }

  /**
   * The ASE threshold: the smallest &lt;N&gt; (bracketed on steps of n_max/{@value #OCCUPANCY_STEPS},
   * then Brent) at which the largest single-pass gain over the probe window reaches G_ASE, and the
   * fluence that gives it.
   */
  public static AseThreshold threshold(SpectralModel m, AseParameters ase) {
    double target = ase.gainLength() / ase.g0();
    double limit = occupancyLimit(m.parameters(), ase);
    java.util.function.DoubleUnaryOperator excess = n -> SeAnalysis.maxGain(m, n).value() - target;
    double lo = 0;
    double hi = Double.NaN;
    for (int j = 1; j <= OCCUPANCY_STEPS; j++) {
      double n = limit * j / OCCUPANCY_STEPS;
      if (excess.applyAsDouble(n) >= 0) {
        hi = n;
        break;
      }
      lo = n;
    }
    if (Double.isNaN(hi)) {
      return AseThreshold.NONE;
    }
    double n = new BrentSolver(OCCUPANCY_ACCURACY, 1e-300, 0.0).solve(500, excess::applyAsDouble, lo, hi);
    double x = ase.fluenceMap().photons(n);
    return new AseThreshold(n, x, ase.saturationFluence() * x, SeAnalysis.maxGain(m, n).energy());
  }
}
