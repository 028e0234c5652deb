package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;

/**
 * What the checks read and how they print it: the YAML of a spec, a run's JSON and CSV artifacts,
 * reference tables, fields by name or JSON pointer, and the number formats of the results.
 */
final class GoldenInputs {
  private GoldenInputs() {}

  /** A top-level field by name, or any node by JSON pointer (a field starting with '/'). */
  static JsonNode field(JsonNode doc, String field) {
    return field.startsWith("/") ? doc.at(field) : doc.path(field);
  }

  /** A cell as a number; NaN when it is not one (e.g. no threshold). */
  static double parse(String s) {
    try {
      return org.qdlaser.pipeline.store.TableCodec.parseCsvDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
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
  static Table table(RunArtifacts run, String file) {
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

  static GoldenSource source(JsonNode n) {
    return GoldenSource.parse(n, n.path("quantity").asText("(unnamed check)"));
  }

  static String tol(double abs, double rel) {
    return "abs " + fmt(abs) + ", rel " + fmt(rel);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }

  static JsonNode yaml(Path p) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(p));
    } catch (IOException e) {
      throw new InputException(p.toString(), "cannot read YAML: " + e.getMessage());
    }
  }

  static JsonNode json(RunArtifacts run, String file) {
    try {
      return CanonicalJson.mapper().readTree(run.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse run artifact " + file, e);
    }
  }
}
