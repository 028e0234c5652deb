/**
 * Transients: the App. A equilibrium criterion, relaxations and downward sweeps by the stiff
 * integrator, transient budgets, recorded time series and field traces.
 *
 * <p>Must not see files, manifests, the CLI or the pipeline; solvers are assembled by
 * {@code equilibrium.Equilibria}.
 */
package org.qdlaser.stages.integration;
