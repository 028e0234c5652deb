package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.points;
import static org.qdlaser.pipeline.manifest.ManifestFields.required;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.Quantities;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.ThresholdCurveReport;
import org.qdlaser.pipeline.tasks.RelaxationParams;
import org.qdlaser.pipeline.tasks.ThresholdCurveTask;
import org.qdlaser.stages.physics.Parameter;

/**
 * The exact threshold as a function of one parameter (Figs. 1 and 2), identical dots:
 * {@code scan: {parameter, from, to, points, spacing}}.
 *
 * @param parameter the scanned parameter (not r)
 * @param values its normalised values in scan order
 * @param log whether the scan (and the figure's axis) is logarithmic
 * @param relaxation the transient settings of the threshold search
 */
public record ThresholdCurve(String parameter, double[] values, boolean log, RelaxationParams relaxation) implements Analysis {
  public static final String NAME = "threshold_curve";
  static final List<String> PARAMETERS = List.of("g", "gamma", "gamma_c", "gamma_nl", "beta", "mu", "N", "delta_nu");

  public ThresholdCurve {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public String name() {
    return NAME;
  }

  static ThresholdCurve parse(ParseContext c) {
    ModelRuns.identicalDotsOnly(c.entries(), NAME);
    JsonNode s = c.get("scan");
    if (s == null || !s.isObject()) {
      throw new InputException("scan", "analysis threshold_curve needs scan: {parameter, from, to, points, spacing}");
    }
    unknownKeys(s, Set.of("parameter", "from", "to", "points", "spacing"), "scan.");
    String param = text(s, "parameter", "scan.parameter", null);
    if (!PARAMETERS.contains(param)) {
      throw new InputException("scan.parameter", "cannot scan '" + param + "', allowed: " + String.join(", ", PARAMETERS));
    }
    double from = value(s, "scan.from", param, c.gammaNr());
    double to = value(s, "scan.to", param, c.gammaNr());
    int points = points(s, "scan.points");
    String spacing = text(s, "spacing", "scan.spacing", "log");
    boolean log = switch (spacing) {
      case "log" -> true;
      case "linear" -> false;
      default -> throw new InputException("scan.spacing", "spacing must be log or linear, got '" + spacing + "'");
    };
    if (log && !(from > 0 && to > 0)) {
      throw new InputException("scan.from", "a log scan needs positive ends, got " + from + " and " + to);
    }
    double[] v = values(param, from, to, points, log);
    for (ModelRuns.Entry e : c.entries()) {
      for (double x : new double[] {v[0], v[points - 1]}) {
        try {
          e.with(param, x);
        } catch (InputException ex) {
          throw new InputException("scan", "scan value " + param + " = " + x + " is invalid for model " + e.run().label() + ": "
              + ex.getMessage());
        }
      }
    }
    ThresholdCurve curve = new ThresholdCurve(param, v, log, c.integration().relaxation());
    Figures.none(c.root(), NAME);
    return curve;
  }

  /** scan.from or scan.to: normalised; the dimensionless parameters refuse /s. */
  private static double value(JsonNode s, String field, String param, double gammaNr) {
    Quantities.Quantity q = Quantities.parse(field, required(s, field.substring(5), field).asText());
    if (!Parameter.of(param).rate() && q.perSecond()) {
      throw new InputException(field, param + " is dimensionless; no /s");
    }
    return q.normalised(gammaNr);
  }

  private static double[] values(String param, double from, double to, int points, boolean log) {
    double[] v = new double[points];
    for (int i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      v[i] = i == 0 ? from : i == points - 1 ? to
          : log ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
      if ("N".equals(param)) {
        v[i] = Math.rint(v[i]);
      }
    }
    return v;
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    PlannedTask t = ThresholdCurveTask.TASK.plan(run.label(), new ThresholdCurveTask.Params(Study.model(run), relaxation,
        parameter, values, study.gammaNrPerSecond(), parameter.equals(Parameter.BETA.key()) ? run.gammaL() : null), List.of());
    return new RunPlan(List.of(t), List.of(t.spec().id()));
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return ThresholdCurveReport.TASK.plan("all", new ThresholdCurveReport.Params(study.reportHeader(context), parameter, log),
        inputs);
  }
}
