package org.qdlaser.stages.fitting;

/**
 * The threshold read off a downward sweep as in the paper: the lowest pump of the sweep that
 * still lases stably (coming down from the top) and the next pump, where lasing is lost.
 *
 * @param lowestLasingPump lowest swept pump with a stable lasing state (normalised), NaN if none
 * @param highestNonLasingPump the next swept pump, without stable lasing, NaN if the sweep lases
 *     to its end
 * @param bAbsAtLowestLasing |b| at the lowest lasing pump (NaN if none)
 */
public record ThresholdBracket(double lowestLasingPump, double highestNonLasingPump, double bAbsAtLowestLasing) {

  /** Whether both ends were found in the sweep. */
  public boolean bracketed() {
    return !Double.isNaN(lowestLasingPump) && !Double.isNaN(highestNonLasingPump);
  }

  /** Geometric midpoint of the bracket (NaN unless bracketed): the sweep's threshold estimate. */
  public double estimate() {
    return bracketed() ? Math.sqrt(lowestLasingPump * highestNonLasingPump) : Double.NaN;
  }

  /**
   * Reads the bracket off a sweep given in sweep order (downwards).
   *
   * @param pumps pump values, strictly decreasing
   * @param lasingStable whether each equilibrium lases and is stable
   * @param bAbs |b| of each equilibrium
   */
  public static ThresholdBracket fromDownwardSweep(double[] pumps, boolean[] lasingStable, double[] bAbs) {
    if (pumps.length != lasingStable.length || pumps.length != bAbs.length) {
      throw new IllegalArgumentException("sweep columns must have equal lengths");
    }
    for (int i = 1; i < pumps.length; i++) {
      if (!(pumps[i] < pumps[i - 1])) {
        throw new IllegalArgumentException(
            "a downward sweep needs strictly decreasing pumps, got " + pumps[i - 1] + " then " + pumps[i] + " at index " + i);
      }
    }
    int i = 0;
    while (i < pumps.length && lasingStable[i]) {
      i++;
    }
    if (i == 0) {
      return new ThresholdBracket(Double.NaN, pumps.length > 0 ? pumps[0] : Double.NaN, Double.NaN);
    }
    double below = i < pumps.length ? pumps[i] : Double.NaN;
    return new ThresholdBracket(pumps[i - 1], below, bAbs[i - 1]);
  }
}
