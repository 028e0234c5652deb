package org.qdlaser.stages.physics.simple;

/**
 * The ASE threshold of a spectral model (spec 1c): the smallest &lt;N&gt; at which the single-pass
 * gain G0 max_E(-OD_NL) reaches G_ASE.
 *
 * @param n &lt;N&gt; at threshold (NaN if the gain never reaches G_ASE up to n_max)
 * @param photons x = J/J_s that gives it under the fluence map
 * @param fluence J_th = J_s x, mJ/cm^2
 * @param energy where the gain first reaches G_ASE (the ASE spike at threshold), eV
 */
public record AseThreshold(double n, double photons, double fluence, double energy) {

  static final AseThreshold NONE = new AseThreshold(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  public boolean exists() {
    return !Double.isNaN(n);
  }
}
