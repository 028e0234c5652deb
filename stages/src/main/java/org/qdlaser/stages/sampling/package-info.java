/**
 * Seeded, platform-independent quantum-dot ensembles: Gaussian detunings, the App. F tail, explicit
 * lists, identical fractions.
 *
 * <p>Must not see files, manifests, the CLI or the pipeline.
 */
package org.qdlaser.stages.sampling;
