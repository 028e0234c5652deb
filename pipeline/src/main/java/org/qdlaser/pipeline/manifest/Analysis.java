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
public sealed interface Analysis permits Sweep, ThresholdCurve, Branches, Activation, Oscillation {
  /** The analysis' name in manifests ({@code analysis:}). */
  String name();

  /** The tasks of one model run, in dependency order, and those of them whose artifacts the report reads. */
  RunPlan plan(ModelRun run, Study study);

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
