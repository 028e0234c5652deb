package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.sampling.Sample;

/**
 * {@code samples/<label>.json}: how a run's dots were drawn and their detuning statistics.
 *
 * @param description how the sample was generated
 * @param n number of dots
 * @param meanDetuning mean detuning (normalised)
 * @param detuningStd standard deviation of the detunings (normalised)
 */
public record SampleStats(
    @JsonProperty("description") String description,
    @JsonProperty("N") int n,
    @JsonProperty("mean_detuning") double meanDetuning,
    @JsonProperty("detuning_std") double detuningStd) {

  public static SampleStats of(Sample s) {
    return new SampleStats(s.description(), s.size(), s.meanDetuning(), s.detuningStd());
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static SampleStats fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, SampleStats.class);
  }
}
