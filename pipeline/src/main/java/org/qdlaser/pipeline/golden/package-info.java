/**
 * Golden checks: a run's tables and JSON values compared with {@code golden/<study>/} within each
 * quantity's tolerance, and blessing new run-sourced references.
 *
 * <p>Must not run studies or compute.
 */
package org.qdlaser.pipeline.golden;
