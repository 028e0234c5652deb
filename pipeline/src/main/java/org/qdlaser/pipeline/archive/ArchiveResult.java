package org.qdlaser.pipeline.archive;

import java.nio.file.Path;
import java.util.Objects;
import org.qdlaser.pipeline.store.Hashing;

/**
 * A written run archive.
 *
 * @param archive absolute path of the archive file
 * @param sha256 lower-case hex SHA-256 of the archive's bytes
 * @param size archive size in bytes
 * @param files number of run-directory files in the archive (without {@code ro-crate-metadata.json})
 */
public record ArchiveResult(Path archive, String sha256, long size, int files) {
  public ArchiveResult {
    Objects.requireNonNull(archive, "archive");
    Hashing.requireSha256Hex(sha256, "sha256 of archive " + archive);
  }
}
