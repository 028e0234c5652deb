package org.qdlaser.pipeline.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.artifacts.EndsTable;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.FieldTable;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.OscillationSummary;
import org.qdlaser.pipeline.artifacts.SampleStats;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.SeriesTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.artifacts.ThresholdsTable;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.stages.equilibrium.BranchPoint;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.LasingBranch;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.fitting.CurveFitter;
import org.qdlaser.stages.fitting.FitResult;
import org.qdlaser.stages.fitting.OscillationFit;
import org.qdlaser.stages.fitting.ThresholdBracket;
import org.qdlaser.stages.integration.FieldTrace;
import org.qdlaser.stages.integration.ProgressListener;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.ParameterFamily;
import org.qdlaser.stages.sampling.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapters between artifacts (Arrow tables, JSON) and the stages' typed inputs and results. Each
 * action is a pure function of its inputs; the executor writes what it returns.
 */
final class StageActions {
  private static final Logger LOG = LoggerFactory.getLogger(StageActions.class);

  private StageActions() {}

  // ---------------------------------------------------------------- sampling

  static TaskAction sampling(Study.ModelRun run) {
    return in -> {
      LaserParameters p = run.parameters();
      Sample s = run.kind().polydisperse()
          ? org.qdlaser.pipeline.manifest.SampleOptions.sample(run.sample(), null, p, "models." + run.label() + ".sample.")
          : Sample.identical(p.n(), p.deltaNu(), p.g());
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(ArtifactPaths.sampleTable(run.label()), SampleTable.of(s).toArrow());
      out.put(ArtifactPaths.sampleStats(run.label()), SampleStats.of(s).toJson());
      return out;
    };
  }

