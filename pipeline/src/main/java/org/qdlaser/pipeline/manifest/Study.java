package org.qdlaser.pipeline.manifest;

import java.util.List;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;

/**
 * A validated study manifest (schema qdlaser/manifest/v1).
 *
 * @param name study name (run directory name)
 * @param title human title
 * @param description free text
 * @param gammaNrPerSecond unit of all rates, s^-1
 * @param models the model runs
 * @param pumps the pump values of the sweep, in sweep order (normalised)
 * @param relaxation integration settings
 * @param recordStride time series: record every k-th accepted step
 */
public record Study(
    String name, String title, String description, double gammaNrPerSecond, List<ModelRun> models,
    double[] pumps, RelaxationSettings relaxation, int recordStride) {

  public Study {
    models = List.copyOf(models);
    pumps = pumps.clone();
  }

  @Override
  public double[] pumps() {
    return pumps.clone();
  }

  /**
   * One model in the study.
   *
   * @param label unique label (file names, legend)
   * @param kind the model
   * @param parameters normalised parameters (the pump is the sweep's)
   */
  public record ModelRun(String label, ModelKind kind, LaserParameters parameters) {}
}
