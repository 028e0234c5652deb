/**
 * The stage tasks of every analysis: one {@link org.qdlaser.pipeline.plan.StageTask} per kind of
 * task (sampling, sweep integration and polishing, thresholds, branches, activation curves, fits,
 * field traces, the Simple Model's figure data) with its parameters record; each turns its input
 * artifacts into the science's typed
 * inputs, calls the {@code stages.equilibrium.Equilibria} facade and the fitting and sampling
 * functions, and returns its artifacts (encoded by {@code pipeline.artifacts}).
 *
 * <p>Must not build solvers (numerics, point solvers, threshold finders: the facade does), read
 * anything but its parameters and {@code TaskInputs}, or see manifests and the CLI.
 */
package org.qdlaser.pipeline.tasks;
