package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.StopCondition;
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

  public EquilibriumCriterion(Model model, double threshold) {
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
    double m = Math.abs(amplitudeRate(y, yDot, bOffset));
    // photons and mean population are linear in the state, so their rates are those maps of yDot
    m = Math.max(m, Math.abs(model.photons(yDot)));
    m = Math.max(m, Math.abs(model.upperPopulationMean(yDot)));
    if (bbOffset >= 0) {
      m = Math.max(m, Math.abs(amplitudeRate(y, yDot, bbOffset)));
    }
    return m;
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
