package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.PumpStepSummary;
import org.qdlaser.pipeline.artifacts.PumpStepTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.PumpStepCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pump step to the study's pump, integrated and fitted against the spectrum's pair ({@link PumpStepCheck}). */
public enum PumpStepTask implements StageTask<PumpStepTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(PumpStepTask.class);

  /**
   * @param model the model
   * @param pump the target pump r2 (normalised)
   * @param relativeStep (r2 - r1) / r2
   * @param fitFrom start of the fit window (1/gamma_nr)
   * @param fitTo end of the fit window and of the integration (1/gamma_nr)
   * @param samples samples of the transient
   * @param gammaNrPerSecond gamma_nr in s^-1 (omitted from the key when 1e9)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pump") double pump,
      @JsonProperty("relative_step") double relativeStep, @JsonProperty("fit_from") double fitFrom,
      @JsonProperty("fit_to") double fitTo, @JsonProperty("samples") int samples,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond) {}

  @Override
  public String stage() {
    return "integration";
  }

  @Override
  public int version() {
    return StageVersions.RELAXATION;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    var model = RunModels.of(label, p.model(), in).withPump(p.pump());
    PumpStepCheck c = Equilibria.defaults().pumpStep(model, p.relativeStep(), p.fitFrom(), p.fitTo(), p.samples());
    PumpStepSummary s = PumpStepSummary.of(p.model().model().name(), c, p.gammaNrPerSecond());
    LOG.info("integration/{}: pump step {} -> {}: fit {} +- {} i against the spectrum's {} +- {} i", label, c.pumpBefore(),
        c.pumpAfter(), -s.fitDamping(), s.fitFrequency(), -s.spectrumDamping(), s.spectrumFrequency());
    Map<String, byte[]> out = new LinkedHashMap<>(PumpStepTable.of(c, p.gammaNrPerSecond()).files(label));
    out.put(ArtifactPaths.pumpStepSummary(label), s.toJson());
    return out;
  }
}
