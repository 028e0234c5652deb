package org.qdlaser.pipeline.provenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.qdlaser.pipeline.store.Hashing;

/**
 * What happened to one task in a run.
 *
 * @param key hex SHA-256 task key
 * @param stage stage name
 * @param stageVersion stage version
 * @param label model-run label (or "all")
 * @param status whether the task ran or its artifacts were reused
 * @param reason why it ran or was reused (see the {@code REASON_*} constants)
 * @param startedAt ISO-8601 UTC, normalised to {@link Timestamps} form
 * @param endedAt ISO-8601 UTC, not before {@code startedAt}
 * @param wallSeconds wall-clock duration in seconds
 * @param host host name that executed the task
 * @param executor the executor that ran the task: {@code local} or {@code slurm}
 * @param jobId the SLURM job that ran it ({@code <array job>_<index>} for a shard, the merge job's
 *     id for the report), null outside SLURM
 * @param cpuSeconds CPU time of the task's computation in seconds (the worker thread's: a task
 *     runs on one thread), null when not measured (reused tasks, records written before it was)
 */
public record TaskRecord(
    String key,
    String stage,
    int stageVersion,
    String label,
    Status status,
    String reason,
    String startedAt,
    String endedAt,
    double wallSeconds,
    String host,
    String executor,
    String jobId,
    Double cpuSeconds) {

  /** Whether a task was executed or reused. */
  public enum Status {
    RAN,
    REUSED
  }

  public static final String REASON_NO_PREVIOUS_ARTIFACT = "no previous artifact";
  public static final String REASON_PARAMETERS_CHANGED = "parameters changed";
  public static final String REASON_CHECKSUM_MISMATCH = "artifact checksum mismatch";
  public static final String REASON_FORCED = "--force";
  public static final String REASON_REUSED = "reused: key unchanged and artifacts verify";
  /** Executor name of tasks run on the local thread pool. */
  public static final String EXECUTOR_LOCAL = "local";

  /** A record of a task run by the local executor (no job id). */
  public TaskRecord(
      String key, String stage, int stageVersion, String label, Status status, String reason, String startedAt, String endedAt,
      double wallSeconds, String host) {
    this(key, stage, stageVersion, label, status, reason, startedAt, endedAt, wallSeconds, host, EXECUTOR_LOCAL, null, null);
  }

  /** A record without a measured CPU time. */
  public TaskRecord(
      String key, String stage, int stageVersion, String label, Status status, String reason, String startedAt, String endedAt,
      double wallSeconds, String host, String executor, String jobId) {
    this(key, stage, stageVersion, label, status, reason, startedAt, endedAt, wallSeconds, host, executor, jobId, null);
  }

  public TaskRecord {
    Hashing.requireSha256Hex(key, "task record key");
    if (stage == null || stage.isBlank()) {
      throw new IllegalArgumentException("task record " + key + ": stage must not be blank");
    }
    Objects.requireNonNull(label, "label of task record " + stage + " " + key);
    Objects.requireNonNull(status, "status of task record " + stage + "/" + label);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("task record " + stage + "/" + label + ": reason must not be blank");
    }
    Instant start = Timestamps.parse(startedAt, "startedAt of task " + stage + "/" + label);
    Instant end = Timestamps.parse(endedAt, "endedAt of task " + stage + "/" + label);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("task " + stage + "/" + label + " ends (" + endedAt + ") before it starts (" + startedAt + ")");
    }
    startedAt = Timestamps.format(start);
    endedAt = Timestamps.format(end);
    if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
      throw new IllegalArgumentException("task " + stage + "/" + label + ": wallSeconds must be finite and >= 0 s, got " + wallSeconds);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("task record " + stage + "/" + label + ": host must not be blank");
    }
    if (executor == null || executor.isBlank()) {
      throw new IllegalArgumentException("task record " + stage + "/" + label + ": executor must not be blank");
    }
    if (jobId != null && jobId.isBlank()) {
      jobId = null;
    }
    if (cpuSeconds != null && (!(cpuSeconds >= 0) || cpuSeconds.isInfinite())) {
      throw new IllegalArgumentException("task " + stage + "/" + label + ": cpuSeconds must be finite and >= 0 s, got " + cpuSeconds);
    }
  }

  /** This record with another status and reason (e.g. when a merge adopts a shard's record). */
  public TaskRecord withStatus(Status newStatus, String newReason) {
    return new TaskRecord(key, stage, stageVersion, label, newStatus, newReason, startedAt, endedAt, wallSeconds, host, executor, jobId,
        cpuSeconds);
  }

  /** This record with its measured CPU time. */
  public TaskRecord withCpuSeconds(double seconds) {
    return new TaskRecord(key, stage, stageVersion, label, status, reason, startedAt, endedAt, wallSeconds, host, executor, jobId,
        seconds);
  }

  /** A record of the local executor whose wall time is {@code end - start}. */
  public static TaskRecord of(
      String key, String stage, int stageVersion, String label, Status status, String reason, Instant start, Instant end, String host) {
    return of(key, stage, stageVersion, label, status, reason, start, end, host, EXECUTOR_LOCAL, null);
  }

  /** A record whose wall time is {@code end - start}, with its executor and job id. */
  public static TaskRecord of(
      String key, String stage, int stageVersion, String label, Status status, String reason, Instant start, Instant end, String host,
      String executor, String jobId) {
    double wall = Duration.between(start, end).toNanos() / 1e9;
    return new TaskRecord(key, stage, stageVersion, label, status, reason, Timestamps.format(start), Timestamps.format(end),
        Math.max(wall, 0), host, executor, jobId);
  }
}
