package org.qdlaser.pipeline.archive;

import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.Hashing;

/**
 * One file of a run directory as it goes into an archive.
 *
 * @param path path relative to the run directory, {@code /}-separated (also the zip entry name)
 * @param size content length in bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record ArchivedFile(String path, long size, String sha256) {
  public ArchivedFile {
    ArtifactRef.checkRelativePath(path);
    Hashing.requireSha256Hex(sha256, "sha256 of archived file " + path);
    if (size < 0) {
      throw new IllegalArgumentException("size of archived file " + path + " must be >= 0 bytes, got " + size);
    }
  }
}
