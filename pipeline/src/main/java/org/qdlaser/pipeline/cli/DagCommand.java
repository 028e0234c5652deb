package org.qdlaser.pipeline.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.inspect.RunStatus;
import org.qdlaser.pipeline.inspect.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The task graph of a manifest's plan as Graphviz DOT (or SVG by our own layered layout). */
@Command(name = "dag", mixinStandardHelpOptions = true,
    description = {"Print the task graph of a manifest's plan as Graphviz DOT (render with: dot -Tsvg), or as SVG with --svg.",
        "With --status, nodes are coloured by state in the run directory: green up-to-date, orange stale, white missing."})
public final class DagCommand implements Callable<Integer> {
  @Mixin PlanOptions planOptions;

  @Option(names = "--status", description = "colour nodes by their state in the run directory (as qdlaser status)")
  boolean status;

  @Option(names = "--svg", description = "print SVG (our layered layout, no Graphviz needed) instead of DOT")
  boolean svg;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    StudyPlan sp = planOptions.read();
    Map<String, RunStatus.State> states = null;
    if (status) {
      states = new LinkedHashMap<>();
      for (RunStatus.TaskState t : RunStatus.of(sp.specs(), sp.runDir(), null).tasks()) {
        states.put(t.id(), t.state());
      }
    }
    TaskGraph g = new TaskGraph(sp.specs());
    spec.commandLine().getOut().print(svg ? g.svg(states) : g.dot(sp.study().name(), states));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
