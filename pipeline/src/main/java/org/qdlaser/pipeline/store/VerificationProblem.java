package org.qdlaser.pipeline.store;

import java.util.Objects;

/**
 * One discrepancy between a run directory and its lock file.
 *
 * @param kind what is wrong
 * @param path run-relative artifact path, or the lock file's path for lock problems
 * @param expectedSha256 hash recorded in the lock (null for lock problems)
 * @param actualSha256 hash of the file now (null unless CHANGED)
 * @param expectedSize size in bytes recorded in the lock (-1 for lock problems)
 * @param actualSize size in bytes now (-1 unless CHANGED)
 * @param detail extra explanation (the I/O or parse error), may be empty
 */
public record VerificationProblem(
    Kind kind, String path, String expectedSha256, String actualSha256, long expectedSize, long actualSize, String detail) {

  /** Kinds of problems; {@link #warning()} ones fail {@code verify} only with {@code --strict}. */
  public enum Kind {
    /** The artifact exists but its content differs from the lock. */
    CHANGED,
    /** The artifact listed in the lock does not exist (or is not a regular file). */
    MISSING,
    /** The artifact exists but cannot be read. */
    UNREADABLE,
    /** The run directory has no lock file. */
    LOCK_MISSING,
    /** The lock file cannot be read or is malformed. */
    LOCK_UNREADABLE,
    /** An artifact, the manifest copy or any file of the run directory is (or is reached through) a symbolic link. */
    SYMLINK,
    /** The manifest copy ({@code manifest.yaml}) is missing. */
    MANIFEST_MISSING,
    /** The manifest copy's SHA-256 is not the lock's. */
    MANIFEST_CHANGED,
    /** {@code provenance.json} is missing. */
    PROVENANCE_MISSING,
    /** {@code provenance.json} is malformed or disagrees with the lock (manifest hash, tasks). */
    PROVENANCE_INCONSISTENT,
    /** {@code provenance.json} is not the one its run wrote (its SHA-256 differs from the recorded one). */
    PROVENANCE_CHANGED,
    /** No recorded SHA-256 of {@code provenance.json} (a run made before digests were recorded): its content is unchecked. */
    PROVENANCE_UNSEALED,
    /** A task record ({@code .qdlaser/tasks/<key>.json}) of a locked task is malformed or lists other artifacts. */
    RECORD_CHANGED,
    /** A run was stopped while it committed (wrote its lock, manifest copy and provenance): the next run completes it. */
    COMMIT_INTERRUPTED,
    /** A file the lock does not list (a killed rerun's new artifacts, a temp file, anything added by hand). */
    STRAY;

    /** Whether this kind only warns unless {@code verify --strict}. */
    public boolean warning() {
      return this == STRAY || this == PROVENANCE_UNSEALED || this == COMMIT_INTERRUPTED;
    }
  }

  public VerificationProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    detail = detail == null ? "" : detail;
  }

  static VerificationProblem changed(ArtifactRef expected, String actualSha256, long actualSize) {
    return new VerificationProblem(Kind.CHANGED, expected.path(), expected.sha256(), actualSha256, expected.size(), actualSize, "");
  }

  static VerificationProblem missing(ArtifactRef expected) {
    return new VerificationProblem(Kind.MISSING, expected.path(), expected.sha256(), null, expected.size(), -1, "");
  }

  static VerificationProblem unreadable(ArtifactRef expected, String detail) {
    return new VerificationProblem(Kind.UNREADABLE, expected.path(), expected.sha256(), null, expected.size(), -1, detail);
  }

  /** A problem of a file other than a locked artifact ({@code detail} says what is wrong). */
  public static VerificationProblem of(Kind kind, String path, String detail) {
    return new VerificationProblem(kind, path, null, null, -1, -1, detail);
  }

  static VerificationProblem lock(Kind kind, String lockPath, String detail) {
    return new VerificationProblem(kind, lockPath, null, null, -1, -1, detail);
  }

  /** A one-line human-readable description naming the path. */
  public String message() {
    return switch (kind) {
      case CHANGED -> path + ": CHANGED (expected sha256 " + expectedSha256 + ", " + expectedSize + " bytes; found sha256 "
          + actualSha256 + ", "
          + actualSize + " bytes)";
      case MISSING -> path + ": MISSING (expected sha256 " + expectedSha256 + ", " + expectedSize + " bytes)";
      case UNREADABLE -> path + ": UNREADABLE (" + detail + ")";
      case LOCK_MISSING -> path + ": LOCK_MISSING (no lock file; was the run completed?)";
      case LOCK_UNREADABLE -> path + ": LOCK_UNREADABLE (" + detail + ")";
      default -> path + ": " + kind + " (" + detail + ")";
    };
  }
}
