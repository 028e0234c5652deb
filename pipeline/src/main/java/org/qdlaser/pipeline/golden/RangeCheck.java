package org.qdlaser.pipeline.golden;

import static org.qdlaser.pipeline.golden.GoldenInputs.field;
import static org.qdlaser.pipeline.golden.GoldenInputs.fmt;
import static org.qdlaser.pipeline.golden.GoldenInputs.json;
import static org.qdlaser.pipeline.golden.GoldenInputs.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;

/**
 * A value of the paper against the range of ours over several artifacts (e.g. the paper's S3 fit
 * against our ten samples): passes when min &lt;= value &lt;= max. The artifacts are the files of
 * {@code dir} whose names match {@code glob}; with {@code where: {field: value}} only those whose
 * field has that text.
 */
final class RangeCheck {
  private RangeCheck() {}

  static GoldenResult check(RunArtifacts run, JsonNode r) {
    double value = r.path("value").asDouble(Double.NaN);
    String dirName = r.path("dir").asText();
    String glob = r.path("glob").asText();
    String fieldName = r.path("field").asText();
    List<Double> vals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    for (String name : run.list(dirName)) {
      if (!m.matches(Path.of(name))) {
        continue;
      }
      JsonNode doc = json(run, ArtifactPaths.inDir(dirName, name));
      if (r.has("where")) {
        var w = r.path("where").fields().next();
        if (!field(doc, w.getKey()).asText().equals(w.getValue().asText())) {
          continue;
        }
      }
      double v = field(doc, fieldName).asDouble(Double.NaN);
      if (Double.isFinite(v)) {
        vals.add(v);
        names.add(name);
      }
    }
    int minRequired = r.path("min_count").asInt(2);
    double lo = vals.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = vals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    boolean ok = vals.size() >= minRequired && value >= lo && value <= hi;
    return new GoldenResult(r.path("quantity").asText(), dirName + "/" + glob + "#" + fieldName, fmt(value) + " (paper)",
        "[" + fmt(lo) + ", " + fmt(hi) + "] over " + vals.size() + " runs", "inside the range", source(r), ok);
  }
}
