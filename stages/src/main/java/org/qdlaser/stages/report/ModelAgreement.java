package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Models compared on the same samples (Figs. 4, 5), for the activation figures' summaries. */
public final class ModelAgreement {
  private ModelAgreement() {}

  /**
   * How the models agree on the same samples, each against the first model in run order (CIM_d in our
   * manifests) on the steady lasing states of both: per model the samples compared and the largest relative
   * differences of omega, w_L, a_L (scaled fit) and the largest absolute difference of the scaled activation,
   * dot by dot (Figs. 4, 5: "overlap perfectly", "similar oscillation frequencies and activation curve width").
   */
  public static Map<String, Object> of(List<ActivationFigures.Run> runs) {
    Map<String, List<ActivationFigures.Run>> byModel = new LinkedHashMap<>();
    for (ActivationFigures.Run r : runs) {
      byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
    }
    return of(byModel);
  }

  static Map<String, Object> of(Map<String, List<ActivationFigures.Run>> byModel) {
    Map<String, Object> out = new TreeMap<>();
    if (byModel.size() < 2) {
      return out;
    }
    List<String> models = new ArrayList<>(byModel.keySet());
    Map<Long, ActivationFigures.Run> ref = new TreeMap<>();
    for (ActivationFigures.Run r : byModel.get(models.get(0))) {
      ref.put(r.sampleSeed() * 1_000_003L + Double.hashCode(r.sampleWidth()), r);
    }
    for (String m : models.subList(1, models.size())) {
      double dOmega = 0;
      double dW = 0;
      double dA = 0;
      double dScaled = 0;
      int pairs = 0;
      for (ActivationFigures.Run r : byModel.get(m)) {
        ActivationFigures.Run q = ref.get(r.sampleSeed() * 1_000_003L + Double.hashCode(r.sampleWidth()));
        if (q == null || !q.lasing() || !r.lasing()) {
          continue;
        }
        dOmega = Math.max(dOmega, Math.abs(r.omega() - q.omega()) / Math.abs(q.omega()));
        dW = Math.max(dW, Math.abs(r.wL() - q.wL()) / Math.abs(q.wL()));
        dA = Math.max(dA, Math.abs(r.aL() - q.aL()) / Math.abs(q.aL()));
        // The same sample: the same dots in the same order, so the scaled curves compare dot by dot (Fig. 4).
        double[] a = r.scaled();
        double[] b = q.scaled();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
          dScaled = Math.max(dScaled, Math.abs(a[i] - b[i]));
        }
        pairs++;
      }
      Map<String, Object> a = new TreeMap<>();
      a.put("reference", models.get(0));
      a.put("samples", pairs);
      a.put("max_relative_difference_omega", dOmega);
      a.put("max_relative_difference_w_L", dW);
      a.put("max_relative_difference_a_L", dA);
      a.put("max_abs_difference_scaled_activation", dScaled);
      out.put(m, a);
    }
    return out;
  }}
