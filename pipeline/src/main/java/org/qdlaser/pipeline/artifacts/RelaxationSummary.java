package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code equilibrium/<label>-relaxation.json}: what a relaxation sweep found, in numbers the golden
 * checks read (issue 19).
 *
 * @param model the model kind
 * @param notes what was not computed and why
 * @param nonLasingPoints points on the non-lasing branch
 * @param lasingPoints points on the lasing branch
 * @param stableWithRelaxation stable points with a relaxation oscillation
 * @param g2NonLasingMaxDeviation max |g2 - 2| over the non-lasing points (thermal at the models'
 *     order: 0), null without such points
 * @param topPump the pump of the lasing branch's first point (the sweep's top), null without it
 * @param g2Top g2 there
 * @param incoherentFractionTop (&lt;b+b&gt; - |&lt;b&gt;|^2) / &lt;b+b&gt; there
 * @param g2PhysicalTop whether the moments there belong to a quantum state
 * @param unphysicalG2Points points whose g2 no quantum state has
 * @param adiabaticCompared stable points with a pair compared with the CIM's adiabatic limit (CIM only)
 * @param adiabaticMaxErrorOverEps max over them of |lambda - lambda_limit| / (eps |lambda_limit|), null if none
 * @param adiabaticMaxEps max eps over them, null if none
 */
public record RelaxationSummary(
    @JsonProperty("model") String model,
    @JsonProperty("notes") List<String> notes,
    @JsonProperty("non_lasing_points") int nonLasingPoints,
    @JsonProperty("lasing_points") int lasingPoints,
    @JsonProperty("stable_with_relaxation") int stableWithRelaxation,
    @JsonProperty("g2_non_lasing_max_deviation") Double g2NonLasingMaxDeviation,
    @JsonProperty("top_pump") Double topPump,
    @JsonProperty("g2_top") Double g2Top,
    @JsonProperty("incoherent_fraction_top") Double incoherentFractionTop,
    @JsonProperty("g2_physical_top") Boolean g2PhysicalTop,
    @JsonProperty("unphysical_g2_points") int unphysicalG2Points,
    @JsonProperty("adiabatic_compared") int adiabaticCompared,
    @JsonProperty("adiabatic_max_error_over_eps") Double adiabaticMaxErrorOverEps,
    @JsonProperty("adiabatic_max_eps") Double adiabaticMaxEps) {

  public RelaxationSummary {
    notes = List.copyOf(notes);
  }

  /** The summary of a table; {@code errorOverEps} and {@code eps} per compared point (empty if none). */
  public static RelaxationSummary of(String model, List<String> notes, RelaxationTable t, double[] errorOverEps, double[] eps) {
    int nonLasing = 0;
    int lasing = 0;
    int withRo = 0;
    int unphysical = 0;
    double dev = Double.NaN;
    RelaxationTable.Row top = null;
    for (RelaxationTable.Row r : t.rows()) {
      if (r.lasing()) {
        lasing++;
        if (top == null) {
          top = r;
        }
      } else {
        nonLasing++;
        double d = Math.abs(r.g2() - 2);
        dev = Double.isNaN(dev) ? d : Math.max(dev, d);
      }
      if (r.stable() && r.hasRelaxation()) {
        withRo++;
      }
      if (!r.g2Physical()) {
        unphysical++;
      }
    }
    return new RelaxationSummary(model, notes, nonLasing, lasing, withRo, boxed(dev), top == null ? null : top.pump(),
        top == null ? null : top.g2(), top == null ? null : top.incoherentPhotons() / top.photons(),
        top == null ? null : top.g2Physical(), unphysical, errorOverEps.length, boxed(max(errorOverEps)), boxed(max(eps)));
  }

  private static double max(double[] a) {
    double m = Double.NaN;
    for (double v : a) {
      m = Double.isNaN(m) ? v : Math.max(m, v);
    }
    return m;
  }

  private static Double boxed(double v) {
    return Double.isFinite(v) ? v : null;
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static RelaxationSummary fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, RelaxationSummary.class);
  }
}
