package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.MAX_POINTS;
import static org.qdlaser.pipeline.manifest.ManifestFields.points;
import static org.qdlaser.pipeline.manifest.ManifestFields.positive;
import static org.qdlaser.pipeline.manifest.ManifestFields.positivePump;
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
import org.qdlaser.pipeline.report.Figure;
import org.qdlaser.pipeline.report.SweepReport;
import org.qdlaser.pipeline.tasks.ModelParams;
import org.qdlaser.pipeline.tasks.RelaxationParams;
import org.qdlaser.pipeline.tasks.SweepEquilibriumTask;
import org.qdlaser.pipeline.tasks.SweepFittingTask;
import org.qdlaser.pipeline.tasks.SweepIntegrationTask;

/**
 * Downward pump sweep by integration (App. A), each end Newton-polished, with the exact threshold
 * (Fig. 3d, the Reply's Fig. 1): {@code sweep: {parameter: r, from, to, points, spacing}} or
 * {@code sweep: {values: [...]}}.
 *
 * @param pumps the pumps in sweep order (normalised)
 * @param relaxation the transient settings of identical dots
 * @param recordStride record every k-th accepted step of the time series
 * @param figures photons_vs_pump figures
 */
public record Sweep(double[] pumps, RelaxationParams relaxation, int recordStride, List<Figure> figures) implements Analysis {
  public static final String NAME = "sweep";

  public Sweep {
    pumps = pumps.clone();
    figures = List.copyOf(figures);
  }

  @Override
  public double[] pumps() {
    return pumps.clone();
  }

  @Override
  public String name() {
    return NAME;
  }

  static Sweep parse(ParseContext c) {
    double[] pumps = pumps(c.get("sweep"), c.gammaNr());
    Integration integration = c.integration();
    return new Sweep(pumps, integration.relaxation(), integration.recordStride(), Figures.parse(c.root(), NAME, c.runs()));
  }

  private static double[] pumps(JsonNode s, double gammaNr) {
    if (s == null || !s.isObject()) {
      throw new InputException("sweep", "sweep must be a mapping with parameter, from, to, points, spacing");
    }
    unknownKeys(s, Set.of("parameter", "from", "to", "points", "spacing", "values"), "sweep.");
    String param = text(s, "parameter", "sweep.parameter", "r");
    if (!"r".equals(param)) {
      throw new InputException("sweep.parameter", "only the pump r can be swept in manifest v1, got '" + param + "'");
    }
    if (s.has("values")) {
      for (String k : List.of("from", "to", "points", "spacing")) {
        if (s.has(k)) {
          throw new InputException("sweep." + k, "give either sweep.values or from/to/points/spacing, not both");
        }
      }
      JsonNode v = s.get("values");
      if (!v.isArray() || v.isEmpty() || v.size() > MAX_POINTS) {
        throw new InputException("sweep.values", "values must be a list of 1.." + MAX_POINTS + " pumps");
      }
      double[] out = new double[v.size()];
      for (int i = 0; i < out.length; i++) {
        String field = "sweep.values[" + i + "]";
        if (!v.get(i).isValueNode() || v.get(i).isNull()) {
          throw new InputException(field, "expected a pump (a number, /s for s^-1), got " + v.get(i).getNodeType());
        }
        out[i] = positive(field, Quantities.parse(field, v.get(i).asText()).normalised(gammaNr));
        if (i > 0 && !(out[i] < out[i - 1])) {
          throw new InputException(field, "the sweep goes downwards (App. A): each pump must be below the one before, got "
              + v.get(i).asText() + " after " + v.get(i - 1).asText());
        }
      }
      return out;
    }
    double from = positivePump(s, "from", "sweep.from", gammaNr);
    double to = positivePump(s, "to", "sweep.to", gammaNr);
    if (!(to < from)) {
      throw new InputException("sweep.to", "the sweep goes downwards (App. A): to must be below from, got from "
          + s.get("from").asText() + ", to " + s.get("to").asText());
    }
    int points = points(s, "sweep.points");
    String spacing = text(s, "spacing", "sweep.spacing", "log");
    double[] out = new double[points];
    for (int i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      out[i] = switch (spacing) {
        case "log" -> Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from)));
        case "linear" -> from + f * (to - from);
        default -> throw new InputException("sweep.spacing", "spacing must be log or linear, got '" + spacing + "'");
      };
    }
    out[0] = from;
    out[points - 1] = to;
    return out;
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    String label = run.label();
    ModelParams model = Study.model(run);
    PlannedTask sampling = Study.sampling(run);
    PlannedTask integration = SweepIntegrationTask.TASK.plan(label,
        new SweepIntegrationTask.Params(model, pumps, relaxation, recordStride), List.of(sampling.spec().id()));
    PlannedTask equilibrium = SweepEquilibriumTask.TASK.plan(label,
        new SweepEquilibriumTask.Params(model, study.gammaNrPerSecond()), List.of(sampling.spec().id(), integration.spec().id()));
    // Detuned dots: the exact threshold starts from the sweep's lowest lasing state (sample + transient ends).
    List<String> fitInputs = run.kind().polydisperse()
        ? List.of(sampling.spec().id(), integration.spec().id(), equilibrium.spec().id()) : List.of(equilibrium.spec().id());
    PlannedTask fitting = SweepFittingTask.TASK.plan(label,
        new SweepFittingTask.Params(model, relaxation, study.gammaNrPerSecond()), fitInputs);
    return new RunPlan(List.of(sampling, integration, equilibrium, fitting),
        List.of(equilibrium.spec().id(), fitting.spec().id()));
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return SweepReport.TASK.plan("all", new SweepReport.Params(study.reportHeader(context), pumps, relaxation, figures), inputs);
  }
}
