package org.qdlaser.pipeline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;

/**
 * One model run of a study: a labelled model with its normalised parameters and, for the
 * polydisperse models, its sample options (as written in the manifest).
 *
 * @param label unique label (artifact names, legends)
 * @param kind the model
 * @param parameters normalised parameters (the pump is set by each analysis)
 * @param gammaL gamma_l (normalised), which sets gamma_nl together with beta
 * @param sample sample options of a _d model (w_qd, seed, tail, identical_fraction), empty otherwise
 */
public record ModelRun(
    @JsonProperty("label") String label,
    @JsonProperty("kind") ModelKind kind,
    @JsonProperty("parameters") LaserParameters parameters,
    @JsonProperty("gamma_l") double gammaL,
    @JsonProperty("sample") Map<String, String> sample) {
  public ModelRun {
    sample = new TreeMap<>(sample);
  }

  @Override
  public Map<String, String> sample() {
    return new TreeMap<>(sample);
  }

  /** The sample's width w_qd in units of gamma (the sampling default 1 when not given). */
  public double sampleWidth() {
    return sample.containsKey("w_qd") ? Double.parseDouble(sample.get("w_qd")) : 1.0;
  }

  /** The sample's seed (the sampling default 1 when not given). */
  public long sampleSeed() {
    return sample.containsKey("seed") ? (long) Double.parseDouble(sample.get("seed")) : 1L;
  }
}
