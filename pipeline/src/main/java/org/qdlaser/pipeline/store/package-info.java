/**
 * Files of a run directory: atomic writes, SHA-256 hashing, canonical JSON, Arrow/CSV tables, the
 * lock file and its verification, and the exclusive lock of a run directory.
 *
 * <p>Must not know stages, tasks or manifests.
 */
package org.qdlaser.pipeline.store;
