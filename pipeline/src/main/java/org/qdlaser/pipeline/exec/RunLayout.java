package org.qdlaser.pipeline.exec;

import java.nio.file.Path;

/**
 * Where the executors keep their state inside a run directory. Artifacts live in the stage
 * folders ({@code samples/}, {@code integration/}, ...); executor state lives in {@code .qdlaser/}
 * (plan, shard list, per-task completion records, the previous lock) and {@code slurm/} (batch
 * scripts and job logs). None of it is listed in {@code lock.json}.
 */
public final class RunLayout {
  /** Executor state folder, relative to the run directory. */
  public static final String STATE_DIR = ".qdlaser";
  /** SLURM scripts and logs folder, relative to the run directory. */
  public static final String SLURM_DIR = "slurm";

  private RunLayout() {}

  public static Path stateDir(Path runDir) {
    return runDir.resolve(STATE_DIR);
  }

  /** Per-task completion records ({@code <key>.json}), see {@link TaskJournal}. */
  public static Path journalDir(Path runDir) {
    return stateDir(runDir).resolve("tasks");
  }

  /** The plan of a sharded run (canonical JSON), see {@code slurm.PlanFile}. */
  public static Path planFile(Path runDir) {
    return stateDir(runDir).resolve("plan.json");
  }

  /** The shard list of a sharded run (canonical JSON), see {@code slurm.ShardList}. */
  public static Path shardsFile(Path runDir) {
    return stateDir(runDir).resolve("shards.json");
  }

  /** The submitted jobs of a SLURM run (canonical JSON). */
  public static Path jobsFile(Path runDir) {
    return stateDir(runDir).resolve("jobs.json");
  }

  /**
   * Where runs before the run-directory lock set the last lock aside during a run; read (never
   * written) so that a run interrupted under an older qdlaser still reuses from it.
   */
  public static Path previousLockFile(Path runDir) {
    return stateDir(runDir).resolve("previous-lock.json");
  }

  /** The exclusive lock of the run directory, see {@code store.RunDirectoryLock}. */
  public static Path runLockFile(Path runDir) {
    return stateDir(runDir).resolve("lock");
  }

  /** Serialises the rewrites of {@code lock.json} during a run across processes (SLURM shards), see {@link StandingLock}. */
  public static Path lockUpdateFile(Path runDir) {
    return stateDir(runDir).resolve("lock-update");
  }

  /** The SHA-256 of {@code provenance.json} as its run wrote it. */
  public static Path provenanceDigestFile(Path runDir) {
    return stateDir(runDir).resolve("provenance.sha256");
  }

  /** The marker of a commit under way, see {@link RunMerge.Commit}. */
  public static Path commitFile(Path runDir) {
    return stateDir(runDir).resolve("commit.json");
  }

  public static Path slurmDir(Path runDir) {
    return runDir.resolve(SLURM_DIR);
  }
}
