package org.qdlaser.pipeline.manifest;

import java.util.List;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.ReportHeader;
import org.qdlaser.pipeline.tasks.ModelParams;
import org.qdlaser.pipeline.tasks.SamplingTask;

/**
 * A validated study manifest (schema qdlaser/manifest/v1): its models, their parameters and
 * samples, and one {@link Analysis}.
 *
 * @param name study name (run directory name)
 * @param title human title
 * @param description free text
 * @param gammaNrPerSecond unit of all rates, s^-1
 * @param models the model runs (a sample set expanded: one run per sample)
 * @param analysis what is computed for each run, and the report
 */
public record Study(String name, String title, String description, double gammaNrPerSecond, List<ModelRun> models,
    Analysis analysis) {
  public Study {
    models = List.copyOf(models);
  }

  /** The report's header: the study, its runs, and the code and machine the report names. */
  ReportHeader reportHeader(ReportContext context) {
    return new ReportHeader(name, title, description, analysis.name(), gammaNrPerSecond, models, context);
  }

  /** A run's model as task keys hold it. */
  static ModelParams model(ModelRun run) {
    return ModelParams.of(run.kind(), run.parameters());
  }

  /** The sampling task of a run: its dots (model parameters and sample options). */
  static org.qdlaser.pipeline.plan.PlannedTask sampling(ModelRun run) {
    return SamplingTask.TASK.plan(run.label(), new SamplingTask.Params(model(run), run.sample()), List.of());
  }
}
