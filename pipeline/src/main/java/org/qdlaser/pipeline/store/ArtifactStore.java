package org.qdlaser.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts of one run directory ({@code runs/<study>/}). Paths are relative to the run
 * directory and may not escape it. Writes are atomic. Thread-safe (no mutable state; concurrent
 * writes to the same path are last-writer-wins, each complete).
 */
public final class ArtifactStore {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
  private final Path runDir;

  /** @param runDir the run directory (need not exist yet; created on first write) */
  public ArtifactStore(Path runDir) {
    this.runDir = Objects.requireNonNull(runDir, "runDir").toAbsolutePath().normalize();
  }

  /** The absolute, normalised run directory. */
  public Path runDir() {
    return runDir;
  }

  /**
   * The file of a run-relative path.
   *
   * @throws IllegalArgumentException naming the path if it is not a valid relative path or
   *     escapes the run directory
   */
  public Path resolve(String relativePath) {
    ArtifactRef.checkRelativePath(relativePath);
    Path resolved = runDir.resolve(relativePath).normalize();
    if (!resolved.startsWith(runDir) || resolved.equals(runDir)) {
      throw new IllegalArgumentException("artifact path '" + relativePath + "' escapes run directory " + runDir);
    }
    return resolved;
  }

  /** Atomically writes {@code bytes} at {@code relativePath} and returns its reference. */
  public ArtifactRef put(String relativePath, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes of artifact " + relativePath);
    Path file = resolve(relativePath);
    ArtifactRef ref = ArtifactRef.of(relativePath, bytes);
    AtomicFiles.write(file, bytes);
    LOG.debug("stored {} ({} bytes, sha256 {})", relativePath, ref.size(), ref.sha256());
    return ref;
  }

  /**
   * Reads an artifact.
   *
   * @throws UncheckedIOException naming the path if it is missing or unreadable
   */
  public byte[] read(String relativePath) {
    Path file = resolve(relativePath);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + relativePath + " (" + file + "): " + e, e);
    }
  }

  /** Whether the artifact file exists as a regular file. */
  public boolean exists(String relativePath) {
    return Files.isRegularFile(resolve(relativePath));
  }

  /**
   * The reference of the file currently at {@code relativePath} (hash recomputed).
   *
   * @throws UncheckedIOException naming the path if it is missing or unreadable
   */
  public ArtifactRef describe(String relativePath) {
    Path file = resolve(relativePath);
    try {
      long size = Files.size(file);
      return new ArtifactRef(relativePath, Hashing.sha256Hex(file), size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + relativePath + " (" + file + "): " + e, e);
    }
  }

  /**
   * The first symbolic link on the way from the run directory to {@code relativePath} (the file
   * itself included), as a run-relative path, or null if there is none. An artifact reached through
   * a link is not the run's own file: a rerun replaces it and {@code verify} reports it.
   */
  public String symlinkOn(String relativePath) {
    return linkedPart(relativeParts(relativePath));
  }

  private Path relativeParts(String relativePath) {
    return runDir.relativize(resolve(relativePath));
  }

  private String linkedPart(Path relative) {
    Path p = runDir;
    for (Path part : relative) {
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        return runDir.relativize(p).toString();
      }
    }
    return null;
  }

  /**
   * Whether the file at {@code ref.path()} exists with exactly the recorded size and SHA-256, and
   * is reached through no symbolic link. Never throws for missing or unreadable files (returns false).
   */
  public boolean verifies(ArtifactRef ref) {
    Path file = resolve(ref.path());
    try {
      if (!Files.isRegularFile(file)) {
        LOG.debug("{} does not verify: missing", ref.path());
        return false;
      }
      if (linkedPart(relativeParts(ref.path())) != null) {
        LOG.debug("{} does not verify: a symbolic link", ref.path());
        return false;
      }
      long size = Files.size(file);
      if (size != ref.size()) {
        LOG.debug("{} does not verify: size {} bytes, expected {}", ref.path(), size, ref.size());
        return false;
      }
      String actual = Hashing.sha256Hex(file);
      if (!actual.equals(ref.sha256())) {
        LOG.debug("{} does not verify: sha256 {}, expected {}", ref.path(), actual, ref.sha256());
        return false;
      }
      return true;
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("{} does not verify: {}", ref.path(), e.toString());
      return false;
    }
  }
}
