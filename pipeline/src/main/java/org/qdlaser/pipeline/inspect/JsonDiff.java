package org.qdlaser.pipeline.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON trees as field paths with old and new values ({@code
 * parameters.N: 50 -> 40}, {@code models[2].parameters.mu: 0 -> 1}): what changed in a manifest,
 * or in what a task key was hashed from.
 */
public final class JsonDiff {
  /** Arrays with more differing elements than this are reported as one change of the whole array. */
  static final int MAX_ELEMENT_CHANGES = 5;
  /** Arrays up to this many scalars are shown in full; longer ones as their length. */
  static final int MAX_SHOWN_ELEMENTS = 6;
  /** Longest shown rendering of a value, in characters. */
  static final int MAX_SHOWN_CHARS = 80;
  /** How an absent value is shown. */
  public static final String ABSENT = "(absent)";

  /**
   * One changed field.
   *
   * @param path dotted field path, array elements as {@code [i]}
   * @param oldValue the old value as shown (scalars as written), {@value #ABSENT} if it was absent
   * @param newValue the new value as shown, {@value #ABSENT} if it is absent now
   */
  public record Change(String path, String oldValue, String newValue) {
    @Override
    public String toString() {
      return path + ": " + oldValue + " -> " + newValue;
    }
  }

  private JsonDiff() {}

  /** The changes from {@code before} to {@code after} (either may be null: absent), in path order. */
  public static List<Change> diff(JsonNode before, JsonNode after) {
    List<Change> out = new ArrayList<>();
    diff("", before, after, out);
    return out;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
    boolean aAbsent = a == null || a.isMissingNode();
    boolean bAbsent = b == null || b.isMissingNode();
    if (aAbsent && bAbsent || !aAbsent && !bAbsent && sameValue(a, b)) {
      return;
    }
    if (!aAbsent && !bAbsent && a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
      }
      return;
    }
    if (!aAbsent && !bAbsent && a.isArray() && b.isArray() && a.size() == b.size()) {
      List<Change> elements = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        diff(path + "[" + i + "]", a.get(i), b.get(i), elements);
      }
      if (elements.isEmpty()) {
        return;
      }
      if (elements.size() <= MAX_ELEMENT_CHANGES) {
        out.addAll(elements);
        return;
      }
    }
    out.add(new Change(path.isEmpty() ? "(document)" : path, show(aAbsent ? null : a), show(bAbsent ? null : b)));
  }

  /** Numbers compare by value (50 equals 50.0: YAML and JSON may write them differently). */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** A value as shown in a change: scalars as written, short arrays in full, others by size. */
  public static String show(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return ABSENT;
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isValueNode()) {
      return clip(v.asText());
    }
    if (v.isArray()) {
      boolean scalars = true;
      for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
        scalars &= it.next().isValueNode();
      }
      if (scalars && v.size() <= MAX_SHOWN_ELEMENTS) {
        List<String> items = new ArrayList<>();
        v.elements().forEachRemaining(e -> items.add(e.asText()));
        return clip("[" + String.join(", ", items) + "]");
      }
      return "[" + v.size() + (v.size() == 1 ? " value]" : " values]");
    }
    return clip(v.toString());
  }

  private static String clip(String s) {
    return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS - 3) + "...";
  }
}
