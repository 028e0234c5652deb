package org.qdlaser.pipeline.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code lock.json} that stands in a run directory while a rerun works in it. A rerun leaves
 * the last complete run's lock in place until {@link RunMerge#finish} replaces it atomically, so a
 * rerun that is killed, fails or runs out of disk leaves a directory that still verifies. The one
 * thing that would invalidate the standing lock is a task overwriting one of its artifacts with
 * other content: before that, {@link #withdraw} rewrites {@code lock.json} (atomically) without the
 * tasks that list the path. The lock then describes fewer artifacts, all of them still there.
 *
 * <p>Rewrites are serialised within the JVM and, through an OS file lock on
 * {@link RunLayout#lockUpdateFile}, across the processes of a sharded run.
 */
public final class StandingLock {
  private static final Logger LOG = LoggerFactory.getLogger(StandingLock.class);
  /** One JVM-wide guard: {@link FileChannel#lock()} refuses a second lock from the same JVM. */
  private static final ReentrantLock IN_JVM = new ReentrantLock();

  private final Path runDir;

  public StandingLock(Path runDir) {
    this.runDir = runDir;
  }

  /**
   * Removes from {@code lock.json} every task that lists one of {@code replacing}'s paths with
   * other content. Does nothing when there is no readable lock or nothing to remove.
   *
   * @return the number of tasks withdrawn
   */
  public int withdraw(Collection<ArtifactRef> replacing) {
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    if (replacing.isEmpty() || !Files.exists(lockPath)) {
      return 0;
    }
    IN_JVM.lock();
    try (FileChannel ch = openUpdateFile(); FileLock ignored = ch.lock()) {
      LockFile lock;
      try {
        lock = LockFile.read(lockPath);
      } catch (LockFileException e) {
        LOG.debug("no readable standing lock to withdraw from: {}", e.getMessage());
        return 0;
      }
      List<LockFile.TaskEntry> keep = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      for (LockFile.TaskEntry t : lock.tasks().values()) {
        if (t.artifacts().stream().anyMatch(a -> replaces(replacing, a))) {
          dropped.add(t.stage() + " " + t.key());
        } else {
          keep.add(t);
        }
      }
      if (dropped.isEmpty()) {
        return 0;
      }
      LockFile.of(lock.study(), lock.manifestSha256(), keep).write(lockPath);
      LOG.debug("withdrew {} task(s) from {} before replacing their artifacts: {}", dropped.size(), lockPath, dropped);
      return dropped.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + lockPath + ": " + e, e);
    } finally {
      IN_JVM.unlock();
    }
  }

  private FileChannel openUpdateFile() throws IOException {
    Files.createDirectories(RunLayout.stateDir(runDir));
    return FileChannel.open(RunLayout.lockUpdateFile(runDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private static boolean replaces(Collection<ArtifactRef> replacing, ArtifactRef listed) {
    for (ArtifactRef r : replacing) {
      if (r.path().equals(listed.path()) && !r.equals(listed)) {
        return true;
      }
    }
    return false;
  }
}
