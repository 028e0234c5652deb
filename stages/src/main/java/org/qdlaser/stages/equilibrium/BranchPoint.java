package org.qdlaser.stages.equilibrium;

/**
 * A point of a continued lasing branch.
 *
 * @param pump pump rate r (normalised)
 * @param bAbs |<b>|
 * @param omega rotation frequency (units of gamma_nr)
 * @param photons <b^+ b>
 * @param upperPopulation mean <c^+ c>
 * @param stable stability in the rotating frame (phase mode excluded)
 * @param rightmostEigenvalue largest real part of the spectrum (units of gamma_nr)
 * @param dlogrds derivative of ln r along the branch's arclength (changes sign at folds)
 */
public record BranchPoint(
    double pump, double bAbs, double omega, double photons, double upperPopulation, boolean stable,
    double rightmostEigenvalue, double dlogrds) {}
