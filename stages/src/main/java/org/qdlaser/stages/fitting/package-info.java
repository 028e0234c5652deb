/**
 * Fits and statistics of results: the Lorentzian of Eq. (2), the oscillation of the lab-frame field,
 * threshold brackets of a sweep, sample statistics.
 *
 * <p>Must not see files, manifests, the CLI or the pipeline.
 */
package org.qdlaser.stages.fitting;
