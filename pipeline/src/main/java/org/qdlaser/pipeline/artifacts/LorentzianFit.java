package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.qdlaser.stages.equilibrium.Verdict;

/**
 * {@code fitting/<label>-lorentzian.json}: the Lorentzian of Eq. (2) fitted to a sample's activation
 * curve, or no fit (null parameters) for a sample that does not lase. Two fits
 * ({@code stages.fitting.ActivationFit}): {@code lorentzian} to |&lt;v_l^+ c_l&gt;|^2 itself (Sec. IV:
 * "a_L is the maximum of |&lt;v_l^+ c_l&gt;|^2"; Figs. 6, 10) and {@code lorentzian_scaled} to the curve
 * scaled to [0, 1] (Fig. 4's caption). The top-level a_L ... r_squared repeat the scaled fit, which
 * Fig. 4 and the panels of Figs. 8, 9 use.
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
 * @param unscaled the fit to |&lt;v^+ c&gt;|^2 (null without a fit)
 * @param scaled the fit to the scaled curve (null without a fit)
 * @param maxActivation the largest |&lt;v^+ c&gt;|^2 over the dots (null without a fit)
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
    @JsonProperty("r_squared") Double rSquared,
    @JsonProperty("lorentzian") Fit unscaled,
    @JsonProperty("lorentzian_scaled") Fit scaled,
    @JsonProperty("max_activation") Double maxActivation) {

  /**
   * One fit of Eq. (2), f(x) = a_L / (1 + (x / w_L)^2), x = detuning / gamma.
   *
   * @param aL amplitude (units of the data)
   * @param wL width (units of gamma)
   * @param aLStandardError one-sigma error of a_L
   * @param wLStandardError one-sigma error of w_L
   * @param rms root-mean-square residual (units of the data)
   * @param rSquared coefficient of determination
   */
  public record Fit(
      @JsonProperty("a_L") double aL,
      @JsonProperty("w_L") double wL,
      @JsonProperty("a_L_standard_error") double aLStandardError,
      @JsonProperty("w_L_standard_error") double wLStandardError,
      @JsonProperty("rms") double rms,
      @JsonProperty("r_squared") double rSquared) {}

  /** The record of a lasing (or unsettled) sample: both fits, the scaled one also at the top level. */
  public static LorentzianFit of(String model, boolean lasing, Verdict verdict, String fit, Fit unscaled, Fit scaled,
      double maxActivation) {
    return new LorentzianFit(model, lasing, verdict, fit, scaled.aL(), scaled.wL(), scaled.aLStandardError(),
        scaled.wLStandardError(), scaled.rms(), scaled.rSquared(), unscaled, scaled, maxActivation);
  }

  /** The record of a sample that does not lase: no fit. */
  public static LorentzianFit none(String model, Verdict verdict) {
    return new LorentzianFit(model, false, verdict, "none: the sample does not lase at this pump", null, null, null, null,
        null, null, null, null, null);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static LorentzianFit fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, LorentzianFit.class);
  }
}
