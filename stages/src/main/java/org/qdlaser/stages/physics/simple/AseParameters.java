package org.qdlaser.stages.physics.simple;

import java.util.Objects;

/**
 * Parameters of the fluence map and the amplified spontaneous emission (spec 1c).
 *
 * @param g0 G0 = alpha_0 L, the single-pass gain of a film of unit -OD_NL/OD_0, &gt; 0
 * @param gainLength G_ASE, the single-pass gain at the ASE threshold, &gt; 0
 * @param fluenceMap map from J / J_s to &lt;N&gt;
 * @param saturationFluence J_s = h nu / sigma, mJ/cm^2, &gt; 0
 */
public record AseParameters(double g0, double gainLength, FluenceMap fluenceMap, double saturationFluence) {

  public AseParameters {
    SimpleParameter.ASE_G0.check(g0);
    SimpleParameter.ASE_GAIN_LENGTH.check(gainLength);
    Objects.requireNonNull(fluenceMap, "fluenceMap");
    SimpleParameter.SATURATION_FLUENCE.check(saturationFluence);
  }
}
