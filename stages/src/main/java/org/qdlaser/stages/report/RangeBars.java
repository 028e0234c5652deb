package org.qdlaser.stages.report;

import java.util.Objects;

/**
 * Vertical bars from {@code low[i]} to {@code high[i]} at {@code x[i]} (error bars of a range, e.g.
 * min..max over samples), drawn by {@link BifurcationFigure} in the colour of the branch whose label
 * is {@code branchLabel}. Bars with a NaN end are not drawn. Arrays are cloned in and out.
 *
 * @param name legend name of the bars (distinct from the branches' names)
 * @param branchLabel label of the {@link BranchSeries} whose colour the bars take
 */
public record RangeBars(String name, String branchLabel, double[] x, double[] low, double[] high) {
  public RangeBars {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(branchLabel, "branchLabel");
    if (x.length != low.length || x.length != high.length) {
      throw new IllegalArgumentException("range bars '" + name + "': x, low and high need equal lengths, got "
          + x.length + ", " + low.length + ", " + high.length);
    }
    x = x.clone();
    low = low.clone();
    high = high.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }
}
