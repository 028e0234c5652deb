/**
 * A study manifest (YAML, schema qdlaser/manifest/v1, first checked on SnakeYAML's node tree by
 * {@code YamlDocument}) into a validated
 * {@link org.qdlaser.pipeline.manifest.Study}: the common header, units, parameters and model runs,
 * and one {@link org.qdlaser.pipeline.manifest.Analysis} record per analysis, which parses its own
 * section, plans each run's tasks and plans the report task
 * ({@link org.qdlaser.pipeline.manifest.StudyPlanner}).
 *
 * <p>Must not compute, touch files, or reach into the science beyond its value types (physics) and
 * the limits the {@code Equilibria} facade publishes.
 */
package org.qdlaser.pipeline.manifest;
