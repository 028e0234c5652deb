/**
 * Running a plan: {@link org.qdlaser.pipeline.exec.TaskRunner} (the idempotent protocol of one task:
 * key, reuse of verified artifacts, atomic writes, the journal), the local thread-pool executor, the
 * run directory's layout, and the merge of a run into {@code lock.json} and {@code provenance.json}.
 *
 * <p>Must not know manifests, analyses or the science: tasks are specs and actions.
 */
package org.qdlaser.pipeline.exec;
