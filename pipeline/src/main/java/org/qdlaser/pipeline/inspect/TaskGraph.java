package org.qdlaser.pipeline.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.plan.TaskSpec;

/**
 * A plan's task graph: as Graphviz DOT ({@code qdlaser dag}) and as an SVG drawn by a layered
 * layout of our own (the report needs no native Graphviz): each task in the column of its longest
 * path from a source, left to right; within a column tasks ordered by the mean position of their
 * neighbours (barycentre sweeps, which keep a model's chain of tasks on one row); edges as cubic
 * curves from right to left sides.
 */
public final class TaskGraph {
  /** Node size and gaps of the SVG, px. */
  static final int NODE_WIDTH = 190;
  static final int NODE_HEIGHT = 34;
  static final int GAP_X = 60;
  static final int GAP_Y = 10;
  static final int MARGIN = 10;
  /** Barycentre sweeps (down and up) of the ordering; two settle graphs of this shape. */
  static final int SWEEPS = 2;
  /** Characters of a label that fit a node. */
  static final int LABEL_CHARS = 26;

  private static final Map<String, String> STAGE_COLOURS = Map.of(
      "sampling", "#d9ead3", "integration", "#cfe2f3", "equilibrium", "#fff2cc", "fitting", "#f4cccc", "report", "#e6e6e6");
  private static final Map<RunStatus.State, String> STATE_COLOURS = Map.of(
      RunStatus.State.UP_TO_DATE, "#b6d7a8", RunStatus.State.STALE, "#f9cb9c", RunStatus.State.MISSING, "#ffffff");

  private final List<TaskSpec> tasks;
  private final Map<String, TaskSpec> byId = new LinkedHashMap<>();

  /** @param tasks the plan, in dependency order */
  public TaskGraph(List<TaskSpec> tasks) {
    this.tasks = List.copyOf(tasks);
    for (TaskSpec t : this.tasks) {
      for (String d : t.dependsOn()) {
        if (!byId.containsKey(d)) {
          throw new IllegalArgumentException("task " + t.id() + " depends on unknown or later task " + d);
        }
      }
      byId.put(t.id(), t);
    }
  }

  /**
   * Graphviz DOT text.
   *
   * @param name the graph's name (the study)
   * @param states task states to colour the nodes by, or null to colour by stage
   */
  public String dot(String name, Map<String, RunStatus.State> states) {
    StringBuilder s = new StringBuilder();
    s.append("digraph ").append(quote(name)).append(" {\n");
    s.append("  rankdir=LR;\n");
    s.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
    for (TaskSpec t : tasks) {
      String label = t.stage() + " v" + t.stageVersion() + "\n" + t.label();
      String colour = colour(t, states);
      s.append("  ").append(quote(t.id())).append(" [label=").append(quote(label)).append(", fillcolor=").append(quote(colour));
      if (states != null && states.get(t.id()) != null) {
        s.append(", tooltip=").append(quote(states.get(t.id()).text()));
      }
      s.append("];\n");
    }
    for (TaskSpec t : tasks) {
      for (String d : t.dependsOn()) {
        s.append("  ").append(quote(d)).append(" -> ").append(quote(t.id())).append(";\n");
      }
    }
    s.append("}\n");
    return s.toString();
  }

  /** Node positions of the layered layout: column and row by task id. */
  record Position(int column, int row) {}

