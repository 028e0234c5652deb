package org.qdlaser.pipeline.manifest;

import java.util.List;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;

/**
 * What a study computes for each of its model runs, and its report. One record per analysis, each
 * owning its manifest section ({@code parse}), its tasks ({@link #plan}) and its report task
 * ({@link #report}); a new analysis is a new record here and a case in {@link ManifestParser}.
 */
public sealed interface Analysis permits Sweep, ThresholdCurve, Branches, Activation, Oscillation,
    SimpleModelFigure {
  /** The analysis' name in manifests ({@code analysis:}). */
  String name();

  /** The tasks of one model run, in dependency order, and those of them whose artifacts the report reads. */
  RunPlan plan(ModelRun run, Study study);

  /**
   * The tasks of the whole study: by default each model run's {@link #plan}; analyses whose runs
   * are not nanolaser model runs (the Simple Model's) plan here.
   */
  default RunPlan planStudy(Study study) {
    List<PlannedTask> tasks = new java.util.ArrayList<>();
    List<String> inputs = new java.util.ArrayList<>();
    for (ModelRun run : study.models()) {
      RunPlan p = plan(run, study);
      tasks.addAll(p.tasks());
      inputs.addAll(p.reportInputs());
    }
    return new RunPlan(tasks, inputs);
  }

  /** The report task over all runs, reading the artifacts of {@code inputs} (task ids). */
  PlannedTask report(Study study, ReportContext context, List<String> inputs);

  /**
   * One run's tasks.
   *
   * @param tasks in dependency order
   * @param reportInputs ids of the tasks whose artifacts the report reads
   */
  record RunPlan(List<PlannedTask> tasks, List<String> reportInputs) {
    public RunPlan {
      tasks = List.copyOf(tasks);
      reportInputs = List.copyOf(reportInputs);
    }
  }
}
