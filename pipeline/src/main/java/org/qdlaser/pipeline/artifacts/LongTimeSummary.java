package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.SelfPulsing;
import org.qdlaser.stages.equilibrium.Verdict;

/**
 * Key {@code long_time} of an activation state ({@code equilibrium/<label>-state.json}, procedure
 * {@code ours}): a sample that spent its transient budget unsettled, followed in the co-rotating
 * frame to its long-time fate (issue 13, docs/transients.md). The state's own verdict, |b|, photons
 * and activation are then the fate's. Work counters, not CPU seconds: an artifact's bytes do not
 * depend on the machine's load (the task's CPU time is in the run's provenance, {@code cpu_seconds}
 * of the equilibrium task).
 *
 * @param limit the long-time limit (1/gamma_nr; {@code unsettled} beyond it)
 * @param verdict lasing, non_lasing, self_pulsing or unsettled
 * @param timeIntegrated time integrated before the verdict (1/gamma_nr, from the sample's start)
 * @param steps accepted integrator steps
 * @param rhsEvaluations right-hand-side evaluations
 * @param factorizations factorisations of the iteration matrix
 * @param newtonAttempts Newton polishes tried along the transient
 * @param budget the end of the transient budget that came before (verdict unsettled)
 * @param selfPulsing period, mean photons, min/max |b| (verdict self_pulsing only)
 */
public record LongTimeSummary(
    @JsonProperty("limit") double limit,
    @JsonProperty("verdict") @JsonSerialize(converter = VerdictJson.Out.class)
        @JsonDeserialize(converter = VerdictJson.In.class) Verdict verdict,
    @JsonProperty("time_integrated") double timeIntegrated,
    @JsonProperty("steps") long steps,
    @JsonProperty("rhs_evaluations") long rhsEvaluations,
    @JsonProperty("factorizations") long factorizations,
    @JsonProperty("newton_attempts") int newtonAttempts,
    @JsonProperty("budget") UnsettledSummary budget,
    @JsonProperty("self_pulsing") @JsonInclude(JsonInclude.Include.NON_NULL) SelfPulsingSummary selfPulsing) {

  /** The fate of a sample whose budget ended at {@code budget}. */
  public static LongTimeSummary of(double limit, Equilibria.Fate f, UnsettledSummary budget) {
    SelfPulsing p = f.equilibrium().selfPulsing();
    return new LongTimeSummary(limit, f.equilibrium().verdict(), f.timeIntegrated(), f.work().steps(),
        f.work().rhsEvaluations(), f.work().factorizations(), f.newtonAttempts(), budget,
        p == null ? null : SelfPulsingSummary.of(p));
  }

  /**
   * A self-pulsing end ({@link SelfPulsing}).
   *
   * @param period period of |b| (1/gamma_nr)
   * @param meanPhotons &lt;b+b&gt; over whole periods
   * @param bAbsMin smallest |b|
   * @param bAbsMax largest |b|
   * @param omega mean rotation frequency (units of gamma_nr)
   * @param cycles periods measured
   */
  public record SelfPulsingSummary(
      @JsonProperty("period") double period,
      @JsonProperty("mean_photons") double meanPhotons,
      @JsonProperty("b_abs_min") double bAbsMin,
      @JsonProperty("b_abs_max") double bAbsMax,
      @JsonProperty("omega") double omega,
      @JsonProperty("cycles") int cycles) {
    static SelfPulsingSummary of(SelfPulsing p) {
      return new SelfPulsingSummary(p.period(), p.meanPhotons(), p.bAbsMin(), p.bAbsMax(), p.omega(), p.cycles());
    }
  }
}
