package org.qdlaser.pipeline.exec;

import java.util.Objects;
import org.qdlaser.pipeline.provenance.TaskRecord;

/**
 * Where tasks execute, for their provenance records.
 *
 * @param executor {@code local} or {@code slurm}
 * @param jobId the SLURM job ({@code <array job>_<index>} for a shard), or null
 * @param host host name
 */
public record Placement(String executor, String jobId, String host) {
  public static final String SLURM = "slurm";

  public Placement {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(host, "host");
  }

  /** The local thread pool on {@code host}. */
  public static Placement local(String host) {
    return new Placement(TaskRecord.EXECUTOR_LOCAL, null, host);
  }

  /**
   * The placement seen from the environment: inside a SLURM job (SLURM_JOB_ID set) the executor is
   * {@code slurm} with the job id ({@code <array job>_<task>} for array tasks), else {@code local}.
   */
  public static Placement fromEnvironment(String host) {
    String arrayJob = System.getenv("SLURM_ARRAY_JOB_ID");
    String arrayTask = System.getenv("SLURM_ARRAY_TASK_ID");
    String job = System.getenv("SLURM_JOB_ID");
    if (arrayJob != null && !arrayJob.isBlank() && arrayTask != null && !arrayTask.isBlank()) {
      return new Placement(SLURM, arrayJob + "_" + arrayTask, host);
    }
    if (job != null && !job.isBlank()) {
      return new Placement(SLURM, job, host);
    }
    return local(host);
  }
}
