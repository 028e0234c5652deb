/**
 * Benchmarks of the numerical core (the stiff test problems, Jacobian assembly and factorisation),
 * measured here and printed by {@code qdlaser bench}; wall times are never taken in unit tests.
 *
 * <p>Must not see files, manifests or the pipeline.
 */
package org.qdlaser.stages.bench;
