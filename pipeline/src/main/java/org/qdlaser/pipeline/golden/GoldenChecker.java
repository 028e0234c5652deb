package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * Compares a run directory with {@code golden/<study>/golden.yaml} (schema qdlaser/golden/v1):
 * scalar values in JSON artifacts, orderings, and tables against reference tables stored beside
 * the spec. Every entry carries its source (analytic formula, a quoted statement of the paper, or
 * our own validated run). Only run-sourced reference tables are rewritten by {@link #bless}.
 */
public final class GoldenChecker {
  public static final String SCHEMA = "qdlaser/golden/v1";
  public static final String SPEC_FILE = "golden.yaml";

  private final Path goldenRoot;

  /** @param goldenRoot the {@code golden/} directory */
  public GoldenChecker(Path goldenRoot) {
    this.goldenRoot = goldenRoot;
  }

  /** The study's golden directory, from the run's manifest copy. */
  public Path studyDir(Path runDir) {
    Path manifest = runDir.resolve("manifest.yaml");
    if (!Files.isRegularFile(manifest)) {
      throw new InputException("RUN_DIR", "not a run directory (no manifest.yaml): " + runDir);
    }
    String study = yaml(manifest).path("study").asText(null);
    if (study == null) {
      throw new InputException("RUN_DIR", "manifest.yaml of " + runDir + " names no study");
    }
    Path dir = goldenRoot.resolve(study);
    if (!Files.isRegularFile(dir.resolve(SPEC_FILE))) {
      throw new InputException("--golden", "no golden spec for study '" + study + "' at " + dir.resolve(SPEC_FILE));
    }
    return dir;
  }

  public List<GoldenResult> check(Path runDir) {
    Path dir = studyDir(runDir);
    JsonNode spec = yaml(dir.resolve(SPEC_FILE));
    if (!SCHEMA.equals(spec.path("schema").asText())) {
      throw new InputException("schema", "golden spec " + dir.resolve(SPEC_FILE) + " must have schema " + SCHEMA);
    }
    List<GoldenResult> out = new ArrayList<>();
    for (JsonNode v : spec.path("values")) {
      out.add(checkValue(runDir, v));
    }
    for (JsonNode o : spec.path("orderings")) {
      out.add(checkOrdering(runDir, o));
    }
    for (JsonNode t : spec.path("tables")) {
      out.addAll(checkTable(runDir, dir, t));
    }
    for (JsonNode sh : spec.path("shapes")) {
      out.add(checkShape(runDir, sh));
    }
    return out;
  }

  /**
   * Shape of a curve in a run table: {@code interior_minimum} (the smallest y is neither at the
   * first nor at the last x), {@code increasing} or {@code decreasing} (strictly, in table order).
   * Rows whose x or y is not a finite number (e.g. no threshold) are skipped; an optional
   * {@code where: {column: value}} selects rows.
   */
  private GoldenResult checkShape(Path runDir, JsonNode sh) {
    String file = sh.path("file").asText();
    Table t = table(runDir.resolve(file));
    String xCol = sh.path("x").asText();
    String yCol = sh.path("y").asText();
    String shape = sh.path("shape").asText();
    String[] xs = t.strings(xCol);
    String[] ys = t.strings(yCol);
    String[] sel = null;
    String selValue = null;
    if (sh.has("where")) {
      var w = sh.path("where").fields().next();
      sel = t.strings(w.getKey());
      selValue = w.getValue().asText();
    }
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      if (sel != null && !sel[i].equals(selValue)) {
        continue;
      }
      double x = parse(xs[i]);
      double y = parse(ys[i]);
      if (Double.isFinite(x) && Double.isFinite(y)) {
        pts.add(new double[] {x, y});
      }
    }
    boolean ok = pts.size() >= 3;
    String actual;
    switch (shape) {
      case "interior_minimum" -> {
        int arg = 0;
        for (int i = 1; i < pts.size(); i++) {
          if (pts.get(i)[1] < pts.get(arg)[1]) {
            arg = i;
          }
        }
        ok &= arg > 0 && arg < pts.size() - 1;
        actual = pts.isEmpty() ? "(no points)" : "minimum " + fmt(pts.get(arg)[1]) + " at " + xCol + " = " + fmt(pts.get(arg)[0])
            + " (point " + (arg + 1) + " of " + pts.size() + ")";
      }
      case "increasing", "decreasing" -> {
        int bad = -1;
        for (int i = 1; i < pts.size() && bad < 0; i++) {
          boolean up = pts.get(i)[1] > pts.get(i - 1)[1];
          if (up != shape.equals("increasing")) {
            bad = i;
          }
        }
        ok &= bad < 0;
        actual = bad < 0 ? shape + " over " + pts.size() + " points"
            : "not " + shape + " at " + xCol + " = " + fmt(pts.get(bad)[0]);
      }
      case "constant" -> {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (double[] p : pts) {
          min = Math.min(min, p[1]);
          max = Math.max(max, p[1]);
          mean += p[1] / pts.size();
        }
        double spread = (max - min) / Math.abs(mean);
        ok &= spread <= sh.path("rel").asDouble(0);
        actual = "relative spread " + fmt(spread) + " over " + pts.size() + " points (allowed " + fmt(sh.path("rel").asDouble(0)) + ")";
      }
      default -> throw new InputException("shapes.shape",
          "unknown shape '" + shape + "', allowed: interior_minimum, increasing, decreasing, constant");
    }
    String where = selValue == null ? "" : " [" + selValue + "]";
    return new GoldenResult(sh.path("quantity").asText(yCol + " vs " + xCol) + where, file, shape, actual, "shape", source(sh), ok);
  }

  /** A top-level field by name, or any node by JSON pointer (a field starting with '/'). */
  private static JsonNode field(JsonNode doc, String field) {
    return field.startsWith("/") ? doc.at(field) : doc.path(field);
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private GoldenResult checkValue(Path runDir, JsonNode v) {
    String file = v.path("file").asText();
    String field = v.path("field").asText();
    JsonNode actual = field(json(runDir.resolve(file)), field);
    JsonNode expected = v.path("expected");
    String source = source(v);
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

  private GoldenResult checkOrdering(Path runDir, JsonNode o) {
    List<Double> values = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (JsonNode r : o.path("increasing")) {
      String[] parts = r.asText().split("#", 2);
      refs.add(r.asText());
      values.add(field(json(runDir.resolve(parts[0])), parts[1]).asDouble(Double.NaN));
    }
    boolean ok = true;
    for (int i = 1; i < values.size(); i++) {
      ok &= values.get(i) > values.get(i - 1);
    }
    return new GoldenResult(o.path("quantity").asText(), String.join(" < ", refs), "strictly increasing",
        values.stream().map(GoldenChecker::fmt).toList().toString(), "order", source(o), ok);
  }

  private List<GoldenResult> checkTable(Path runDir, Path dir, JsonNode t) {
    String file = t.path("file").asText();
    Table actual = table(runDir.resolve(file));
    Table expected = table(dir.resolve(t.path("reference").asText()));
    String source = source(t);
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
          double a = Double.parseDouble(ea[i]);
          double e = Double.parseDouble(ee[i]);
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

  /**
   * Accepts the run's tables as the new reference for every table check whose source is our own
   * run; returns a human-readable diff (per column: the largest change). Analytic and paper values
   * are never rewritten.
   */
  public List<String> bless(Path runDir) {
    Path dir = studyDir(runDir);
    JsonNode spec = yaml(dir.resolve(SPEC_FILE));
    List<String> diff = new ArrayList<>();
    for (JsonNode t : spec.path("tables")) {
      if (!"run".equals(t.path("source").path("kind").asText())) {
        diff.add("kept " + t.path("reference").asText() + " (source " + t.path("source").path("kind").asText() + ", not a run)");
        continue;
      }
      Path ref = dir.resolve(t.path("reference").asText());
      Table actual = table(runDir.resolve(t.path("file").asText()));
      if (Files.exists(ref)) {
        Table old = table(ref);
        var it = t.path("columns").fieldNames();
        while (it.hasNext()) {
          String col = it.next();
          diff.add(columnDiff(ref.getFileName().toString(), col, old, actual));
        }
      } else {
        diff.add("new reference " + ref.getFileName());
      }
      AtomicFiles.write(ref, TableCodec.toCsv(actual));
    }
    return diff;
  }

  private static String columnDiff(String name, String col, Table old, Table now) {
    if (old.rowCount() != now.rowCount()) {
      return name + " " + col + ": rows " + old.rowCount() + " -> " + now.rowCount();
    }
    String[] a = old.strings(col);
    String[] b = now.strings(col);
    int changed = 0;
    double maxRel = 0;
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        changed++;
        try {
          double x = Double.parseDouble(a[i]);
          double y = Double.parseDouble(b[i]);
          maxRel = Math.max(maxRel, Math.abs(y - x) / Math.max(Math.abs(x), Double.MIN_NORMAL));
        } catch (NumberFormatException e) {
          maxRel = Double.POSITIVE_INFINITY;
        }
      }
    }
    return String.format(Locale.ROOT, "%s %s: %d of %d rows changed, largest relative change %.3g", name, col, changed, a.length, maxRel);
  }

  /** Reads a CSV reference or run table as strings per column (numbers compared after parsing). */
  static Table table(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read table " + csv, e);
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException("empty table " + csv);
    }
    String[] header = lines.get(0).split(",", -1);
    Map<String, String[]> cols = new LinkedHashMap<>();
    for (String h : header) {
      cols.put(h, new String[lines.size() - 1]);
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      for (int j = 0; j < header.length; j++) {
        cols.get(header[j])[i - 1] = j < cells.length ? cells[j].replace("\"", "") : "";
      }
    }
    Table.Builder b = Table.builder(csv.getFileName().toString());
    cols.forEach(b::addString);
    return b.build();
  }

  private static String source(JsonNode n) {
    JsonNode s = n.path("source");
    String kind = s.path("kind").asText("unspecified");
    String text = s.path("quote").asText(s.path("text").asText(""));
    return kind + (text.isEmpty() ? "" : ": " + text);
  }

  private static String tol(double abs, double rel) {
    return "abs " + fmt(abs) + ", rel " + fmt(rel);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }

  private static JsonNode yaml(Path p) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(p));
    } catch (IOException e) {
      throw new InputException(p.toString(), "cannot read YAML: " + e.getMessage());
    }
  }

  private static JsonNode json(Path p) {
    try {
      return CanonicalJson.mapper().readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run artifact " + p, e);
    }
  }
}
