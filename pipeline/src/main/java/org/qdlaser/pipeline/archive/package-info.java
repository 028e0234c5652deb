/**
 * One zip of a verified run directory with its RO-Crate metadata ({@code qdlaser archive}).
 *
 * <p>Must not change the run directory.
 */
package org.qdlaser.pipeline.archive;
