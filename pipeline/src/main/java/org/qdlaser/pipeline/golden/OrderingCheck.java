package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.field;
import static org.qdlaser.pipeline.golden.GoldenInputs.json;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Values of JSON artifacts in strictly increasing order ({@code orderings}). */
final class OrderingCheck {
  private OrderingCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode o) {
    List<Double> values = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (JsonNode r : o.path("increasing")) {
      String[] parts = r.asText().split("#", 2);
      refs.add(r.asText());
      values.add(field(json(run, parts[0]), parts[1]).asDouble(Double.NaN));
    }
    boolean ok = true;
    for (int i = 1; i < values.size(); i++) {
      ok &= values.get(i) > values.get(i - 1);
    }
    return new GoldenResult(o.path("quantity").asText(), String.join(" < ", refs), "strictly increasing",
        values.stream().map(GoldenInputs::fmt).toList().toString(), "order", source(o), ok);
  }
}