  /** The model of a run, with the per-dot detunings and couplings of its sample artifact. */
  private static Model model(Study.ModelRun run, TaskInputs in) {
    SampleTable sample = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(run.label())));
    return Models.of(run.kind(), run.parameters(), sample.detunings(), sample.couplings());
  }

  // ---------------------------------------------------------------- integration

  static TaskAction integration(Study.ModelRun run, Study study) {
    return in -> {
      Model model = model(run, in);
      double[] pumps = study.pumps();
      int every = Math.max(1, pumps.length / 10);
      ProgressListener progress = (done, total, what) -> {
        if (done % every == 0 || done == total) {
          LOG.info("integration/{}: {}/{} pump values done ({})", run.label(), done, total, what);
        }
      };
      Relaxer.SweepResult res = Equilibria.of(study.relaxation()).pumpSweep(model, pumps, study.recordStride(), progress);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(ArtifactPaths.series(run.label()), SeriesTable.toArrow(res.series()));
      out.put(ArtifactPaths.ends(run.label()), EndsTable.toArrow(model.dimension(), res.relaxations()));
      return out;
    };
  }

  // ---------------------------------------------------------------- equilibrium

  static TaskAction equilibrium(Study.ModelRun run, Study study) {
    return in -> {
      Model model = model(run, in);
      Equilibria equilibria = Equilibria.defaults();
      List<EquilibriaTable.Row> rows = new ArrayList<>();
      for (Relaxation r : EndsTable.fromArrow(in.get(ArtifactPaths.ends(run.label())))) {
        Equilibrium e = equilibria.polish(model.withPump(r.pump()), r);
        rows.add(EquilibriaTable.Row.of(e, study.gammaNrPerSecond(), r.duration(), r.reachedCriterion()));
      }
      return new EquilibriaTable(rows).files(run.label());
    };
  }

  // ---------------------------------------------------------------- fitting

  static TaskAction fitting(Study.ModelRun run, Study study) {
    return in -> {
      EquilibriaTable t = EquilibriaTable.fromArrow(in.get(ArtifactPaths.equilibria(run.label()).arrow()));
      ThresholdBracket b = ThresholdBracket.fromDownwardSweep(t.doubles(EquilibriaTable.Row::pump),
          t.booleans(r -> r.lasing() && r.stable()), t.doubles(EquilibriaTable.Row::bAbs));
      double g = study.gammaNrPerSecond();
      String model = run.kind().name();
      Equilibria equilibria = Equilibria.of(study.relaxation());
      SweepFit fit;
      if (run.kind().polydisperse()) {
        // Detuned dots: the search of a threshold costs minutes for TPM^(d); start instead from the
        // sweep's bracket, at its lowest lasing state (the polished end of that transient).
        if (!b.bracketed()) {
          fit = SweepFit.unlocated(model, run.label(), b, g, "the sweep does not bracket the threshold: no exact location");
        } else {
          List<Relaxation> ends = EndsTable.fromArrow(in.get(ArtifactPaths.ends(run.label())));
          Threshold th = equilibria.thresholdInBracket(model(run, in), EndsTable.at(ends, b.lowestLasingPump()),
              EndsTable.at(ends, b.highestNonLasingPump()));
          fit = SweepFit.located(model, run.label(), b, g, th, "bisection of the stable lasing branch from the sweep's "
              + "bracket, then classification as for identical dots (fold: minimum of r along the branch parametrised "
              + "by |b|); non-lasing instability searched inside the bracket only, from the sweep's non-lasing state");
        }
      } else {
        // The exact threshold of the same model, for comparison with the sweep's bracket.
        fit = SweepFit.located(model, run.label(), b, g, equilibria.threshold(Models.identical(run.kind(), run.parameters())),
            null);
      }
      return Map.of(ArtifactPaths.sweepFit(run.label()), fit.toJson());
    };
  }

  // ---------------------------------------------------------------- threshold curves

  static TaskAction thresholdCurve(Study.ModelRun run, Study study) {
    return in -> {
      Study.Scan scan = study.scan();
      double[] values = scan.values();
      int n = values.length;
      Equilibria equilibria = Equilibria.of(study.relaxation());
      List<ThresholdsTable.Row> rows = new ArrayList<>();
      int every = Math.max(1, n / 5);
      for (int i = 0; i < n; i++) {
        LaserParameters p = run.with(scan.parameter(), values[i]);
        double pump;
        String kind;
        double bAbs;
        double cc;
        try {
          Threshold th = equilibria.threshold(Models.identical(run.kind(), p));
          pump = th.pump();
          kind = th.kind();
          bAbs = th.bAbs();
          cc = th.upperPopulation();
        } catch (EquilibriumException e) {
          // No threshold found at this parameter value: recorded with its reason, not fatal to the curve.
          LOG.info("{}: no threshold at {} = {}: {}", run.label(), scan.parameter(), values[i], e.getMessage());
          pump = Double.NaN;
          kind = "none: " + e.getMessage();
          bAbs = Double.NaN;
          cc = Double.NaN;
        }
        rows.add(new ThresholdsTable.Row(values[i], pump, pump * study.gammaNrPerSecond(), kind, bAbs, cc));
        if ((i + 1) % every == 0 || i + 1 == n) {
          LOG.info("equilibrium/{}: {}/{} thresholds done", run.label(), i + 1, n);
        }
      }
      return new ThresholdsTable(scan.parameter(), rows).files(run.label());
    };
  }

  // ---------------------------------------------------------------- branches

  static TaskAction branch(Study.ModelRun run, Study study) {
    return in -> {
      boolean disperse = run.kind().polydisperse();
      Model model = disperse ? model(run, in) : Models.identical(run.kind(), run.parameters());
      String param = study.scan() == null ? "r" : study.scan().parameter();
      double from = study.pumps()[0];
      double to = study.pumps()[1];
      ParameterFamily family = param.equals("r")
          ? ParameterFamily.pump(model.withPump(from))
          : param.equals("w_qd")
              ? ParameterFamily.nominalWidth(model.withPump(study.pumps()[2]), run.sampleWidth(), from)
              : ParameterFamily.identical(param, run.kind(), run.with(param, from).withR(study.pumps()[2]));
      Equilibria.Branch branch = Equilibria.of(study.relaxation()).branch(family, from, to);
      LasingBranch.Result res = branch.result();
      if (!branch.note().isEmpty()) {
        // Recorded, not fatal: the report says which branch is missing and why.
        LOG.info("equilibrium/{}: {}", run.label(), branch.note());
      }
      LasingBranch.StableEnd end = res.stableEnd();
      LOG.info("equilibrium/{}: {} branch points, {} folds; stable branch ends at {} = {} ({}, |b| = {})", run.label(),
          res.points().size(), res.folds().size(), param, end.pump(), end.kind(), end.bAbs());
      double gnr = study.gammaNrPerSecond();
      List<BranchTable.Row> rows = new ArrayList<>();
      for (BranchPoint p : res.points()) {
        rows.add(BranchTable.Row.of(p, param, gnr));
      }
      List<BranchFolds.Fold> folds = new ArrayList<>();
      for (LasingBranch.Fold f : res.folds()) {
        folds.add(new BranchFolds.Fold(f.pump(), BranchFolds.inUnits(param, f.pump(), gnr), f.bAbs(), f.upperPopulation(),
            f.minimum() ? "fold (minimum of " + param + ")" : "fold (maximum of " + param + ")"));
      }
      BranchFolds.StableEnd threshold = new BranchFolds.StableEnd(nullIfNaN(end.pump()),
          nullIfNaN(BranchFolds.inUnits(param, end.pump(), gnr)), nullIfNaN(end.bAbs()), end.kind(),
          (to < from ? "low-" : "high-") + param + " end of the stable part of the branch (LasingBranch.StableEnd)");
      Map<String, byte[]> out = new LinkedHashMap<>(new BranchTable(param, rows).files(run.label()));
      out.put(ArtifactPaths.folds(run.label()),
          new BranchFolds(run.kind().name(), param, folds, branch.note(), threshold).toJson());
      return out;
    };
  }

  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  // ---------------------------------------------------------------- activation curves (Fig. 4)

  static TaskAction activation(Study.ModelRun run, Study study) {
    return in -> {
      SampleTable sample = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(run.label())));
      Model model = Models.of(run.kind(), run.parameters(), sample.detunings(), sample.couplings())
          .withPump(study.pumps()[0]);
      // Transients bounded by the study's budget: a sample that does not settle within it is recorded
      // unsettled, with the activation curve of the end state (docs/decisions.md).
      Equilibrium e = Equilibria.defaults().point(model, study.transientBudget());
      double[] act = e.activation();
      double max = 0;
      for (double a : act) {
        max = Math.max(max, a);
      }
      if (e.unsettled() != null) {
        // Still lasing at the end of the budget, not at a steady state: the curve of the end state, marked.
        LOG.info("equilibrium/{}: unsettled after {} time units (|b| = {}, d ln|b|/dt = {}); activation of the end state",
            run.label(), e.unsettled().time(), e.bAbs(), e.unsettled().driftRate());
      } else if (!e.lasing()) {
        // A sample below threshold is a result (Fig. 6: some w_QD = 2 gamma samples do not lase), not a
        // failure: recorded with lasing = false, its scaled activation undefined (NaN), and no fit.
        LOG.info("equilibrium/{}: not lasing at r = {} (|b| = {}); no activation curve", run.label(), study.pumps()[0], e.bAbs());
        max = Double.NaN;
      }
      Map<String, byte[]> out = new LinkedHashMap<>(
          ActivationTable.of(sample.detunings(), run.parameters().gamma(), act, max).files(run.label()));
      out.put(ArtifactPaths.activationState(run.label()), StateSummary.activation(e).toJson());
      return out;
    };
  }

  static TaskAction lorentzian(Study.ModelRun run) {
    return in -> {
      String label = run.label();
      StateSummary state = StateSummary.fromJson(in.get(ArtifactPaths.activationState(label)));
      Verdict verdict = state.verdict();
      boolean unsettled = verdict == Verdict.UNSETTLED;
      LorentzianFit fit;
      if (!state.lasing() && !unsettled) {
        fit = LorentzianFit.none(run.kind().name(), verdict);
      } else {
        ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(label).arrow()));
        FitResult f = CurveFitter.lorentzian(t.detuningOverGamma(), t.scaled());
        fit = new LorentzianFit(run.kind().name(), state.lasing(), verdict,
            "f(x) = a_L / (1 + (x / w_L)^2), x = detuning / gamma, data scaled to [0, 1] (Eq. 2)"
                + (unsettled ? "; UNSETTLED: fitted to the end state of a transient that did not settle, not a steady state" : ""),
            f.parameters()[0], f.parameters()[1], f.standardErrors()[0], f.standardErrors()[1], f.rms(), f.rSquared());
      }
      return Map.of(ArtifactPaths.lorentzian(label), fit.toJson());
    };
  }

  // ---------------------------------------------------------------- oscillation (Fig. 11)

  /**
   * The rotating lasing state by Newton (as for the activation curves), then a lab-frame
   * integration over the study's window from it: &lt;b&gt; at every accepted step. A sample below
   * threshold has no oscillation to show: that is an error here (the figure is about the lasing field).
   */
  static TaskAction oscillation(Study.ModelRun run, Study study) {
    return in -> {
      Model model = model(run, in).withPump(study.pumps()[0]);
      Equilibria equilibria = Equilibria.of(study.relaxation());
      Equilibrium e = equilibria.point(model, TransientBudget.unbounded());
      if (!e.lasing()) {
        throw new EquilibriumException(run.label() + " does not lase at r = " + study.pumps()[0]
            + ": no field oscillation to record");
      }
      FieldTrace tr = equilibria.fieldTrace(model, e.state(), study.window());
      LOG.info("integration/{}: {} points of <b> over t = {} from the lasing state (omega = {})", run.label(),
          tr.time().length, study.window(), e.omega());
      Map<String, byte[]> out = new LinkedHashMap<>(
          FieldTable.of(tr, study.gammaNrPerSecond()).files(ArtifactPaths.field(run.label())));
      out.put(ArtifactPaths.startState(run.label()), StateSummary.start(e).toJson());
      return out;
    };
  }

  /** Frequency and modulus of the recorded field, compared with the Newton state's omega and |b|. */
  static TaskAction oscillationFit(Study.ModelRun run) {
    return in -> {
      FieldTable t = FieldTable.fromArrow(in.get(ArtifactPaths.field(run.label()).arrow()));
      StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.startState(run.label())));
      OscillationFit f = OscillationFit.fit(t.time(), t.re(), t.im());
      return Map.of(ArtifactPaths.oscillationFit(run.label()),
          OscillationSummary.of(run.kind().name(), f, st.omega(), st.bAbs()).toJson());
    };
  }

  static TaskAction report(Study study, ReportContext context) {
    return in -> ReportBuilder.build(study, context, in);
  }
}
