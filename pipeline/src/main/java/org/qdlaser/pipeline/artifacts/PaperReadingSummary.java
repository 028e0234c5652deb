package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.equilibrium.PaperProcedure;
import org.qdlaser.stages.fitting.PaperReading;

/**
 * Key {@code paper_reading} of an activation state: the paper's App. A reading of the sample's transient
 * ({@link PaperProcedure}: integrated for {@code duration} from the sample's start, Eq. (A2) fitted over
 * growing windows), for every sample under procedure {@code paper}, and under {@code ours} for a sample
 * followed to its long-time fate (read off the first {@code duration} units of that same transient).
 * Nothing of it is Newton-polished; the state's verdict stays ours (issue 13). NaN (the string "NaN") where a window's fit did not converge.
 *
 * @param duration integrated time (1/gamma_nr; App. A: "at least 100 time units")
 * @param windows growing windows fitted
 * @param aInf a_inf of the longest window (units of |b|)
 * @param aInfSpread largest deviation of a_inf over the windows of the second half
 * @param aInfResolved whether the longest window resolves Eq. (A2)'s decay (c T >= 1); otherwise a_inf is an
 *     extrapolation ({@link PaperReading#aInfResolved()})
 * @param omegaInf omega_inf (units of gamma_nr)
 * @param omegaInfSpread its largest deviation over the windows of the second half
 * @param omegaConverged whether omega_inf converged to 3 significant digits (App. A's test)
 * @param bAbsEnd |b| at the end of the integration
 */
public record PaperReadingSummary(
    @JsonProperty("duration") double duration,
    @JsonProperty("windows") int windows,
    @JsonProperty("a_inf") double aInf,
    @JsonProperty("a_inf_spread") double aInfSpread,
    @JsonProperty("a_inf_resolved") boolean aInfResolved,
    @JsonProperty("omega_inf") double omegaInf,
    @JsonProperty("omega_inf_spread") double omegaInfSpread,
    @JsonProperty("omega_converged") boolean omegaConverged,
    @JsonProperty("b_abs_end") double bAbsEnd) {

  public static PaperReadingSummary of(int windows, PaperProcedure.Result r) {
    PaperReading p = r.reading();
    return new PaperReadingSummary(r.time(), windows, p.aInf(), p.aInfSpread(), p.aInfResolved(), p.omegaInf(),
        p.omegaInfSpread(), p.omegaConverged(), r.bAbsEnd());
  }
}
