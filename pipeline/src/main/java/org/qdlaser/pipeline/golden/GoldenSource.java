package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.qdlaser.pipeline.input.InputException;

/**
 * Where a golden check's expected value comes from (schema qdlaser/golden/v1, {@code source:}):
 *
 * <ul>
 *   <li>{@code paper}: a statement of the paper, {@code quote} (the sentence) and {@code place}
 *       (section, figure or appendix);
 *   <li>{@code analytic}: a {@code formula} (derivation or closed form), optional {@code text};
 *   <li>{@code regression}: our own reviewed run, {@code text} saying which run and what was
 *       reviewed. A regression check never stands in for a statement of the paper; where the paper
 *       says otherwise, {@code disagrees: {place, quote, reason}} records the disagreement.
 * </ul>
 *
 * @param kind paper, analytic or regression
 * @param place section / figure / appendix of a paper quote (null otherwise)
 * @param quote the paper's sentence (null otherwise)
 * @param formula the analytic formula (null otherwise)
 * @param text free explanation (required for regression)
 * @param disagreement the paper's statement that this check's value disagrees with, or null
 */
public record GoldenSource(String kind, String place, String quote, String formula, String text, Disagreement disagreement) {
  public static final String PAPER = "paper";
  public static final String ANALYTIC = "analytic";
  public static final String REGRESSION = "regression";

  /**
   * A statement of the paper that our value does not reproduce.
   *
   * @param place section / figure / appendix
   * @param quote the paper's sentence
   * @param reason why we differ (derivation or measurement)
   */
  public record Disagreement(String place, String quote, String reason) {}

  /**
   * Reads and validates {@code node.source}; {@code path} names the entry (e.g. {@code
   * golden/fig4/golden.yaml values[2]}) in the error.
   *
   * @throws InputException naming the missing or wrong field
   */
  static GoldenSource parse(JsonNode node, String path) {
    JsonNode s = node.path("source");
    if (!s.isObject()) {
      throw new InputException(path + ".source", "every golden check needs a source {kind: paper | analytic | regression, ...}");
    }
    String kind = s.path("kind").asText("");
    String place = text(s, "place");
    String quote = text(s, "quote");
    String formula = text(s, "formula");
    String text = text(s, "text");
    switch (kind) {
      case PAPER -> {
        require(quote, path + ".source.quote", "a paper check needs the quoted sentence");
        require(place, path + ".source.place", "a paper check needs the place of its quote (section, figure or appendix)");
      }
      case ANALYTIC -> require(formula, path + ".source.formula", "an analytic check needs its formula");
      case REGRESSION -> require(text, path + ".source.text", "a regression check needs the run and what was reviewed");
      default -> throw new InputException(path + ".source.kind",
          "source kind must be paper, analytic or regression, got '" + kind + "'");
    }
    Disagreement d = null;
    JsonNode dn = s.path("disagrees");
    if (!dn.isMissingNode()) {
      String dp = path + ".source.disagrees";
      d = new Disagreement(require(text(dn, "place"), dp + ".place", "a disagreement needs the place of the paper's statement"),
          require(text(dn, "quote"), dp + ".quote", "a disagreement needs the paper's sentence"),
          require(text(dn, "reason"), dp + ".reason", "a disagreement needs its reason (derivation or measurement)"));
    }
    return new GoldenSource(kind, place, quote, formula, text, d);
  }

  /** One line: kind and what it rests on. */
  public String describe() {
    String what = switch (kind) {
      case PAPER -> place + ": \"" + quote + "\"";
      case ANALYTIC -> formula + (text == null ? "" : " (" + text + ")");
      default -> text;
    };
    return kind + ": " + what + (disagreement == null ? "" : " [disagrees with the paper, " + disagreement.place() + "]");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String require(String value, String field, String message) {
    if (value == null) {
      throw new InputException(field, message);
    }
    return value;
  }
}
