package org.qdlaser.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code shared/} (papers and reference data) beside the repository clone. */
public final class SharedReference {
  private SharedReference() {}

  /** The shared directory; fails loudly if it is missing, because reference tests are mandatory. */
  public static Path dir() {
    String prop = System.getProperty("qdlaser.shared.dir");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
    if (!Files.isDirectory(p.resolve("reference"))) {
      throw new IllegalStateException(
          "shared reference data not found at " + p.toAbsolutePath()
              + " (expected shared/ beside the repository; set -Dqdlaser.shared.dir)");
    }
    return p;
  }

  public static Path reference(String relative) {
    return dir().resolve("reference").resolve(relative);
  }
}
