package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.parse;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;
import static org.qdlaser.pipeline.golden.GoldenInputs.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.Table;

/**
 * At every x of a table, the y of the listed groups (rows selected by {@code group} column value)
 * increases strictly in the listed order: e.g. CIM &lt; TPM_IF &lt; TPM at every g of Fig. 1. An x
 * where a group has no finite y fails (the statement is about every x).
 */
final class RowOrderingCheck {
  private RowOrderingCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode ro) {
    String file = ro.path("file").asText();
    Table t = table(run, file);
    String groupCol = ro.path("group").asText();
    String xCol = ro.path("x").asText();
    String yCol = ro.path("y").asText();
    List<String> order = new ArrayList<>();
    ro.path("increasing").forEach(n -> order.add(n.asText()));
    if (order.size() < 2) {
      throw new InputException("row_orderings.increasing", "needs at least two groups, got " + order);
    }
    String[] gs = t.strings(groupCol);
    String[] xs = t.strings(xCol);
    String[] ys = t.strings(yCol);
    Map<String, Map<String, Double>> byX = new LinkedHashMap<>();
    for (int i = 0; i < gs.length; i++) {
      if (order.contains(gs[i])) {
        byX.computeIfAbsent(xs[i], k -> new LinkedHashMap<>()).put(gs[i], parse(ys[i]));
      }
    }
    int bad = 0;
    String firstBad = null;
    for (var e : byX.entrySet()) {
      boolean ok = true;
      for (int k = 1; k < order.size(); k++) {
        Double lo = e.getValue().get(order.get(k - 1));
        Double hi = e.getValue().get(order.get(k));
        ok &= lo != null && hi != null && Double.isFinite(lo) && Double.isFinite(hi) && hi > lo;
      }
      if (!ok) {
        bad++;
        if (firstBad == null) {
          firstBad = xCol + " = " + e.getKey() + ": " + e.getValue();
        }
      }
    }
    boolean ok = bad == 0 && byX.size() >= 2;
    String actual = ok ? "ordered at all " + byX.size() + " values of " + xCol
        : bad + " of " + byX.size() + " values of " + xCol + " out of order" + (firstBad == null ? "" : ", first " + firstBad);
    return new GoldenResult(ro.path("quantity").asText(), file + " " + yCol + " by " + groupCol,
        String.join(" < ", order) + " at every " + xCol, actual, "order", source(ro), ok);
  }
}
