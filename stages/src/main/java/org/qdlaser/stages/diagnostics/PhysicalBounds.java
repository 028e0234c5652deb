package org.qdlaser.stages.diagnostics;

import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * Bounds that the moments of any quantum state satisfy, evaluated on a state of the truncated
 * equations (which do not enforce them). Two are reported (docs/decisions.md, "Physical bounds"):
 *
 * <ul>
 *   <li>the incoherent photon number {@code <b+b> - |<b>|^2 = <(b - <b>)+(b - <b>)> >= 0}
 *       (Cauchy-Schwarz);
 *   <li>the two-level bound of each dot, {@code |<v+c>|^2 <= <c+c><v+v> = n (1 - n)}: Cauchy-Schwarz
 *       {@code |<A+B>|^2 <= <A+A><B+B>} with A = v, B = c, and one electron per dot, {@code <v+v> =
 *       1 - <c+c>}, which the models assume (their inversion is {@code 2<c+c> - 1 = <c+c> - <v+v>}
 *       and their pump term {@code r(1 - <c+c>)} = r {@code <v+v>}). Equivalently: the dot's 2 x 2
 *       density matrix in {|c>, |v>} must be positive. So {@code |<v+c>|^2 <= 1/4} always.
 * </ul>
 *
 * <p>A dot violates the two-level bound when {@code |<v+c>|^2 > n (1 - n) (1 + ROUNDING_SLACK)}, or
 * when its population lies outside [0, 1] (then n (1 - n) < 0 and its ratio is infinite).
 *
 * @param incoherentPhotons {@code <b+b> - |<b>|^2}
 * @param dots number of dots N (identical-dot models: the one dot variable stands for all N)
 * @param dotsViolating dots whose {@code |<v+c>|^2} exceeds {@code n (1 - n)}
 * @param worstRatio largest {@code |<v+c>|^2 / (n (1 - n))} over the dots (+Infinity for a
 *     population outside [0, 1]; NaN without dots)
 * @param worstDot 0-based index of the dot with the worst ratio (0 for identical dots)
 * @param populationsOutsideUnitInterval dots whose {@code <c+c>} lies outside [0, 1]
 */
public record PhysicalBounds(
    double incoherentPhotons, int dots, int dotsViolating, double worstRatio, int worstDot,
    int populationsOutsideUnitInterval) {

  /**
   * Relative slack on the two-level bound: a state exactly at the bound (a pure two-level state)
   * computed in double precision may exceed it by a few ulps; 1e-12 is far above that and far below
   * every violation we report (the CIM at Table I exceeds the bound by a factor 5.9).
   */
  public static final double ROUNDING_SLACK = 1e-12;

  /** Whether every bound holds. */
  public boolean satisfied() {
    return incoherentPhotons >= 0 && dotsViolating == 0;
  }

  /** The bounds of a state of {@code model} (identical-dot or polydisperse; fields Vc, Cc or Vc[l], Cc[l]). */
  public static PhysicalBounds of(Model model, double[] state) {
    StateLayout layout = model.layout();
    int n = model.dots();
    double incoherent = model.photons(state) - square(model.fieldAmplitude(state));
    if (layout.has("Cc")) {
      // Identical dots: one dot variable, the same for all N dots.
      int v = layout.field("Vc").offset();
      double act = state[v] * state[v] + state[v + 1] * state[v + 1];
      double cc = state[layout.field("Cc").offset()];
      return of(incoherent, new double[] {act}, new double[] {cc}, n);
    }
    double[] act = model.activation(state);
    double[] cc = new double[n];
    for (int l = 0; l < n; l++) {
      cc[l] = state[layout.field("Cc[" + l + "]").offset()];
    }
    return of(incoherent, act, cc, 1);
  }

  /**
   * The bounds from per-dot values.
   *
   * @param incoherentPhotons {@code <b+b> - |<b>|^2}
   * @param activation per-dot {@code |<v+c>|^2} (caller-owned, read only)
   * @param upperPopulation per-dot {@code <c+c>} (caller-owned, read only)
   * @param multiplicity how many dots each entry stands for (N for identical dots, else 1)
   */
  public static PhysicalBounds of(double incoherentPhotons, double[] activation, double[] upperPopulation, int multiplicity) {
    if (activation.length != upperPopulation.length) {
      throw new IllegalArgumentException("activation and upper population must have equal lengths, got "
          + activation.length + " and " + upperPopulation.length);
    }
    if (multiplicity < 1) {
      throw new IllegalArgumentException("multiplicity must be >= 1, got " + multiplicity);
    }
    int violating = 0;
    int outside = 0;
    double worst = Double.NaN;
    int worstDot = 0;
    for (int l = 0; l < activation.length; l++) {
      double n = upperPopulation[l];
      double bound = n * (1 - n);
      double ratio;
      if (n < 0 || n > 1) {
        outside += multiplicity;
        ratio = Double.POSITIVE_INFINITY;
      } else {
        ratio = bound > 0 ? activation[l] / bound : (activation[l] > 0 ? Double.POSITIVE_INFINITY : 0.0);
      }
      if (ratio > 1 + ROUNDING_SLACK) {
        violating += multiplicity;
      }
      if (Double.isNaN(worst) || ratio > worst) {
        worst = ratio;
        worstDot = l;
      }
    }
    return new PhysicalBounds(incoherentPhotons, activation.length * multiplicity, violating, worst, worstDot, outside);
  }

  private static double square(double x) {
    return x * x;
  }
}
