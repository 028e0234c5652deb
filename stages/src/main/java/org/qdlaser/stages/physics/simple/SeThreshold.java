package org.qdlaser.stages.physics.simple;

/**
 * SE threshold and gain figures of a spectral model over the probe window (spec 1b).
 *
 * @param thresholdN min over E of N0(E): the smallest &lt;N&gt; with gain anywhere (NaN if no gain
 *     up to n_max)
 * @param thresholdEnergy its argmin, eV ("energy of the SE threshold", Fig. 8g-h)
 * @param atWindowEdge whether that minimum sits on the window edge (tail-dominated: not meaningful)
 * @param maxGainEnergy argmax over E of -OD_NL(E, n_max), eV ("energy of the SE maximum"; NaN if
 *     there is no gain at n_max)
 * @param crossSectionRatio |sigma_SE / sigma_A|: the largest SE(E, n_max) over OD_0's peak (0 if no
 *     gain at n_max)
 * @param thresholdNAtMaxGainEnergy N0 at the energy of the SE maximum (NaN if none)
 */
public record SeThreshold(
    double thresholdN,
    double thresholdEnergy,
    boolean atWindowEdge,
    double maxGainEnergy,
    double crossSectionRatio,
    double thresholdNAtMaxGainEnergy) {}
