package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.physics.ModelKind;

/**
 * A steady state of a model in the frame rotating at {@code omega} (a fixed point there).
 *
 * @param model the model
 * @param pump pump rate per emitter r (normalised)
 * @param lasing whether the coherent field is non-zero
 * @param state the polished state with Im b = 0 (copy)
 * @param omega rotation frequency of the lasing state, in units of gamma_nr (0 if not lasing)
 * @param bAbs |<b>|
 * @param photons <b^+ b>
 * @param upperPopulationMean mean <c^+ c>
 * @param activation per-dot |<v^+ c>|^2 (copy)
 * @param stable whether every eigenvalue of the rotating-frame Jacobian (phase mode excluded) has
 *     negative real part
 * @param rightmostEigenvalue largest real part among those eigenvalues (units of gamma_nr)
 * @param residual max-norm of the rotating-frame right-hand side at the state (state units per
 *     unit time, time in 1/gamma_nr)
 * @param newtonIterations Newton iterations used to polish
 * @param unsettled null for a steady state; for a transient that ended unsettled (see {@link
 *     Unsettled}) its diagnostics, and then the other components describe the end of the transient,
 *     not a steady state: lasing and stable false, omega the fitted rotation frequency, state, |b|,
 *     photons, populations and activation those of the end state, rightmost eigenvalue NaN, residual
 *     the rotating-frame residual there, no Newton iterations
 * @param selfPulsing null unless the transient ended on a periodic oscillation of |b| ({@link
 *     SelfPulsing}); then, as for {@code unsettled}, the other components describe the end of the
 *     transient (lasing and stable false: no steady state)
 */
public record Equilibrium(
    ModelKind model, double pump, boolean lasing, double[] state, double omega, double bAbs,
    double photons, double upperPopulationMean, double[] activation, boolean stable,
    double rightmostEigenvalue, double residual, int newtonIterations, Unsettled unsettled, SelfPulsing selfPulsing) {

  public Equilibrium {
    state = state.clone();
    activation = activation.clone();
    if ((unsettled != null || selfPulsing != null) && (lasing || stable)) {
      throw new IllegalArgumentException(
          "an unsettled or self-pulsing transient end is neither a lasing steady state nor stable");
    }
    if (unsettled != null && selfPulsing != null) {
      throw new IllegalArgumentException("a transient end is either unsettled or self-pulsing, not both");
    }
  }

  /** A steady state or an unsettled transient end (not self-pulsing). */
  public Equilibrium(
      ModelKind model, double pump, boolean lasing, double[] state, double omega, double bAbs,
      double photons, double upperPopulationMean, double[] activation, boolean stable,
      double rightmostEigenvalue, double residual, int newtonIterations, Unsettled unsettled) {
    this(model, pump, lasing, state, omega, bAbs, photons, upperPopulationMean, activation, stable,
        rightmostEigenvalue, residual, newtonIterations, unsettled, null);
  }

  /** A steady state (no unsettled diagnostics). */
  public Equilibrium(
      ModelKind model, double pump, boolean lasing, double[] state, double omega, double bAbs,
      double photons, double upperPopulationMean, double[] activation, boolean stable,
      double rightmostEigenvalue, double residual, int newtonIterations) {
    this(model, pump, lasing, state, omega, bAbs, photons, upperPopulationMean, activation, stable,
        rightmostEigenvalue, residual, newtonIterations, null, null);
  }

  /** lasing, non_lasing, self_pulsing or unsettled. */
  public Verdict verdict() {
    return Verdict.of(this);
  }

  @Override
  public double[] state() {
    return state.clone();
  }

  @Override
  public double[] activation() {
    return activation.clone();
  }

  /**
   * The incoherent photon number {@code <b+b> - |<b>|^2 = <(b - <b>)+ (b - <b>)>}, never negative in
   * a quantum state (Cauchy-Schwarz). The moment closures do not enforce it: a steady state with a
   * negative value solves the truncated equations but its moments belong to no quantum state
   * (docs/decisions.md, "Photon number below the coherent intensity").
   */
  public double incoherentPhotons() {
    return photons - bAbs * bAbs;
  }
}
