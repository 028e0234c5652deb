package org.qdlaser.stages.physics;

import java.util.Locale;

/**
 * Numbers for people (log lines, reports): with their unit and the precision that means something
 * to a reader, never a double's seventeen digits ({@code r = 1.4202e5 gamma_nr}, {@code 1.42e14
 * s^-1}, {@code 1 min 05 s}). Not for data files, which keep every digit.
 */
public final class Readable {
  /** Significant digits of a shown value: enough to tell neighbouring pumps of a sweep apart. */
  public static final int DIGITS = 5;

  private Readable() {}

  /** A number to {@value #DIGITS} significant digits, plain between 1e-3 and 1e5, else in e-notation; NaN as "NaN". */
  public static String number(double v) {
    return number(v, DIGITS);
  }

  /** A number to {@code digits} significant digits (trailing zeros dropped). */
  public static String number(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      String s = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
      return s;
    }
    String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    int exponent = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + exponent;
  }

  /** A rate normalised to gamma_nr, with its unit: {@code 1.4202e5 gamma_nr}. */
  public static String rate(double normalised) {
    return number(normalised) + " gamma_nr";
  }

  /** A rate normalised to gamma_nr, in s^-1 given gamma_nr in s^-1: {@code 1.4202e14 s^-1}. */
  public static String rate(double normalised, double gammaNrPerSecond) {
    return number(normalised * gammaNrPerSecond) + " s^-1";
  }

  /** A duration in seconds: {@code 0.84 s}, {@code 12.3 s}, {@code 1 min 05 s}, {@code 2 h 03 min}. */
  public static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "NaN s";
    }
    if (s < 10) {
      return String.format(Locale.ROOT, "%.2f s", s);
    }
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long whole = Math.round(s);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
  }

  /** A count with its noun, singular or plural: {@code 1 fold}, {@code 3 folds}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
