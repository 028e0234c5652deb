/**
 * The vocabulary of a plan: a {@link org.qdlaser.pipeline.plan.ModelRun}, a
 * {@link org.qdlaser.pipeline.plan.TaskSpec} (stage, version, label, parameters and inputs: what is
 * hashed into the key), a {@link org.qdlaser.pipeline.plan.StageTask} (what a task does with exactly
 * its hashed parameters and its inputs), the {@link org.qdlaser.pipeline.plan.PlannedTask} binding
 * the two, and the stages' versions.
 *
 * <p>Must not run tasks, read or write files, or know manifests.
 */
package org.qdlaser.pipeline.plan;
