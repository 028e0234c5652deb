package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.fitting.CurveFitter;
import org.qdlaser.stages.fitting.FitResult;
import org.qdlaser.stages.physics.ModelKind;

/** The Lorentzian of Eq. (2) fitted to a sample's scaled activation curve (none for a sample that does not lase). */
public enum LorentzianTask implements StageTask<LorentzianTask.Params> {
  TASK;

  static final String FIT = "lorentzian (Eq. 2)";

  /**
   * @param fit what is fitted ({@value #FIT})
   * @param model the model kind (written into the fit)
   */
  public record Params(@JsonProperty("fit") String fit, @JsonProperty("model") ModelKind model) {
    public static Params of(ModelKind model) {
      return new Params(FIT, model);
    }
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
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    StateSummary state = StateSummary.fromJson(in.get(ArtifactPaths.activationState(label)));
    Verdict verdict = state.verdict();
    boolean unsettled = verdict == Verdict.UNSETTLED;
    LorentzianFit fit;
    if (!state.lasing() && !unsettled) {
      fit = LorentzianFit.none(p.model().name(), verdict);
    } else {
      ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(label).arrow()));
      FitResult f = CurveFitter.lorentzian(t.detuningOverGamma(), t.scaled());
      fit = new LorentzianFit(p.model().name(), state.lasing(), verdict,
          "f(x) = a_L / (1 + (x / w_L)^2), x = detuning / gamma, data scaled to [0, 1] (Eq. 2)"
              + (unsettled ? "; UNSETTLED: fitted to the end state of a transient that did not settle, not a steady state" : ""),
          f.parameters()[0], f.parameters()[1], f.standardErrors()[0], f.standardErrors()[1], f.rms(), f.rSquared());
    }
    return Map.of(ArtifactPaths.lorentzian(label), fit.toJson());
  }
}
