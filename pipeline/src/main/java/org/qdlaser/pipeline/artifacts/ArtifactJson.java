package org.qdlaser.pipeline.artifacts;

import java.io.IOException;
import org.qdlaser.pipeline.store.CanonicalJson;

/** Reading and writing the JSON artifacts: pretty canonical JSON, read back into their records. */
final class ArtifactJson {
  private ArtifactJson() {}

  static byte[] write(Object record) {
    return CanonicalJson.prettyBytes(record);
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    try {
      return CanonicalJson.mapper().readValue(bytes, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a valid " + type.getSimpleName() + " artifact: " + e.getMessage(), e);
    }
  }
}
