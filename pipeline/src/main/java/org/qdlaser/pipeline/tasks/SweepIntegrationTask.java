package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.EndsTable;
import org.qdlaser.pipeline.artifacts.SeriesTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.integration.ProgressListener;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A downward pump sweep (App. A): the transient ends and the recorded time series. */
public enum SweepIntegrationTask implements StageTask<SweepIntegrationTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(SweepIntegrationTask.class);

  /**
   * @param model the model
   * @param pumps the pumps in sweep order (normalised)
   * @param relaxation the integration settings
   * @param recordStride record every k-th accepted step (identical dots)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pumps") double[] pumps,
      @JsonProperty("relaxation") RelaxationParams relaxation, @JsonProperty("record_stride") int recordStride) {
    public Params {
      pumps = pumps.clone();
    }

    @Override
    public double[] pumps() {
      return pumps.clone();
    }
  }

  @Override
  public String stage() {
    return "integration";
  }

  @Override
  public int version() {
    return StageVersions.SWEEP_INTEGRATION;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    Model model = RunModels.of(label, p.model(), in);
    double[] pumps = p.pumps();
    int every = Math.max(1, pumps.length / 10);
    ProgressListener progress = (done, total, what) -> {
      if (done % every == 0 || done == total) {
        LOG.info("integration/{}: {}/{} pump values done ({})", label, done, total, what);
      }
    };
    Relaxer.SweepResult res = Equilibria.of(p.relaxation().settings()).pumpSweep(model, pumps, p.recordStride(), progress);
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ArtifactPaths.series(label), SeriesTable.toArrow(res.series()));
    out.put(ArtifactPaths.ends(label), EndsTable.toArrow(model.layout().componentNames(), res.relaxations()));
    return out;
  }
}
