package org.qdlaser.pipeline.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.Quantities;

/** Reading the fields of a manifest's YAML tree; every error names the field path (exit code 2). */
final class ManifestFields {
  /** Study names, labels and figure ids. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  /** Sweeps and scans longer than this are surely a typo for this local executor. */
  static final int MAX_POINTS = 10_000;

  private ManifestFields() {}

  static double positive(String field, double v) {
    if (!(v > 0)) {
      throw new InputException(field, "pump must be positive, got " + v);
    }
    return v;
  }

  static JsonNode required(JsonNode n, String key, String path) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new InputException(path, "required field is missing");
    }
    return v;
  }

  /** A text field; {@code def} null makes it required. */
  static String text(JsonNode n, String key, String path, String def) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (def == null) {
        throw new InputException(path, "required field is missing");
      }
      return def;
    }
    if (!v.isValueNode()) {
      throw new InputException(path, "expected a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  /** A plain number (no /s), or {@code def} when absent. */
  static double number(JsonNode n, String key, String path, double def) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return def;
    }
    Quantities.Quantity q = Quantities.parse(path, v.asText());
    if (q.perSecond()) {
      throw new InputException(path, "a plain number is expected here (no /s), got '" + v.asText() + "'");
    }
    return q.value();
  }

  /** A pump (normalised; /s allowed) that must be positive. */
  static double positivePump(JsonNode n, String key, String path, double gammaNr) {
    return positive(path, Quantities.parse(path, required(n, key, path).asText()).normalised(gammaNr));
  }

  /** An integer number of points in [2, {@value #MAX_POINTS}]. */
  static int points(JsonNode n, String path) {
    double d = number(n, "points", path, Double.NaN);
    if (Double.isNaN(d) || d != Math.rint(d) || d < 2 || d > MAX_POINTS) {
      throw new InputException(path, "points must be an integer in [2, " + MAX_POINTS + "], got " + n.get("points"));
    }
    return (int) d;
  }

  static Map<String, String> scalarMap(JsonNode n, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new InputException(path, "expected a mapping of name: value, got " + n.getNodeType());
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new InputException(path + "." + e.getKey(), "expected a number, got " + e.getValue().getNodeType());
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  static void unknownKeys(JsonNode n, Set<String> allowed, String prefix) {
    if (n == null || !n.isObject()) {
      return;
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new InputException(prefix + k, "unknown field '" + k + "', allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A mapping section of the manifest ({@code <name>: {...}}), or the error naming what it needs. */
  static JsonNode section(JsonNode root, String name, String needs) {
    JsonNode s = root.get(name);
    if (s == null || !s.isObject()) {
      throw new InputException(name, needs);
    }
    return s;
  }
}
