package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.positivePump;
import static org.qdlaser.pipeline.manifest.ManifestFields.section;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.ActivationReport;
import org.qdlaser.pipeline.report.Figure;
import org.qdlaser.pipeline.tasks.ActivationTask;
import org.qdlaser.pipeline.tasks.LorentzianTask;
import org.qdlaser.pipeline.tasks.ThresholdTask;
import org.qdlaser.stages.equilibrium.Equilibria;

/**
 * Activation curves of polydisperse samples at one pump with their Lorentzian fits (Figs. 4-6, 8-10):
 * {@code activation: {pump, transient_budget, procedure, long_time_limit}}.
 *
 * @param pump the pump (normalised)
 * @param transientBudget the longest transient (1/gamma_nr) of a sample that Newton does not settle
 *     from its seed; past it the sample is unsettled (docs/decisions.md)
 * @param procedure {@code ours} (default: an unsettled sample is followed to its long-time fate) or
 *     {@code paper} (every sample also gets the App. A reading; no fates), issue 13
 * @param longTimeLimit procedure ours: the longest co-rotating transient of an unsettled sample
 *     (1/gamma_nr); null under paper
 * @param thresholds whether each sample that spent its budget unsettled also gets its threshold searched
 *     ({@link ThresholdTask}, issue 13 item 4; default false: minutes per sample)
 * @param figures activation_panels, width_vs_frequency and amplitude_vs_shift figures
 */
public record Activation(double pump, double transientBudget, ActivationTask.Procedure procedure, Double longTimeLimit,
    boolean thresholds, List<Figure> figures) implements Analysis {
  public static final String NAME = "activation";
  /**
   * Allowed transient budgets (1/gamma_nr): at least the first transient window of a point (4 units,
   * one Newton attempt after it), at most the rotating relaxation settings' max time (1e4; beyond it
   * the budget would not bound anything).
   */
  static final double MIN_TRANSIENT_BUDGET = 4.0;
  static final double MAX_TRANSIENT_BUDGET = 1e4;
  /**
   * Allowed long-time limits (1/gamma_nr): at least the budget's shortest (below it the fate would end
   * before the budget it follows), at most 1e6 (100 times the default; the slowest fate measured ends at
   * 26,159 units, docs/transients.md, and a 1e5 run costs under a CPU minute at N = 50).
   */
  static final double MIN_LONG_TIME_LIMIT = MIN_TRANSIENT_BUDGET;
  static final double MAX_LONG_TIME_LIMIT = 1e6;

  public Activation {
    figures = List.copyOf(figures);
  }

  @Override
  public String name() {
    return NAME;
  }

  static Activation parse(ParseContext c) {
    JsonNode a = section(c.root(), "activation", "analysis activation needs activation: {pump: PUMP}");
    unknownKeys(a, Set.of("pump", "transient_budget", "procedure", "long_time_limit", "thresholds"), "activation.");
    JsonNode th = a.get("thresholds");
    if (th != null && !th.isBoolean()) {
      throw new InputException("activation.thresholds", "thresholds must be true or false (search the threshold of each "
          + "sample left unsettled by its budget), got " + th);
    }
    double pump = positivePump(a, "pump", "activation.pump", c.gammaNr());
    double budget = number(a, "transient_budget", "activation.transient_budget", Equilibria.DEFAULT_TRANSIENT_BUDGET);
    if (!(budget >= MIN_TRANSIENT_BUDGET) || budget > MAX_TRANSIENT_BUDGET) {
      throw new InputException("activation.transient_budget", "transient_budget (time, units of 1/gamma_nr) must be in ["
          + MIN_TRANSIENT_BUDGET + ", " + MAX_TRANSIENT_BUDGET + "], got " + a.get("transient_budget"));
    }
    ActivationTask.Procedure procedure = ActivationTask.Procedure.parse(
        text(a, "procedure", "activation.procedure", ActivationTask.Procedure.OURS.jsonName()), "activation.procedure");
    Double limit = null;
    if (procedure == ActivationTask.Procedure.OURS) {
      limit = number(a, "long_time_limit", "activation.long_time_limit", Equilibria.DEFAULT_LONG_TIME_LIMIT);
      if (!(limit >= MIN_LONG_TIME_LIMIT) || limit > MAX_LONG_TIME_LIMIT) {
        throw new InputException("activation.long_time_limit", "long_time_limit (time, units of 1/gamma_nr) must be in ["
            + MIN_LONG_TIME_LIMIT + ", " + MAX_LONG_TIME_LIMIT + "], got " + a.get("long_time_limit"));
      }
    } else if (a.has("long_time_limit")) {
      throw new InputException("activation.long_time_limit", "long_time_limit applies to procedure ours (the long-time "
          + "fate of unsettled samples); procedure paper reads " + ActivationTask.PAPER_DURATION
          + " time units of every sample (App. A), got long_time_limit " + a.get("long_time_limit") + " with procedure paper");
    }
    for (ModelRuns.Entry e : c.entries()) {
      if (!e.run().kind().polydisperse()) {
        // The first run that is not a sample (its index among the runs, as this message always gave it).
        int i = c.entries().indexOf(e);
        throw new InputException("models[" + i + "].model", "analysis activation needs polydisperse models (CIM_d, TPM_IF_d, TPM_d)");
      }
    }
    c.integration();
    return new Activation(pump, budget, procedure, limit, th != null && th.asBoolean(), Figures.parse(c.root(), NAME, c.runs()));
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    PlannedTask sampling = Study.sampling(run);
    PlannedTask eq = ActivationTask.TASK.plan(run.label(), new ActivationTask.Params(Study.model(run), pump, transientBudget,
        procedure, longTimeLimit),
        List.of(sampling.spec().id()));
    PlannedTask fit = LorentzianTask.TASK.plan(run.label(), LorentzianTask.params(run.kind()), List.of(eq.spec().id()));
    // The report's figures show the sample statistics (Fig. 9).
    if (!thresholds) {
      return new RunPlan(List.of(sampling, eq, fit), List.of(sampling.spec().id(), eq.spec().id(), fit.spec().id()));
    }
    PlannedTask th = ThresholdTask.TASK.plan(run.label(), new ThresholdTask.Params(Study.model(run), pump),
        List.of(sampling.spec().id(), eq.spec().id()));
    return new RunPlan(List.of(sampling, eq, fit, th),
        List.of(sampling.spec().id(), eq.spec().id(), fit.spec().id(), th.spec().id()));
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return ActivationReport.TASK.plan("all", new ActivationReport.Params(study.reportHeader(context), figures), inputs);
  }
}
