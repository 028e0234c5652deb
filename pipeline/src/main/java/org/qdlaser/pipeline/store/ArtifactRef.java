package org.qdlaser.pipeline.store;

import java.util.Objects;

/**
 * A content-addressed reference to one artifact of a run directory.
 *
 * @param path path relative to the run directory, {@code /}-separated, no {@code .}/{@code ..}
 *     segments (e.g. {@code samples/cim.arrow})
 * @param sha256 lower-case hex SHA-256 of the content
 * @param size content length in bytes
 */
public record ArtifactRef(String path, String sha256, long size) {
  public ArtifactRef {
    path = checkRelativePath(path);
    Hashing.requireSha256Hex(sha256, "sha256 of artifact " + path);
    if (size < 0) {
      throw new IllegalArgumentException("size of artifact " + path + " must be >= 0 bytes, got " + size);
    }
  }

  /** The reference of {@code bytes} stored at {@code path}. */
  public static ArtifactRef of(String path, byte[] bytes) {
    return new ArtifactRef(path, Hashing.sha256Hex(bytes), bytes.length);
  }

  /**
   * Validates a run-relative artifact path.
   *
   * @return {@code path} unchanged
   * @throws IllegalArgumentException naming the path if it is blank, absolute, uses backslashes
   *     or a drive letter, or has empty, {@code .} or {@code ..} segments
   */
  public static String checkRelativePath(String path) {
    Objects.requireNonNull(path, "artifact path");
    String problem = null;
    if (path.isBlank()) {
      problem = "is blank";
    } else if (path.startsWith("/")) {
      problem = "is absolute";
    } else if (path.indexOf('\\') >= 0) {
      problem = "contains a backslash (use '/')";
    } else if (path.indexOf(':') >= 0) {
      problem = "contains ':' (drive letters and schemes are not allowed)";
    } else if (path.indexOf('\0') >= 0) {
      problem = "contains a NUL character";
    } else {
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty()) {
          problem = "has an empty segment";
        } else if (segment.equals("..")) {
          problem = "escapes the run directory ('..')";
        } else if (segment.equals(".")) {
          problem = "has a '.' segment";
        }
        if (problem != null) {
          break;
        }
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException("artifact path '" + path + "' " + problem + "; expected a relative path like 'samples/x.arrow'");
    }
    return path;
  }
}
