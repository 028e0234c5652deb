package org.qdlaser.stages.physics.simple;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The map from pump fluence to mean exciton number (spec 1c). x = J / J_s is the number of photons
 * a dot absorbs in the linear regime (J_s = h nu / sigma, the saturation fluence).
 */
public enum FluenceMap {
  /**
   * The paper's Rabi picture (Sec. 3.3, Fig. 8b): pulse area theta = sqrt(2x) on each of the two
   * slots, &lt;N&gt; = 2 sin^2(sqrt(x/2)), taken over the first half period only (theta &lt;= pi,
   * x &lt;= pi^2/2): beyond it &lt;N&gt; would fall again, which no saturation curve shows (spec A9).
   */
  RABI,
  /** The Standard Model's &lt;N&gt; = sigma J = x. */
  LINEAR;

  /** Largest admissible x: pi^2/2 (a pi pulse) for the Rabi map, unbounded for the linear one. */
  public double maxPhotons() {
    return this == RABI ? 0.5 * Math.PI * Math.PI : Double.POSITIVE_INFINITY;
  }

  /**
   * Mean exciton number at x absorbed photons per dot.
   *
   * @throws IllegalArgumentException if x is negative, not finite, or beyond the Rabi pi pulse
   */
  public double occupancy(double x) {
    if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("photons per dot x = J/J_s must be finite and >= 0, got " + x);
    }
    if (this == RABI) {
      if (x > maxPhotons()) {
        throw new IllegalArgumentException("fluence J/J_s = " + x + " is beyond the Rabi pi pulse (pulse area "
            + Math.sqrt(2 * x) + " > pi, J/J_s <= pi^2/2 = " + maxPhotons() + ")");
      }
      double s = Math.sin(Math.sqrt(0.5 * x));
      return 2 * s * s;
    }
    return x;
  }

  /**
   * The inverse: photons per dot x that give mean exciton number {@code n}.
   *
   * @throws IllegalArgumentException for n outside [0, 2] (Rabi) or negative n (linear)
   */
  public double photons(double n) {
    if (this == RABI) {
      if (!(n >= 0 && n <= 2)) {
        throw new IllegalArgumentException("the Rabi map reaches <N> in [0, 2] only, got " + n);
      }
      double a = Math.asin(Math.sqrt(0.5 * n));
      return 2 * a * a;
    }
    if (!(n >= 0 && n < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("<N> must be finite and >= 0, got " + n);
    }
    return n;
  }

  /** The name as manifests and {@code --set} spell it: {@code rabi} or {@code linear}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code rabi} or {@code linear}; IllegalArgumentException naming the allowed ones. */
  public static FluenceMap parse(String s) {
    for (FluenceMap v : values()) {
      if (v.label().equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown fluence map '" + s + "', allowed: "
        + Arrays.stream(values()).map(FluenceMap::label).collect(Collectors.joining(", ")));
  }
}
