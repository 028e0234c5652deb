package org.qdlaser.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a run directory against its {@code lock.json}: every listed artifact's size and
 * SHA-256 are recomputed. Files not listed in the lock (provenance, logs) are ignored. Stateless
 * and thread-safe.
 */
public final class RunVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(RunVerifier.class);

  /**
   * @param runDir the run directory ({@code runs/<study>/})
   * @return problems in lock path order, empty if everything verifies; a missing or unreadable
   *     lock gives a single LOCK_MISSING / LOCK_UNREADABLE problem
   */
  public List<VerificationProblem> verify(Path runDir) {
    Path lockPath = runDir.resolve(LockFile.FILE_NAME);
    if (!Files.exists(lockPath)) {
      VerificationProblem p = VerificationProblem.lock(VerificationProblem.Kind.LOCK_MISSING, lockPath.toString(), "");
      LOG.info("verify {}: {}", runDir, p.message());
      return List.of(p);
    }
    LockFile lock;
    try {
      lock = LockFile.read(lockPath);
    } catch (LockFileException e) {
      VerificationProblem p = VerificationProblem.lock(VerificationProblem.Kind.LOCK_UNREADABLE, lockPath.toString(), e.getMessage());
      LOG.info("verify {}: {}", runDir, p.message());
      return List.of(p);
    }
    ArtifactStore store = new ArtifactStore(runDir);
    List<VerificationProblem> problems = new ArrayList<>();
    for (ArtifactRef expected : lock.artifacts().values()) {
      VerificationProblem p = check(store, expected);
      if (p != null) {
        LOG.debug("verify {}: {}", runDir, p.message());
        problems.add(p);
      }
    }
    LOG.info("verified {}: {} artifacts, {} problems", runDir, lock.artifacts().size(), problems.size());
    return List.copyOf(problems);
  }

  private static VerificationProblem check(ArtifactStore store, ArtifactRef expected) {
    Path file = store.resolve(expected.path());
    if (!Files.isRegularFile(file)) {
      return VerificationProblem.missing(expected);
    }
    try {
      long size = Files.size(file);
      String sha = Hashing.sha256Hex(file);
      if (size != expected.size() || !sha.equals(expected.sha256())) {
        return VerificationProblem.changed(expected, sha, size);
      }
      return null;
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof NoSuchFileException) {
        return VerificationProblem.missing(expected);
      }
      return VerificationProblem.unreadable(expected, e.getMessage());
    }
  }
}
