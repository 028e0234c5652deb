package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.field;
import static org.qdlaser.pipeline.golden.GoldenInputs.fmt;
import static org.qdlaser.pipeline.golden.GoldenInputs.json;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A count of the paper (k of n) against ours (count and total from JSON fields): consistent when
 * Fisher's exact two-sided test does not reject "same probability" at {@code level} (default 0.05).
 */
final class BinomialCheck {
  private BinomialCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode b) {
    String file = b.path("file").asText();
    JsonNode doc = json(run, file);
    JsonNode countNode = field(doc, b.path("count").asText());
    JsonNode totalNode = b.has("total") && b.path("total").isTextual() ? field(doc, b.path("total").asText()) : b.path("total");
    int pk = b.path("paper").path("count").asInt(-1);
    int pn = b.path("paper").path("of").asInt(-1);
    double level = b.path("level").asDouble(0.05);
    String expected = pk + " of " + pn + " (paper)";
    if (countNode.isMissingNode() || totalNode.isMissingNode()) {
      return new GoldenResult(b.path("quantity").asText(), file, expected, "(missing)", "Fisher p >= " + fmt(level), source(b), false);
    }
    int k = countNode.asInt();
    int n = totalNode.asInt();
    double p = org.qdlaser.stages.fitting.SampleStatistics.fisherExactTwoSided(pk, pn, k, n);
    return new GoldenResult(b.path("quantity").asText(), file + "#" + b.path("count").asText(), expected,
        k + " of " + n + " (Fisher exact two-sided p = " + String.format(Locale.ROOT, "%.3g", p) + ")",
        "p >= " + fmt(level), source(b), p >= level);
  }
}
