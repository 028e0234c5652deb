package org.qdlaser.stages.physics.simple;

import java.util.OptionalDouble;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The cw threshold of a level scheme: its {@link CwKind} and, for a finite threshold, the pump rate
 * W_th where the steady-state small-signal gain changes sign.
 *
 * <p>The kind follows from the steady states (spec 1a, derived from M N = 0): the 2LS has g =
 * -1/(2W + 1) - r N_2 &lt; 0 at every W (never); the 3LS has g = N_1 [(1 - r) kappa W/(W + kappa) - 1],
 * whose bracket rises from -1 at W = 0 to (1 - r) kappa - 1 as W -&gt; infinity (finite iff (1 - r)
 * kappa &gt; 1, else never); the 4LS has g = N_3 (1 - r - 1/kappa) with N_3 &gt; 0 for W &gt; 0
 * (thresholdless iff 1 - r - 1/kappa &gt; 0, else never). The pump W_th itself is the root of the
 * numerical steady-state gain (Brent), not the closed form, which the tests hold it against.
 *
 * @param kind how gain is reached
 * @param pump W_th in units of gamma_X: the finite threshold, 0 if thresholdless, NaN if never
 */
public record CwThreshold(CwKind kind, double pump) {

  /** Relative accuracy of W_th: a few ulps (the steady-state gain is accurate to rounding, see GTH). */
  static final double RELATIVE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 500;
  /** Doublings of the upper pump bracket before giving up (W up to 2^1100, beyond any double). */
  private static final int MAX_DOUBLINGS = 1100;

  /** The finite threshold pump, or empty for the other kinds. */
  public OptionalDouble finitePump() {
    return kind == CwKind.FINITE ? OptionalDouble.of(pump) : OptionalDouble.empty();
  }

  /** The threshold of a scheme at relaxation rate kappa and ESA ratio r of {@code p} (its pump is ignored). */
  public static CwThreshold of(LevelScheme scheme, CwParameters p) {
    double r = p.esaRatio();
    double kappa = p.relax();
    CwKind kind = switch (scheme) {
      case TWO_LEVEL -> CwKind.NEVER;
      case THREE_LEVEL -> (1 - r) * kappa > 1 ? CwKind.FINITE : CwKind.NEVER;
      case FOUR_LEVEL -> 1 - r - 1 / kappa > 0 ? CwKind.THRESHOLDLESS : CwKind.NEVER;
    };
    return switch (kind) {
      case NEVER -> new CwThreshold(kind, Double.NaN);
      case THRESHOLDLESS -> new CwThreshold(kind, 0.0);
      case FINITE -> new CwThreshold(kind, finiteThreshold(scheme, p));
    };
  }

  private static double finiteThreshold(LevelScheme scheme, CwParameters p) {
    java.util.function.DoubleUnaryOperator gain =
        w -> new CwRateEquations(scheme, p.withPump(w)).steadyState().gain();
    double lo = 0.0;
    double hi = 1.0;
    int doublings = 0;
    while (!(gain.applyAsDouble(hi) > 0)) {
      lo = hi;
      hi *= 2;
      if (++doublings > MAX_DOUBLINGS || !Double.isFinite(hi)) {
        throw new IllegalStateException("no pump up to " + lo + " gamma_X gives gain for the " + scheme
            + " although its kind is finite (kappa = " + p.relax() + ", esa_ratio = " + p.esaRatio() + ")");
      }
    }
    BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL, 0.0);
    return solver.solve(MAX_EVALUATIONS, gain::applyAsDouble, lo, hi);
  }
}
