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
   * A field whose |b| falls by more than a factor e per budget (d ln|b| / dt < -DECAY_RATE_TIMES_BUDGET
   * / T over the drift window) is decaying on the transient's own time scale: it is on its way to
   * the non-lasing state, not unsettled. Measured at the default budget (T = 28, 2026-12-02): samples
   * below threshold decay at d ln|b|/dt ~ -0.13 (CIM_d S5 at w_QD = 2 gamma, |b| 707 -> 1.2, just
   * short of the 1e-3 of PointSolver.DECAYED), the unsettled TPM_d samples drift at |d ln|b|/dt| <=
   * 4.5e-4: this threshold (-0.036 at T = 28) lies two orders of magnitude from both.
   */
  static final double DECAY_RATE_TIMES_BUDGET = 1.0;

  /** Whether the transient's field decays on the budget's time scale (see {@link #DECAY_RATE_TIMES_BUDGET}). */
  static boolean decaying(FieldLog log, double elapsed, TransientBudget budget) {
    double drift = log.driftRate(elapsed * (1 - budget.driftFraction()));
    return drift < -DECAY_RATE_TIMES_BUDGET / elapsed;
  }

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
    return endState(model, end, omega, new Unsettled(model.fieldAmplitude(end), drift, omega, elapsed, from), null);
  }

  /**
   * An unsettled end of a long transient whose drift and frequency were measured elsewhere (the
   * co-rotating record of {@link LongTimeFate}).
   *
   * @param end state at the end (any frame: it is gauged)
   * @param drift d ln|b| / dt over [from, elapsed]
   * @param omega mean lab-frame frequency of &lt;b&gt; over [from, elapsed]
   */
  static Equilibrium unsettled(Model model, double[] end, double drift, double omega, double elapsed, double from) {
    return endState(model, end, omega, new Unsettled(model.fieldAmplitude(end), drift, omega, elapsed, from), null);
  }

  /** A self-pulsing end of a transient: the end state with the pulsation's diagnostics. */
  static Equilibrium selfPulsing(Model model, double[] end, SelfPulsing pulsing) {
    return endState(model, end, pulsing.omega(), null, pulsing);
  }

  /**
   * The end of a transient described as an {@link Equilibrium} that is not a steady state: gauged
   * (b real), with omega, its rotating-frame residual (how far it is from steady), lasing and
   * stable false.
   */
  private static Equilibrium endState(Model model, double[] end, double omega, Unsettled u, SelfPulsing p) {
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
    return new Equilibrium(model.kind(), model.pump(), false, z, omega, model.fieldAmplitude(z), model.photons(z),
        model.upperPopulationMean(z), model.activation(z), false, Double.NaN, residual, 0, u, p);
  }
}
