package org.qdlaser.pipeline.manifest;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;

/**
 * Turns a study into its plan: each run's tasks as its analysis plans them, then one report task
 * over all runs. Every task carries a typed parameters record, hashed into its key and passed to
 * its action.
 */
public final class StudyPlanner {
  private StudyPlanner() {}

  public static List<PlannedTask> plan(Study study, ReportContext reportContext) {
    List<PlannedTask> tasks = new ArrayList<>();
    List<String> reportInputs = new ArrayList<>();
    Analysis.RunPlan p = study.analysis().planStudy(study);
    tasks.addAll(p.tasks());
    reportInputs.addAll(p.reportInputs());
    tasks.add(study.analysis().report(study, reportContext, reportInputs));
    return tasks;
  }

  /** Parses a manifest and plans it (for replanning a sharded run from its manifest copy). */
  public static List<PlannedTask> plan(String manifestYaml, ReportContext reportContext) {
    return plan(ManifestParser.parse(manifestYaml), reportContext);
  }
}
