/**
 * What a run records about itself: code version, tool and library versions, machine, seeds, and the
 * start, end, placement and reason of every task ({@code provenance.json}).
 *
 * <p>Must not know manifests, tasks' contents or the science.
 */
package org.qdlaser.pipeline.provenance;
