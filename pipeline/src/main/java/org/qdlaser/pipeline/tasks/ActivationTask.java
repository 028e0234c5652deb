package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.LongTimeSummary;
import org.qdlaser.pipeline.artifacts.PaperReadingSummary;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
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
   * How a sample without a steady state is decided (issue 13, manifest {@code activation.procedure}).
   * {@code ours}: a sample without a steady state by Newton from the seed is followed in the
   * co-rotating frame to its long-time fate (lasing, non_lasing, self_pulsing, or unsettled at the
   * long-time limit); one still undecided at the transient budget's time is recorded with its end
   * there ({@link Equilibria#pointByFate}). {@code paper}: the budget's verdict as it is, and for every sample the App. A
   * reading of {@link #PAPER_DURATION} time units (Eq. (A2) over {@link #PAPER_WINDOWS} growing windows).
   */
  public enum Procedure {
    OURS,
    PAPER;

    /** Name in manifests and params: ours, paper. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The procedure of a manifest value; bad input names {@code path}. */
    public static Procedure parse(String value, String path) {
      for (Procedure p : values()) {
        if (p.jsonName().equals(value)) {
          return p;
        }
      }
      throw new org.qdlaser.pipeline.input.InputException(path, "procedure must be ours or paper, got '" + value + "'");
    }
  }

  /** Integrated time of the paper's reading (1/gamma_nr): App. A's "at least 100 time units". */
  public static final double PAPER_DURATION = Equilibria.PAPER_READING_DURATION;
  /** Growing windows of the paper's reading (App. A does not say how many; {@link Equilibria#PAPER_READING_WINDOWS}). */
  public static final int PAPER_WINDOWS = Equilibria.PAPER_READING_WINDOWS;

  /**
   * @param model the model
   * @param pump the pump (normalised)
   * @param transientBudget the longest transient (1/gamma_nr) before a sample is unsettled
   * @param procedure ours or paper
   * @param longTimeLimit procedure ours: the long-time limit of an unsettled sample's fate (1/gamma_nr);
   *     null (absent from the key) under paper, which does not use it
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("pump") double pump,
      @JsonProperty("transient_budget") double transientBudget, @JsonProperty("procedure") Procedure procedure,
      @JsonProperty("long_time_limit") @JsonInclude(JsonInclude.Include.NON_NULL) Double longTimeLimit) {
    public Params {
      java.util.Objects.requireNonNull(procedure, "procedure");
      if ((procedure == Procedure.OURS) != (longTimeLimit != null)) {
        throw new IllegalArgumentException("a long-time limit goes with procedure ours only, got " + procedure + ", "
            + longTimeLimit);
      }
    }
  }

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
    Equilibria equilibria = Equilibria.defaults();
    Equilibrium e;
    LongTimeSummary longTime = null;
    PaperReadingSummary paper = null;
    TransientBudget budget = TransientBudget.of(p.transientBudget());
    if (p.procedure() == Procedure.OURS && model.kind().polydisperse()) {
      // Issue 13: a sample without a steady state from the seed is followed from its start in the
      // co-rotating frame to where it ends (as `qdlaser point` does by default); one still undecided at
      // the budget's time is recorded as the budget would have recorded it (unsettled there), off the
      // same transient, and its fate replaces that end. No lab-frame budget before it (docs/decisions.md).
      Equilibria.Fate f = equilibria.pointByFate(model, budget, p.longTimeLimit(), PAPER_DURATION, PAPER_WINDOWS);
      e = f.equilibrium();
      if (f.budgetEnd() != null) {
        longTime = LongTimeSummary.of(p.longTimeLimit(), f, UnsettledSummary.of(f.budgetEnd()));
        LOG.info("equilibrium/{}: undecided after the budget of {} /gamma_nr; long-time fate {} after {} /gamma_nr (limit {})",
            label, Readable.number(p.transientBudget()), e.verdict().jsonName(), Readable.number(f.timeIntegrated()),
            Readable.number(p.longTimeLimit()));
        // The paper's reading of the same sample, for comparison: off the fate's own first 100 units when it
        // lasted that long, else its own 100-unit integration from the same start.
        paper = PaperReadingSummary.of(PAPER_WINDOWS, f.reading() != null ? f.reading()
            : equilibria.paperReading(model, PAPER_DURATION, PAPER_WINDOWS));
      }
    } else {
      // Transients bounded by the study's budget: a sample that does not settle within it is recorded
      // unsettled, with the activation curve of the end state (docs/decisions.md).
      // (every activation model has detuned dots; identical ones would have no co-rotating fate to follow).
      e = equilibria.point(model, budget);
    }
    if (p.procedure() == Procedure.PAPER) {
      paper = PaperReadingSummary.of(PAPER_WINDOWS, equilibria.paperReading(model, PAPER_DURATION, PAPER_WINDOWS));
    }
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
    } else if (e.selfPulsing() != null) {
      // No steady state and no single end state: the pulsation is recorded (long_time.self_pulsing), no curve.
      LOG.info("equilibrium/{}: self-pulsing (period {} /gamma_nr, |b| in [{}, {}]); no activation curve", label,
          Readable.number(e.selfPulsing().period()), Readable.number(e.selfPulsing().bAbsMin()),
          Readable.number(e.selfPulsing().bAbsMax()));
      max = Double.NaN;
    } else if (!e.lasing()) {
      // A sample below threshold is a result (Fig. 6: some w_QD = 2 gamma samples do not lase), not a
      // failure: recorded with lasing = false, its scaled activation undefined (NaN), and no fit.
      LOG.info("equilibrium/{}: not lasing at r = {} (|b| = {}); no activation curve", label, Readable.rate(p.pump()),
          Readable.number(e.bAbs()));
      max = Double.NaN;
    }
    Map<String, byte[]> out = new LinkedHashMap<>(
        ActivationTable.of(sample.detunings(), p.model().gamma(), act, max, upperPopulations(model, e.state())).files(label));
    out.put(ArtifactPaths.activationState(label), StateSummary.activation(e, longTime, paper).toJson());
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
