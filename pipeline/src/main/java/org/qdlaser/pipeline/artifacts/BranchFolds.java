package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.physics.Parameter;

/**
 * {@code equilibrium/<label>-folds.json}: the folds located on a continued branch and the end of its
 * stable part (the threshold read off the continuation), or why the branch is missing. The keys
 * carry the continuation parameter's name: {@code pump} and {@code pump_per_s} for the pump; for
 * another parameter its name and {@link #valueKey} (rates in s^-1; mu and w_qd as they are).
 *
 * @param model the model kind
 * @param parameter the continuation parameter (r, g, mu, w_qd, ...)
 * @param folds the located folds
 * @param note empty, or why the branch was not traced
 * @param threshold the end of the stable part of the branch
 */
public record BranchFolds(String model, String parameter, List<Fold> folds, String note, StableEnd threshold) {
  public BranchFolds {
    folds = List.copyOf(folds);
  }

  /**
   * One fold.
   *
   * @param value the parameter's value (normalised)
   * @param valueInUnits the same in s^-1 for rates, as it is for mu and w_qd
   * @param bAbs |b| there
   * @param upperPopulation mean upper population there
   * @param kind {@code fold (minimum of <parameter>)} or {@code fold (maximum of <parameter>)}
   */
  public record Fold(double value, double valueInUnits, double bAbs, double upperPopulation, String kind) {}

  /**
   * The end of the stable part of a branch; values are null where there is none.
   *
   * @param value the parameter's value (normalised)
   * @param valueInUnits the same in units (see {@link Fold})
   * @param bAbs |b| there
   * @param kind fold, pitchfork, hopf, instability or none: ...
   * @param what which end (low- or high-parameter) and of what
   */
  public record StableEnd(Double value, Double valueInUnits, Double bAbs, String kind, String what) {}

  /** Key of the parameter's value: {@code pump} for the pump, its name otherwise. */
  public static String parameterKey(String parameter) {
    return parameter.equals("r") ? "pump" : parameter;
  }

  /**
   * Key of the value in units: {@code pump_per_s} for the pump, {@code w_qd_value} for the width,
   * {@code <parameter>_per_s} otherwise (mu's value, dimensionless, under {@code mu_per_s}, as
   * written since the first mu branches; the branch table's column is {@code mu_value}).
   */
  public static String valueKey(String parameter) {
    return parameter.equals("r") ? "pump_per_s" : parameter.equals("w_qd") ? "w_qd_value" : parameter + "_per_s";
  }

  /** The parameter's value in units: s^-1 for rates, as it is otherwise. */
  public static double inUnits(String parameter, double value, double gammaNrPerSecond) {
    return Parameter.of(parameter).rate() ? value * gammaNrPerSecond : value;
  }

  public byte[] toJson() {
    String pk = parameterKey(parameter);
    String vk = valueKey(parameter);
    List<Map<String, Object>> fs = new ArrayList<>();
    for (Fold f : folds) {
      Map<String, Object> m = new TreeMap<>();
      m.put(pk, f.value());
      m.put(vk, f.valueInUnits());
      m.put("b_abs", f.bAbs());
      m.put("upper_population", f.upperPopulation());
      m.put("kind", f.kind());
      fs.add(m);
    }
    Map<String, Object> th = new TreeMap<>();
    th.put(pk, threshold.value());
    th.put(vk, threshold.valueInUnits());
    th.put("b_abs", threshold.bAbs());
    th.put("kind", threshold.kind());
    th.put("what", threshold.what());
    return CanonicalJson.prettyBytes(Map.of("model", model, "folds", fs, "note", note, "threshold", th));
  }

  /** Reads the folds of a branch in {@code parameter}. */
  public static BranchFolds fromJson(byte[] bytes, String parameter) {
    JsonNode root;
    try {
      root = CanonicalJson.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a valid folds artifact: " + e.getMessage(), e);
    }
    String pk = parameterKey(parameter);
    String vk = valueKey(parameter);
    List<Fold> folds = new ArrayList<>();
    for (JsonNode f : root.path("folds")) {
      folds.add(new Fold(f.get(pk).asDouble(), f.get(vk).asDouble(), f.get("b_abs").asDouble(),
          f.get("upper_population").asDouble(), f.get("kind").asText()));
    }
    JsonNode t = root.path("threshold");
    StableEnd end = new StableEnd(number(t.get(pk)), number(t.get(vk)), number(t.get("b_abs")), t.path("kind").asText(),
        t.path("what").asText());
    return new BranchFolds(root.path("model").asText(), parameter, folds, root.path("note").asText(), end);
  }

  /** A number, or null for a JSON null or a missing key. */
  private static Double number(JsonNode n) {
    return n == null || n.isNull() ? null : n.asDouble();
  }
}
