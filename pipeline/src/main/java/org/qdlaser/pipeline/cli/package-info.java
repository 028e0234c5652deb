/**
 * The command line (Picocli): each subcommand parses its options, calls the manifest layer, an
 * executor or a facade of the science ({@code Equilibria}, {@code stages.bench}) and prints its
 * result; the root only routes, and {@link org.qdlaser.pipeline.cli.ExitCodes} maps exceptions to
 * exit codes (0, 1 computation failed, 2 bad input). The only place that writes to stdout.
 *
 * <p>Must not build solvers or models by hand, or write artifacts other than through an executor.
 */
package org.qdlaser.pipeline.cli;
