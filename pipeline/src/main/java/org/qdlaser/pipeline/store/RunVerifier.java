package org.qdlaser.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a run directory against its {@code lock.json}: every listed artifact's size and SHA-256
 * are recomputed, and an artifact reached through a symbolic link is reported. The
 * {@linkplain #whole whole-directory} check also reports every file the lock does not list (stray)
 * and every symbolic link. Stateless and thread-safe.
 */
public final class RunVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(RunVerifier.class);

  private final boolean whole;
  private final Set<String> unlisted;

  /** Checks the locked artifacts only. */
  public RunVerifier() {
    this(false, Set.of());
  }

  private RunVerifier(boolean whole, Set<String> unlisted) {
    this.whole = whole;
    this.unlisted = Set.copyOf(unlisted);
  }

  /**
   * Checks the whole directory: the locked artifacts and every other file (the manifest copy and
   * {@code lock.json} are not stray).
   *
   * @param unlisted names the lock does not list that are not stray: top-level folders (executor state), and files by
   *     their path relative to the run directory (provenance, the run pages written after the lock); their own checks
   *     belong to their owners
   */
  public static RunVerifier whole(Set<String> unlisted) {
    return new RunVerifier(true, unlisted);
  }

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
    if (whole) {
      problems.addAll(unlistedFiles(runDir, lock));
    }
    LOG.info("verified {}: {} artifacts, {} problems", runDir, lock.artifacts().size(), problems.size());
    return List.copyOf(problems);
  }

  /** Files and links the lock does not list, outside the {@code unlisted} top-level names. */
  private List<VerificationProblem> unlistedFiles(Path runDir, LockFile lock) {
    List<VerificationProblem> problems = new ArrayList<>();
    Path root = runDir.toAbsolutePath().normalize();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && dir.getParent().equals(root) && unlisted.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String rel = root.relativize(file).toString().replace('\\', '/');
          boolean top = file.getParent().equals(root);
          if (attrs.isSymbolicLink()) {
            if (!lock.artifacts().containsKey(rel)) { // a locked artifact's link is reported with it
              problems.add(VerificationProblem.of(VerificationProblem.Kind.SYMLINK, rel, "a symbolic link in the run directory"));
            }
          } else if (!lock.artifacts().containsKey(rel) && !unlisted.contains(rel) && !(top && (rel.equals(LockFile.MANIFEST_FILE)
              || rel.equals(LockFile.FILE_NAME)))) {
            problems.add(VerificationProblem.of(VerificationProblem.Kind.STRAY, rel, attrs.size() + " bytes, not listed in the lock"));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(VerificationProblem.of(VerificationProblem.Kind.UNREADABLE, runDir.toString(), "cannot list: " + e));
    }
    problems.sort(java.util.Comparator.comparing(VerificationProblem::path));
    return problems;
  }

  private static VerificationProblem check(ArtifactStore store, ArtifactRef expected) {
    Path file = store.resolve(expected.path());
    String link = store.symlinkOn(expected.path());
    if (link != null) {
      return VerificationProblem.of(VerificationProblem.Kind.SYMLINK, expected.path(),
          (link.equals(expected.path()) ? "a symbolic link" : "reached through the symbolic link " + link)
              + " (expected sha256 " + expected.sha256() + ", " + expected.size() + " bytes)");
    }
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
