/**
 * Drawing the report: charts (PNG and SVG), the figures of the studies (bifurcation diagrams, activation
 * figures, amplitude ranges, photons against pump) with their summaries, and the HTML page model.
 *
 * <p>Must not read or write files: data comes in as values, figures and pages go out as bytes.
 */
package org.qdlaser.stages.report;
