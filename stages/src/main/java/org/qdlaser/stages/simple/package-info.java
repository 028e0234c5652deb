/**
 * The Simple Model's analyses (issue 18; {@code shared/specs/simple-model.md} section 5) as pure
 * functions from typed inputs to typed results, one per figure family of the companion paper:
 *
 * <ul>
 *   <li>{@link org.qdlaser.stages.simple.CwGain}: cw steady-state gain against pump and the
 *       transients from the ground state (Figs. 6d, 7b);
 *   <li>{@link org.qdlaser.stages.simple.SeMap}: SE(E, &lt;N&gt;) maps, cuts and buildup curves, and
 *       the model's line shapes (Figs. 8a, 8c-f);
 *   <li>{@link org.qdlaser.stages.simple.SeThresholdCurve}: SE thresholds against a parameter, the
 *       biexciton binding energy Delta_XXA2 in the paper (Figs. 8g-h);
 *   <li>{@link org.qdlaser.stages.simple.AseSpectra}: ASE threshold and spectra against fluence
 *       (Figs. 9a-d).
 * </ul>
 *
 * The models and their equations live in {@link org.qdlaser.stages.physics.simple}; nothing here
 * reads files, manifests or the command line.
 */
package org.qdlaser.stages.simple;
