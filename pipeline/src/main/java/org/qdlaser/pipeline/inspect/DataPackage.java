package org.qdlaser.pipeline.inspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * The run's Frictionless Data Package ({@value #FILE_NAME} in the run directory, {@code
 * tabular-data-package} profile, https://specs.frictionlessdata.io/data-package/): one resource per
 * CSV twin of an Arrow table, with its size, SHA-256 and Table Schema (field name, type, and the
 * {@code unit} and {@code description} of the Arrow twin's field metadata), so that the CSV files
 * describe themselves to tools that know nothing of Arrow (frictionless, pandas, R's frictionless).
 * Written after the run from {@code lock.json} and the Arrow twins, like the timeline not locked.
 */
public final class DataPackage {
  /** File name in the run directory. */
  public static final String FILE_NAME = "datapackage.json";

  private DataPackage() {}

  /** The package of a run directory: every locked CSV with a locked Arrow twin. */
  public static Map<String, Object> of(Path runDir, LockFile lock) throws java.io.IOException {
    List<Map<String, Object>> resources = new ArrayList<>();
    for (ArtifactRef csv : lock.artifacts().values()) {
      if (!csv.path().endsWith(".csv")) {
        continue;
      }
      String arrowPath = csv.path().substring(0, csv.path().length() - ".csv".length()) + ".arrow";
      if (!lock.artifacts().containsKey(arrowPath)) {
        continue;
      }
      List<Map<String, Object>> fields = new ArrayList<>();
      for (TableCodec.FieldInfo f : TableCodec.fields(Files.readAllBytes(runDir.resolve(arrowPath)))) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("name", f.name());
        fm.put("type", switch (f.kind()) {
          case DOUBLE -> "number";
          case LONG -> "integer";
          case BOOLEAN -> "boolean";
          case STRING -> "string";
          case DOUBLE_LIST -> "string";
        });
        if (f.kind() == org.qdlaser.pipeline.store.Table.Kind.DOUBLE_LIST) {
          fm.put("format", "default");
        }
        if (f.unit() != null) {
          fm.put("unit", f.unit());
        }
        if (f.description() != null) {
          fm.put("description", f.description()
              + (f.kind() == org.qdlaser.pipeline.store.Table.Kind.DOUBLE_LIST ? " (a JSON array of numbers)" : ""));
        }
        fields.add(fm);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", csv.path().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
      r.put("path", csv.path());
      r.put("profile", "tabular-data-resource");
      r.put("format", "csv");
      r.put("mediatype", "text/csv");
      r.put("encoding", "utf-8");
      r.put("bytes", csv.size());
      r.put("hash", "sha256:" + csv.sha256());
      r.put("schema", Map.of("fields", fields, "missingValues", List.of("")));
      r.put("sources", List.of(Map.of("title", "Arrow IPC twin", "path", arrowPath)));
      resources.add(r);
    }
    Map<String, Object> pkg = new LinkedHashMap<>();
    pkg.put("profile", "tabular-data-package");
    pkg.put("name", lock.study().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
    pkg.put("title", "qdlaser study " + lock.study() + ": the CSV twins of its Arrow tables");
    pkg.put("resources", resources);
    return pkg;
  }
}
