package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.qdlaser.stages.equilibrium.Verdict;

/**
 * {@code fitting/<label>-lorentzian.json}: the Lorentzian of Eq. (2) fitted to a sample's scaled
 * activation curve, or no fit (null parameters) for a sample that does not lase.
 *
 * @param model the model kind
 * @param lasing whether the sample's state has a coherent field
 * @param verdict the state's verdict
 * @param fit what was fitted (or why nothing was)
 * @param aL amplitude a_L (null without a fit)
 * @param wL width w_L in units of gamma (null without a fit)
 * @param aLStandardError standard error of a_L
 * @param wLStandardError standard error of w_L
 * @param rms root-mean-square residual
 * @param rSquared coefficient of determination
 */
public record LorentzianFit(
    @JsonProperty("model") String model,
    @JsonProperty("lasing") boolean lasing,
    @JsonProperty("verdict") @JsonSerialize(converter = VerdictJson.Out.class)
        @JsonDeserialize(converter = VerdictJson.In.class) Verdict verdict,
    @JsonProperty("fit") String fit,
    @JsonProperty("a_L") Double aL,
    @JsonProperty("w_L") Double wL,
    @JsonProperty("a_L_standard_error") Double aLStandardError,
    @JsonProperty("w_L_standard_error") Double wLStandardError,
    @JsonProperty("rms") Double rms,
    @JsonProperty("r_squared") Double rSquared) {

  /** The record of a sample that does not lase: no fit. */
  public static LorentzianFit none(String model, Verdict verdict) {
    return new LorentzianFit(model, false, verdict, "none: the sample does not lase at this pump", null, null, null, null,
        null, null);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static LorentzianFit fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, LorentzianFit.class);
  }
}
