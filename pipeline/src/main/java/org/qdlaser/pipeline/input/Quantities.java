package org.qdlaser.pipeline.input;

import java.util.Locale;

/**
 * Parses numeric inputs: plain numbers are normalised (rates in units of gamma_nr); a {@code /s}
 * suffix marks a rate in s^-1, converted by dividing by gamma_nr in s^-1.
 */
public final class Quantities {
  private Quantities() {}

  /** A parsed number and whether it carried the {@code /s} suffix. */
  public record Quantity(double value, boolean perSecond) {
    /** The value in units of gamma_nr. */
    public double normalised(double gammaNrPerSecond) {
      return perSecond ? value / gammaNrPerSecond : value;
    }
  }

  public static Quantity parse(String field, String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    boolean perSecond = false;
    if (s.endsWith("/s") || s.endsWith("s^-1")) {
      perSecond = true;
      s = s.endsWith("/s") ? s.substring(0, s.length() - 2) : s.substring(0, s.length() - 4);
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return new Quantity(v, perSecond);
    } catch (NumberFormatException e) {
      throw new InputException(
          field, "expected a finite number, optionally with the suffix /s for s^-1, got '" + text + "'");
    }
  }
}
