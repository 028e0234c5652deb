/**
 * The contract between stages: every artifact's path ({@link org.qdlaser.pipeline.artifacts.ArtifactPaths})
 * and one record with its codec per artifact kind (Arrow tables and JSON documents), written by the
 * tasks and read back by later tasks and the report.
 *
 * <p>Must not compute or touch files: bytes in, bytes out.
 */
package org.qdlaser.pipeline.artifacts;
