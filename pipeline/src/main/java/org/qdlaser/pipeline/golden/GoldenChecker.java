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
 * scalar values in JSON artifacts ({@code values}), orderings of values ({@code orderings}), tables
 * against reference tables stored beside the spec ({@code tables}), shapes of curves ({@code
 * shapes}), orderings of groups at every x of a table ({@code row_orderings}), a paper's count
 * against ours by Fisher's exact test ({@code binomials}) and a paper's value against the range of
 * our samples ({@code ranges}). Every entry carries its {@link GoldenSource} (paper with quote and
 * place, analytic with formula, or regression); a spec with an entry without a proper source is
 * refused (exit 2). Only regression-sourced reference tables are rewritten by {@link #bless}.
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
    return check(GoldenSpec.read(dir), RunArtifacts.directory(runDir), false);
  }

  /**
   * The checks of {@code spec} against {@code run}.
   *
   * @param missingFails whether a check whose artifact is missing fails with a note (the report:
   *     one missing artifact must not hide the other checks) instead of throwing ({@code golden check})
   */
  public static List<GoldenResult> check(GoldenSpec golden, RunArtifacts run, boolean missingFails) {
    JsonNode spec = golden.spec();
    if (!SCHEMA.equals(spec.path("schema").asText())) {
      throw new InputException("schema", "golden spec " + golden.where() + " must have schema " + SCHEMA);
    }
    validate(spec, golden.where());
    List<GoldenResult> out = new ArrayList<>();
    for (String section : SECTIONS) {
      for (JsonNode entry : spec.path(section)) {
        try {
          out.addAll(checkEntry(section, entry, golden, run));
        } catch (RunArtifacts.MissingArtifact e) {
          if (!missingFails) {
            throw e;
          }
          out.add(new GoldenResult(entry.path("quantity").asText(section), entry.path("file").asText(entry.path("dir").asText("")),
              "(see source)", "not available: " + e.getMessage(), "-", source(entry), false));
        }
      }
    }
    return out;
  }

  private static List<GoldenResult> checkEntry(String section, JsonNode e, GoldenSpec golden, RunArtifacts run) {
    return switch (section) {
      case "values" -> List.of(checkValue(run, e));
      case "orderings" -> List.of(checkOrdering(run, e));
      case "tables" -> checkTable(run, golden, e);
      case "shapes" -> List.of(checkShape(run, e));
      case "row_orderings" -> List.of(checkRowOrdering(run, e));
      case "row_agreements" -> List.of(checkRowAgreement(run, e));
      case "binomials" -> List.of(checkBinomial(run, e));
      case "ranges" -> List.of(checkRange(run, e));
      default -> throw new IllegalStateException("unknown golden section " + section);
    };
  }

  /** The sections of a spec, each a list of checks. */
  static final List<String> SECTIONS = List.of("values", "orderings", "tables", "shapes", "row_orderings", "row_agreements", "binomials", "ranges");

  /**
   * Every entry of every section has a proper source (GoldenSource.parse); unknown top-level keys
   * are refused too, so a misspelt section is not silently skipped.
   */
  static void validate(JsonNode spec, String specPath) {
    var names = spec.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!SECTIONS.contains(k) && !k.equals("schema") && !k.equals("study") && !k.equals(PaperDisagreement.SECTION)) {
        throw new InputException(specPath + " " + k, "unknown golden section '" + k + "', allowed: " + SECTIONS);
      }
    }
    for (String section : SECTIONS) {
      int i = 0;
      for (JsonNode entry : spec.path(section)) {
        GoldenSource.parse(entry, specPath + " " + section + "[" + i++ + "]");
      }
    }
    PaperDisagreement.of(spec, specPath);
  }

  /**
   * Shape of a curve in a run table: {@code interior_minimum} (the smallest y is neither at the
   * first nor at the last x), {@code increasing} or {@code decreasing} (strictly, in table order).
   * Rows whose x or y is not a finite number (e.g. no threshold) are skipped; an optional
   * {@code where: {column: value}} selects rows.
   */
  private static GoldenResult checkShape(RunArtifacts run, JsonNode sh) {
    String file = sh.path("file").asText();
    Table t = table(run, file);
    String xCol = sh.path("x").asText();
    String yCol = sh.path("y").asText();
    String shape = sh.path("shape").asText();
    String shapeName = shape;
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
      if (Double.isFinite(x) && Double.isFinite(y) && x >= sh.path("x_min").asDouble(Double.NEGATIVE_INFINITY)
          && x <= sh.path("x_max").asDouble(Double.POSITIVE_INFINITY)) {
        pts.add(new double[] {x, y});
      }
    }
    boolean ok = pts.size() >= 3;
    String actual;
    switch (shapeName) {
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
        if (sh.has("near") && !pts.isEmpty()) {
          // The minimum of a sampled curve lies within one grid factor of the true minimum.
          double near = sh.path("near").asDouble();
          double factor = sh.path("within_factor").asDouble(Double.NaN);
          if (!(factor > 1)) {
            throw new InputException("shapes.within_factor", "interior_minimum with 'near' needs within_factor > 1, got " + factor);
          }
          ok &= Math.abs(Math.log(pts.get(arg)[0] / near)) <= Math.log(factor);
          shape = "interior_minimum at " + xCol + " within a factor " + fmt(factor) + " of " + fmt(near);
        }
      }
      case "increasing", "decreasing" -> {
        int bad = -1;
        for (int i = 1; i < pts.size() && bad < 0; i++) {
          boolean up = pts.get(i)[1] > pts.get(i - 1)[1];
          if (up != shapeName.equals("increasing")) {
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
    String range = sh.has("x_min") || sh.has("x_max")
        ? " for " + fmt(sh.path("x_min").asDouble(Double.NEGATIVE_INFINITY)) + " <= " + xCol + " <= " + fmt(sh.path("x_max").asDouble(Double.POSITIVE_INFINITY))
        : "";
    return new GoldenResult(sh.path("quantity").asText(yCol + " vs " + xCol) + where, file, shape + range, actual, "shape", source(sh), ok);
  }

  /** A top-level field by name, or any node by JSON pointer (a field starting with '/'). */
  private static JsonNode field(JsonNode doc, String field) {
    return field.startsWith("/") ? doc.at(field) : doc.path(field);
  }

  private static double parse(String s) {
    try {
      return org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static GoldenResult checkValue(RunArtifacts run, JsonNode v) {
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

  private static GoldenResult checkOrdering(RunArtifacts run, JsonNode o) {
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
        values.stream().map(GoldenChecker::fmt).toList().toString(), "order", source(o), ok);
  }

  private static List<GoldenResult> checkTable(RunArtifacts run, GoldenSpec golden, JsonNode t) {
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

  /**
   * At every x of a table, the y of the listed groups (rows selected by {@code group} column value)
   * increases strictly in the listed order: e.g. CIM &lt; TPM_IF &lt; TPM at every g of Fig. 1. An x
   * where a group has no finite y fails (the statement is about every x).
   */
  private static GoldenResult checkRowOrdering(RunArtifacts run, JsonNode ro) {
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

  /**
   * At every x of a table, each listed group's y agrees with the reference group's to a relative
   * {@code rel}: e.g. the TPM_IF and TPM inversions at threshold against the CIM's at every g of
   * Fig. 1 ("closely match"). Reports the largest relative difference and where.
   */
  private static GoldenResult checkRowAgreement(RunArtifacts run, JsonNode ra) {
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

  /**
   * A count of the paper (k of n) against ours (count and total from JSON fields): consistent when
   * Fisher's exact two-sided test does not reject "same probability" at {@code level} (default 0.05).
   */
  private static GoldenResult checkBinomial(RunArtifacts run, JsonNode b) {
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

  /**
   * A value of the paper against the range of ours over several artifacts (e.g. the paper's S3 fit
   * against our ten samples): passes when min &lt;= value &lt;= max. The artifacts are the files of
   * {@code dir} whose names match {@code glob}; with {@code where: {field: value}} only those whose
   * field has that text.
   */
  private static GoldenResult checkRange(RunArtifacts run, JsonNode r) {
    double value = r.path("value").asDouble(Double.NaN);
    String dirName = r.path("dir").asText();
    String glob = r.path("glob").asText();
    String fieldName = r.path("field").asText();
    List<Double> vals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    for (String name : run.list(dirName)) {
      if (!m.matches(Path.of(name))) {
        continue;
      }
      JsonNode doc = json(run, dirName + "/" + name);
      if (r.has("where")) {
        var w = r.path("where").fields().next();
        if (!field(doc, w.getKey()).asText().equals(w.getValue().asText())) {
          continue;
        }
      }
      double v = field(doc, fieldName).asDouble(Double.NaN);
      if (Double.isFinite(v)) {
        vals.add(v);
        names.add(name);
      }
    }
    int minRequired = r.path("min_count").asInt(2);
    double lo = vals.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = vals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    boolean ok = vals.size() >= minRequired && value >= lo && value <= hi;
    return new GoldenResult(r.path("quantity").asText(), dirName + "/" + glob + "#" + fieldName, fmt(value) + " (paper)",
        "[" + fmt(lo) + ", " + fmt(hi) + "] over " + vals.size() + " runs", "inside the range", source(r), ok);
  }

  /**
   * Accepts the run's tables as the new reference for every table check whose source is our own
   * run; returns a human-readable diff (per column: the largest change). Analytic and paper values
   * are never rewritten.
   */
  public List<String> bless(Path runDir) {
    Path dir = studyDir(runDir);
    JsonNode spec = yaml(dir.resolve(SPEC_FILE));
    validate(spec, dir.resolve(SPEC_FILE).toString());
    List<String> diff = new ArrayList<>();
    for (JsonNode t : spec.path("tables")) {
      if (!GoldenSource.REGRESSION.equals(t.path("source").path("kind").asText())) {
        diff.add("kept " + t.path("reference").asText() + " (source " + t.path("source").path("kind").asText() + ", not a regression)");
        continue;
      }
      Path ref = dir.resolve(t.path("reference").asText());
      Table actual = table(RunArtifacts.directory(runDir), t.path("file").asText());
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
          double x = org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(a[i]);
          double y = org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(b[i]);
          maxRel = Math.max(maxRel, Math.abs(y - x) / Math.max(Math.abs(x), Double.MIN_NORMAL));
        } catch (NumberFormatException e) {
          maxRel = Double.POSITIVE_INFINITY;
        }
      }
    }
    return String.format(Locale.ROOT, "%s %s: %d of %d rows changed, largest relative change %.3g", name, col, changed, a.length, maxRel);
  }

  /** Reads a CSV reference table as strings per column (numbers compared after parsing). */
  static Table table(Path csv) {
    try {
      return table(csv.getFileName().toString(), Files.readString(csv, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read table " + csv, e);
    }
  }

  /** A run's CSV table. */
  private static Table table(RunArtifacts run, String file) {
    return table(Path.of(file).getFileName().toString(), new String(run.read(file), StandardCharsets.UTF_8));
  }

  /** A CSV text as strings per column. */
  static Table table(String name, String csv) {
    List<String> lines = csv.lines().toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("empty table " + name);
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
    Table.Builder b = Table.builder(name);
    cols.forEach(b::addString);
    return b.build();
  }

  private static GoldenSource source(JsonNode n) {
    return GoldenSource.parse(n, n.path("quantity").asText("(unnamed check)"));
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

  private static JsonNode json(RunArtifacts run, String file) {
    try {
      return CanonicalJson.mapper().readTree(run.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse run artifact " + file, e);
    }
  }
}
