package org.qdlaser.stages.physics.simple;

/**
 * An extremum of a spectral quantity over the probe window.
 *
 * @param value the extreme value (NaN if the quantity is nowhere defined in the window)
 * @param energy where it is reached, eV (NaN with the value)
 * @param atWindowEdge whether it sits on an edge of the window: then it is the window's choice, not
 *     a property of the spectrum (spec 1b: a tail-dominated threshold is not meaningful)
 */
public record SpectralExtremum(double value, double energy, boolean atWindowEdge) {

  static final SpectralExtremum NONE = new SpectralExtremum(Double.NaN, Double.NaN, false);

  /** Whether the quantity was defined somewhere in the window. */
  public boolean exists() {
    return !Double.isNaN(value);
  }
}
