package org.qdlaser.pipeline.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.qdlaser.pipeline.plan.ModelRun;

/**
 * What an analysis' parser sees: the manifest's tree, gamma_nr and the parsed model runs; the
 * {@code integration:} section is parsed when first asked for (analyses check their own section
 * first, so that its errors come first, as they always have).
 */
final class ParseContext {
  private final JsonNode root;
  private final double gammaNrPerSecond;
  private final List<ModelRuns.Entry> entries;
  private Integration integration;

  ParseContext(JsonNode root, double gammaNrPerSecond, List<ModelRuns.Entry> entries) {
    this.root = root;
    this.gammaNrPerSecond = gammaNrPerSecond;
    this.entries = List.copyOf(entries);
  }

  JsonNode root() {
    return root;
  }

  /** A section of the manifest, or null. */
  JsonNode get(String name) {
    return root.get(name);
  }

  double gammaNr() {
    return gammaNrPerSecond;
  }

  List<ModelRuns.Entry> entries() {
    return entries;
  }

  List<ModelRun> runs() {
    return ModelRuns.runs(entries);
  }

  Integration integration() {
    if (integration == null) {
      integration = Integration.parse(root.get("integration"));
    }
    return integration;
  }
}
