package org.qdlaser.pipeline.artifacts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * A table written as Arrow IPC, each column's unit and description in its field metadata ({@link
 * ColumnDocs}), and its CSV twin (described by the run's {@code datapackage.json}).
 */
public final class TableFiles {
  private TableFiles() {}

  /** The Arrow file and the CSV twin of {@code t}, by path. */
  public static Map<String, byte[]> of(ArtifactPaths.TablePaths paths, Table t) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(paths.arrow(), arrow(t));
    out.put(paths.csv(), TableCodec.toCsv(t));
    return out;
  }

  /** The Arrow file and CSV twin of a Simple Model table, its columns described by {@link SimpleColumnDocs}. */
  public static Map<String, byte[]> simple(ArtifactPaths.TablePaths paths, Table t) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(paths.arrow(), TableCodec.toArrowIpc(t, SimpleColumnDocs::metadata));
    out.put(paths.csv(), TableCodec.toCsv(t));
    return out;
  }

  /** Arrow IPC bytes of {@code t} with the units and descriptions of its columns. */
  public static byte[] arrow(Table t) {
    return TableCodec.toArrowIpc(t, ColumnDocs::metadata);
  }
}
