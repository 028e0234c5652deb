/**
 * Steady states and where they end: Newton-polished equilibria in the frame rotating with the field,
 * their stability, thresholds (pitchfork, fold, Hopf), pump sweeps and branches by continuation.
 * {@link org.qdlaser.stages.equilibrium.Equilibria} is the front door: the only place that
 * assembles the solver stack and chooses the transient settings.
 *
 * <p>Must not see files, manifests, the CLI or the pipeline.
 */
package org.qdlaser.stages.equilibrium;
