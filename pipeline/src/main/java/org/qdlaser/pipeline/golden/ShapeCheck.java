package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.fmt;
import static org.qdlaser.pipeline.golden.GoldenInputs.parse;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.Table;

/**
 * Shape of a curve in a run table ({@code shapes}): {@code interior_minimum} (the smallest y is
 * neither at the first nor at the last x), {@code increasing} or {@code decreasing} (strictly, in
 * table order), {@code constant} (relative spread at most {@code rel}). Rows whose x or y is not a
 * finite number (e.g. no threshold) are skipped; an optional {@code where: {column: value}} selects
 * rows, {@code x_min} and {@code x_max} bound x.
 */
final class ShapeCheck {
  private ShapeCheck() {}

  /** What a shape was expected to be, what the curve is and whether they agree. */
  private record Outcome(String expected, String actual, boolean ok) {}

  static GoldenResult check(RunArtifacts run, JsonNode sh) {
    String file = sh.path("file").asText();
    Table t = GoldenInputs.table(run, file);
    String xCol = sh.path("x").asText();
    String yCol = sh.path("y").asText();
    String shape = sh.path("shape").asText();
    String selValue = sh.has("where") ? sh.path("where").fields().next().getValue().asText() : null;
    List<double[]> pts = points(t, sh, xCol, yCol);
    Outcome o = switch (shape) {
      case "interior_minimum" -> interiorMinimum(sh, pts, xCol);
      case "increasing", "decreasing" -> monotone(shape, pts, xCol);
      case "constant" -> constant(sh, pts);
      default -> throw new InputException("shapes.shape",
          "unknown shape '" + shape + "', allowed: interior_minimum, increasing, decreasing, constant");
    };
    boolean ok = pts.size() >= 3 && o.ok();
    String where = selValue == null ? "" : " [" + selValue + "]";
    String range = sh.has("x_min") || sh.has("x_max")
        ? " for " + fmt(sh.path("x_min").asDouble(Double.NEGATIVE_INFINITY)) + " <= " + xCol + " <= " + fmt(sh.path("x_max").asDouble(Double.POSITIVE_INFINITY))
        : "";
    return new GoldenResult(sh.path("quantity").asText(yCol + " vs " + xCol) + where, file, o.expected() + range, o.actual(), "shape",
        source(sh), ok);
  }

  /** The (x, y) of the selected rows with finite x and y inside [x_min, x_max], in table order. */
  private static List<double[]> points(Table t, JsonNode sh, String xCol, String yCol) {
    String[] xs = t.strings(xCol);
    String[] ys = t.strings(yCol);
    String[] sel = null;
    String selValue = null;
    if (sh.has("where")) {
      var w = sh.path("where").fields().next();
      sel = t.strings(w.getKey());
      selValue = w.getValue().asText();
    }
    double xMin = sh.path("x_min").asDouble(Double.NEGATIVE_INFINITY);
    double xMax = sh.path("x_max").asDouble(Double.POSITIVE_INFINITY);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      if (sel != null && !sel[i].equals(selValue)) {
        continue;
      }
      double x = parse(xs[i]);
      double y = parse(ys[i]);
      if (Double.isFinite(x) && Double.isFinite(y) && x >= xMin && x <= xMax) {
        pts.add(new double[] {x, y});
      }
    }
    return pts;
  }

  private static Outcome interiorMinimum(JsonNode sh, List<double[]> pts, String xCol) {
    int arg = 0;
    for (int i = 1; i < pts.size(); i++) {
      if (pts.get(i)[1] < pts.get(arg)[1]) {
        arg = i;
      }
    }
    boolean ok = arg > 0 && arg < pts.size() - 1;
    String actual = pts.isEmpty() ? "(no points)" : "minimum " + fmt(pts.get(arg)[1]) + " at " + xCol + " = " + fmt(pts.get(arg)[0])
        + " (point " + (arg + 1) + " of " + pts.size() + ")";
    String expected = "interior_minimum";
    if (sh.has("near") && !pts.isEmpty()) {
      // The minimum of a sampled curve lies within one grid factor of the true minimum.
      double near = sh.path("near").asDouble();
      double factor = sh.path("within_factor").asDouble(Double.NaN);
      if (!(factor > 1)) {
        throw new InputException("shapes.within_factor", "interior_minimum with 'near' needs within_factor > 1, got " + factor);
      }
      ok &= Math.abs(Math.log(pts.get(arg)[0] / near)) <= Math.log(factor);
      expected = "interior_minimum at " + xCol + " within a factor " + fmt(factor) + " of " + fmt(near);
    }
    return new Outcome(expected, actual, ok);
  }

  private static Outcome monotone(String shape, List<double[]> pts, String xCol) {
    int bad = -1;
    for (int i = 1; i < pts.size() && bad < 0; i++) {
      boolean up = pts.get(i)[1] > pts.get(i - 1)[1];
      if (up != shape.equals("increasing")) {
        bad = i;
      }
    }
    String actual = bad < 0 ? shape + " over " + pts.size() + " points"
        : "not " + shape + " at " + xCol + " = " + fmt(pts.get(bad)[0]);
    return new Outcome(shape, actual, bad < 0);
  }

  private static Outcome constant(JsonNode sh, List<double[]> pts) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean = 0;
    for (double[] p : pts) {
      min = Math.min(min, p[1]);
      max = Math.max(max, p[1]);
      mean += p[1] / pts.size();
    }
    double spread = (max - min) / Math.abs(mean);
    double rel = sh.path("rel").asDouble(0);
    String actual = "relative spread " + fmt(spread) + " over " + pts.size() + " points (allowed " + fmt(rel) + ")";
    return new Outcome("constant", actual, spread <= rel);
  }
}
