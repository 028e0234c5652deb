package org.qdlaser.pipeline.tasks;

import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.fitting.ActivationFit;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The Lorentzian of Eq. (2) fitted to a sample's activation curve, unscaled and scaled to [0, 1]
 * ({@link ActivationFit}; none for a sample that does not lase).
 */
public enum LorentzianTask implements StageTask<FitParams> {
  TASK;

  static final String FIT = "lorentzian (Eq. 2)";

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
    return StageVersions.LORENTZIAN;
  }

  @Override
  public Map<String, byte[]> run(String label, FitParams p, TaskInputs in) {
    StateSummary state = StateSummary.fromJson(in.get(ArtifactPaths.activationState(label)));
    Verdict verdict = state.verdict();
    boolean unsettled = verdict == Verdict.UNSETTLED;
    LorentzianFit fit;
    if (!state.lasing() && !unsettled) {
      fit = LorentzianFit.none(p.model().name(), verdict);
    } else {
      ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(label).arrow()));
      ActivationFit f = ActivationFit.of(t.detuningOverGamma(), t.activation());
      fit = LorentzianFit.of(p.model().name(), state.lasing(), verdict,
          "f(x) = a_L / (1 + (x / w_L)^2), x = detuning / gamma (Eq. 2): lorentzian fits |<v_l+ c_l>|^2 (Sec. IV: a_L is its "
              + "maximum), lorentzian_scaled and the top-level a_L, w_L fit it scaled to [0, 1] (Fig. 4 caption)"
              + (unsettled ? "; UNSETTLED: fitted to the end state of a transient that did not settle, not a steady state" : ""),
          fit(f.unscaled()), fit(f.scaled()), f.maxActivation());
    }
    return Map.of(ArtifactPaths.lorentzian(label), fit.toJson());
  }

  private static LorentzianFit.Fit fit(ActivationFit.Lorentzian l) {
    return new LorentzianFit.Fit(l.aL(), l.wL(), l.aLStandardError(), l.wLStandardError(), l.rms(), l.rSquared());
  }
}
