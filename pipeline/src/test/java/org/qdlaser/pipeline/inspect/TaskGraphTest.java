package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.plan.TaskSpec;

class TaskGraphTest {
  /** Two model chains (sampling -> integration -> fitting) and one report over both fittings. */
  static List<TaskSpec> plan() {
    return List.of(
        TaskSpec.of("sampling", 2, "B", Map.of(), List.of()),
        TaskSpec.of("sampling", 2, "A", Map.of(), List.of()),
        TaskSpec.of("integration", 6, "A", Map.of(), List.of("sampling/A")),
        TaskSpec.of("integration", 6, "B", Map.of(), List.of("sampling/B")),
        TaskSpec.of("fitting", 7, "A", Map.of(), List.of("integration/A", "sampling/A")),
        TaskSpec.of("fitting", 7, "B", Map.of(), List.of("integration/B")),
        TaskSpec.of("report", 5, "all", Map.of(), List.of("fitting/A", "fitting/B")));
  }

  @Test
  void dotHasEveryTaskAndEveryDependencyAsAnEdge() {
    String dot = new TaskGraph(plan()).dot("demo", null);
    assertThat(dot).startsWith("digraph \"demo\" {\n").endsWith("}\n")
        .contains("\"sampling/A\" [label=\"sampling v2\\nA\"")
        .contains("\"sampling/A\" -> \"integration/A\";", "\"sampling/A\" -> \"fitting/A\";", "\"fitting/B\" -> \"report/all\";");
    assertThat(dot.lines().filter(l -> l.contains("->")).count()).isEqualTo(7);
  }

  @Test
  void dotColoursByStateWhenGiven() {
    String dot = new TaskGraph(plan()).dot("demo", Map.of("sampling/A", RunStatus.State.STALE));
    assertThat(dot).contains("\"sampling/A\" [label=\"sampling v2\\nA\", fillcolor=\"#f9cb9c\", tooltip=\"stale\"]");
  }

  @Test
  void layersFollowTheLongestPathAndBarycentresKeepAChainOnOneRow() {
    Map<String, TaskGraph.Position> pos = new TaskGraph(plan()).layout();
    assertThat(pos.get("sampling/A").column()).isZero();
    assertThat(pos.get("fitting/A").column()).isEqualTo(2);
    assertThat(pos.get("report/all").column()).isEqualTo(3);
    // Each model's chain on the row of its sampling task (B came first in the plan).
    for (String label : List.of("A", "B")) {
      assertThat(pos.get("integration/" + label).row()).isEqualTo(pos.get("sampling/" + label).row());
      assertThat(pos.get("fitting/" + label).row()).isEqualTo(pos.get("sampling/" + label).row());
    }
  }

  @Test
  void svgDrawsOneBoxPerTaskAndOneCurvePerEdge() {
    String svg = new TaskGraph(plan()).svg(null);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(svg.split("<rect ", -1)).hasSize(8);
    assertThat(svg.split("<path ", -1)).hasSize(8);
    assertThat(svg).contains("<title>report/all (v5)</title>");
  }

  @Test
  void aDependencyOnALaterOrUnknownTaskIsRefused() {
    assertThatThrownBy(() -> new TaskGraph(List.of(TaskSpec.of("fitting", 1, "A", Map.of(), List.of("integration/A")))))
        .hasMessageContaining("depends on unknown or later task integration/A");
  }
}
