package org.qdlaser.pipeline.graph;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.tasks.ActivationTask;
import org.qdlaser.pipeline.tasks.BranchTask;
import org.qdlaser.pipeline.tasks.LorentzianTask;
import org.qdlaser.pipeline.tasks.ModelParams;
import org.qdlaser.pipeline.tasks.OscillationFitTask;
import org.qdlaser.pipeline.tasks.OscillationTask;
import org.qdlaser.pipeline.tasks.RelaxationParams;
import org.qdlaser.pipeline.tasks.SamplingTask;
import org.qdlaser.pipeline.tasks.SweepEquilibriumTask;
import org.qdlaser.pipeline.tasks.SweepFittingTask;
import org.qdlaser.pipeline.tasks.SweepIntegrationTask;
import org.qdlaser.pipeline.tasks.ThresholdCurveTask;

/**
 * Turns a study into its plan: per model run, sampling → integration → equilibrium → fitting;
 * then one report over all runs. Every task gets a typed parameters record that is both hashed into
 * its key and passed to its action.
 */
public final class StudyPlanner {
  private StudyPlanner() {}

  private static ModelParams model(Study.ModelRun run) {
    return ModelParams.of(run.kind(), run.parameters());
  }

  /** The sampling task of a run (model parameters + sample options), added to {@code tasks}. */
  private static PlannedTask sampling(Study.ModelRun run, List<PlannedTask> tasks) {
    PlannedTask t = SamplingTask.TASK.plan(run.label(), new SamplingTask.Params(model(run), run.sample()), List.of());
    tasks.add(t);
    return t;
  }

  public static List<PlannedTask> plan(Study study, ReportContext reportContext) {
    List<PlannedTask> tasks = new ArrayList<>();
    List<String> reportInputs = new ArrayList<>();
    for (Study.ModelRun run : study.models()) {
      switch (study.analysis()) {
        case ACTIVATION -> activation(study, run, tasks, reportInputs);
        case OSCILLATION -> oscillation(study, run, tasks, reportInputs);
        case THRESHOLD_CURVE, BRANCHES -> curveOrBranch(study, run, tasks, reportInputs);
        case SWEEP -> sweep(study, run, tasks, reportInputs);
      }
    }
    tasks.add(ReportTask.TASK.plan("all", new ReportTask.Params(study, reportContext), reportInputs));
    return tasks;
  }

  private static void activation(Study study, Study.ModelRun run, List<PlannedTask> tasks, List<String> reportInputs) {
    PlannedTask sampling = sampling(run, tasks);
    PlannedTask eq = ActivationTask.TASK.plan(run.label(),
        new ActivationTask.Params(model(run), study.pumps()[0], study.transientBudget().time()), List.of(sampling.spec().id()));
    tasks.add(eq);
    PlannedTask fit = LorentzianTask.TASK.plan(run.label(), LorentzianTask.Params.of(run.kind()), List.of(eq.spec().id()));
    tasks.add(fit);
    reportInputs.add(sampling.spec().id()); // the report's figures show the sample statistics (Fig. 9)
    reportInputs.add(eq.spec().id());
    reportInputs.add(fit.spec().id());
  }

  private static void oscillation(Study study, Study.ModelRun run, List<PlannedTask> tasks, List<String> reportInputs) {
    PlannedTask sampling = sampling(run, tasks);
    PlannedTask integ = OscillationTask.TASK.plan(run.label(), new OscillationTask.Params(model(run), study.pumps()[0],
        study.window(), RelaxationParams.of(study.relaxation()), study.gammaNrPerSecond()), List.of(sampling.spec().id()));
    tasks.add(integ);
    PlannedTask fit = OscillationFitTask.TASK.plan(run.label(), OscillationFitTask.Params.of(run.kind()),
        List.of(integ.spec().id()));
    tasks.add(fit);
    reportInputs.add(integ.spec().id());
    reportInputs.add(fit.spec().id());
  }

  private static void curveOrBranch(Study study, Study.ModelRun run, List<PlannedTask> tasks, List<String> reportInputs) {
    RelaxationParams relaxation = RelaxationParams.of(study.relaxation());
    // A polydisperse branch starts from its sample (drawn by the sampling stage).
    List<String> deps = run.kind().polydisperse() ? List.of(sampling(run, tasks).spec().id()) : List.of();
    PlannedTask t;
    if (study.analysis() == Study.Analysis.THRESHOLD_CURVE) {
      String param = study.scan().parameter();
      t = ThresholdCurveTask.TASK.plan(run.label(), new ThresholdCurveTask.Params(model(run), relaxation, param,
          study.scan().values(), study.gammaNrPerSecond(), param.equals("beta") ? run.gammaL() : null), deps);
    } else if (study.scan() != null) {
      // Continuation in another parameter (older manifests keep their keys: no new fields for r).
      t = BranchTask.TASK.plan(run.label(), BranchTask.Params.in(model(run), relaxation, study.scan().parameter(),
          study.pumps()[0], study.pumps()[1], study.pumps()[2], study.gammaNrPerSecond(), run.sampleWidth()), deps);
    } else {
      t = BranchTask.TASK.plan(run.label(), BranchTask.Params.inPump(model(run), relaxation, study.pumps()[0],
          study.pumps()[1], study.gammaNrPerSecond()), deps);
    }
    tasks.add(t);
    reportInputs.add(t.spec().id());
  }

  private static void sweep(Study study, Study.ModelRun run, List<PlannedTask> tasks, List<String> reportInputs) {
    String label = run.label();
    PlannedTask sampling = sampling(run, tasks);
    RelaxationParams relaxation = RelaxationParams.of(study.relaxation());
    PlannedTask integration = SweepIntegrationTask.TASK.plan(label, new SweepIntegrationTask.Params(model(run), study.pumps(),
        relaxation, study.recordStride()), List.of(sampling.spec().id()));
    tasks.add(integration);
    PlannedTask equilibrium = SweepEquilibriumTask.TASK.plan(label,
        new SweepEquilibriumTask.Params(model(run), study.gammaNrPerSecond()),
        List.of(sampling.spec().id(), integration.spec().id()));
    tasks.add(equilibrium);
    // Detuned dots: the exact threshold starts from the sweep's lowest lasing state (sample + transient ends).
    List<String> fitInputs = run.kind().polydisperse()
        ? List.of(sampling.spec().id(), integration.spec().id(), equilibrium.spec().id()) : List.of(equilibrium.spec().id());
    PlannedTask fitting = SweepFittingTask.TASK.plan(label,
        new SweepFittingTask.Params(model(run), relaxation, study.gammaNrPerSecond()), fitInputs);
    tasks.add(fitting);
    reportInputs.add(equilibrium.spec().id());
    reportInputs.add(fitting.spec().id());
  }
}
