package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.positivePump;
import static org.qdlaser.pipeline.manifest.ManifestFields.section;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.OscillationReport;
import org.qdlaser.pipeline.tasks.OscillationFitTask;
import org.qdlaser.pipeline.tasks.OscillationTask;
import org.qdlaser.pipeline.tasks.RelaxationParams;

/**
 * The lasing field in the lab frame over a time window from the rotating lasing state (Fig. 11):
 * {@code oscillation: {pump, window}}.
 *
 * @param pump the pump (normalised)
 * @param window the length of the lab-frame window (1/gamma_nr)
 * @param relaxation the lab-frame integration's settings
 */
public record Oscillation(double pump, double window, RelaxationParams relaxation) implements Analysis {
  public static final String NAME = "oscillation";

  @Override
  public String name() {
    return NAME;
  }

  static Oscillation parse(ParseContext c) {
    JsonNode o = section(c.root(), "oscillation", "analysis oscillation needs oscillation: {pump: PUMP, window: TIME}");
    unknownKeys(o, Set.of("pump", "window"), "oscillation.");
    double pump = positivePump(o, "pump", "oscillation.pump", c.gammaNr());
    double window = number(o, "window", "oscillation.window", Double.NaN);
    if (!(window > 0) || window > 1e6) {
      throw new InputException("oscillation.window", "window (time, units of 1/gamma_nr) must be in (0, 1e6], got " + o.get("window"));
    }
    Oscillation oscillation = new Oscillation(pump, window, c.integration().relaxation());
    Figures.none(c.root(), NAME);
    return oscillation;
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    PlannedTask sampling = Study.sampling(run);
    PlannedTask integ = OscillationTask.TASK.plan(run.label(), new OscillationTask.Params(Study.model(run), pump, window,
        relaxation, study.gammaNrPerSecond()), List.of(sampling.spec().id()));
    PlannedTask fit = OscillationFitTask.TASK.plan(run.label(), OscillationFitTask.params(run.kind()),
        List.of(integ.spec().id()));
    return new RunPlan(List.of(sampling, integ, fit), List.of(integ.spec().id(), fit.spec().id()));
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return OscillationReport.TASK.plan("all", new OscillationReport.Params(study.reportHeader(context), pump), inputs);
  }
}
