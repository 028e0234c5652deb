package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.EndsTable;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.SweepActivationTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.fitting.ActivationFit;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.physics.Model;

/** Newton-polishes every transient end of a sweep: the equilibria table. */
public enum SweepEquilibriumTask implements StageTask<SweepEquilibriumTask.Params> {
  TASK;

  /**
   * @param model the model
   * @param gammaNrPerSecond gamma_nr in s^-1, for the pump_per_s column (omitted from the key when 1e9)
   */
  public record Params(@JsonUnwrapped ModelParams model,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond) {}

  @Override
  public String stage() {
    return "equilibrium";
  }

  @Override
  public int version() {
    return StageVersions.SWEEP_EQUILIBRIUM;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    Model model = RunModels.of(label, p.model(), in);
    Equilibria equilibria = Equilibria.defaults();
    List<EquilibriaTable.Row> rows = new ArrayList<>();
    List<SweepActivationTable.Row> fits = new ArrayList<>();
    double[] x = null;
    if (p.model().model().polydisperse()) {
      x = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(label))).detunings();
      for (int i = 0; i < x.length; i++) {
        x[i] /= p.model().gamma();
      }
    }
    for (Relaxation r : EndsTable.fromArrow(in.get(ArtifactPaths.ends(label)))) {
      Equilibrium e = equilibria.polish(model.withPump(r.pump()), r);
      rows.add(EquilibriaTable.Row.of(e, p.gammaNrPerSecond(), r.duration(), r.reachedCriterion()));
      if (x != null && e.lasing()) {
        // Sec. IV: w_L "invariant with respect to pump values above the threshold" (fig3d-S3 checks it).
        fits.add(new SweepActivationTable.Row(e.pump(), e.pump() * p.gammaNrPerSecond(),
            ActivationFit.of(x, e.activation()).unscaled()));
      }
    }
    Map<String, byte[]> out = new LinkedHashMap<>(new EquilibriaTable(rows).files(label));
    if (x != null) {
      out.putAll(new SweepActivationTable(fits).files(label));
    }
    return out;
  }
}
