/**
 * Physical diagnostics of steady states, computed from a state and never used to accept or reject
 * it: bounds that every quantum state satisfies and that the truncated moment equations do not
 * enforce ({@link PhysicalBounds}), and analytic relations that a model's lasing states must obey
 * exactly ({@link FrequencyPulling}, derived from (D1) in docs/decisions.md). Pure functions of
 * arrays and states; no files, manifests or CLI.
 */
package org.qdlaser.stages.diagnostics;
