package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.Model;

/**
 * The paper's stop criterion (App. A): the transient has ended when the time derivatives of |<b>|,
 * <b^+ b>, <c^+ c> (mean over dots) and, if the model has it, |<bb>| are all below a threshold
 * (normally 1e-5, in state units per unit time 1/gamma_nr). Allocation free.
 */
public final class EquilibriumCriterion implements StopCondition {
  private final Model model;
  private final double threshold;
  private final int bOffset;
  private final int bbOffset;

  private final boolean relative;

  public EquilibriumCriterion(Model model, double threshold) {
    this(model, threshold, false);
  }

  /**
   * @param relative if true, each rate is compared with threshold * max(1, |quantity|): a relative
   *     criterion for states that rotate in the integration frame (detuned dots), whose monitored
   *     rates are limited by the integrator's tolerance rather than converging to zero
   */
  public EquilibriumCriterion(Model model, double threshold, boolean relative) {
    this.relative = relative;
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("equilibrium threshold must be positive, got " + threshold);
    }
    this.model = model;
    this.threshold = threshold;
    this.bOffset = model.layout().field("b").offset();
    this.bbOffset = model.layout().has("bb") ? model.layout().field("bb").offset() : -1;
  }

  @Override
  public boolean shouldStop(double t, double[] y, double[] yDot) {
    return maxRate(y, yDot) < threshold;
  }

  /** The largest of the monitored rates (all non-negative). */
  public double maxRate(double[] y, double[] yDot) {
    double m = scaled(amplitudeRate(y, yDot, bOffset), Math.hypot(y[bOffset], y[bOffset + 1]));
    // photons and mean population are linear in the state, so their rates are those maps of yDot
    m = Math.max(m, scaled(model.photons(yDot), model.photons(y)));
    m = Math.max(m, scaled(model.upperPopulationMean(yDot), model.upperPopulationMean(y)));
    if (bbOffset >= 0) {
      m = Math.max(m, scaled(amplitudeRate(y, yDot, bbOffset), Math.hypot(y[bbOffset], y[bbOffset + 1])));
    }
    return m;
  }

  private double scaled(double rate, double quantity) {
    return relative ? Math.abs(rate) / Math.max(1.0, Math.abs(quantity)) : Math.abs(rate);
  }

  /** d|z|/dt = Re(conj(z) dz/dt)/|z| for the complex field at offset o (|dz/dt| at z = 0). */
  private static double amplitudeRate(double[] y, double[] yDot, int o) {
    double a = Math.hypot(y[o], y[o + 1]);
    if (a == 0) {
      return Math.hypot(yDot[o], yDot[o + 1]);
    }
    return (y[o] * yDot[o] + y[o + 1] * yDot[o + 1]) / a;
  }
}
