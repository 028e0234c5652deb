package org.qdlaser.stages.physics.simple;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Excitation statistics of a dot's two-fold degenerate band-edge level: the probabilities P0, P1,
 * P2 of zero, one and two excitons at mean exciton number &lt;N&gt; (spec 1b).
 */
public enum Statistics {
  /**
   * Two independently Rabi-driven slots (the paper's "Rabi picture", Sec. 3.3), each filled with
   * probability q = &lt;N&gt;/2: P0 = (1-q)^2, P1 = 2q(1-q), P2 = q^2. Defined for 0 &lt;= &lt;N&gt; &lt;= 2.
   */
  BINOMIAL,
  /**
   * The Standard Model's Poisson statistics with the two-fold level saturated: P0 = e^-N, P1 = N
   * e^-N and P2 = 1 - P0 - P1 (two or more excitons all count as the biexciton). Any &lt;N&gt; &gt;= 0.
   */
  POISSON;

  /** Largest admissible &lt;N&gt;: 2 for the binomial, unbounded for the Poisson statistics. */
  public double maxOccupancy() {
    return this == BINOMIAL ? 2.0 : Double.POSITIVE_INFINITY;
  }

  /**
   * Writes P0, P1, P2 at mean exciton number {@code n} into {@code out[0..2]} (caller-owned).
   *
   * @param n &lt;N&gt;, in [0, {@link #maxOccupancy()}]
   */
  public void occupations(double n, double[] out) {
    if (this == BINOMIAL) {
      double q = 0.5 * n;
      out[0] = (1 - q) * (1 - q);
      out[1] = 2 * q * (1 - q);
      out[2] = q * q;
    } else {
      double e = Math.exp(-n);
      out[0] = e;
      out[1] = n * e;
      // 1 - (1 + n) e^-n without cancellation at small n: -expm1(-n) - n e^-n.
      out[2] = -Math.expm1(-n) - n * e;
    }
  }

  /** The name as manifests and {@code --set} spell it: {@code binomial} or {@code poisson}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code binomial} or {@code poisson}; IllegalArgumentException naming the allowed ones. */
  public static Statistics parse(String s) {
    for (Statistics v : values()) {
      if (v.label().equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown statistics '" + s + "', allowed: "
        + Arrays.stream(values()).map(Statistics::label).collect(Collectors.joining(", ")));
  }
}
