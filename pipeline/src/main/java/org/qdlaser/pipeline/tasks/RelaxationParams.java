package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.integration.RelaxationSettings;

/**
 * A study's integration settings as task keys hold them (manifest {@code integration:}); the
 * relative stop criterion is not a manifest setting (detuned dots get it from {@code Equilibria}).
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 * @param stopThreshold App. A threshold on the rates
 * @param maxTime longest transient per pump (1/gamma_nr)
 * @param minTime shortest transient before the criterion may stop it
 */
public record RelaxationParams(
    @JsonProperty("rtol") double rtol,
    @JsonProperty("atol") double atol,
    @JsonProperty("stop_threshold") double stopThreshold,
    @JsonProperty("max_time") double maxTime,
    @JsonProperty("min_time") double minTime) {

  public static RelaxationParams of(RelaxationSettings s) {
    if (s.relativeStop()) {
      throw new IllegalArgumentException("manifest integration settings have an absolute stop criterion");
    }
    return new RelaxationParams(s.rtol(), s.atol(), s.stopThreshold(), s.maxTime(), s.minTime());
  }

  /** The App. A defaults ({@link RelaxationSettings#defaults()}). */
  public static RelaxationParams defaults() {
    return of(RelaxationSettings.defaults());
  }

  /**
   * Settings checked as the integrator needs them.
   *
   * @throws IllegalArgumentException saying which value is out of range
   */
  public static RelaxationParams validated(double rtol, double atol, double stopThreshold, double maxTime, double minTime) {
    return of(new RelaxationSettings(rtol, atol, stopThreshold, maxTime, minTime, false));
  }

  public RelaxationSettings settings() {
    return new RelaxationSettings(rtol, atol, stopThreshold, maxTime, minTime, false);
  }
}
