/**
 * The Simple Model of colloidal-quantum-dot gain (Zenatti &amp; Kambhampati, arXiv 2510.01199), as
 * reconstructed in {@code shared/specs/simple-model.md}: the second model family of qdlaser.
 *
 * <p>This package owns
 *
 * <ul>
 *   <li>the six models {@link org.qdlaser.stages.physics.simple.SimpleModelKind} (2, 3 and 4 level
 *       systems, each without and with excited-state absorption into the biexciton) and their
 *       parameters ({@link org.qdlaser.stages.physics.simple.SimpleParameters}, spec section 2);
 *   <li>the continuous-wave rate equations of each level scheme as an {@link
 *       org.qdlaser.stages.numerics.ode.OdeSystem} ({@link org.qdlaser.stages.physics.simple.CwRateEquations}),
 *       their steady state, small-signal gain and threshold kind (spec 1a; paper Figs. 6d, 7b);
 *   <li>the pulsed spectral model (spec 1b; paper Fig. 8): per-state absorbances, the non-linear
 *       absorbance OD_NL and the stimulated-emission spectrum as pure functions of photon energy
 *       and mean exciton number, and the analyses built on them (SE threshold and its energy,
 *       maximum gain and the cross-section ratio);
 *   <li>the fluence map and amplified spontaneous emission (spec 1c; paper Fig. 9).
 * </ul>
 *
 * <p>Units: energies in eV; cw rates and times in units of gamma_X (the decay rate of the upper
 * laser level) and 1/gamma_X; fluences in mJ/cm^2; absorbances in units of the unpumped peak
 * absorbance OD_0. Nothing here reads files, manifests or the command line.
 */
package org.qdlaser.stages.physics.simple;
