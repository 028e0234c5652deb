package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.positivePump;
import static org.qdlaser.pipeline.manifest.ManifestFields.section;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.RelaxationReport;
import org.qdlaser.pipeline.tasks.PumpStepTask;
import org.qdlaser.pipeline.tasks.RelaxationSweepTask;

/**
 * Beyond the paper (issue 19): relaxation oscillations and g2(0) along a pump interval, both
 * branches, and optionally one pump step checked in the time domain:
 * {@code relaxation: {from, to, non_lasing_points, lasing_points, pump_step: {model, pump,
 * relative_step, fit_from, fit_to}}}.
 *
 * @param from lowest pump (normalised)
 * @param to highest pump (normalised)
 * @param nonLasingPoints pumps of the non-lasing branch (geometric)
 * @param lasingPoints amplitudes of the lasing branch (geometric)
 * @param pumpStep the pump step, or null
 */
public record RelaxationSweepAnalysis(double from, double to, int nonLasingPoints, int lasingPoints, PumpStep pumpStep)
    implements Analysis {
  public static final String NAME = "relaxation";
  /** Most points per branch: each point is two dense eigenproblems and a few LUs. */
  static final int MAX_POINTS = 200;
  /** Samples of a pump-step transient: ~400 per period in the windows the time-domain tests use. */
  static final int PUMP_STEP_SAMPLES = 4001;

  /**
   * A pump step r2 (1 - relativeStep) -> r2 of one run.
   *
   * @param label the run's label
   * @param pump r2 (normalised)
   * @param relativeStep in (0, 0.5]
   * @param fitFrom start of the fit window (1/gamma_nr)
   * @param fitTo its end and the integration's (1/gamma_nr)
   */
  public record PumpStep(String label, double pump, double relativeStep, double fitFrom, double fitTo) {}

  @Override
  public String name() {
    return NAME;
  }

  static RelaxationSweepAnalysis parse(ParseContext c) {
    JsonNode o = section(c.root(), NAME,
        "analysis relaxation needs relaxation: {from: PUMP, to: PUMP, non_lasing_points: N, lasing_points: N}");
    unknownKeys(o, Set.of("from", "to", "non_lasing_points", "lasing_points", "pump_step"), "relaxation.");
    double from = positivePump(o, "from", "relaxation.from", c.gammaNr());
    double to = positivePump(o, "to", "relaxation.to", c.gammaNr());
    if (!(to > from)) {
      throw new InputException("relaxation.to", "the pump interval needs to > from, got from = " + o.get("from").asText()
          + " and to = " + o.get("to").asText());
    }
    int nl = count(o, "non_lasing_points");
    int l = count(o, "lasing_points");
    PumpStep step = null;
    JsonNode s = o.get("pump_step");
    if (s != null && !s.isNull()) {
      if (!s.isObject()) {
        throw new InputException("relaxation.pump_step", "expected {model: LABEL, pump: PUMP, relative_step: S, fit_from: T0,"
            + " fit_to: T1}, got " + s.getNodeType());
      }
      unknownKeys(s, Set.of("model", "pump", "relative_step", "fit_from", "fit_to"), "relaxation.pump_step.");
      String label = text(s, "model", "relaxation.pump_step.model", null);
      List<String> labels = new ArrayList<>();
      c.runs().forEach(r -> labels.add(r.label()));
      if (!labels.contains(label)) {
        throw new InputException("relaxation.pump_step.model", "must name one of the study's runs " + labels + ", got '" + label + "'");
      }
      double pump = positivePump(s, "pump", "relaxation.pump_step.pump", c.gammaNr());
      double rel = number(s, "relative_step", "relaxation.pump_step.relative_step", Double.NaN);
      if (!(rel > 0 && rel <= 0.5)) {
        throw new InputException("relaxation.pump_step.relative_step", "relative pump step must be in (0, 0.5], got "
            + s.get("relative_step"));
      }
      double t0 = number(s, "fit_from", "relaxation.pump_step.fit_from", Double.NaN);
      if (!(t0 >= 0) || Double.isInfinite(t0)) {
        throw new InputException("relaxation.pump_step.fit_from", "fit window start (time, 1/gamma_nr) must be >= 0, got "
            + s.get("fit_from"));
      }
      double t1 = number(s, "fit_to", "relaxation.pump_step.fit_to", Double.NaN);
      if (!(t1 > t0) || t1 > 1e6) {
        throw new InputException("relaxation.pump_step.fit_to", "fit window end (time, 1/gamma_nr) must be in (fit_from, 1e6], got "
            + s.get("fit_to"));
      }
      step = new PumpStep(label, pump, rel, t0, t1);
    }
    Figures.none(c.root(), NAME);
    return new RelaxationSweepAnalysis(from, to, nl, l, step);
  }

  private static int count(JsonNode o, String key) {
    String path = "relaxation." + key;
    double d = number(o, key, path, Double.NaN);
    if (Double.isNaN(d) || d != Math.rint(d) || d < 2 || d > MAX_POINTS) {
      throw new InputException(path, key + " must be an integer in [2, " + MAX_POINTS + "], got " + o.get(key));
    }
    return (int) d;
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    PlannedTask sampling = Study.sampling(run);
    PlannedTask sweep = RelaxationSweepTask.TASK.plan(run.label(), new RelaxationSweepTask.Params(Study.model(run), from, to,
        nonLasingPoints, lasingPoints, study.gammaNrPerSecond()), List.of(sampling.spec().id()));
    List<PlannedTask> tasks = new ArrayList<>(List.of(sampling, sweep));
    List<String> inputs = new ArrayList<>(List.of(sweep.spec().id()));
    if (pumpStep != null && pumpStep.label().equals(run.label())) {
      PlannedTask step = PumpStepTask.TASK.plan(run.label(), new PumpStepTask.Params(Study.model(run), pumpStep.pump(),
          pumpStep.relativeStep(), pumpStep.fitFrom(), pumpStep.fitTo(), PUMP_STEP_SAMPLES, study.gammaNrPerSecond()),
          List.of(sampling.spec().id()));
      tasks.add(step);
      inputs.add(step.spec().id());
    }
    return new RunPlan(tasks, inputs);
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return RelaxationReport.TASK.plan("all", new RelaxationReport.Params(study.reportHeader(context), from, to,
        pumpStep == null ? "" : pumpStep.label()), inputs);
  }
}
