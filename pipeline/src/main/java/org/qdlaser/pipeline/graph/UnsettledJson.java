package org.qdlaser.pipeline.graph;

import java.util.Map;
import java.util.TreeMap;

/** The JSON form of an unsettled transient end, shared by activation studies and {@code qdlaser point}. */
public final class UnsettledJson {
  private UnsettledJson() {}

  /**
   * Diagnostics of an unsettled end (state JSON key {@code unsettled}, also in {@code qdlaser point});
   * NaN-free by Unsettled's validation.
   */
  public static Map<String, Object> summary(org.qdlaser.stages.equilibrium.Unsettled u) {
    Map<String, Object> m = new TreeMap<>();
    m.put("b_abs_end", u.bAbsEnd());
    m.put("drift_rate", u.driftRate());
    m.put("drift_time_scale", u.driftTimeScale());
    m.put("omega", u.omega());
    m.put("time", u.time());
    m.put("drift_window_start", u.driftWindowStart());
    m.put("what", "transient budget spent without the App. A criterion, decay or a stable steady state: |b| at the end, "
        + "its relative drift d ln|b|/dt and the rotation frequency of <b> fitted over [drift_window_start, time] (1/gamma_nr); "
        + "b_abs, omega and the activation curve are those of the end state, not of a steady state");
    return m;
  }
}
