package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Parameter;

/**
 * The model of a run as every task's key holds it: the kind and its normalised parameters. The pump
 * r is not among them: every task sets its own pumps (the model is built at Table I's r).
 *
 * @param model the model kind
 * @param gamma dephasing rate
 * @param gammaC cavity loss rate
 * @param gammaNl non-lasing-mode emission rate
 * @param gammaNr non-radiative rate (1: the unit)
 * @param g coupling
 * @param mu photon-assisted polarisation fraction
 * @param n number of dots
 * @param deltaNu detuning of identical dots
 */
public record ModelParams(
    @JsonProperty("model") ModelKind model,
    @JsonProperty("gamma") double gamma,
    @JsonProperty("gamma_c") double gammaC,
    @JsonProperty("gamma_nl") double gammaNl,
    @JsonProperty("gamma_nr") double gammaNr,
    @JsonProperty("g") double g,
    @JsonProperty("mu") double mu,
    @JsonProperty("N") int n,
    @JsonProperty("delta_nu") double deltaNu) {

  public static ModelParams of(ModelKind kind, LaserParameters p) {
    return new ModelParams(kind, p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.g(), p.mu(), p.n(), p.deltaNu());
  }

  /** The laser parameters, at Table I's pump. */
  @JsonIgnore
  public LaserParameters laserParameters() {
    return new LaserParameters(gamma, gammaC, gammaNl, gammaNr, g, mu, n, LaserParameters.tableI().r(), deltaNu);
  }

  /**
   * The laser parameters with one replaced by a normalised value; beta sets gamma_nl with {@code
   * gammaL} (normalised).
   */
  public LaserParameters with(Parameter p, double value, double gammaL) {
    LaserParameters q = laserParameters();
    return p == Parameter.BETA ? q.with(Parameter.GAMMA_NL, LaserParameters.gammaNlFromBeta(value, gammaL)) : q.with(p, value);
  }
}
