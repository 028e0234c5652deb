package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.fmt;
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
 * At every x of a table, each listed group's y agrees with the reference group's to a relative
 * {@code rel}: e.g. the TPM_IF and TPM inversions at threshold against the CIM's at every g of
 * Fig. 1 ("closely match"). Reports the largest relative difference and where.
 */
final class RowAgreementCheck {
  private RowAgreementCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode ra) {
    String file = ra.path("file").asText();
    Table t = table(run, file);
    String groupCol = ra.path("group").asText();
    String xCol = ra.path("x").asText();
    String yCol = ra.path("y").asText();
    String ref = ra.path("reference").asText();
    double rel = ra.path("rel").asDouble(Double.NaN);
    if (!(rel > 0)) {
      throw new InputException("row_agreements.rel", "needs a relative tolerance > 0, got " + ra.path("rel").asText());
    }
    List<String> others = new ArrayList<>();
    ra.path("groups").forEach(n -> others.add(n.asText()));
    String[] gs = t.strings(groupCol);
    String[] xs = t.strings(xCol);
    String[] ys = t.strings(yCol);
    Map<String, Double> refAt = new LinkedHashMap<>();
    for (int i = 0; i < gs.length; i++) {
      if (gs[i].equals(ref)) {
        refAt.put(xs[i], parse(ys[i]));
      }
    }
    double worst = 0;
    String where = "";
    int compared = 0;
    boolean ok = !refAt.isEmpty();
    for (int i = 0; i < gs.length; i++) {
      if (!others.contains(gs[i])) {
        continue;
      }
      Double r = refAt.get(xs[i]);
      double y = parse(ys[i]);
      double d = r == null ? Double.POSITIVE_INFINITY : Math.abs(y - r) / Math.abs(r);
      if (!(d <= worst) || Double.isNaN(d)) {
        worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        where = gs[i] + " at " + xCol + " = " + xs[i];
      }
      compared++;
    }
    ok &= compared > 0 && worst <= rel;
    return new GoldenResult(ra.path("quantity").asText(), file + " " + yCol + " by " + groupCol,
        String.join(", ", others) + " equal to " + ref + " at every " + xCol,
        "largest relative difference " + fmt(worst) + (where.isEmpty() ? "" : " (" + where + ")") + " over " + compared + " rows",
        "rel " + fmt(rel), source(ra), ok);
  }
}
