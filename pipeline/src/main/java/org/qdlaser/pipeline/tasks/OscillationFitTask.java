package org.qdlaser.pipeline.tasks;

import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.FieldTable;
import org.qdlaser.pipeline.artifacts.OscillationSummary;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.fitting.OscillationFit;
import org.qdlaser.stages.physics.ModelKind;

/** Frequency and modulus of a recorded field, compared with the Newton state's omega and |b|. */
public enum OscillationFitTask implements StageTask<FitParams> {
  TASK;

  static final String FIT = "phase slope of <b>";

  /** This task's parameters for one model. */
  public static FitParams params(ModelKind model) {
    return new FitParams(FIT, model);
  }

  @Override
  public String stage() {
    return "fitting";
  }

  @Override
  public int version() {
    return StageVersions.FITTING;
  }

  @Override
  public Map<String, byte[]> run(String label, FitParams p, TaskInputs in) {
    FieldTable t = FieldTable.fromArrow(in.get(ArtifactPaths.field(label).arrow()));
    StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.startState(label)));
    OscillationFit f = OscillationFit.fit(t.time(), t.re(), t.im());
    return Map.of(ArtifactPaths.oscillationFit(label), OscillationSummary.of(p.model().name(), f, st.omega(), st.bAbs()).toJson());
  }
}
