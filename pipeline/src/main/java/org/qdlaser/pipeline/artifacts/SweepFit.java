package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.fitting.ThresholdBracket;

/**
 * {@code fitting/<label>.json}: the threshold bracket read off a downward sweep (App. A method) and
 * the exact threshold of the same model. Values that do not exist are null (no bracket: no lasing
 * pump, or no non-lasing pump below it); without an exact location the exact fields are absent and
 * the note says why.
 *
 * @param model the model kind
 * @param label the model run
 * @param method how the bracket is read
 * @param bracketed whether the sweep brackets the threshold
 * @param lowestLasingPump lowest pump with a stable lasing state (normalised)
 * @param highestNonLasingPump the next pump below it
 * @param thresholdEstimate the bracket's estimate
 * @param lowestLasingPumpPerS the same in s^-1
 * @param highestNonLasingPumpPerS the same in s^-1
 * @param thresholdEstimatePerS the same in s^-1
 * @param bAbsAtLowestLasing |b| at the lowest lasing pump
 * @param exactThresholdNote why there is no exact threshold (absent when located)
 * @param exactThresholdMethod how a polydisperse threshold was located from the bracket (absent for identical dots)
 * @param exactThresholdFrequency the threshold's frequency (polydisperse only)
 * @param exactThresholdPump the exact threshold (normalised)
 * @param exactThresholdPumpPerS the same in s^-1
 * @param exactThresholdKind pitchfork, fold, hopf, ...
 * @param exactThresholdBAbs |b| at the threshold
 * @param exactThresholdUpperPopulation mean upper population at the threshold
 * @param exactThresholdPhotons photons at the threshold
 * @param exactThresholdRelativeAccuracy claimed relative accuracy
 * @param exactThresholdInBracket whether the exact threshold lies inside the bracket (null without one)
 */
public record SweepFit(
    @JsonProperty("model") String model,
    @JsonProperty("label") String label,
    @JsonProperty("method") String method,
    @JsonProperty("bracketed") boolean bracketed,
    @JsonProperty("lowest_lasing_pump") Double lowestLasingPump,
    @JsonProperty("highest_non_lasing_pump") Double highestNonLasingPump,
    @JsonProperty("threshold_estimate") Double thresholdEstimate,
    @JsonProperty("lowest_lasing_pump_per_s") Double lowestLasingPumpPerS,
    @JsonProperty("highest_non_lasing_pump_per_s") Double highestNonLasingPumpPerS,
    @JsonProperty("threshold_estimate_per_s") Double thresholdEstimatePerS,
    @JsonProperty("b_abs_at_lowest_lasing") Double bAbsAtLowestLasing,
    @JsonProperty("exact_threshold_note") @JsonInclude(JsonInclude.Include.NON_NULL) String exactThresholdNote,
    @JsonProperty("exact_threshold_method") @JsonInclude(JsonInclude.Include.NON_NULL) String exactThresholdMethod,
    @JsonProperty("exact_threshold_frequency") @JsonInclude(JsonInclude.Include.NON_NULL) Double exactThresholdFrequency,
    @JsonProperty("exact_threshold_pump") @JsonInclude(JsonInclude.Include.NON_NULL) Double exactThresholdPump,
    @JsonProperty("exact_threshold_pump_per_s") @JsonInclude(JsonInclude.Include.NON_NULL) Double exactThresholdPumpPerS,
    @JsonProperty("exact_threshold_kind") @JsonInclude(JsonInclude.Include.NON_NULL) String exactThresholdKind,
    @JsonProperty("exact_threshold_b_abs") @JsonInclude(JsonInclude.Include.NON_NULL) Double exactThresholdBAbs,
    @JsonProperty("exact_threshold_upper_population") @JsonInclude(JsonInclude.Include.NON_NULL)
        Double exactThresholdUpperPopulation,
    @JsonProperty("exact_threshold_photons") @JsonInclude(JsonInclude.Include.NON_NULL) Double exactThresholdPhotons,
    @JsonProperty("exact_threshold_relative_accuracy") @JsonInclude(JsonInclude.Include.NON_NULL)
        Double exactThresholdRelativeAccuracy,
    @JsonProperty("exact_threshold_in_bracket") Boolean exactThresholdInBracket) {

  static final String METHOD = "downward sweep: lowest pump with stable lasing, and the next pump below it";

  /** A sweep without an exact threshold, with the reason. */
  public static SweepFit unlocated(String model, String label, ThresholdBracket b, double gammaNrPerSecond, String note) {
    double g = gammaNrPerSecond;
    return new SweepFit(model, label, METHOD, b.bracketed(), nullIfNaN(b.lowestLasingPump()),
        nullIfNaN(b.highestNonLasingPump()), nullIfNaN(b.estimate()), nullIfNaN(b.lowestLasingPump() * g),
        nullIfNaN(b.highestNonLasingPump() * g), nullIfNaN(b.estimate() * g), nullIfNaN(b.bAbsAtLowestLasing()), note,
        null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A sweep with its exact threshold.
   *
   * @param method how a polydisperse threshold was located from the bracket; null for identical dots
   *     (then the frequency is not written either)
   */
  public static SweepFit located(String model, String label, ThresholdBracket b, double gammaNrPerSecond, Threshold th,
      String method) {
    double g = gammaNrPerSecond;
    boolean inBracket = b.bracketed() && th.pump() >= b.highestNonLasingPump() && th.pump() <= b.lowestLasingPump();
    return new SweepFit(model, label, METHOD, b.bracketed(), nullIfNaN(b.lowestLasingPump()),
        nullIfNaN(b.highestNonLasingPump()), nullIfNaN(b.estimate()), nullIfNaN(b.lowestLasingPump() * g),
        nullIfNaN(b.highestNonLasingPump() * g), nullIfNaN(b.estimate() * g), nullIfNaN(b.bAbsAtLowestLasing()), null,
        method, method == null ? null : th.frequency(), th.pump(), th.pump() * g, th.kind(), th.bAbs(), th.upperPopulation(),
        th.photons(), th.relativeAccuracy(), inBracket);
  }

  /** Whether the exact threshold was located. */
  public boolean hasExactThreshold() {
    return exactThresholdPumpPerS != null;
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static SweepFit fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, SweepFit.class);
  }

  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
