package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.Verdict;

/**
 * A state in brief: {@code equilibrium/<label>-state.json} of an activation study (with photons and
 * the verdict, and the unsettled diagnostics where the transient did not settle) and {@code
 * integration/<label>-state.json}, the Newton state an oscillation study starts from (without them:
 * that artifact has never carried them, and its bytes stay as they were).
 *
 * @param pump pump (normalised)
 * @param lasing whether it has a coherent field
 * @param bAbs |b|
 * @param omega rotation frequency (units of gamma_nr)
 * @param photons &lt;b+b&gt; (activation states only)
 * @param incoherentPhotons &lt;b+b&gt; - |&lt;b&gt;|^2, negative for some TPM_d samples at w_QD = gamma
 *     (docs/decisions.md; activation states only)
 * @param stable whether it is stable
 * @param residual Newton residual
 * @param verdict lasing, non_lasing or unsettled (activation states only)
 * @param unsettled diagnostics of an unsettled end (activation states that did not settle only)
 * @param longTime procedure ours: the long-time fate of a sample whose transient budget ended unsettled
 *     (then verdict, |b|, photons and activation are the fate's); null otherwise
 * @param paperReading procedure paper: the App. A reading of the sample's transient; null otherwise
 */
public record StateSummary(
    @JsonProperty("pump") double pump,
    @JsonProperty("lasing") boolean lasing,
    @JsonProperty("b_abs") double bAbs,
    @JsonProperty("omega") double omega,
    @JsonProperty("photons") @JsonInclude(JsonInclude.Include.NON_NULL) Double photons,
    @JsonProperty("incoherent_photons") @JsonInclude(JsonInclude.Include.NON_NULL) Double incoherentPhotons,
    @JsonProperty("stable") boolean stable,
    @JsonProperty("residual") double residual,
    @JsonProperty("verdict") @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(converter = VerdictJson.Out.class)
        @JsonDeserialize(converter = VerdictJson.In.class) Verdict verdict,
    @JsonProperty("unsettled") @JsonInclude(JsonInclude.Include.NON_NULL) UnsettledSummary unsettled,
    @JsonProperty("long_time") @JsonInclude(JsonInclude.Include.NON_NULL) LongTimeSummary longTime,
    @JsonProperty("paper_reading") @JsonInclude(JsonInclude.Include.NON_NULL) PaperReadingSummary paperReading) {

  /** The state of an activation study's sample: with photons, verdict and unsettled diagnostics. */
  public static StateSummary activation(Equilibrium e) {
    return activation(e, null, null);
  }

  /** As {@link #activation(Equilibrium)}, with the long-time fate or the paper's reading (either may be null). */
  public static StateSummary activation(Equilibrium e, LongTimeSummary longTime, PaperReadingSummary paperReading) {
    return new StateSummary(e.pump(), e.lasing(), e.bAbs(), e.omega(), e.photons(), e.incoherentPhotons(), e.stable(),
        e.residual(), e.verdict(), e.unsettled() == null ? null : UnsettledSummary.of(e.unsettled()), longTime,
        paperReading);
  }

  /** The start state of an oscillation study. */
  public static StateSummary start(Equilibrium e) {
    return new StateSummary(e.pump(), e.lasing(), e.bAbs(), e.omega(), null, null, e.stable(), e.residual(), null, null, null, null);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static StateSummary fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, StateSummary.class);
  }
}
