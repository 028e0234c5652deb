package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One kind of check (one section of a spec): an entry of that section against a run. */
@FunctionalInterface
interface GoldenCheck {
  /**
   * @param entry the spec's entry
   * @param golden the spec (its reference tables)
   * @param run the run's artifacts
   * @return one result, or one per compared column
   */
  List<GoldenResult> check(JsonNode entry, GoldenSpec golden, RunArtifacts run);
}
