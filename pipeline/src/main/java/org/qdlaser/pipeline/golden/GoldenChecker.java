package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.source;
import static org.qdlaser.pipeline.golden.GoldenInputs.table;
import static org.qdlaser.pipeline.golden.GoldenInputs.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.AtomicFiles;
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
 *
 * <p>This class finds the spec, validates it and hands each entry to the {@link GoldenCheck} of its
 * section (one class per kind: {@link ValueCheck}, {@link ShapeCheck}, ...); {@link GoldenInputs}
 * reads artifacts and formats numbers. A new kind of check is a class and one line in {@code checks()}.
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
    Path manifest = runDir.resolve(ArtifactPaths.MANIFEST);
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
          out.addAll(CHECKS.get(section).check(entry, golden, run));
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

  /** The check of each section of a spec, in the order the results are listed. */
  private static final Map<String, GoldenCheck> CHECKS = checks();

  /** The sections of a spec, each a list of checks. */
  static final List<String> SECTIONS = List.copyOf(CHECKS.keySet());

  private static Map<String, GoldenCheck> checks() {
    Map<String, GoldenCheck> m = new LinkedHashMap<>();
    m.put("values", (e, golden, run) -> List.of(ValueCheck.check(run, e)));
    m.put("orderings", (e, golden, run) -> List.of(OrderingCheck.check(run, e)));
    m.put("tables", (e, golden, run) -> TableCheck.check(run, golden, e));
    m.put("shapes", (e, golden, run) -> List.of(ShapeCheck.check(run, e)));
    m.put("row_orderings", (e, golden, run) -> List.of(RowOrderingCheck.check(run, e)));
    m.put("row_agreements", (e, golden, run) -> List.of(RowAgreementCheck.check(run, e)));
    m.put("binomials", (e, golden, run) -> List.of(BinomialCheck.check(run, e)));
    m.put("ranges", (e, golden, run) -> List.of(RangeCheck.check(run, e)));
    return Collections.unmodifiableMap(m);
  }

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
}
