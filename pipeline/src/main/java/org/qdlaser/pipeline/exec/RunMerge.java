package org.qdlaser.pipeline.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start and the end of a run in its directory. The last complete run's {@code lock.json}
 * stands during a rerun (the reuse source; {@link StandingLock} withdraws tasks whose artifacts a
 * rerun replaces), so a run that fails or is killed never leaves the directory without a lock that
 * verifies; {@link #finish} is the only writer of a complete {@code lock.json} and of
 * {@code provenance.json}.
 */
public final class RunMerge {
  private static final Logger LOG = LoggerFactory.getLogger(RunMerge.class);

  /** Counts of a finished run. */
  public record Summary(int ran, int reused, Path lock) {}

  private RunMerge() {}

  /** The lock to reuse from at the start of a run: see {@link #previousLock}. Writes nothing. */
  public static LockFile begin(Path runDir) {
    return previousLock(runDir);
  }

  /**
   * The lock to reuse from: {@code lock.json} if readable, else the lock an unfinished run of an
   * older qdlaser set aside in {@code .qdlaser/previous-lock.json}, else null.
   */
  public static LockFile previousLock(Path runDir) {
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    if (Files.exists(lockPath)) {
      try {
        return LockFile.read(lockPath);
      } catch (LockFileException e) {
        LOG.warn("{} unreadable, not reusing from it: {}", lockPath, e.getMessage());
      }
    }
    Path previousPath = RunLayout.previousLockFile(runDir);
    if (!Files.exists(previousPath)) {
      return null;
    }
    try {
      return LockFile.read(previousPath);
    } catch (LockFileException e) {
      LOG.warn("{} unreadable, not reusing from it: {}", previousPath, e.getMessage());
      return null;
    }
  }

  /**
   * Why the run directory does not already hold {@code plan}'s results, or empty if it does: its
   * lock is of this manifest and lists every planned task's key (computed from the lock's artifacts
   * of the task's upstream tasks), and every such artifact and the manifest copy verify. Reads only.
   */
  public static Optional<String> staleness(Path runDir, List<PlannedTask> plan, String manifestSha256) {
    LockFile lock;
    try {
      lock = LockFile.read(runDir.resolve(LockFile.FILE_NAME));
    } catch (LockFileException e) {
      return Optional.of(e.getMessage());
    }
    if (!lock.manifestSha256().equals(manifestSha256)) {
      return Optional.of("lock.json is of another manifest (sha256 " + lock.manifestSha256() + ", this one " + manifestSha256 + ")");
    }
    ArtifactStore store = new ArtifactStore(runDir);
    Path manifest = runDir.resolve(LockFile.MANIFEST_FILE);
    if (!Files.isRegularFile(manifest) || !Hashing.sha256Hex(manifest).equals(manifestSha256)) {
      return Optional.of(LockFile.MANIFEST_FILE + " is missing or differs from the manifest");
    }
    Map<String, TaskOutcome> done = new HashMap<>();
    for (PlannedTask t : plan) {
      List<TaskOutcome> inputs = new ArrayList<>();
      for (String d : t.spec().dependsOn()) {
        TaskOutcome in = done.get(d);
        if (in == null) {
          return Optional.of("task " + t.spec().id() + " comes before its input " + d);
        }
        inputs.add(in);
      }
      String key = TaskRunner.key(t.spec(), inputs);
      LockFile.TaskEntry e = lock.tasks().get(key);
      if (e == null) {
        return Optional.of("task " + t.spec().id() + " (key " + key + ") is not in lock.json");
      }
      for (ArtifactRef a : e.artifacts()) {
        if (!store.verifies(a)) {
          return Optional.of("artifact " + a.path() + " of task " + t.spec().id() + " does not verify");
        }
      }
      done.put(t.spec().id(), new TaskOutcome(t.spec(), key, e.artifacts(), true, TaskRecord.REASON_REUSED, Instant.EPOCH, Instant.EPOCH));
    }
    return Optional.empty();
  }

  /**
   * A commit under way: the SHA-256 of the {@code lock.json}, manifest copy and
   * {@code provenance.json} that {@link #finish} is putting in place ({@link RunLayout#commitFile}).
   * Present only between the first and the last write of a commit: {@code verify} then accepts
   * each of these files in its old or its new version.
   */
  public record Commit(String lockSha256, String manifestSha256, String provenanceSha256) {
    public Commit {
      Hashing.requireSha256Hex(lockSha256, "commit lockSha256");
      Hashing.requireSha256Hex(manifestSha256, "commit manifestSha256");
      Hashing.requireSha256Hex(provenanceSha256, "commit provenanceSha256");
    }
  }

  /**
   * Commits a run: writes the manifest copy, {@code provenance.json} and {@code lock.json} over all
   * outcomes (the lock last), prunes task records not in the lock and removes temp files left by
   * killed writers. A {@link Commit} marker brackets the writes, so a kill between them leaves a
   * directory that verifies (with a warning) and that the next run commits again.
   *
   * @param manifestBytes the manifest, written as the run's copy; null if it is in place already
   *     (a sharded run's merge: the submission wrote it)
   */
  public static Summary finish(Path runDir, String study, String manifestSha256, byte[] manifestBytes,
      Map<String, TaskOutcome> outcomes, ProvenanceCollector provenance) {
    List<LockFile.TaskEntry> entries = new ArrayList<>();
    int ran = 0;
    for (TaskOutcome o : outcomes.values()) {
      entries.add(new LockFile.TaskEntry(o.spec().stage(), o.spec().stageVersion(), o.key(), o.artifacts()));
      ran += o.reused() ? 0 : 1;
    }
    LockFile lock = LockFile.of(study, manifestSha256, entries);
    byte[] lockBytes = lock.toBytes();
    byte[] provenanceBytes = provenance.finish().toBytes();
    String provenanceSha = Hashing.sha256Hex(provenanceBytes);
    Path commit = RunLayout.commitFile(runDir);
    AtomicFiles.write(commit, CanonicalJson.prettyBytes(new Commit(Hashing.sha256Hex(lockBytes), manifestSha256, provenanceSha)));
    AtomicFiles.write(runDir.resolve(Provenance.FILE_NAME), provenanceBytes);
    if (manifestBytes != null) {
      AtomicFiles.write(runDir.resolve(LockFile.MANIFEST_FILE), manifestBytes);
    }
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    AtomicFiles.write(lockPath, lockBytes);
    LOG.info("wrote {} ({} tasks, {} artifacts)", lockPath, lock.tasks().size(), lock.artifacts().size());
    AtomicFiles.writeString(RunLayout.provenanceDigestFile(runDir), provenanceSha + "\n");
    deleteQuietly(commit);
    TaskJournal.of(runDir).retainOnly(lock.tasks().keySet());
    deleteQuietly(RunLayout.previousLockFile(runDir));
    removeStaleTempFiles(runDir);
    return new Summary(ran, outcomes.size() - ran, lockPath);
  }

  /** The commit under way (see {@link Commit}), empty if none or unreadable. */
  public static Optional<Commit> pendingCommit(Path runDir) {
    Path f = RunLayout.commitFile(runDir);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CanonicalJson.mapper().readValue(Files.readAllBytes(f), Commit.class));
    } catch (IOException | RuntimeException e) {
      LOG.debug("ignoring unreadable {}: {}", f, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The SHA-256 digests of {@code provenance.json} as its run wrote it (one line), or empty if the
   * run predates the digest file.
   */
  public static List<String> provenanceDigests(Path runDir) throws IOException {
    Path f = RunLayout.provenanceDigestFile(runDir);
    if (!Files.exists(f)) {
      return List.of();
    }
    return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", file, e.toString());
    }
  }

  /** Deletes {@code .<name>.<hex>.tmp} files (left by writers killed mid-write) under the run directory. */
  static int removeStaleTempFiles(Path runDir) {
    int removed = 0;
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path f : files.filter(p -> isTempName(p.getFileName().toString())).toList()) {
        if (Files.deleteIfExists(f)) {
          LOG.info("removed {} (left by a writer killed mid-write)", runDir.relativize(f));
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + runDir + " for temp files: " + e, e);
    }
    return removed;
  }

  static boolean isTempName(String name) {
    return name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX) && name.matches("\\..+\\.[0-9a-f]{1,16}\\.tmp");
  }
}
