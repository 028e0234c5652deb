package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SampleStats;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.input.SampleOptions;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.sampling.Sample;

/** Draws a run's dots: the polydisperse sample of its options, or N identical dots. */
public enum SamplingTask implements StageTask<SamplingTask.Params> {
  TASK;

  /**
   * @param model the model (N, gamma and g enter the draw)
   * @param sample the sample options as written (w_qd, seed, tail, identical_fraction; empty for identical dots)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("sample") Map<String, String> sample) {
    public Params {
      sample = new TreeMap<>(sample);
    }

    @Override
    public Map<String, String> sample() {
      return new TreeMap<>(sample);
    }
  }

  @Override
  public String stage() {
    return "sampling";
  }

  @Override
  public int version() {
    return StageVersions.SAMPLING;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    LaserParameters lp = p.model().laserParameters();
    Sample s = p.model().model().polydisperse()
        ? SampleOptions.sample(p.sample(), null, lp, "models." + label + ".sample.")
        : Sample.identical(lp.n(), lp.deltaNu(), lp.g());
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ArtifactPaths.sampleTable(label), SampleTable.of(s).toArrow());
    out.put(ArtifactPaths.sampleStats(label), SampleStats.of(s).toJson());
    return out;
  }
}
