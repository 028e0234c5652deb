package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.integration.FieldLog;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;

/**
 * The end of a transient that spent its {@link TransientBudget} without meeting the App. A
 * criterion, decaying or reaching a stable steady state by Newton: an {@link Equilibrium} that is
 * marked {@link Verdict#UNSETTLED} and describes the end state (so that its activation curve can
 * still be drawn and fitted), with the drift of |b| and the rotation frequency of &lt;b&gt; fitted over
 * the last part of the transient.
 */
final class TransientEnding {
  private TransientEnding() {}

  /**
   * @param end state at the end of the transient (lab frame)
   * @param endDerivative right-hand side there (fallback for the drift and frequency when the
   *     drift window holds fewer than three accepted steps)
   * @param log |b| and arg b along the whole transient
   * @param elapsed time integrated
   */
  static Equilibrium unsettled(Model model, double[] end, double[] endDerivative, FieldLog log, double elapsed,
      TransientBudget budget) {
    double from = elapsed * (1 - budget.driftFraction());
    double drift = log.driftRate(from);
    double omega = log.frequency(from);
    if (Double.isNaN(drift) || Double.isNaN(omega)) {
      int o = model.layout().field("b").offset();
      double b2 = end[o] * end[o] + end[o + 1] * end[o + 1];
      drift = (end[o] * endDerivative[o] + end[o + 1] * endDerivative[o + 1]) / b2;
      omega = EquilibriumSolver.frequencyEstimate(model, end, endDerivative);
    }
    double[] z = RotatingFrame.gauge(model.layout(), end);
    int n = model.dimension();
    double[] x = java.util.Arrays.copyOf(z, n + 1);
    x[n] = omega;
    double[] r = new double[n + 1];
    new RotatingFrame(model).residual(x, r);
    double residual = 0;
    for (int i = 0; i < n; i++) {
      residual = Math.max(residual, Math.abs(r[i]));
    }
    double b = model.fieldAmplitude(z);
    Unsettled u = new Unsettled(b, drift, omega, elapsed, from);
    return new Equilibrium(model.kind(), model.pump(), false, z, omega, b, model.photons(z),
        model.upperPopulationMean(z), model.activation(z), false, Double.NaN, residual, 0, u);
  }
}
