package org.qdlaser.pipeline.inspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.provenance.Timestamps;
import org.qdlaser.stages.physics.Readable;

/**
 * A run's timeline page ({@code report/timeline.html}, as Nextflow's execution timeline): per task
 * its start (seconds after the run's start), wall time, whether it was computed or reused, where
 * it ran, and for reused tasks how long their computation took when it ran; a bar chart of the
 * same, and the task graph ({@value #GRAPH_FILE}). Written after the run from {@code
 * provenance.json}, like it not part of the lock (it changes on every run).
 */
public final class Timeline {
  /** File name of the timeline page inside {@code report/}. */
  public static final String FILE_NAME = "timeline.html";
  /** File name of the task graph SVG inside {@code report/}. */
  public static final String GRAPH_FILE = "task-graph.svg";
  /** Chart geometry, px. */
  static final int ROW_HEIGHT = 14;
  static final int LABEL_WIDTH = 260;
  static final int CHART_WIDTH = 700;

  private Timeline() {}

  /**
   * The page.
   *
   * @param provenance the finished run's provenance
   * @param computed for reused tasks, the record of the run that computed them, by task key (may be empty)
   */
  public static String html(Provenance provenance, Map<String, TaskRecord> computed) {
    Instant runStart = Timestamps.parse(provenance.startedAt(), "run start");
    Instant runEnd = provenance.endedAt() == null ? runStart : Timestamps.parse(provenance.endedAt(), "run end");
    double total = Math.max(1e-3, seconds(runStart, runEnd));
    List<TaskRecord> tasks = provenance.tasks();
    StringBuilder h = new StringBuilder();
    head(h, provenance, total);
    chart(h, tasks, runStart, total);
    table(h, tasks, runStart, computed);
    h.append("<h2>Task graph</h2>\n<div class=\"graph\"><img src=\"").append(GRAPH_FILE)
        .append("\" alt=\"task graph: each task's inputs on its left\"></div>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** The page's head and the run's summary: when, where, how many tasks computed and reused. */
  private static void head(StringBuilder h, Provenance provenance, double total) {
    List<TaskRecord> tasks = provenance.tasks();
    int ran = 0;
    double busy = 0;
    for (TaskRecord t : tasks) {
      if (t.status() == TaskRecord.Status.RAN) {
        ran++;
        busy += t.wallSeconds();
      }
    }
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<title>").append(xml(provenance.study())).append(": timeline</title>\n");
    h.append("<style>\n")
        .append("body { font-family: sans-serif; margin: 1.5em; max-width: 75em; }\n")
        .append("table { border-collapse: collapse; font-size: 90%; }\n")
        .append("th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }\n")
        .append("td.num { text-align: right; font-variant-numeric: tabular-nums; }\n")
        .append(".graph { overflow: auto; max-height: 40em; border: 1px solid #ddd; }\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<p><a href=\"index.html\">report</a></p>\n");
    h.append("<h1>").append(xml(provenance.study())).append(": timeline</h1>\n");
    h.append("<p>Run from ").append(xml(provenance.startedAt())).append(" to ").append(xml(String.valueOf(provenance.endedAt())))
        .append(" (").append(Readable.seconds(total)).append(") on ").append(xml(provenance.hostname())).append(", ")
        .append(provenance.availableProcessors()).append(" CPU(s), executor ")
        .append(xml(provenance.execution().getOrDefault("executor", TaskRecord.EXECUTOR_LOCAL))).append(": ")
        .append(ran).append(" task(s) computed (").append(Readable.seconds(busy)).append(" of task time), ")
        .append(tasks.size() - ran).append(" reused. From <code>provenance.json</code>. CPU time is the worker thread's (a task computes on one")
        .append(" thread); memory per task is not measured (tasks share one JVM).</p>\n");
  }

  /** The timeline: one bar per task from its start, blue when computed, grey when reused. */
  private static void chart(StringBuilder h, List<TaskRecord> tasks, Instant runStart, double total) {
    h.append("<h2>Timeline</h2>\n");
    int height = tasks.size() * ROW_HEIGHT + 30;
    h.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"10\" role=\"img\" aria-label=\"timeline\">%n",
        LABEL_WIDTH + CHART_WIDTH + 20, height));
    for (int tick = 0; tick <= 4; tick++) {
      double x = LABEL_WIDTH + CHART_WIDTH * tick / 4.0;
      h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", x, x, height - 18));
      h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, height - 4,
          Readable.seconds(total * tick / 4.0)));
    }
    int row = 0;
    for (TaskRecord t : tasks) {
      double start = seconds(runStart, Timestamps.parse(t.startedAt(), "task start"));
      double y = row * ROW_HEIGHT;
      double x = LABEL_WIDTH + CHART_WIDTH * start / total;
      double w = Math.max(1.5, CHART_WIDTH * t.wallSeconds() / total);
      boolean reused = t.status() == TaskRecord.Status.REUSED;
      h.append(String.format(Locale.ROOT, "<g><title>%s: %s, start %s, %s</title>", xml(id(t)), reused ? "reused" : "computed",
          Readable.seconds(start), Readable.seconds(t.wallSeconds())));
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LABEL_WIDTH - 6, y + 10, xml(id(t))));
      h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/></g>%n", x, y + 2, w,
          ROW_HEIGHT - 4, reused ? "#b7b7b7" : "#3d85c6"));
      row++;
    }
    h.append("</svg>\n<p>Blue: computed in this run; grey: reused.</p>\n");
  }

  /** The table of tasks: start, wall and CPU time, status and why, the original computation of reused ones. */
  private static void table(StringBuilder h, List<TaskRecord> tasks, Instant runStart, Map<String, TaskRecord> computed) {
    h.append("<h2>Tasks</h2>\n<table>\n<thead><tr><th scope=\"col\">task</th><th scope=\"col\">start</th>")
        .append("<th scope=\"col\">wall time</th><th scope=\"col\">CPU time</th><th scope=\"col\">status</th><th scope=\"col\">why</th>")
        .append("<th scope=\"col\">computed originally</th><th scope=\"col\">host</th><th scope=\"col\">job</th></tr></thead>\n<tbody>\n");
    for (TaskRecord t : tasks) {
      double start = seconds(runStart, Timestamps.parse(t.startedAt(), "task start"));
      boolean reused = t.status() == TaskRecord.Status.REUSED;
      TaskRecord original = reused ? computed.get(t.key()) : null;
      String originally = original == null ? "" : Readable.seconds(original.wallSeconds()) + " at " + original.startedAt();
      h.append("<tr><td><code>").append(xml(id(t))).append("</code></td><td class=\"num\">+").append(Readable.seconds(start))
          .append("</td><td class=\"num\">").append(Readable.seconds(t.wallSeconds())).append("</td><td class=\"num\">")
          .append(t.cpuSeconds() == null ? "" : Readable.seconds(t.cpuSeconds())).append("</td><td>")
          .append(reused ? "reused" : "computed").append("</td><td>").append(xml(t.reason())).append("</td><td>")
          .append(xml(originally)).append("</td><td>").append(xml(t.host())).append("</td><td>")
          .append(xml(t.jobId() == null ? "" : t.jobId())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static String id(TaskRecord t) {
    return t.stage() + "/" + t.label();
  }

  private static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  private static String xml(String s) {
    return TaskGraph.xml(s);
  }

}
