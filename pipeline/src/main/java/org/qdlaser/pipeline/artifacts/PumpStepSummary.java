package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.equilibrium.PumpStepCheck;

/**
 * {@code integration/<label>-pump-step.json}: a pump step's fitted relaxation oscillation against
 * the eigenvalue pair at the target pump (rates in gamma_nr; relative errors signed).
 */
public record PumpStepSummary(
    @JsonProperty("model") String model,
    @JsonProperty("pump_before") double pumpBefore,
    @JsonProperty("pump_after") double pumpAfter,
    @JsonProperty("pump_after_per_s") double pumpAfterPerSecond,
    @JsonProperty("relative_step") double relativeStep,
    @JsonProperty("fit_from") double fitFrom,
    @JsonProperty("fit_to") double fitTo,
    @JsonProperty("final_upper_population") double finalUpperPopulation,
    @JsonProperty("spectrum_frequency") double spectrumFrequency,
    @JsonProperty("spectrum_damping") double spectrumDamping,
    @JsonProperty("fit_frequency") double fitFrequency,
    @JsonProperty("fit_damping") double fitDamping,
    @JsonProperty("fit_slow_rate") double fitSlowRate,
    @JsonProperty("fit_relative_rms") double fitRelativeRms,
    @JsonProperty("frequency_relative_error") double frequencyRelativeError,
    @JsonProperty("damping_relative_error") double dampingRelativeError,
    @JsonProperty("abs_frequency_relative_error") double absFrequencyRelativeError,
    @JsonProperty("abs_damping_relative_error") double absDampingRelativeError) {

  public static PumpStepSummary of(String model, PumpStepCheck c, double gammaNrPerSecond) {
    return new PumpStepSummary(model, c.pumpBefore(), c.pumpAfter(), c.pumpAfter() * gammaNrPerSecond, c.relativeStep(),
        c.fitFrom(), c.fitTo(), c.finalPopulation(), c.spectrum().frequency(), c.spectrum().damping(), c.fit().frequency(), c.fit().damping(),
        c.fit().slowRate(), c.fit().relativeRms(), c.frequencyRelativeError(), c.dampingRelativeError(),
        Math.abs(c.frequencyRelativeError()), Math.abs(c.dampingRelativeError()));
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static PumpStepSummary fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, PumpStepSummary.class);
  }
}
