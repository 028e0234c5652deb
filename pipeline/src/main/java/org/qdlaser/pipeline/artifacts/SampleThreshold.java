package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code threshold/<label>.json}: the threshold of an undecided sample of an activation study
 * (issue 13, item 4; manifest {@code activation.thresholds: true}): Sec. III's threshold, the
 * smallest pump with a stable steady lasing state, searched by {@code qdlaser threshold}'s code
 * path. Only samples that spent their transient budget unsettled are searched; for the others
 * {@code searched} is false and {@code reason} says why.
 *
 * @param searched whether the search ran
 * @param reason why not (searched false), or null
 * @param found whether a stable lasing branch and its lower end were found (searched true)
 * @param pump the study's pump (normalised)
 * @param thresholdPump the threshold (normalised; null if not found)
 * @param kind fold, hopf, pitchfork, hopf-of-lasing-state or instability (null if not found)
 * @param bAbs |b| at the threshold
 * @param frequency omega there (units of gamma_nr)
 * @param belowThresholdAtPump the threshold lies above the study's pump, or none was found up to the
 *     search's ceiling (null if not searched)
 * @param ceiling the highest pump searched (normalised)
 * @param message the search's account of what it tried (not found), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleThreshold(
    @JsonProperty("searched") boolean searched,
    @JsonProperty("reason") String reason,
    @JsonProperty("found") Boolean found,
    @JsonProperty("pump") double pump,
    @JsonProperty("threshold_pump") Double thresholdPump,
    @JsonProperty("kind") String kind,
    @JsonProperty("b_abs_at_threshold") Double bAbs,
    @JsonProperty("frequency") Double frequency,
    @JsonProperty("below_threshold_at_pump") Boolean belowThresholdAtPump,
    @JsonProperty("ceiling") Double ceiling,
    @JsonProperty("message") String message) {

  /** Not searched. */
  public static SampleThreshold skipped(double pump, String reason) {
    return new SampleThreshold(false, reason, null, pump, null, null, null, null, null, null, null);
  }

  /** Found at {@code threshold} (normalised). */
  public static SampleThreshold found(double pump, double threshold, String kind, double bAbs, double frequency, double ceiling) {
    return new SampleThreshold(true, null, true, pump, threshold, kind, bAbs, frequency, threshold > pump, ceiling, null);
  }

  /** No stable lasing state found up to {@code ceiling}. */
  public static SampleThreshold none(double pump, double ceiling, String message) {
    return new SampleThreshold(true, null, false, pump, null, null, null, null, true, ceiling, message);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static SampleThreshold fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, SampleThreshold.class);
  }
}
