package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.physics.ModelKind;

/**
 * The lasing threshold: the lowest pump with a stable lasing state (onset of stable coherent
 * emission, the paper's definition).
 *
 * @param model the model
 * @param pump threshold pump rate per emitter (normalised)
 * @param kind {@code pitchfork} (the lasing branch grows continuously out of the non-lasing state), {@code hopf}
 *     (detuned dots: the non-lasing state loses stability to a rotating lasing state at frequency
 *     {@code frequency}),
 *     {@code fold} (the stable lasing branch ends at a saddle-node; bistability above it), or
 *     {@code hopf} (the lasing state loses stability to a complex pair of eigenvalues)
 * @param bAbs |<b>| at threshold (0 for a pitchfork)
 * @param upperPopulation mean <c^+ c> at threshold
 * @param photons photon number <b^+ b> at threshold (of the lasing state at a fold, of the
 *     non-lasing state at an instability of the non-lasing state)
 * @param instabilityPump pump where the non-lasing state loses stability (NaN if not found in the
 *     scanned range)
 * @param relativeAccuracy estimated relative accuracy of {@code pump}
 * @param frequency rotation frequency of the lasing state at threshold (units of gamma_nr): the
 *     omega of the fold state, or for an instability of the non-lasing state the imaginary part of
 *     the critical eigenvalue (0 for identical resonant dots)
 */
public record Threshold(
    ModelKind model, double pump, String kind, double bAbs, double upperPopulation, double photons, double instabilityPump,
    double relativeAccuracy, double frequency) {}
