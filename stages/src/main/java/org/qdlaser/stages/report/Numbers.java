package org.qdlaser.stages.report;

import java.util.Locale;

/** Numbers as the report writes them. */
public final class Numbers {
  private Numbers() {}

  /** Six significant digits (tables, titles, text). */
  public static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** A number for a JSON summary: null where it is not defined. */
  public static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
