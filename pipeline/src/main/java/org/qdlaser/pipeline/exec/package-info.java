/**
 * Running a plan: {@link org.qdlaser.pipeline.exec.TaskRunner} (the idempotent protocol of one task:
 * key, reuse of verified artifacts, atomic writes, the journal), the local thread-pool executor, the
 * run directory's layout, the lock that stands during a rerun ({@link org.qdlaser.pipeline.exec.StandingLock}),
 * the bracketed commit of a run into {@code lock.json} and {@code provenance.json}, and the checks of
 * what a run writes beside its artifacts ({@link org.qdlaser.pipeline.exec.RunRecords}).
 *
 * <p>Must not know manifests, analyses or the science: tasks are specs and actions.
 */
package org.qdlaser.pipeline.exec;
