package org.qdlaser.pipeline.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start and the end of a run in its directory. {@link #begin} sets the last lock aside (a run
 * that fails must not leave a lock describing a mix of old and new artifacts; its tasks stay
 * reusable); {@link #finish} is the only writer of {@code lock.json} and {@code provenance.json}.
 */
public final class RunMerge {
  private static final Logger LOG = LoggerFactory.getLogger(RunMerge.class);

  /** Counts of a finished run. */
  public record Summary(int ran, int reused, Path lock) {}

  private RunMerge() {}

  /**
   * Moves {@code lock.json} (if readable) to {@code .qdlaser/previous-lock.json} and returns the
   * lock to reuse from: that one, or the one an earlier unfinished run set aside, or null.
   */
  public static LockFile begin(Path runDir) throws IOException {
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    Path previousPath = RunLayout.previousLockFile(runDir);
    if (Files.exists(lockPath)) {
      try {
        LockFile.read(lockPath);
        Files.createDirectories(previousPath.getParent());
        Files.move(lockPath, previousPath, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (LockFileException e) {
        LOG.warn("previous {} unreadable, not reusing from it: {}", lockPath, e.getMessage());
        Files.delete(lockPath);
      }
    }
    return previousLock(runDir);
  }

  /** The lock set aside by {@link #begin}, or null if there is none or it is unreadable. */
  public static LockFile previousLock(Path runDir) {
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
   * Writes {@code lock.json} over all outcomes and {@code provenance.json}, prunes task records not
   * in the lock and removes temp files left by killed writers.
   */
  public static Summary finish(Path runDir, String study, String manifestSha256, Map<String, TaskOutcome> outcomes,
      ProvenanceCollector provenance) {
    List<LockFile.TaskEntry> entries = new ArrayList<>();
    int ran = 0;
    for (TaskOutcome o : outcomes.values()) {
      entries.add(new LockFile.TaskEntry(o.spec().stage(), o.spec().stageVersion(), o.key(), o.artifacts()));
      ran += o.reused() ? 0 : 1;
    }
    LockFile lock = LockFile.of(study, manifestSha256, entries);
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    lock.write(lockPath);
    provenance.finish();
    provenance.write(runDir.resolve(Provenance.FILE_NAME));
    TaskJournal.of(runDir).retainOnly(lock.tasks().keySet());
    removeStaleTempFiles(runDir);
    return new Summary(ran, outcomes.size() - ran, lockPath);
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
