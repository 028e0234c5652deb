package org.qdlaser.stages.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The text of report pages: numbers, cells, escaping and relative paths. */
public final class HtmlText {
  private HtmlText() {}

  /**
   * Locale-independent number text with 6 significant digits: plain for 1e-4 &le; |x| &lt; 1e6
   * ({@code "0.00123457"}, {@code "123457"}, {@code "2.5"}), otherwise scientific ({@code
   * "1.23457e+08"}, {@code "-3e-07"}); {@code "0"}, {@code "NaN"}, {@code "Infinity"}, {@code
   * "-Infinity"}.
   */
  public static String formatNumber(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN));
    double a = Math.abs(d.doubleValue());
    if (a >= 1e-4 && a < 1e6) {
      return d.stripTrailingZeros().toPlainString();
    }
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent);
    String exp = String.format(Locale.ROOT, "%+03d", exponent);
    return mantissa.stripTrailingZeros().toPlainString() + "e" + exp;
  }

  /**
   * HTML-escapes text for element content and quoted attribute values: {@code & < > " '}; C0/C1
   * control characters other than tab, LF and CR, and unpaired surrogates, become U+FFFD.
   */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    HtmlWriter.appendEscaped(sb, s);
    return sb.toString();
  }

  private static final Pattern SCHEME =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

  /** Requires a non-blank relative path with '/' separators (no scheme, no leading '/'). */
  static void checkRelativePath(String field, String path) {
    Objects.requireNonNull(path, field);
    if (path.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (path.startsWith("/") || path.indexOf('\\') >= 0 || SCHEME.matcher(path).matches()) {
      throw new IllegalArgumentException(
          field + " must be a relative path with '/' separators, got '" + path + "'");
    }
  }

/** See {@link HtmlBlocks.Cell#of}. */
static HtmlBlocks.Cell cell(Object value) {
    if (value == null) {
      return new HtmlBlocks.Cell(HtmlReport.MISSING, false);
    }
    if (value instanceof Double || value instanceof Float) {
      return new HtmlBlocks.Cell(formatNumber(((Number) value).doubleValue()), true);
    }
    if (value instanceof BigDecimal d) {
      return new HtmlBlocks.Cell(d.toPlainString(), true);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return new HtmlBlocks.Cell(value.toString(), true);
    }
    if (value instanceof HtmlBlocks.Cell c) {
      return c;
    }
    return new HtmlBlocks.Cell(String.valueOf(value), false);
  }
}
