package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.NAME;
import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.report.Figure;
import org.qdlaser.pipeline.report.FigureKind;
import org.qdlaser.stages.physics.ModelKind;

/** The {@code figures:} section: [{id, kind, title, models, w_qd, seed, label_points, markers}]; each must select a run. */
final class Figures {
  private Figures() {}

  /** Refuses a {@code figures:} section in an analysis that draws none. */
  static void none(JsonNode root, String analysis) {
    JsonNode f = root.get("figures");
    if (f != null && !f.isNull()) {
      throw new InputException("figures", "figures apply to analyses activation, sweep and branches only, got " + analysis);
    }
  }

  /** The figures of an analysis (its manifest name); empty without a {@code figures:} section. */
  static List<Figure> parse(JsonNode root, String analysis, List<ModelRun> runs) {
    JsonNode f = root.get("figures");
    List<Figure> out = new ArrayList<>();
    if (f == null || f.isNull()) {
      return out;
    }
    if (!f.isArray() || f.isEmpty()) {
      throw new InputException("figures", "figures must be a non-empty list of {id, kind, ...}");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < f.size(); i++) {
      out.add(figure(f.get(i), "figures[" + i + "]", analysis, runs, ids));
    }
    return out;
  }

  private static Figure figure(JsonNode n, String path, String analysis, List<ModelRun> runs, Set<String> ids) {
    if (!n.isObject()) {
      throw new InputException(path, "expected a mapping {id, kind, title, models, w_qd, seed, label_points}, got " + n.getNodeType());
    }
    unknownKeys(n, Set.of("id", "kind", "title", "models", "w_qd", "seed", "label_points", "markers"), path + ".");
    String id = text(n, "id", path + ".id", null);
    if (!NAME.matcher(id).matches() || !ids.add(id)) {
      throw new InputException(path + ".id", "figure id must match " + NAME.pattern() + " and be unique, got '" + id + "'");
    }
    FigureKind kind = kind(n, path, analysis);
    Map<String, String> markers = markers(n.get("markers"), kind, runs, path + ".markers");
    List<ModelKind> models = models(n.get("models"), path);
    double w = number(n, "w_qd", path + ".w_qd", Double.NaN);
    double seedD = number(n, "seed", path + ".seed", Double.NaN);
    if (!Double.isNaN(seedD) && seedD != Math.rint(seedD)) {
      throw new InputException(path + ".seed", "seed must be an integer, got " + n.get("seed"));
    }
    Long seed = Double.isNaN(seedD) ? null : (long) seedD;
    JsonNode lp = n.get("label_points");
    if (lp != null && !lp.isBoolean()) {
      throw new InputException(path + ".label_points", "label_points must be true or false, got '" + lp.asText() + "'");
    }
    String title = text(n, "title", path + ".title", id);
    Figure fig = new Figure(id, kind, title, models, w, seed, lp != null && lp.asBoolean(), markers);
    selectsARun(fig, path, runs);
    return fig;
  }

  private static FigureKind kind(JsonNode n, String path, String analysis) {
    List<String> kinds = Arrays.stream(FigureKind.values()).map(FigureKind::manifestName).toList();
    String kindName = text(n, "kind", path + ".kind", null);
    if (!kinds.contains(kindName)) {
      throw new InputException(path + ".kind", "unknown figure kind '" + kindName + "', allowed: " + String.join(", ", kinds));
    }
    FigureKind kind = FigureKind.valueOf(kindName.toUpperCase(Locale.ROOT));
    if (!kind.analysis().equals(analysis)) {
      throw new InputException(path + ".kind", "figure kind '" + kindName + "' needs analysis " + kind.analysis() + ", got "
          + analysis);
    }
    return kind;
  }

  private static List<ModelKind> models(JsonNode ms, String path) {
    List<ModelKind> models = new ArrayList<>();
    if (ms == null) {
      return models;
    }
    if (!ms.isArray() || ms.isEmpty()) {
      throw new InputException(path + ".models", "models must be a non-empty list of model names");
    }
    for (int j = 0; j < ms.size(); j++) {
      try {
        models.add(ModelKind.parse(ms.get(j).asText()));
      } catch (IllegalArgumentException e) {
        throw new InputException(path + ".models[" + j + "]", e.getMessage());
      }
    }
    return models;
  }

  private static void selectsARun(Figure fig, String path, List<ModelRun> runs) {
    String w = Double.isNaN(fig.wQd()) ? "any" : Double.toString(fig.wQd());
    if (fig.kind() == FigureKind.AMPLITUDE_RANGE) {
      if (runs.stream().noneMatch(fig::showsBranch)) {
        throw new InputException(path, "figure '" + fig.id() + "' selects no model run (models " + fig.models() + ", w_qd " + w
            + ")");
      }
      Long seed = fig.seed();
      if (seed != null && runs.stream().anyMatch(fig::inRange)
          && runs.stream().noneMatch(r -> fig.inRange(r) && r.sampleSeed() == seed)) {
        throw new InputException(path + ".seed", "figure '" + fig.id() + "': no polydisperse run has seed " + seed);
      }
    } else if (runs.stream().noneMatch(fig::selects)) {
      throw new InputException(path, "figure '" + fig.id() + "' selects no model run (models " + fig.models() + ", w_qd " + w
          + ", seed " + (fig.seed() == null ? "any" : fig.seed()) + ")");
    }
  }

  /**
   * markers: {RUN_LABEL: star | diamond | cross} of a photons_vs_pump figure (threshold marks, as the
   * Reply's stars, diamond and cross); every key a run label of the study.
   */
  private static Map<String, String> markers(JsonNode m, FigureKind kind, List<ModelRun> runs, String path) {
    Map<String, String> out = new TreeMap<>();
    if (m == null || m.isNull()) {
      return out;
    }
    if (kind != FigureKind.PHOTONS_VS_PUMP) {
      throw new InputException(path, "markers apply to figure kind photons_vs_pump only, got " + kind.manifestName());
    }
    if (!m.isObject()) {
      throw new InputException(path, "expected a mapping {run label: star | diamond | cross}, got " + m.getNodeType());
    }
    Set<String> labels = new HashSet<>();
    runs.forEach(r -> labels.add(r.label()));
    for (var it = m.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!labels.contains(e.getKey())) {
        throw new InputException(path + "." + e.getKey(), "no model run labelled '" + e.getKey() + "'; labels: "
            + String.join(", ", new TreeSet<>(labels)));
      }
      try {
        out.put(e.getKey(), Figure.markerShape(e.getValue().asText()));
      } catch (IllegalArgumentException ex) {
        throw new InputException(path + "." + e.getKey(), ex.getMessage());
      }
    }
    return out;
  }
}
