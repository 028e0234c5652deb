package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.SampleThreshold;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threshold of an undecided sample of an activation study (issue 13, item 4; {@code
 * activation.thresholds: true}): a sample whose transient budget ended unsettled (its state has a
 * long-time fate or unsettled diagnostics) is searched as {@code qdlaser threshold} searches it (Sec.
 * III: the smallest pump with a stable steady lasing state); the others are recorded as not searched.
 * A search that finds no stable lasing state up to the ceiling is a result (below threshold up to
 * there), any other failure of the search fails the task.
 */
public enum ThresholdTask implements StageTask<ThresholdTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(ThresholdTask.class);

  /**
   * @param model the model
   * @param pump the study's pump (normalised): the threshold is compared with it
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pump") double pump) {}

  @Override
  public String stage() {
    return "threshold";
  }

  @Override
  public int version() {
    return StageVersions.SAMPLE_THRESHOLD;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    StateSummary state = StateSummary.fromJson(in.get(ArtifactPaths.activationState(label)));
    if (state.longTime() == null && state.unsettled() == null) {
      String why = "decided at the pump without a long transient (verdict " + state.verdict().jsonName() + ")";
      return Map.of(ArtifactPaths.sampleThreshold(label), SampleThreshold.skipped(p.pump(), why).toJson());
    }
    SampleTable sample = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(label)));
    Model model = Models.of(p.model().model(), p.model().laserParameters(), sample.detunings(), sample.couplings())
        .withPump(p.pump());
    LOG.info("threshold/{}: undecided at r = {}: searching the threshold", label, Readable.rate(p.pump()));
    SampleThreshold t;
    try {
      Threshold th = Equilibria.defaults().threshold(model);
      t = SampleThreshold.found(p.pump(), th.pump(), th.kind(), th.bAbs(), th.frequency(), Equilibria.THRESHOLD_CEILING);
      LOG.info("threshold/{}: {} at r = {}", label, th.kind(), Readable.rate(th.pump()));
    } catch (EquilibriumException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith(Equilibria.NO_STABLE_LASING)) {
        throw e;
      }
      t = SampleThreshold.none(p.pump(), Equilibria.THRESHOLD_CEILING, e.getMessage());
      LOG.info("threshold/{}: no stable lasing state up to r = {}", label, Readable.rate(Equilibria.THRESHOLD_CEILING));
    }
    return Map.of(ArtifactPaths.sampleThreshold(label), t.toJson());
  }
}
