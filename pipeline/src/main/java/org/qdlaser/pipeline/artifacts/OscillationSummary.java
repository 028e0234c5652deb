package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.fitting.OscillationFit;

/**
 * {@code fitting/<label>-oscillation.json}: the frequency and modulus of a recorded lab-frame field
 * against the rotating-frame Newton state it started from.
 *
 * @param model the model kind
 * @param fit what was fitted
 * @param angularFrequencyFit slope of the unwrapped phase of &lt;b&gt;(t)
 * @param phaseRms rms residual of the phase fit
 * @param periods periods recorded
 * @param omegaNewton omega of the Newton state
 * @param frequencyRelativeDifference |fit - omega| / |omega| (the lab-frame phase advances as +omega t)
 * @param bAbsMean mean modulus of the record
 * @param bAbsNewton |b| of the Newton state
 * @param bAbsRelativeSpread relative spread of the modulus
 * @param bAbsMeanRelativeDifference |mean - |b|| / |b|
 */
public record OscillationSummary(
    @JsonProperty("model") String model,
    @JsonProperty("fit") String fit,
    @JsonProperty("angular_frequency_fit") double angularFrequencyFit,
    @JsonProperty("phase_rms") double phaseRms,
    @JsonProperty("periods") double periods,
    @JsonProperty("omega_newton") double omegaNewton,
    @JsonProperty("frequency_relative_difference") double frequencyRelativeDifference,
    @JsonProperty("b_abs_mean") double bAbsMean,
    @JsonProperty("b_abs_newton") double bAbsNewton,
    @JsonProperty("b_abs_relative_spread") double bAbsRelativeSpread,
    @JsonProperty("b_abs_mean_relative_difference") double bAbsMeanRelativeDifference) {

  /** The comparison of a fit of the recorded field with the Newton state's omega and |b|. */
  public static OscillationSummary of(String model, OscillationFit f, double omega, double bAbs) {
    return new OscillationSummary(model, "least-squares slope of the unwrapped phase of <b>(t); modulus mean and relative spread",
        f.angularFrequency(), f.phaseRms(), f.periods(), omega, Math.abs(f.angularFrequency() - omega) / Math.abs(omega),
        f.modulusMean(), bAbs, f.modulusRelativeSpread(), Math.abs(f.modulusMean() - bAbs) / bAbs);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static OscillationSummary fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, OscillationSummary.class);
  }
}
