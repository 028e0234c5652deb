package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ThresholdsTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exact threshold of an identical-dot model at every value of a scanned parameter (Figs. 1 and 2). */
public enum ThresholdCurveTask implements StageTask<ThresholdCurveTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(ThresholdCurveTask.class);

  /**
   * @param model the model
   * @param relaxation the integration settings
   * @param scanParameter the scanned parameter
   * @param scanValues its normalised values in scan order
   * @param gammaNrPerSecond gamma_nr in s^-1 (omitted from the key when 1e9)
   * @param gammaL gamma_l (normalised) when beta is scanned (it sets gamma_nl with beta), else null
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("relaxation") RelaxationParams relaxation,
      @JsonProperty("scan_parameter") String scanParameter, @JsonProperty("scan_values") double[] scanValues,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond,
      @JsonProperty("gamma_l") @JsonInclude(JsonInclude.Include.NON_NULL) Double gammaL) {
    public Params {
      scanValues = scanValues.clone();
      if ((gammaL != null) != scanParameter.equals(Parameter.BETA.key())) {
        throw new IllegalArgumentException("gamma_l goes with a scan in beta, and only there");
      }
    }

    @Override
    public double[] scanValues() {
      return scanValues.clone();
    }
  }

  @Override
  public String stage() {
    return "equilibrium";
  }

  @Override
  public int version() {
    return StageVersions.EQUILIBRIUM;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    double[] values = p.scanValues();
    int n = values.length;
    Parameter parameter = Parameter.of(p.scanParameter());
    Equilibria equilibria = Equilibria.of(p.relaxation().settings());
    List<ThresholdsTable.Row> rows = new ArrayList<>();
    int every = Math.max(1, n / 5);
    for (int i = 0; i < n; i++) {
      Threshold th = null;
      String none = null;
      try {
        th = equilibria.threshold(Models.identical(p.model().model(),
            p.model().with(parameter, values[i], p.gammaL() == null ? Double.NaN : p.gammaL())));
      } catch (EquilibriumException e) {
        // No threshold found at this parameter value: recorded with its reason, not fatal to the curve.
        LOG.info("{}: no threshold at {} = {}: {}", label, p.scanParameter(), values[i], e.getMessage());
        none = "none: " + e.getMessage();
      }
      double pump = th == null ? Double.NaN : th.pump();
      rows.add(th == null ? new ThresholdsTable.Row(values[i], pump, pump * p.gammaNrPerSecond(), none, Double.NaN, Double.NaN)
          : new ThresholdsTable.Row(values[i], pump, pump * p.gammaNrPerSecond(), th.kind(), th.bAbs(), th.upperPopulation()));
      if ((i + 1) % every == 0 || i + 1 == n) {
        LOG.info("equilibrium/{}: {}/{} thresholds done", label, i + 1, n);
      }
    }
    return new ThresholdsTable(p.scanParameter(), rows).files(label);
  }
}
