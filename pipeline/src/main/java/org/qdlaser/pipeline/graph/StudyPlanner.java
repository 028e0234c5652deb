package org.qdlaser.pipeline.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.physics.LaserParameters;

/**
 * Turns a study into its plan: per model run, sampling → integration → equilibrium → fitting;
 * then one report over all runs.
 */
public final class StudyPlanner {
  /** Stage versions: bump when a stage's output for the same inputs changes. */
  public static final int SAMPLING_VERSION = 2;
  public static final int INTEGRATION_VERSION = 7; // 3: sparse iteration matrices for the _d models; 4: TPM_d sweeps start seeded; 5: Newton converged at F's rounding level (_d sweeps polish by Newton); 6: stability margin from the Jacobian's measured noise; 7: BDF Newton test with the geometric tail, carried rate >= 0.2, new Jacobian after slow convergence (issue 14)
  // 4: non-lasing samples recorded; 5: early Newton for small systems, sparse Newton/stability; 6: TPM_IF_d seeded
  // from CIM_d; 7: Newton converged at F's rounding level, threshold start pumps up to the ceiling; 8: branches of
  // _d models (arclength scaled per field family), the stable end (threshold) in folds.json; 9: _d branches stop
  // five unstable points past the fold; 10: activation transients bounded by a budget, verdict unsettled;
  // stability margin from the Jacobian's measured noise (unstable branches past ill-conditioned folds were
  // labelled stable), pitchforks by the real charge-1 determinant; 11: transients with the BDF Newton test of
  // issue 14 (geometric tail, carried rate >= 0.2, new Jacobian after slow convergence)
  public static final int EQUILIBRIUM_VERSION = 11;
  public static final int FITTING_VERSION = 7; // 4: Lorentzian fit says lasing, none below threshold; 5: exact thresholds of _d sweeps; 6: exact thresholds as equilibrium 7; 7: as equilibrium 10, unsettled samples fitted, marked
  public static final int REPORT_VERSION = 5; // 2: figures of activation studies (Figs. 5, 6, 8-10); 3: amplitude_range, branch thresholds, photons_vs_pump; 4: unsettled samples (open markers, listed); 5: not_lasing_count in activation summaries

  private StudyPlanner() {}

  /** The sampling task of a polydisperse run (model parameters + sample options), added to {@code tasks}. */
  private static TaskSpec samplingTask(Study.ModelRun run, Map<String, Object> model, List<PlannedTask> tasks) {
    Map<String, Object> sampleParams = new TreeMap<>(model);
    sampleParams.put("sample", new TreeMap<>(run.sample()));
    TaskSpec sampling = TaskSpec.of("sampling", SAMPLING_VERSION, run.label(), sampleParams, List.of());
    tasks.add(new PlannedTask(sampling, StageActions.sampling(run)));
    return sampling;
  }

