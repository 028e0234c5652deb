/**
 * The report tasks, one per analysis: they load the runs' artifacts into records, have the figures
 * drawn ({@code stages.report}), and lay out the page with its data tables, parameters and
 * provenance.
 *
 * <p>Must not read files (only {@code TaskInputs}) or compute physics.
 */
package org.qdlaser.pipeline.report;
