package org.qdlaser.stages.fitting;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Statistics over a handful of samples (ten QD samples per width): mean, sample standard deviation
 * and Spearman's rank correlation, which the paper's qualitative trends (App. G) are stated in.
 */
public final class SampleStatistics {
  private SampleStatistics() {}

  public static double mean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Sample standard deviation (n - 1); NaN below two values. */
  public static double std(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  /**
   * Spearman's rank correlation (Pearson correlation of the ranks, ties given their mean rank);
   * NaN below three pairs or when one side is constant.
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("spearman: " + x.length + " x values but " + y.length + " y values");
    }
    if (x.length < 3) {
      return Double.NaN;
    }
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    double mx = mean(rx);
    double my = mean(ry);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (rx[i] - mx) * (ry[i] - my);
      sxx += (rx[i] - mx) * (rx[i] - mx);
      syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Ranks 1..n, ties sharing their mean rank. */
  static double[] ranks(double[] v) {
    Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }
  /**
   * Relative slack when summing the tables "at most as probable as the observed one" in
   * {@link #fisherExactTwoSided}: hypergeometric probabilities computed through logarithms agree to
   * ~1e-14, and equally probable tables (symmetric margins) must all count.
   */
  private static final double FISHER_TIE_SLACK = 1e-7;

  /**
   * Fisher's exact test, two-sided, of two binomial counts: k1 of n1 against k2 of n2 (e.g. the
   * paper's "four of the ... ten simulations are below threshold" against our count of ten). Under
   * the hypothesis that both come from the same success probability, the first count given the
   * margins is hypergeometric; the p-value is the total probability of the tables at most as
   * probable as the observed one (Hipparchus's {@code HypergeometricDistribution}).
   *
   * @return the two-sided p-value in (0, 1]
   */
  public static double fisherExactTwoSided(int k1, int n1, int k2, int n2) {
    if (n1 < 1 || n2 < 1 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
      throw new IllegalArgumentException("counts must satisfy 0 <= k <= n, n >= 1, got " + k1 + " of " + n1
          + " and " + k2 + " of " + n2);
    }
    int successes = k1 + k2;
    org.hipparchus.distribution.discrete.HypergeometricDistribution h =
        new org.hipparchus.distribution.discrete.HypergeometricDistribution(n1 + n2, successes, n1);
    double observed = h.probability(k1);
    double p = 0;
    for (int x = Math.max(0, successes - n2); x <= Math.min(n1, successes); x++) {
      double px = h.probability(x);
      if (px <= observed * (1 + FISHER_TIE_SLACK)) {
        p += px;
      }
    }
    return Math.min(1.0, p);
  }
}
