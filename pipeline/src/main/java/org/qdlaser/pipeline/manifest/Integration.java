package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.tasks.RelaxationParams;

/**
 * The {@code integration:} section: the transient settings of identical dots and the time series'
 * record stride.
 *
 * @param relaxation rtol, atol, stop threshold, max and min time (App. A defaults when absent)
 * @param recordStride record every k-th accepted step of a sweep's time series
 */
record Integration(RelaxationParams relaxation, int recordStride) {
  /** App. A defaults (RelaxationSettings.defaults()): rtol 1e-8, atol 1e-10, stop threshold 1e-5, max time 1e5, min time 1. */
  static final RelaxationParams DEFAULTS = RelaxationParams.defaults();
  static final int DEFAULT_STRIDE = 10;

  static Integration parse(JsonNode integ) {
    if (integ == null) {
      return new Integration(DEFAULTS, DEFAULT_STRIDE);
    }
    if (!integ.isObject()) {
      throw new InputException("integration", "integration must be a mapping");
    }
    unknownKeys(integ, Set.of("rtol", "atol", "stop_threshold", "max_time", "min_time", "record_stride"), "integration.");
    double rtol = number(integ, "rtol", "integration.rtol", DEFAULTS.rtol());
    double atol = number(integ, "atol", "integration.atol", DEFAULTS.atol());
    double stop = number(integ, "stop_threshold", "integration.stop_threshold", DEFAULTS.stopThreshold());
    double maxT = number(integ, "max_time", "integration.max_time", DEFAULTS.maxTime());
    double minT = number(integ, "min_time", "integration.min_time", DEFAULTS.minTime());
    double strideD = number(integ, "record_stride", "integration.record_stride", DEFAULT_STRIDE);
    if (strideD != Math.rint(strideD) || strideD < 1) {
      throw new InputException("integration.record_stride", "record_stride must be an integer >= 1, got " + strideD);
    }
    try {
      return new Integration(RelaxationParams.validated(rtol, atol, stop, maxT, minT), (int) strideD);
    } catch (IllegalArgumentException e) {
      throw new InputException("integration", e.getMessage());
    }
  }
}
