package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.RelaxationSummary;
import org.qdlaser.pipeline.artifacts.RelaxationTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.RelaxationSweep;
import org.qdlaser.stages.physics.CimAdiabaticLimit;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relaxation oscillations, tau_n and g2(0) along a pump interval on both branches ({@link
 * Equilibria#relaxationSweep}), and for the identical resonant CIM the comparison of every stable
 * state's pair with the closed-form small-signal spectrum of its adiabatic rate-equation limit
 * ({@link CimAdiabaticLimit}; meaningful where its small parameter eps is small, reported with it).
 */
public enum RelaxationSweepTask implements StageTask<RelaxationSweepTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(RelaxationSweepTask.class);

  /**
   * @param model the model
   * @param from lowest pump (normalised)
   * @param to highest pump (normalised)
   * @param nonLasingPoints pumps of the non-lasing branch
   * @param lasingPoints amplitudes of the lasing branch
   * @param gammaNrPerSecond gamma_nr in s^-1, for the _per_s columns (omitted from the key when 1e9)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("from") double from, @JsonProperty("to") double to,
      @JsonProperty("non_lasing_points") int nonLasingPoints, @JsonProperty("lasing_points") int lasingPoints,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond) {}

  @Override
  public String stage() {
    return "equilibrium";
  }

  @Override
  public int version() {
    return StageVersions.RELAXATION;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    Model model = RunModels.of(label, p.model(), in);
    RelaxationSweep.Result r = Equilibria.defaults().relaxationSweep(model, p.from(), p.to(), p.nonLasingPoints(), p.lasingPoints());
    RelaxationTable t = RelaxationTable.of(r, p.gammaNrPerSecond());
    List<Double> errorOverEps = new ArrayList<>();
    List<Double> eps = new ArrayList<>();
    LaserParameters lp = p.model().laserParameters();
    if (p.model().model() == ModelKind.CIM && lp.deltaNu() == 0) {
      for (RelaxationTable.Row row : t.rows()) {
        if (!row.stable() || !row.hasRelaxation()) {
          continue;
        }
        CimAdiabaticLimit limit = new CimAdiabaticLimit(lp.withR(row.pump()));
        CimAdiabaticLimit.State s = limit.steadyState();
        CimAdiabaticLimit.Mode m = s.oscillation();
        if (m == null || s.lasing() != row.lasing()) {
          continue;
        }
        double e = limit.smallParameter(s, m);
        errorOverEps.add(Math.hypot(row.frequency() - m.frequency(), row.damping() - m.damping()) / (e * m.modulus()));
        eps.add(e);
      }
    }
    RelaxationSummary s = RelaxationSummary.of(p.model().model().name(), r.notes(), t,
        errorOverEps.stream().mapToDouble(Double::doubleValue).toArray(), eps.stream().mapToDouble(Double::doubleValue).toArray());
    LOG.info("equilibrium/{}: {} non-lasing and {} lasing states, {} stable with a relaxation oscillation, {} with unphysical g2",
        label, s.nonLasingPoints(), s.lasingPoints(), s.stableWithRelaxation(), s.unphysicalG2Points());
    Map<String, byte[]> out = new LinkedHashMap<>(t.files(label, p.gammaNrPerSecond()));
    out.put(ArtifactPaths.relaxationSummary(label), s.toJson());
    return out;
  }
}