  /** The layered layout: column = longest path from a source; rows by barycentre sweeps. */
  Map<String, Position> layout() {
    Map<String, Integer> column = new HashMap<>();
    int columns = 0;
    for (TaskSpec t : tasks) {
      int c = 0;
      for (String d : t.dependsOn()) {
        c = Math.max(c, column.get(d) + 1);
      }
      column.put(t.id(), c);
      columns = Math.max(columns, c + 1);
    }
    List<List<String>> layers = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      layers.add(new ArrayList<>());
    }
    for (TaskSpec t : tasks) {
      layers.get(column.get(t.id())).add(t.id());
    }
    Map<String, List<String>> children = new HashMap<>();
    for (TaskSpec t : tasks) {
      for (String d : t.dependsOn()) {
        children.computeIfAbsent(d, k -> new ArrayList<>()).add(t.id());
      }
    }
    Map<String, Double> rank = new HashMap<>();
    renumber(layers, rank);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int c = 1; c < columns; c++) {
        order(layers.get(c), id -> byId.get(id).dependsOn(), rank);
        renumber(layers, rank);
      }
      for (int c = columns - 2; c >= 0; c--) {
        order(layers.get(c), id -> children.getOrDefault(id, List.of()), rank);
        renumber(layers, rank);
      }
    }
    Map<String, Position> out = new LinkedHashMap<>();
    for (int c = 0; c < columns; c++) {
      List<String> layer = layers.get(c);
      for (int r = 0; r < layer.size(); r++) {
        out.put(layer.get(r), new Position(c, r));
      }
    }
    return out;
  }

  /** Sorts a layer by the mean rank of each node's neighbours (stable: nodes without any keep their rank). */
  private static void order(List<String> layer, java.util.function.Function<String, List<String>> neighbours, Map<String, Double> rank) {
    Map<String, Double> key = new HashMap<>();
    for (String id : layer) {
      List<String> n = neighbours.apply(id);
      key.put(id, n.isEmpty() ? rank.get(id) : n.stream().mapToDouble(rank::get).average().orElseThrow());
    }
    layer.sort(Comparator.comparingDouble(key::get));
  }

  /** Ranks as fractions of each layer's height, so that layers of different sizes compare. */
  private static void renumber(List<List<String>> layers, Map<String, Double> rank) {
    for (List<String> layer : layers) {
      for (int i = 0; i < layer.size(); i++) {
        rank.put(layer.get(i), (i + 0.5) / layer.size());
      }
    }
  }

  /**
   * The graph as a standalone SVG document.
   *
   * @param states task states to colour the nodes by, or null to colour by stage
   */
  public String svg(Map<String, RunStatus.State> states) {
    Map<String, Position> pos = layout();
    int columns = pos.values().stream().mapToInt(Position::column).max().orElse(-1) + 1;
    int[] size = new int[columns];
    pos.values().forEach(p -> size[p.column()]++);
    int maxRows = 0;
    for (int n : size) {
      maxRows = Math.max(maxRows, n);
    }
    int width = 2 * MARGIN + columns * NODE_WIDTH + Math.max(0, columns - 1) * GAP_X;
    int height = 2 * MARGIN + maxRows * NODE_HEIGHT + Math.max(0, maxRows - 1) * GAP_Y;
    Map<String, double[]> xy = new HashMap<>();
    for (Map.Entry<String, Position> e : pos.entrySet()) {
      Position p = e.getValue();
      double offset = (maxRows - size[p.column()]) * (NODE_HEIGHT + GAP_Y) / 2.0;
      xy.put(e.getKey(), new double[] {MARGIN + p.column() * (NODE_WIDTH + GAP_X), MARGIN + offset + p.row() * (NODE_HEIGHT + GAP_Y)});
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"Helvetica, Arial, sans-serif\"")
        .append(" font-size=\"11\" role=\"img\" aria-label=\"task graph\">\n");
    s.append("<title>task graph: ").append(tasks.size()).append(" tasks</title>\n");
    s.append("<g fill=\"none\" stroke=\"#888\" stroke-width=\"1\">\n");
    for (TaskSpec t : tasks) {
      double[] to = xy.get(t.id());
      for (String d : t.dependsOn()) {
        double[] from = xy.get(d);
        double x1 = from[0] + NODE_WIDTH;
        double y1 = from[1] + NODE_HEIGHT / 2.0;
        double x2 = to[0];
        double y2 = to[1] + NODE_HEIGHT / 2.0;
        double mid = (x1 + x2) / 2;
        s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\"/>%n", x1, y1, mid, y1, mid, y2, x2, y2));
      }
    }
    s.append("</g>\n");
    for (TaskSpec t : tasks) {
      double[] p = xy.get(t.id());
      String state = states != null && states.get(t.id()) != null ? ": " + states.get(t.id()).text() : "";
      s.append(String.format(Locale.ROOT, "<g><title>%s (v%d)%s</title>", xml(t.id()), t.stageVersion(), xml(state)));
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\" stroke=\"#555\"/>",
          p[0], p[1], NODE_WIDTH, NODE_HEIGHT, colour(t, states)));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s</text>", p[0] + 6, p[1] + 14,
          xml(t.stage() + " v" + t.stageVersion())));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>%n", p[0] + 6, p[1] + 28, xml(clip(t.label()))));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String colour(TaskSpec t, Map<String, RunStatus.State> states) {
    if (states != null && states.get(t.id()) != null) {
      return STATE_COLOURS.get(states.get(t.id()));
    }
    return STAGE_COLOURS.getOrDefault(t.stage(), "#ffffff");
  }

  private static String clip(String s) {
    return s.length() <= LABEL_CHARS ? s : s.substring(0, LABEL_CHARS - 1) + "\u2026";
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
