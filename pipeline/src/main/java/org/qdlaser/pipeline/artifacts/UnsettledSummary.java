package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.equilibrium.Unsettled;

/**
 * The JSON form of an unsettled transient end ({@link Unsettled}): key {@code unsettled} of an
 * activation state and of {@code qdlaser point}. NaN-free by Unsettled's validation.
 *
 * @param bAbsEnd |b| at the end of the transient
 * @param driftRate d ln|b| / dt over the drift window (1/gamma_nr)
 * @param driftTimeScale 1 / |driftRate|
 * @param omega rotation frequency of &lt;b&gt; over the drift window
 * @param time time integrated (1/gamma_nr)
 * @param driftWindowStart start of the drift window
 * @param what what the numbers are
 */
public record UnsettledSummary(
    @JsonProperty("b_abs_end") double bAbsEnd,
    @JsonProperty("drift_rate") double driftRate,
    @JsonProperty("drift_time_scale") double driftTimeScale,
    @JsonProperty("omega") double omega,
    @JsonProperty("time") double time,
    @JsonProperty("drift_window_start") double driftWindowStart,
    @JsonProperty("what") String what) {
  static final String WHAT = "transient budget (or long-time limit) spent without the App. A criterion, decay or a stable steady state: |b| at "
      + "the end, its relative drift d ln|b|/dt and the rotation frequency of <b> fitted over [drift_window_start, time] "
      + "(1/gamma_nr); b_abs, omega and the activation curve are those of the end state, not of a steady state";

  public static UnsettledSummary of(Unsettled u) {
    return new UnsettledSummary(u.bAbsEnd(), u.driftRate(), u.driftTimeScale(), u.omega(), u.time(), u.driftWindowStart(), WHAT);
  }

  /** As a sorted map (command output). */
  public Map<String, Object> toMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = CanonicalJson.mapper().convertValue(this, TreeMap.class);
    return m;
  }
}
