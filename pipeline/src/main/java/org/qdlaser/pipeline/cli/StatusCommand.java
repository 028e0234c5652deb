package org.qdlaser.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.inspect.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code run} would do with a manifest in a run directory, and why: per task up-to-date, stale or missing. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show which tasks of a manifest's plan are up-to-date, stale or missing in the run directory, and why "
        + "(manifest field with old -> new value, stage version, upstream artifact). Computes nothing, writes nothing.",
        "Exit code 0 whatever the state; with --json, \"up_to_date\" says whether a run would reuse every task."})
public final class StatusCommand implements Callable<Integer> {
  @Mixin PlanOptions planOptions;

  @Option(names = "--json", description = "print JSON: study, run_dir, lock, up_to_date, counts, manifest_changes, tasks")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    StudyPlan sp = planOptions.read();
    RunStatus.Report report = RunStatus.of(sp.specs(), sp.runDir(), sp.yaml());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(json(sp.study().name(), report)));
    } else {
      print(sp.study().name(), report, out);
    }
    return ExitCodes.OK;
  }

  static Map<String, Object> json(String study, RunStatus.Report report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("study", study);
    m.put("run_dir", report.runDir().toString());
    m.put("lock", report.lock());
    m.put("up_to_date", report.upToDate());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (RunStatus.State s : RunStatus.State.values()) {
      counts.put(s.text(), report.count(s));
    }
    m.put("counts", counts);
    List<Map<String, Object>> changes = new ArrayList<>();
    report.manifestChanges().forEach(c -> changes.add(change(c.path(), c.oldValue(), c.newValue())));
    m.put("manifest_changes", changes);
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (RunStatus.TaskState t : report.tasks()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", t.id());
      tm.put("stage", t.stage());
      tm.put("stage_version", t.stageVersion());
      tm.put("state", t.state().text());
      tm.put("key", t.key());
      List<Map<String, Object>> reasons = new ArrayList<>();
      for (RunStatus.Reason r : t.reasons()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        rm.put("path", r.path());
        rm.put("old", r.oldValue());
        rm.put("new", r.newValue());
        rm.put("manifest_field", r.manifestField());
        rm.put("text", r.text());
        reasons.add(rm);
      }
      tm.put("reasons", reasons);
      tasks.add(tm);
    }
    m.put("tasks", tasks);
    return m;
  }

  private static Map<String, Object> change(String path, String old, String now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("old", old);
    m.put("new", now);
    return m;
  }

  /** Reasons in words, the upstream ones in one (a report may have hundreds of upstream tasks). */
  static List<String> reasons(List<RunStatus.Reason> reasons) {
    List<String> upstream = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (RunStatus.Reason r : reasons) {
      if (r.kind() == RunStatus.ReasonKind.UPSTREAM) {
        if (upstream.isEmpty()) {
          out.add(null);
        }
        upstream.add(r.text().substring("upstream ".length()));
      } else {
        out.add(r.text());
      }
    }
    if (!upstream.isEmpty()) {
      int shown = Math.min(MAX_UPSTREAM_SHOWN, upstream.size());
      String text = "upstream " + String.join(", ", upstream.subList(0, shown))
          + (upstream.size() > shown ? " and " + (upstream.size() - shown) + " more" : "");
      out.set(out.indexOf(null), text);
    }
    return out;
  }

  /** Upstream tasks named in a text line; the JSON lists them all. */
  static final int MAX_UPSTREAM_SHOWN = 3;

  static void print(String study, RunStatus.Report report, PrintWriter out) {
    out.println("study " + study + " in " + report.runDir() + (report.lock() == null ? " (no lock: nothing finished here)"
        : " (reuse from " + report.lock() + ")"));
    if (!report.manifestChanges().isEmpty()) {
      out.println("manifest changes since the last run here:");
      report.manifestChanges().forEach(c -> out.println("  " + c));
    }
    for (RunStatus.TaskState t : report.tasks()) {
      StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-10s  %s", t.state().text(), t.id()));
      if (!t.reasons().isEmpty()) {
        line.append(": ").append(String.join("; ", reasons(t.reasons())));
      }
      out.println(line);
    }
    out.println(report.count(RunStatus.State.UP_TO_DATE) + " up-to-date, " + report.count(RunStatus.State.STALE) + " stale, "
        + report.count(RunStatus.State.MISSING) + " missing" + (report.upToDate() ? ": a run would reuse every task" : ""));
  }
}
