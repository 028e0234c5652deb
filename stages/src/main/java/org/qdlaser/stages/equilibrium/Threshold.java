package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.physics.ModelKind;

/**
 * The lasing threshold: the lowest pump with a stable lasing state (onset of stable coherent
 * emission, the paper's definition).
 *
 * @param model the model
 * @param pump threshold pump rate per emitter (normalised)
 * @param kind {@code pitchfork} (the lasing branch grows continuously out of the non-lasing state),
 *     {@code fold} (the stable lasing branch ends at a saddle-node; bistability above it), or
 *     {@code hopf} (the lasing state loses stability to a complex pair of eigenvalues)
 * @param bAbs |<b>| at threshold (0 for a pitchfork)
 * @param upperPopulation mean <c^+ c> at threshold
 * @param instabilityPump pump where the non-lasing state loses stability (NaN if not found in the
 *     scanned range)
 * @param relativeAccuracy estimated relative accuracy of {@code pump}
 */
public record Threshold(
    ModelKind model, double pump, String kind, double bAbs, double upperPopulation, double instabilityPump,
    double relativeAccuracy) {}
