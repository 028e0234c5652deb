package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.FieldTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.integration.FieldTrace;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotating lasing state by Newton (as for the activation curves), then a lab-frame integration
 * over the study's window from it: &lt;b&gt; at every accepted step (Fig. 11). A sample below
 * threshold has no oscillation to show: that is an error here (the figure is about the lasing field).
 */
public enum OscillationTask implements StageTask<OscillationTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(OscillationTask.class);

  /**
   * @param model the model
   * @param pump the pump (normalised)
   * @param window the length of the recorded window (1/gamma_nr)
   * @param relaxation the integration settings (of the lab-frame integration)
   * @param gammaNrPerSecond gamma_nr in s^-1, for the time in ns (omitted from the key when 1e9)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pump") double pump, @JsonProperty("window") double window,
      @JsonProperty("relaxation") RelaxationParams relaxation,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond) {}

  @Override
  public String stage() {
    return "integration";
  }

  @Override
  public int version() {
    return StageVersions.INTEGRATION;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    Model model = RunModels.of(label, p.model(), in).withPump(p.pump());
    Equilibria equilibria = Equilibria.of(p.relaxation().settings());
    Equilibrium e = equilibria.point(model, TransientBudget.unbounded());
    if (!e.lasing()) {
      throw new EquilibriumException(label + " does not lase at r = " + p.pump() + ": no field oscillation to record");
    }
    FieldTrace tr = equilibria.fieldTrace(model, e.state(), p.window());
    LOG.info("integration/{}: {} points of <b> over t = {} from the lasing state (omega = {})", label, tr.time().length,
        p.window(), e.omega());
    Map<String, byte[]> out = new LinkedHashMap<>(FieldTable.of(tr, p.gammaNrPerSecond()).files(ArtifactPaths.field(label)));
    out.put(ArtifactPaths.startState(label), StateSummary.start(e).toJson());
    return out;
  }
}
