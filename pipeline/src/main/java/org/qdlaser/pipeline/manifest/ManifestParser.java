package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.NAME;
import static org.qdlaser.pipeline.manifest.ManifestFields.scalarMap;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;

/**
 * Parses and validates a study manifest (schema {@value #SCHEMA}, docs/manifest.md); every error
 * names the field path (exit code 2). The header, units, parameters and models are common; the
 * analysis' own section is parsed by its record ({@link Sweep}, {@link ThresholdCurve}, {@link
 * Branches}, {@link Activation}, {@link Oscillation}).
 */
public final class ManifestParser {
  public static final String SCHEMA = "qdlaser/manifest/v1";
  private static final Set<String> TOP =
      Set.of("schema", "study", "title", "description", "units", "parameters", "models", "analysis", "sweep", "scan",
          "branch", "activation", "integration", "samples", "figures", "oscillation", "simple");
  private static final String ANALYSES = String.join(", ", Sweep.NAME, ThresholdCurve.NAME, Branches.NAME, Activation.NAME,
      Oscillation.NAME) + ", and for the Simple Model: " + String.join(", ", new java.util.TreeSet<>(SimpleModelFigure.NAMES));

  private ManifestParser() {}

  public static Study parse(String yaml) {
    JsonNode root = read(yaml);
    unknownKeys(root, TOP, "");
    String schema = text(root, "schema", "schema", null);
    if (!SCHEMA.equals(schema)) {
      throw new InputException("schema", "unsupported schema '" + schema + "', allowed: " + SCHEMA);
    }
    String study = text(root, "study", "study", null);
    if (!NAME.matcher(study).matches()) {
      throw new InputException("study", "study name must match " + NAME.pattern() + ", got '" + study + "'");
    }
    String title = text(root, "title", "title", study);
    String description = text(root, "description", "description", "");
    String analysisName = text(root, "analysis", "analysis", Sweep.NAME);
    if (SimpleModelFigure.NAMES.contains(analysisName)) {
      return SimpleModelFigure.parseStudy(root, study, title, description, analysisName);
    }
    Map<String, String> shared = sharedParameters(root);
    double gammaNr = ParameterResolver.resolve(shared, "parameters.").gammaNrPerSecond();
    List<ModelRuns.Entry> runs = ModelRuns.parse(root, shared);
    ParseContext c = new ParseContext(root, gammaNr, runs);
    Analysis analysis = analysis(c, analysisName);
    return new Study(study, title, description, gammaNr, ModelRuns.runs(runs), analysis);
  }

  private static JsonNode read(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InputException("(document)", "manifest is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
    }
    if (root == null || !root.isObject()) {
      throw new InputException("(document)", "manifest must be a YAML mapping");
    }
    return root;
  }

  /** {@code units:} and {@code parameters:}, the values every model starts from. */
  private static Map<String, String> sharedParameters(JsonNode root) {
    Map<String, String> units = scalarMap(root.get("units"), "units");
    unknownKeys(root.get("units"), Set.of("gamma_nr"), "units.");
    Map<String, String> shared = new LinkedHashMap<>();
    if (units.containsKey("gamma_nr")) {
      shared.put("gamma_nr", units.get("gamma_nr"));
    }
    Map<String, String> params = scalarMap(root.get("parameters"), "parameters");
    if (params.containsKey("r")) {
      throw new InputException("parameters.r", "the pump r is set by the sweep, not in parameters");
    }
    shared.putAll(params);
    return shared;
  }

  /** The analysis of its name, parsed from its section. */
  private static Analysis analysis(ParseContext c, String name) {
    return switch (name) {
      case Sweep.NAME -> Sweep.parse(c);
      case ThresholdCurve.NAME -> ThresholdCurve.parse(c);
      case Branches.NAME -> Branches.parse(c);
      case Activation.NAME -> Activation.parse(c);
      case Oscillation.NAME -> Oscillation.parse(c);
      default -> throw new InputException("analysis", "unknown analysis '" + name + "', allowed: " + ANALYSES);
    };
  }
}
