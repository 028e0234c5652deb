package org.qdlaser.stages.physics.simple;

/**
 * Parameters of the cw rate equations (spec 1a). Rates are in units of gamma_X, the decay rate of
 * the upper laser level.
 *
 * @param pump pump rate W (units of gamma_X), &gt;= 0
 * @param relax fast internal relaxation rate kappa (pump level to upper level; in the 4LS also
 *     lower level to ground), units of gamma_X, &gt; 0
 * @param esaRatio r = sigma_ESA / sigma_SE of the probe at the laser transition, &gt;= 0 (1 in the
 *     {@code _XX} models: the paper's "perfect cancellation of SE via ESA", Fig. 7b)
 * @param gammaX gamma_X in s^-1 (converts {@code /s} inputs and {@code threshold_pump_per_s}), &gt; 0
 */
public record CwParameters(double pump, double relax, double esaRatio, double gammaX) {

  public CwParameters {
    SimpleParameter.PUMP.check(pump);
    SimpleParameter.RELAX.check(relax);
    SimpleParameter.ESA_RATIO.check(esaRatio);
    SimpleParameter.GAMMA_X.check(gammaX);
  }

  public CwParameters withPump(double w) {
    return new CwParameters(w, relax, esaRatio, gammaX);
  }
}
