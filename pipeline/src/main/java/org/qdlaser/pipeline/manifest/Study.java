package org.qdlaser.pipeline.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param analysis what is computed for each model
 * @param pumps sweep: the pump values in sweep order; branches: {start pump, lowest pump} (normalised)
 * @param scan threshold curves: the scanned parameter (null otherwise)
 * @param relaxation integration settings
 * @param recordStride time series: record every k-th accepted step
 */
public record Study(
    String name, String title, String description, double gammaNrPerSecond, List<ModelRun> models,
    Analysis analysis, double[] pumps, Scan scan, RelaxationSettings relaxation, int recordStride) {

  public Study {
    models = List.copyOf(models);
    pumps = pumps.clone();
  }

  @Override
  public double[] pumps() {
    return pumps.clone();
  }

  /** What a study computes per model. */
  public enum Analysis {
    /** Downward pump sweep by integration (App. A), Newton-polished, with the exact threshold. */
    SWEEP,
    /** The exact threshold as a function of one parameter (Figs. 1 and 2). */
    THRESHOLD_CURVE,
    /** The lasing branch by continuation, stable and unstable parts (Figs. 3 and 7). */
    BRANCHES,
    /** Activation curve of a polydisperse sample at one pump with its Lorentzian fit (Fig. 4). */
    ACTIVATION
  }

  /**
   * A scanned parameter.
   *
   * @param parameter parameter name (ParameterResolver.NAMES, not r)
   * @param values normalised values in scan order (copy)
   * @param log whether the axis is logarithmic
   */
  public record Scan(String parameter, double[] values, boolean log) {
    public Scan {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * One model in the study.
   *
   * @param label unique label (file names, legend)
   * @param kind the model
   * @param parameters normalised parameters (the pump is the sweep's)
   * @param raw the parameter values as written (for re-resolving with a scanned value)
   * @param sample sample options of a _d model (w_qd, seed, tail, identical_fraction), empty otherwise
   */
  public record ModelRun(
      String label, ModelKind kind, LaserParameters parameters, Map<String, String> raw, Map<String, String> sample) {
    public ModelRun {
      raw = new LinkedHashMap<>(raw);
      sample = new LinkedHashMap<>(sample);
    }

    @Override
    public Map<String, String> sample() {
      return new LinkedHashMap<>(sample);
    }

    @Override
    public Map<String, String> raw() {
      return new LinkedHashMap<>(raw);
    }

    /** Parameters with one value replaced (normalised). */
    public LaserParameters with(String parameter, double normalisedValue) {
      Map<String, String> m = raw();
      if ("beta".equals(parameter)) {
        m.remove("gamma_nl");
      }
      m.put(parameter, Double.toString(normalisedValue));
      // The value is already normalised: drop the unit so that it is not converted again.
      return ParameterResolver.resolve(m, "scan.").parameters();
    }
  }
}
