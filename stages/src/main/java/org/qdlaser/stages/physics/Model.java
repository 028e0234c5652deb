package org.qdlaser.stages.physics;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * A laser model: the right-hand side of the expectation-value equations of one of the paper's
 * models, on a real state vector described by {@link #layout()}. Time is in 1/gamma_nr.
 *
 * <p>Implementations are immutable and thread safe; {@link #rhs} allocates nothing.
 */
public interface Model extends OdeSystem {

  ModelKind kind();

  StateLayout layout();

  /** Number of quantum dots N. */
  int dots();

  /** Pump rate per emitter r (normalised). */
  double pump();

  /** A copy of this model at another pump rate (normalised). */
  Model withPump(double r);

  @Override
  default int dimension() {
    return layout().dimension();
  }

  /** |<b>|, the coherent field amplitude. */
  default double fieldAmplitude(double[] y) {
    int o = layout().field("b").offset();
    return Math.hypot(y[o], y[o + 1]);
  }

  /** <b^+ b>, the photon number. */
  default double photons(double[] y) {
    return y[layout().field("Bb").offset()];
  }

  /** |<bb>|, or 0 for models without that field. */
  default double bbAmplitude(double[] y) {
    if (!layout().has("bb")) {
      return 0.0;
    }
    int o = layout().field("bb").offset();
    return Math.hypot(y[o], y[o + 1]);
  }

  /** Mean over dots of <c^+ c>, the upper-level population. */
  double upperPopulationMean(double[] y);

  /** Per-dot |<v^+ c>|^2 (the activation of Fig. 4); a new array of length {@link #dots()}. */
  double[] activation(double[] y);

  /**
   * A factorised (coherent, uncorrelated) state with real field amplitude {@code b}, polarisation
   * {@code vc} (real) and upper population {@code cc} on every dot: every higher expectation value is
   * the product of the single ones. A lasing initial condition for integrations.
   *
   * @return a new state array
   */
  double[] factorisedState(double b, double vc, double cc);

  /**
   * A factorised lasing initial condition for transients: field amplitude sqrt(N r / (2 gamma_c))
   * (photon balance at full inversion, at least 1), half-filled upper levels, and the polarisation
   * that makes d<b>/dt = 0. The models are bistable: a weak initial field would decay.
   *
   * @return a new state array
   */
  double[] lasingInitialState();

  /**
   * The uncorrelated state without field and with every upper level at r / (r + gamma_nr +
   * gamma_NL): a Newton guess for the non-lasing steady state.
   *
   * @return a new state array
   */
  double[] noFieldState();
}
