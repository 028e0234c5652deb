package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Readable;
import org.qdlaser.stages.physics.StateLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of a sample at one pump and its activation curve (Fig. 4): per-dot |&lt;v^+ c&gt;|^2 against detuning. */
public enum ActivationTask implements StageTask<ActivationTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(ActivationTask.class);

  /**
   * @param model the model
   * @param pump the pump (normalised)
   * @param transientBudget the longest transient (1/gamma_nr) before a sample is recorded unsettled
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pump") double pump,
      @JsonProperty("transient_budget") double transientBudget) {}

  @Override
  public String stage() {
    return "equilibrium";
  }

  @Override
  public int version() {
    return StageVersions.ACTIVATION;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    SampleTable sample = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(label)));
    Model model = Models.of(p.model().model(), p.model().laserParameters(), sample.detunings(), sample.couplings())
        .withPump(p.pump());
    // Transients bounded by the study's budget: a sample that does not settle within it is recorded
    // unsettled, with the activation curve of the end state (docs/decisions.md).
    Equilibrium e = Equilibria.defaults().point(model, TransientBudget.of(p.transientBudget()));
    double[] act = e.activation();
    double max = 0;
    for (double a : act) {
      max = Math.max(max, a);
    }
    if (e.unsettled() != null) {
      // Still lasing at the end of the budget, not at a steady state: the curve of the end state, marked.
      LOG.info("equilibrium/{}: unsettled after {} (|b| = {}, d ln|b|/dt = {}); activation of the end state",
          label, Readable.number(e.unsettled().time()) + " /gamma_nr", Readable.number(e.bAbs()),
          Readable.rate(e.unsettled().driftRate()));
    } else if (!e.lasing()) {
      // A sample below threshold is a result (Fig. 6: some w_QD = 2 gamma samples do not lase), not a
      // failure: recorded with lasing = false, its scaled activation undefined (NaN), and no fit.
      LOG.info("equilibrium/{}: not lasing at r = {} (|b| = {}); no activation curve", label, Readable.rate(p.pump()),
          Readable.number(e.bAbs()));
      max = Double.NaN;
    }
    Map<String, byte[]> out = new LinkedHashMap<>(
        ActivationTable.of(sample.detunings(), p.model().gamma(), act, max, upperPopulations(model, e.state())).files(label));
    out.put(ArtifactPaths.activationState(label), StateSummary.activation(e).toJson());
    return out;
  }

  /** Per-dot n_l = &lt;c_l^+ c_l&gt; of a polydisperse state (fields Cc[l] of every _d model). */
  static double[] upperPopulations(Model model, double[] state) {
    StateLayout layout = model.layout();
    double[] cc = new double[model.dots()];
    for (int l = 0; l < cc.length; l++) {
      cc[l] = state[layout.field("Cc[" + l + "]").offset()];
    }
    return cc;
  }
}
