package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.field;
import static org.qdlaser.pipeline.golden.GoldenInputs.fmt;
import static org.qdlaser.pipeline.golden.GoldenInputs.json;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;
import static org.qdlaser.pipeline.golden.GoldenInputs.tol;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON value of a run against its expected number (within abs or rel) or text ({@code values}). */
final class ValueCheck {
  private ValueCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode v) {
    String file = v.path("file").asText();
    String field = v.path("field").asText();
    JsonNode actual = field(json(run, file), field);
    JsonNode expected = v.path("expected");
    GoldenSource source = source(v);
    String q = v.path("quantity").asText(file + "#" + field);
    if (actual.isMissingNode()) {
      return new GoldenResult(q, file + "#" + field, expected.asText(), "(missing)", "-", source, false);
    }
    if (expected.isNumber()) {
      double e = expected.asDouble();
      double a = actual.asDouble();
      double abs = v.path("abs").asDouble(0);
      double rel = v.path("rel").asDouble(0);
      boolean ok = Math.abs(a - e) <= Math.max(abs, rel * Math.abs(e));
      return new GoldenResult(q, file + "#" + field, fmt(e), fmt(a), tol(abs, rel), source, ok);
    }
    boolean ok = expected.asText().equals(actual.asText());
    return new GoldenResult(q, file + "#" + field, expected.asText(), actual.asText(), "exact", source, ok);
  }
}
