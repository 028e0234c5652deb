package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.NAME;
import static org.qdlaser.pipeline.manifest.ManifestFields.scalarMap;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.pipeline.input.SampleOptions;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The {@code models:} section (and {@code samples:}): one model run per entry, or per sample of a
 * set ({@link SampleSets}). Each run keeps the manifest entry it came from, for error messages and
 * for re-resolving its parameters with a scanned value.
 */
final class ModelRuns {
  private ModelRuns() {}

  /**
   * A parsed run.
   *
   * @param run the run
   * @param raw its parameter values as written (shared and its own), for {@link #with}
   * @param index its entry in {@code models:}
   */
  record Entry(ModelRun run, Map<String, String> raw, int index) {
    Entry {
      raw = new LinkedHashMap<>(raw);
    }

    /** The run's parameters with one value replaced (normalised; validated as written values are). */
    LaserParameters with(String parameter, double normalisedValue) {
      Map<String, String> m = new LinkedHashMap<>(raw);
      if ("beta".equals(parameter)) {
        m.remove("gamma_nl");
      }
      m.put(parameter, Double.toString(normalisedValue));
      // The value is already normalised: no unit, so that it is not converted again.
      return ParameterResolver.resolve(m, "scan.").parameters();
    }
  }

  /** The runs of {@code models:} with the shared parameters (units and {@code parameters:}). */
  static List<Entry> parse(JsonNode root, Map<String, String> shared) {
    JsonNode models = root.get("models");
    if (models == null || !models.isArray() || models.isEmpty()) {
      throw new InputException("models", "models must be a non-empty list of model names or {model, label, parameters}");
    }
    List<Entry> runs = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < models.size(); i++) {
      entry(root, models.get(i), i, shared, runs, labels);
    }
    if (root.has("samples") && runs.stream().noneMatch(e -> e.run().kind().polydisperse())) {
      throw new InputException("samples", "samples applies to the _d models (CIM_d, TPM_IF_d, TPM_d); this study has none");
    }
    return runs;
  }

  /** The runs of one entry of {@code models:} (one, or one per sample of a set). */
  private static void entry(JsonNode root, JsonNode m, int i, Map<String, String> shared, List<Entry> runs,
      Set<String> labels) {
    String path = "models[" + i + "]";
    String kindName;
    String label;
    Map<String, String> own = new LinkedHashMap<>(shared);
    if (m.isTextual()) {
      kindName = m.asText();
      label = kindName;
    } else if (m.isObject()) {
      unknownKeys(m, Set.of("model", "label", "parameters", "sample"), path + ".");
      kindName = text(m, "model", path + ".model", null);
      label = text(m, "label", path + ".label", kindName);
      Map<String, String> p = scalarMap(m.get("parameters"), path + ".parameters");
      if (p.containsKey("r") || p.containsKey("gamma_nr")) {
        throw new InputException(path + ".parameters", "r and gamma_nr cannot be set per model");
      }
      own.putAll(p);
    } else {
      throw new InputException(path, "expected a model name or a mapping, got " + m.getNodeType());
    }
    ModelKind kind;
    try {
      kind = ModelKind.parse(kindName);
    } catch (IllegalArgumentException e) {
      throw new InputException(path + ".model", e.getMessage());
    }
    String samplePath = m.isObject() && m.has("sample") ? path + ".sample" : root.has("samples") ? "samples" : path + ".sample";
    List<SampleSets.Expanded> expanded = samples(root, m, kind, path);
    var resolved = ParameterResolver.resolve(own, m.isObject() ? path + ".parameters." : "parameters.");
    if (kind.polydisperse()) {
      SampleOptions.checkSize(kind, resolved.parameters().n(),
          m.isObject() && m.path("parameters").has("N") ? path + ".parameters.N" : "parameters.N");
    }
    for (SampleSets.Expanded e : expanded) {
      String runLabel = label + e.labelSuffix();
      if (!NAME.matcher(runLabel).matches()) {
        throw new InputException(path + ".label", "label must match " + NAME.pattern() + ", got '" + runLabel + "'"
            + (e.labelSuffix().isEmpty() ? "" : " (label + sample suffix " + e.labelSuffix() + ")"));
      }
      if (!labels.add(runLabel)) {
        throw new InputException(path + ".label", "duplicate label '" + runLabel + "'; labels must be unique");
      }
      if (kind.polydisperse()) {
        // Validates the sample now (field paths in errors); the sampling stage draws it again.
        SampleOptions.sample(e.options(), null, resolved.parameters(), samplePath + ".");
      }
      if (runs.size() >= SampleSets.MAX_RUNS) {
        throw new InputException("models", "the study expands into more than " + SampleSets.MAX_RUNS + " model runs");
      }
      runs.add(new Entry(new ModelRun(runLabel, kind, resolved.parameters(), resolved.gammaL(), e.options()), own, i));
    }
  }

  /** The samples of an entry: its own {@code sample:}, the study's {@code samples:} set, or none. */
  private static List<SampleSets.Expanded> samples(JsonNode root, JsonNode m, ModelKind kind, String path) {
    JsonNode sampleNode = null;
    String samplePath = path + ".sample";
    if (m.isObject() && m.has("sample")) {
      if (!kind.polydisperse()) {
        throw new InputException(path + ".sample", "a sample applies to the _d models only, got " + kind);
      }
      sampleNode = m.get("sample");
    } else if (kind.polydisperse() && root.has("samples")) {
      // The study-wide sample set applies to every _d model without its own sample.
      sampleNode = root.get("samples");
      samplePath = "samples";
    }
    if (sampleNode != null && (SampleSets.isSet(sampleNode) || "samples".equals(samplePath))) {
      return SampleSets.expand(sampleNode, samplePath);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    if (sampleNode != null) {
      opts = scalarMap(sampleNode, samplePath);
      unknownKeys(sampleNode, SampleOptions.NAMES, samplePath + ".");
    }
    return List.of(new SampleSets.Expanded(opts, ""));
  }

  /** Refuses polydisperse runs: the analysis takes identical dots only (this version). */
  static void identicalDotsOnly(List<Entry> runs, String analysis) {
    for (Entry e : runs) {
      if (e.run().kind().polydisperse()) {
        throw new InputException("models[" + e.index() + "].model", "analysis " + analysis
            + " takes identical-dot models (CIM, TPM_IF, TPM) in this version, got " + e.run().kind()
            + "; for polydisperse dots use analysis sweep or activation, or qdlaser threshold --model " + e.run().kind());
      }
    }
  }

  /** Refuses identical-dot runs: the analysis needs a sample. */
  static void polydisperseOnly(List<Entry> runs, String analysis) {
    for (Entry e : runs) {
      if (!e.run().kind().polydisperse()) {
        throw new InputException("models[" + e.index() + "].model", "analysis " + analysis
            + " takes polydisperse models with a sample (CIM_d, TPM_IF_d, TPM_d), got " + e.run().kind()
            + "; identical dots have no width");
      }
    }
  }

  static List<ModelRun> runs(List<Entry> entries) {
    return entries.stream().map(Entry::run).toList();
  }
}
