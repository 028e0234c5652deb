package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.source;
import static org.qdlaser.pipeline.golden.GoldenInputs.table;
import static org.qdlaser.pipeline.golden.GoldenInputs.tol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.store.Table;

/** A run table against a reference table beside the spec, column by column ({@code tables}). */
final class TableCheck {
  private TableCheck() {}

  static List<GoldenResult> check(RunArtifacts run, GoldenSpec golden, JsonNode t) {
    String file = t.path("file").asText();
    Table actual = table(run, file);
    Table expected = golden.table(t.path("reference").asText());
    GoldenSource source = source(t);
    String q = t.path("quantity").asText(file);
    List<GoldenResult> out = new ArrayList<>();
    if (actual.rowCount() != expected.rowCount()) {
      out.add(new GoldenResult(q + ": rows", file, String.valueOf(expected.rowCount()), String.valueOf(actual.rowCount()),
          "exact", source, false));
      return out;
    }
    var it = t.path("columns").fields();
    while (it.hasNext()) {
      var c = it.next();
      String col = c.getKey();
      String[] ea = actual.strings(col);
      String[] ee = expected.strings(col);
      double abs = c.getValue().path("abs").asDouble(0);
      double rel = c.getValue().path("rel").asDouble(0);
      boolean exact = c.getValue().isTextual() && "exact".equals(c.getValue().asText());
      int worst = -1;
      double worstExcess = Double.NEGATIVE_INFINITY;
      boolean ok = true;
      for (int i = 0; i < ea.length; i++) {
        double excess;
        if (exact) {
          excess = ea[i].equals(ee[i]) ? -1 : 1;
        } else {
          double a = org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(ea[i]);
          double e = org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(ee[i]);
          // Both NaN (e.g. no threshold at this point in either run) agree.
          excess = Double.isNaN(a) && Double.isNaN(e) ? -1 : Math.abs(a - e) - Math.max(abs, rel * Math.abs(e));
          if (Double.isNaN(excess)) {
            excess = Double.POSITIVE_INFINITY;
          }
        }
        if (excess > worstExcess) {
          worstExcess = excess;
          worst = i;
        }
        ok &= excess <= 0;
      }
      String where = file + " column " + col + " row " + (worst + 1);
      out.add(new GoldenResult(q + ": " + col + (ok ? " (worst row)" : ""), where, ee[worst], ea[worst],
          exact ? "exact" : tol(abs, rel), source, ok));
    }
    return out;
  }
}
