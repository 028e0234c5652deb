package org.qdlaser.pipeline.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.Quantities;
import org.qdlaser.stages.physics.Parameter;

/**
 * The compact form of a set of samples in a manifest: every sample option may be a scalar, a list
 * ({@code w_qd: [0.2, 0.5, 1, 2]}) or, for the integer options {@code seed} and {@code tail}, an
 * inclusive range {@code 1..10}. A set expands into the Cartesian product of its values, in the
 * order w_qd, seed, tail, identical_fraction (the last varies fastest), one model run per
 * combination, labelled {@code <label>_w<w_qd>_S<seed>_t<tail>_f<identical_fraction>} with only the
 * options given (e.g. {@code TPM_d_w1_S3}). Each expanded run has its own tasks, so a rerun with
 * one more width reuses every sample already computed.
 */
public final class SampleSets {
  /** Expansion order and label prefix of each option. */
  static final Map<String, String> PREFIX = orderedPrefixes();
  /** A study with more runs than this is surely a typo for the local executor. */
  public static final int MAX_RUNS = 2000;
  private static final Set<String> INTEGER_OPTIONS =
      Set.copyOf(Parameter.SAMPLE.stream().filter(Parameter::integer).map(Parameter::key).toList());
  private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");

  private SampleSets() {}

  private static Map<String, String> orderedPrefixes() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Parameter p : Parameter.SAMPLE) {
      m.put(p.key(), switch (p) {
        case W_QD -> "w";
        case SEED -> "S";
        case TAIL -> "t";
        case IDENTICAL_COUPLING_FRACTION -> "gf";
        default -> "f";
      });
    }
    return m;
  }

  /** One expanded sample: its options (scalars as written) and its label suffix. */
  public record Expanded(Map<String, String> options, String labelSuffix) {
    public Expanded {
      options = new LinkedHashMap<>(options);
      if (labelSuffix == null) {
        throw new IllegalArgumentException("labelSuffix must not be null");
      }
    }

    @Override
    public Map<String, String> options() {
      return new LinkedHashMap<>(options);
    }
  }

  /**
   * Whether a sample mapping holds a list or a range (and so expands into several runs); a
   * mapping of scalars only is one sample whose label is left as written (manifests before
   * sample sets keep their labels and task keys).
   */
  public static boolean isSet(JsonNode sample) {
    if (sample == null || !sample.isObject()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> it = sample.fields();
    while (it.hasNext()) {
      JsonNode v = it.next().getValue();
      if (v.isArray() || (v.isTextual() && RANGE.matcher(v.asText()).matches())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Expands a sample mapping; errors name the field path under {@code path} (e.g.
   * {@code samples.seed[2]}).
   */
  public static List<Expanded> expand(JsonNode sample, String path) {
    if (sample == null || !sample.isObject()) {
      throw new InputException(path, "expected a mapping of sample options (" + String.join(", ", PREFIX.keySet()) + "), got "
          + (sample == null ? "nothing" : sample.getNodeType()));
    }
    Iterator<String> names = sample.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!PREFIX.containsKey(k)) {
        throw new InputException(path + "." + k, "unknown field '" + k + "', allowed: " + String.join(", ", PREFIX.keySet()));
      }
    }
    List<String> keys = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (String k : PREFIX.keySet()) {
      if (sample.has(k)) {
        keys.add(k);
        values.add(values(sample.get(k), k, path + "." + k));
      }
    }
    long count = 1;
    for (List<String> v : values) {
      count *= v.size();
      if (count > MAX_RUNS) {
        throw new InputException(path, "the sample set expands into more than " + MAX_RUNS + " samples");
      }
    }
    List<Expanded> out = new ArrayList<>();
    int[] idx = new int[keys.size()];
    for (long n = 0; n < count; n++) {
      Map<String, String> opts = new LinkedHashMap<>();
      StringBuilder suffix = new StringBuilder();
      for (int j = 0; j < keys.size(); j++) {
        String v = values.get(j).get(idx[j]);
        opts.put(keys.get(j), v);
        suffix.append('_').append(PREFIX.get(keys.get(j))).append(v);
      }
      out.add(new Expanded(opts, suffix.toString()));
      for (int j = keys.size() - 1; j >= 0; j--) {
        if (++idx[j] < values.get(j).size()) {
          break;
        }
        idx[j] = 0;
      }
    }
    return out;
  }

  /** The values of one option: a scalar, a list of scalars, or an integer range a..b. */
  private static List<String> values(JsonNode v, String key, String path) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      if (v.isEmpty()) {
        throw new InputException(path, "an empty list gives no samples; give at least one value");
      }
      for (int i = 0; i < v.size(); i++) {
        out.add(scalar(v.get(i), key, path + "[" + i + "]"));
      }
    } else if (v.isTextual() && v.asText().contains("..")) {
      Matcher m = RANGE.matcher(v.asText());
      if (!m.matches()) {
        throw new InputException(path, "a range is written FIRST..LAST with integers, got '" + v.asText() + "'");
      }
      if (!INTEGER_OPTIONS.contains(key)) {
        throw new InputException(path, "ranges apply to the integer options seed and tail only; give " + key + " as a list");
      }
      long a;
      long b;
      try {
        a = Long.parseLong(m.group(1));
        b = Long.parseLong(m.group(2));
      } catch (NumberFormatException e) {
        throw new InputException(path, "range " + v.asText() + ": FIRST and LAST must lie in [" + Long.MIN_VALUE + ", "
            + Long.MAX_VALUE + "]");
      }
      if (b < a) {
        throw new InputException(path, "range " + v.asText() + " is empty: LAST must be >= FIRST");
      }
      // b - a overflows for ranges wider than Long.MAX_VALUE: compare without forming it.
      if (Long.compareUnsigned(b - a, MAX_RUNS - 1) > 0) {
        throw new InputException(path, "range " + v.asText() + " has more than " + MAX_RUNS + " values");
      }
      // Counted, not `s <= b`: s++ would wrap past Long.MAX_VALUE and never end.
      for (long k = 0, count = b - a + 1; k < count; k++) {
        out.add(Long.toString(a + k));
      }
    } else {
      out.add(scalar(v, key, path));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String s : out) {
      if (!seen.add(s)) {
        throw new InputException(path, "value " + s + " is listed twice; each sample must be distinct");
      }
    }
    return out;
  }

  private static String scalar(JsonNode v, String key, String path) {
    if (v == null || v.isNull() || !v.isValueNode()) {
      throw new InputException(path, "expected a number for " + key + ", got " + (v == null ? "nothing" : v.getNodeType()));
    }
    String s = v.asText().trim();
    Quantities.Quantity q = Quantities.parse(path, s);
    if (q.perSecond()) {
      throw new InputException(path, key + " is dimensionless (w_qd is in units of gamma); no /s, got '" + s + "'");
    }
    if (INTEGER_OPTIONS.contains(key) && q.value() != Math.rint(q.value())) {
      throw new InputException(path, key + " must be an integer, got '" + s + "'");
    }
    return s;
  }
}
