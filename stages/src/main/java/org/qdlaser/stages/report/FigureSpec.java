package org.qdlaser.stages.report;

import java.util.Objects;

/**
 * Layout of one figure.
 *
 * @param title chart title (may be empty: no title drawn)
 * @param xAxisLabel x-axis title
 * @param yAxisLabel y-axis title
 * @param logX logarithmic x axis (non-positive x values are then not drawn)
 * @param logY logarithmic y axis (non-positive y values, e.g. the non-lasing |&lt;b&gt;| = 0, are then
 *     not drawn)
 * @param width image width in pixels, {@value #MIN_PIXELS}..{@value #MAX_PIXELS}
 * @param height image height in pixels, {@value #MIN_PIXELS}..{@value #MAX_PIXELS}
 */
public record FigureSpec(
    String title,
    String xAxisLabel,
    String yAxisLabel,
    boolean logX,
    boolean logY,
    int width,
    int height) {

  public static final int MIN_PIXELS = 200;
  public static final int MAX_PIXELS = 8000;

  /** Default size of a bifurcation figure, pixels. */
  public static final int DEFAULT_WIDTH = 960;

  public static final int DEFAULT_HEIGHT = 640;

  public FigureSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xAxisLabel, "xAxisLabel");
    Objects.requireNonNull(yAxisLabel, "yAxisLabel");
    requirePixels("width", width);
    requirePixels("height", height);
  }

  /**
   * The paper's Fig. 3 layout: |&lt;b&gt;| (linear) versus normalised pump (log), {@value
   * #DEFAULT_WIDTH}x{@value #DEFAULT_HEIGHT} px.
   */
  public static FigureSpec bifurcation(String title) {
    return new FigureSpec(
        title, "pump r / γ_nr", "|<b>|", true, false, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  public FigureSpec withSize(int width, int height) {
    return new FigureSpec(title, xAxisLabel, yAxisLabel, logX, logY, width, height);
  }

  public FigureSpec withLogY(boolean logY) {
    return new FigureSpec(title, xAxisLabel, yAxisLabel, logX, logY, width, height);
  }

  private static void requirePixels(String field, int v) {
    if (v < MIN_PIXELS || v > MAX_PIXELS) {
      throw new IllegalArgumentException(
          field + " = " + v + " px is outside " + MIN_PIXELS + ".." + MAX_PIXELS);
    }
  }
}