  public static List<PlannedTask> plan(Study study, ReportContext reportContext) {
    List<PlannedTask> tasks = new ArrayList<>();
    List<String> fittingIds = new ArrayList<>();
    if (study.analysis() == Study.Analysis.ACTIVATION) {
      for (Study.ModelRun run : study.models()) {
        Map<String, Object> model = modelParameters(run);
        TaskSpec sampling = samplingTask(run, model, tasks);
        Map<String, Object> p = new TreeMap<>(model);
        p.put("pump", study.pumps()[0]);
        p.put("transient_budget", study.transientBudget().time());
        TaskSpec eq = TaskSpec.of("equilibrium", EQUILIBRIUM_VERSION, run.label(), p, List.of(sampling.id()));
        tasks.add(new PlannedTask(eq, StageActions.activation(run, study)));
        TaskSpec fit = TaskSpec.of("fitting", FITTING_VERSION, run.label(), Map.of("fit", "lorentzian (Eq. 2)"), List.of(eq.id()));
        tasks.add(new PlannedTask(fit, StageActions.lorentzian(run)));
        fittingIds.add(sampling.id()); // the report's figures show the sample statistics (Fig. 9)
        fittingIds.add(eq.id());
        fittingIds.add(fit.id());
      }
      tasks.add(new PlannedTask(TaskSpec.of("report", REPORT_VERSION, "all", reportParameters(study, reportContext), fittingIds),
          StageActions.report(study, reportContext)));
      return tasks;
    }
    if (study.analysis() == Study.Analysis.OSCILLATION) {
      for (Study.ModelRun run : study.models()) {
        Map<String, Object> model = modelParameters(run);
        TaskSpec sampling = samplingTask(run, model, tasks);
        Map<String, Object> p = new TreeMap<>(model);
        p.put("pump", study.pumps()[0]);
        p.put("window", study.window());
        p.put("relaxation", relaxation(study.relaxation()));
        TaskSpec integ = TaskSpec.of("integration", INTEGRATION_VERSION, run.label(), p, List.of(sampling.id()));
        tasks.add(new PlannedTask(integ, StageActions.oscillation(run, study)));
        TaskSpec fit = TaskSpec.of("fitting", FITTING_VERSION, run.label(), Map.of("fit", "phase slope of <b>"), List.of(integ.id()));
        tasks.add(new PlannedTask(fit, StageActions.oscillationFit(run)));
        fittingIds.add(integ.id());
        fittingIds.add(fit.id());
      }
      tasks.add(new PlannedTask(TaskSpec.of("report", REPORT_VERSION, "all", reportParameters(study, reportContext), fittingIds),
          StageActions.report(study, reportContext)));
      return tasks;
    }
    if (study.analysis() != Study.Analysis.SWEEP) {
      for (Study.ModelRun run : study.models()) {
        Map<String, Object> p = new TreeMap<>(modelParameters(run));
        p.put("relaxation", relaxation(study.relaxation()));
        TaskAction action;
        if (study.analysis() == Study.Analysis.THRESHOLD_CURVE) {
          p.put("scan_parameter", study.scan().parameter());
          p.put("scan_values", study.scan().values());
          action = StageActions.thresholdCurve(run, study);
        } else {
          if (study.scan() != null) {
            // Continuation in another parameter (older manifests keep their keys: no new fields for r).
            p.put("branch_parameter", study.scan().parameter());
            p.put("branch_from", study.pumps()[0]);
            p.put("branch_to", study.pumps()[1]);
            p.put("branch_pump", study.pumps()[2]);
          } else {
            p.put("start_pump", study.pumps()[0]);
            p.put("lowest_pump", study.pumps()[1]);
          }
          action = StageActions.branch(run, study);
        }
        // A polydisperse branch starts from its sample (drawn by the sampling stage).
        List<String> deps = run.kind().polydisperse() ? List.of(samplingTask(run, modelParameters(run), tasks).id()) : List.of();
        TaskSpec t = TaskSpec.of("equilibrium", EQUILIBRIUM_VERSION, run.label(), p, deps);
        tasks.add(new PlannedTask(t, action));
        fittingIds.add(t.id());
      }
      tasks.add(new PlannedTask(TaskSpec.of("report", REPORT_VERSION, "all", reportParameters(study, reportContext), fittingIds),
          StageActions.report(study, reportContext)));
      return tasks;
    }
    for (Study.ModelRun run : study.models()) {
      String label = run.label();
      Map<String, Object> model = modelParameters(run);

      Map<String, Object> sampleParams = new TreeMap<>(model);
      sampleParams.put("sample", new TreeMap<>(run.sample()));
      TaskSpec sampling = TaskSpec.of("sampling", SAMPLING_VERSION, label, sampleParams, List.of());
      tasks.add(new PlannedTask(sampling, StageActions.sampling(run)));

      Map<String, Object> integ = new TreeMap<>(model);
      integ.put("pumps", study.pumps());
      integ.put("relaxation", relaxation(study.relaxation()));
      integ.put("record_stride", study.recordStride());
      TaskSpec integration = TaskSpec.of("integration", INTEGRATION_VERSION, label, integ, List.of(sampling.id()));
      tasks.add(new PlannedTask(integration, StageActions.integration(run, study)));

      TaskSpec equilibrium = TaskSpec.of("equilibrium", EQUILIBRIUM_VERSION, label, model, List.of(sampling.id(), integration.id()));
      tasks.add(new PlannedTask(equilibrium, StageActions.equilibrium(run, study)));

      Map<String, Object> fit = new TreeMap<>(model);
      fit.put("relaxation", relaxation(study.relaxation()));
      // Detuned dots: the exact threshold starts from the sweep's lowest lasing state (sample + transient ends).
      List<String> fitInputs = run.kind().polydisperse()
          ? List.of(sampling.id(), integration.id(), equilibrium.id()) : List.of(equilibrium.id());
      TaskSpec fitting = TaskSpec.of("fitting", FITTING_VERSION, label, fit, fitInputs);
      tasks.add(new PlannedTask(fitting, StageActions.fitting(run, study)));
      fittingIds.add(equilibrium.id());
      fittingIds.add(fitting.id());
    }
    tasks.add(new PlannedTask(TaskSpec.of("report", REPORT_VERSION, "all", reportParameters(study, reportContext), fittingIds),
        StageActions.report(study, reportContext)));
    return tasks;
  }

  private static Map<String, Object> reportParameters(Study study, ReportContext reportContext) {
    Map<String, Object> rep = new TreeMap<>();
    rep.put("study", study.name());
    rep.put("title", study.title());
    rep.put("description", study.description());
    rep.put("analysis", study.analysis().name());
    rep.put("gamma_nr_per_s", study.gammaNrPerSecond());
    rep.put("labels", study.models().stream().map(Study.ModelRun::label).toList());
    if (!study.figures().isEmpty()) {
      rep.put("figures", study.figures().stream().map(f -> f.toString()).toList());
    }
    // The report shows the code version; a new commit must regenerate it.
    rep.put("code", reportContext.codeIdentity());
    return rep;
  }

  static Map<String, Object> modelParameters(Study.ModelRun run) {
    LaserParameters p = run.parameters();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", run.kind().name());
    m.put("gamma", p.gamma());
    m.put("gamma_c", p.gammaC());
    m.put("gamma_nl", p.gammaNl());
    m.put("gamma_nr", p.gammaNr());
    m.put("g", p.g());
    m.put("mu", p.mu());
    m.put("N", p.n());
    m.put("delta_nu", p.deltaNu());
    return m;
  }

  private static Map<String, Object> relaxation(RelaxationSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rtol", s.rtol());
    m.put("atol", s.atol());
    m.put("stop_threshold", s.stopThreshold());
    m.put("max_time", s.maxTime());
    m.put("min_time", s.minTime());
    return m;
  }
}
