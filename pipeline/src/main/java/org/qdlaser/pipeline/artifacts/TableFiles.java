package org.qdlaser.pipeline.artifacts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/** A table written as Arrow IPC and its CSV twin. */
final class TableFiles {
  private TableFiles() {}

  static Map<String, byte[]> of(ArtifactPaths.TablePaths paths, Table t) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(paths.arrow(), TableCodec.toArrowIpc(t));
    out.put(paths.csv(), TableCodec.toCsv(t));
    return out;
  }
}
