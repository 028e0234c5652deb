package org.qdlaser.pipeline.exec;

import java.util.List;
import org.qdlaser.pipeline.plan.PlannedTask;

/**
 * Runs a study's plan: the local thread pool ({@link LocalExecutor}, default) or SLURM job arrays
 * ({@code slurm.SlurmArrayExecutor}). Every executor runs each task through the same idempotent
 * {@link TaskRunner} protocol, so the artifacts (and {@code lock.json}) do not depend on the
 * executor. Only the final merge writes {@code lock.json} and {@code provenance.json}.
 */
public interface Executor {
  /** Short name recorded in provenance: {@code local} or {@code slurm}. */
  String name();

  /**
   * Executes the plan.
   *
   * @return {@link ExecutionResult.State#COMPLETED} with every outcome when all tasks ran in this
   *     process (the caller merges); {@link ExecutionResult.State#MERGED} when a merge job wrote the
   *     lock; {@link ExecutionResult.State#SUBMITTED} when the run goes on detached
   * @throws ExecutionFailure when the run could not complete (a shard failed, submission failed)
   */
  ExecutionResult execute(List<PlannedTask> plan);
}
