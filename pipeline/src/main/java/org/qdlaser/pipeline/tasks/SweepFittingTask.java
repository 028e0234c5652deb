package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.EndsTable;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.fitting.ThresholdBracket;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.physics.Models;

/**
 * The threshold bracket read off a sweep's equilibria and the exact threshold of the same model:
 * for identical dots by the full search, for detuned dots from the bracket's transient ends (the
 * search costs minutes for TPM^(d)).
 */
public enum SweepFittingTask implements StageTask<SweepFittingTask.Params> {
  TASK;

  static final String IN_BRACKET = "bisection of the stable lasing branch from the sweep's bracket, then "
      + "classification as for identical dots (fold: minimum of r along the branch parametrised by |b|); non-lasing "
      + "instability searched inside the bracket only, from the sweep's non-lasing state";

  /**
   * @param model the model
   * @param relaxation the integration settings (the threshold search's transients)
   * @param gammaNrPerSecond gamma_nr in s^-1 (omitted from the key when 1e9)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("relaxation") RelaxationParams relaxation,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond) {}

  @Override
  public String stage() {
    return "fitting";
  }

  @Override
  public int version() {
    return StageVersions.FITTING;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    EquilibriaTable t = EquilibriaTable.fromArrow(in.get(ArtifactPaths.equilibria(label).arrow()));
    ThresholdBracket b = ThresholdBracket.fromDownwardSweep(t.doubles(EquilibriaTable.Row::pump),
        t.booleans(r -> r.lasing() && r.stable()), t.doubles(EquilibriaTable.Row::bAbs));
    double g = p.gammaNrPerSecond();
    String model = p.model().model().name();
    Equilibria equilibria = Equilibria.of(p.relaxation().settings());
    SweepFit fit;
    if (!p.model().model().polydisperse()) {
      // The exact threshold of the same model, for comparison with the sweep's bracket.
      Threshold th = equilibria.threshold(Models.identical(p.model().model(), p.model().laserParameters()));
      fit = SweepFit.located(model, label, b, g, th, null);
    } else if (!b.bracketed()) {
      fit = SweepFit.unlocated(model, label, b, g, "the sweep does not bracket the threshold: no exact location");
    } else {
      // Detuned dots: from the sweep's bracket, at its lowest lasing state (the polished end of that transient).
      List<Relaxation> ends = EndsTable.fromArrow(in.get(ArtifactPaths.ends(label)));
      Threshold th = equilibria.thresholdInBracket(RunModels.of(label, p.model(), in),
          EndsTable.at(ends, b.lowestLasingPump()), EndsTable.at(ends, b.highestNonLasingPump()));
      fit = SweepFit.located(model, label, b, g, th, IN_BRACKET);
    }
    return Map.of(ArtifactPaths.sweepFit(label), fit.toJson());
  }
}
