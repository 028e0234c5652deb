package org.qdlaser.pipeline.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.BranchPoint;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.LasingBranch;
import org.qdlaser.stages.numerics.nonlinear.ContinuationSettings;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.equilibrium.ThresholdFinder;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.fitting.ThresholdBracket;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.ProgressListener;
import org.qdlaser.stages.integration.Relaxation;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TimeSeries;
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

  static String samplePath(String label) {
    return "samples/" + label + ".arrow";
  }

  static String sampleStatsPath(String label) {
    return "samples/" + label + ".json";
  }

  static String seriesPath(String label) {
    return "integration/" + label + "-series.arrow";
  }

  static String endsPath(String label) {
    return "integration/" + label + "-ends.arrow";
  }

  static String equilibriumPath(String label, String ext) {
    return "equilibrium/" + label + "." + ext;
  }

  static String fittingPath(String label) {
    return "fitting/" + label + ".json";
  }

  // ---------------------------------------------------------------- sampling

  static TaskAction sampling(Study.ModelRun run) {
    return in -> {
      LaserParameters p = run.parameters();
      Sample s = run.kind().polydisperse()
          ? org.qdlaser.pipeline.manifest.SampleOptions.sample(run.sample(), null, p, "models." + run.label() + ".sample.")
          : Sample.identical(p.n(), p.deltaNu(), p.g());
      long[] idx = new long[s.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Table t = Table.builder("sample").addLong("dot", idx).addDouble("detuning", s.detunings())
          .addDouble("coupling", s.couplings()).build();
      Map<String, Object> stats = new TreeMap<>();
      stats.put("description", s.description());
      stats.put("N", s.size());
      stats.put("mean_detuning", s.meanDetuning());
      stats.put("detuning_std", s.detuningStd());
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(samplePath(run.label()), TableCodec.toArrowIpc(t));
      out.put(sampleStatsPath(run.label()), CanonicalJson.prettyBytes(stats));
      return out;
    };
  }

  // ---------------------------------------------------------------- integration

  static TaskAction integration(Study.ModelRun run, Study study) {
    return in -> {
      Table sample = TableCodec.fromArrowIpc(in.get(samplePath(run.label())));
      Model model = modelFromSample(run, sample);
      double[] pumps = study.pumps();
      RelaxationSettings rs = relaxationFor(run, study);
      Relaxer relaxer = new Relaxer(Integrators.bdf(rs), rs);
      Model first = model.withPump(pumps[0]);
      int every = Math.max(1, pumps.length / 10);
      ProgressListener progress = (done, total, what) -> {
        if (done % every == 0 || done == total) {
          LOG.info("integration/{}: {}/{} pump values done ({})", run.label(), done, total, what);
        }
      };
      Relaxer.SweepResult res = run.kind().polydisperse()
          ? rotatingSweep(model, pumps, first.lasingInitialState(), relaxer, progress)
          : relaxer.sweep(model, pumps, first.lasingInitialState(), study.recordStride(), progress);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(seriesPath(run.label()), TableCodec.toArrowIpc(seriesTable(res.series())));
      out.put(endsPath(run.label()), TableCodec.toArrowIpc(endsTable(model, res.relaxations())));
      return out;
    };
  }

  /**
   * Downward sweep for detuned dots: each pump starts from the previous equilibrium, first by
   * natural continuation (rotating-frame Newton from it, accepted if stable), else by the windowed
   * transient of PointSolver.solveFrom (early rotating-frame Newton), because the lasing state
   * rotates and the App. A rates settle only at the integrator's error level. The time series
   * holds one row per pump (the end of its transient; time 0 where Newton continued the state).
   */
  private static Relaxer.SweepResult rotatingSweep(
      Model model, double[] pumps, double[] y0, Relaxer relaxer, ProgressListener progress) {
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver ps = new PointSolver(relaxer, solver);
    Equilibrium previous = null;
    List<Relaxation> out = new ArrayList<>();
    double[] y = y0;
    int n = pumps.length;
    double[] b = new double[n];
    double[] ph = new double[n];
    double[] cc = new double[n];
    double[] bb = new double[n];
    double[] time = new double[n];
    for (int i = 0; i < n; i++) {
      Model m = model.withPump(pumps[i]);
      // TPM_d: the first pump starts from the lifted TPM_IF_d lasing state (PointSolver.solve), as
      // `qdlaser point`; from the generic initial state its transient costs minutes at N = 40.
      // Later pumps: natural continuation first (Newton from the previous equilibrium, accepted if
      // stable and physical), the transient only where it fails (past a threshold): TPM_d
      // transients cost minutes per pump at N = 40 (docs/decisions.md).
      PointSolver.Outcome o = null;
      if (i == 0 && Models.seedModel(m).isPresent()) {
        o = new PointSolver.Outcome(ps.solve(m), 0.0, "newton_seeded");
      } else if (previous != null) {
        java.util.function.Predicate<Equilibrium> accept =
            e -> e.stable() && e.photons() >= 0 && e.upperPopulationMean() >= 0 && e.upperPopulationMean() <= 1;
        Optional<Equilibrium> next = previous.lasing()
            ? solver.polishLasing(m, y, previous.omega()).filter(accept) : Optional.empty();
        String how = "newton_continued";
        if (next.isEmpty()) {
          // Lasing state lost (past a threshold) or never there: the stable non-lasing state by Newton
          // (a TPM_d transient decaying to it costs over ten minutes at N = 40).
          next = solver.polishNonLasing(m, y).filter(accept);
          how = previous.lasing() ? "newton_non_lasing_after_lasing" : how;
        }
        if (next.isPresent()) {
          o = new PointSolver.Outcome(next.get(), 0.0, how);
        }
      }
      if (o == null) {
        o = ps.solveFrom(m, y);
      }
      previous = o.equilibrium();
      y = o.equilibrium().state();
      double[] f = new double[y.length];
      m.rhs(0, y, f);
      out.add(new Relaxation(pumps[i], o.transientTime(), y, f, !"max_time".equals(o.ending()), 0.0, 0, 0));
      b[i] = m.fieldAmplitude(y);
      ph[i] = m.photons(y);
      cc[i] = m.upperPopulationMean(y);
      bb[i] = m.bbAmplitude(y);
      time[i] = o.transientTime();
      progress.progress(i + 1, n, m.kind() + " r=" + pumps[i] + " (" + o.ending() + ")");
    }
    return new Relaxer.SweepResult(out, new TimeSeries(pumps, time, b, ph, cc, bb));
  }

  /**
   * The transient settings of a model run: the manifest's, except that detuned dots lase in a state
   * rotating in the integration frame, for which the App. A rates settle at the integrator's error
   * level; those use a relative criterion (RelaxationSettings.rotating()).
   */
  static RelaxationSettings relaxationFor(Study.ModelRun run, Study study) {
    RelaxationSettings s = study.relaxation();
    if (!run.kind().polydisperse()) {
      return s;
    }
    RelaxationSettings r = RelaxationSettings.rotating();
    return new RelaxationSettings(r.rtol(), r.atol(), r.stopThreshold(), s.maxTime(), s.minTime(), true);
  }

  /** The model of a run, with the per-dot detunings and couplings of its sample artifact. */
  private static Model modelFromSample(Study.ModelRun run, Table sample) {
    LaserParameters p = run.parameters();
    double[] d = sample.doubles("detuning");
    double[] g = sample.doubles("coupling");
    if (run.kind().polydisperse()) {
      return Models.disperse(run.kind(), new org.qdlaser.stages.physics.DisperseParameters(
          p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(), d, g));
    }
    if (d.length != p.n()) {
      throw new IllegalStateException("sample of " + run.label() + " has " + d.length + " dots, model has N = " + p.n());
    }
    for (int i = 0; i < d.length; i++) {
      if (d[i] != p.deltaNu() || g[i] != p.g()) {
        throw new IllegalStateException("identical-dot model " + run.label() + " got a sample with differing dot " + i);
      }
    }
    return Models.identical(run.kind(), p);
  }

  private static Table seriesTable(TimeSeries s) {
    return Table.builder("time_series")
        .addDouble("pump", s.pump()).addDouble("time", s.time()).addDouble("b_abs", s.bAbs())
        .addDouble("photons", s.photons()).addDouble("upper_population", s.upperPopulation())
        .addDouble("bb_abs", s.bbAbs()).build();
  }

  private static Table endsTable(Model model, List<Relaxation> rs) {
    int n = rs.size();
    int dim = model.dimension();
    double[] pump = new double[n];
    double[] duration = new double[n];
    boolean[] reached = new boolean[n];
    double[] maxRate = new double[n];
    long[] steps = new long[n];
    long[] rhs = new long[n];
    double[][] y = new double[dim][n];
    double[][] yDot = new double[dim][n];
    for (int i = 0; i < n; i++) {
      Relaxation r = rs.get(i);
      pump[i] = r.pump();
      duration[i] = r.duration();
      reached[i] = r.reachedCriterion();
      maxRate[i] = r.maxRate();
      steps[i] = r.steps();
      rhs[i] = r.rhsEvaluations();
      double[] s = r.state();
      double[] d = r.derivative();
      for (int k = 0; k < dim; k++) {
        y[k][i] = s[k];
        yDot[k][i] = d[k];
      }
    }
    Table.Builder b = Table.builder("relaxations")
        .addDouble("pump", pump).addDouble("duration", duration).addBoolean("reached_criterion", reached)
        .addDouble("max_rate", maxRate).addLong("steps", steps).addLong("rhs_evaluations", rhs);
    for (int k = 0; k < dim; k++) {
      b.addDouble("y" + k, y[k]);
    }
    for (int k = 0; k < dim; k++) {
      b.addDouble("ydot" + k, yDot[k]);
    }
    return b.build();
  }

  // ---------------------------------------------------------------- equilibrium

  static TaskAction equilibrium(Study.ModelRun run, Study study) {
    return in -> {
      Model model = modelFromSample(run, TableCodec.fromArrowIpc(in.get(samplePath(run.label()))));
      Table ends = TableCodec.fromArrowIpc(in.get(endsPath(run.label())));
      int n = ends.rowCount();
      int dim = model.dimension();
      EquilibriumSolver solver = new EquilibriumSolver();
      double[][] y = new double[dim][];
      double[][] yDot = new double[dim][];
      for (int k = 0; k < dim; k++) {
        y[k] = ends.doubles("y" + k);
        yDot[k] = ends.doubles("ydot" + k);
      }
      double[] pump = ends.doubles("pump");
      double[] duration = ends.doubles("duration");
      boolean[] reached = ends.booleans("reached_criterion");
      double[] maxRate = ends.doubles("max_rate");
      List<Equilibrium> eqs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        double[] s = new double[dim];
        double[] d = new double[dim];
        for (int k = 0; k < dim; k++) {
          s[k] = y[k][i];
          d[k] = yDot[k][i];
        }
        Relaxation r = new Relaxation(pump[i], duration[i], s, d, reached[i], maxRate[i], 0, 0);
        eqs.add(solver.polish(model.withPump(pump[i]), r));
      }
      Table t = equilibriumTable(eqs, study.gammaNrPerSecond(), duration, reached);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(equilibriumPath(run.label(), "arrow"), TableCodec.toArrowIpc(t));
      out.put(equilibriumPath(run.label(), "csv"), TableCodec.toCsv(t));
      return out;
    };
  }

  private static Table equilibriumTable(List<Equilibrium> eqs, double gammaNr, double[] duration, boolean[] reached) {
    int n = eqs.size();
    double[] pump = new double[n];
    double[] pumpPerS = new double[n];
    boolean[] lasing = new boolean[n];
    boolean[] stable = new boolean[n];
    double[] bAbs = new double[n];
    double[] omega = new double[n];
    double[] photons = new double[n];
    double[] cc = new double[n];
    double[] residual = new double[n];
    double[] lambda = new double[n];
    long[] newton = new long[n];
    for (int i = 0; i < n; i++) {
      Equilibrium e = eqs.get(i);
      pump[i] = e.pump();
      pumpPerS[i] = e.pump() * gammaNr;
      lasing[i] = e.lasing();
      stable[i] = e.stable();
      bAbs[i] = e.bAbs();
      omega[i] = e.omega();
      photons[i] = e.photons();
      cc[i] = e.upperPopulationMean();
      residual[i] = e.residual();
      lambda[i] = e.rightmostEigenvalue();
      newton[i] = e.newtonIterations();
    }
    return Table.builder("equilibria")
        .addDouble("pump", pump).addDouble("pump_per_s", pumpPerS).addBoolean("lasing", lasing)
        .addBoolean("stable", stable).addDouble("b_abs", bAbs).addDouble("omega", omega)
        .addDouble("photons", photons).addDouble("upper_population", cc).addDouble("residual", residual)
        .addDouble("rightmost_eigenvalue", lambda).addLong("newton_iterations", newton)
        .addDouble("transient_time", duration).addBoolean("transient_reached_criterion", reached)
        .build();
  }

  // ---------------------------------------------------------------- fitting

  static TaskAction fitting(Study.ModelRun run, Study study) {
    return in -> {
      Table t = TableCodec.fromArrowIpc(in.get(equilibriumPath(run.label(), "arrow")));
      boolean[] lasing = t.booleans("lasing");
      boolean[] stable = t.booleans("stable");
      boolean[] ls = new boolean[lasing.length];
      for (int i = 0; i < ls.length; i++) {
        ls[i] = lasing[i] && stable[i];
      }
      ThresholdBracket b = ThresholdBracket.fromDownwardSweep(t.doubles("pump"), ls, t.doubles("b_abs"));
      double g = study.gammaNrPerSecond();
      Map<String, Object> out = new TreeMap<>();
      out.put("model", run.kind().name());
      out.put("label", run.label());
      out.put("method", "downward sweep: lowest pump with stable lasing, and the next pump below it");
      out.put("bracketed", b.bracketed());
      out.put("lowest_lasing_pump", nullIfNaN(b.lowestLasingPump()));
      out.put("highest_non_lasing_pump", nullIfNaN(b.highestNonLasingPump()));
      out.put("threshold_estimate", nullIfNaN(b.estimate()));
      out.put("lowest_lasing_pump_per_s", nullIfNaN(b.lowestLasingPump() * g));
      out.put("highest_non_lasing_pump_per_s", nullIfNaN(b.highestNonLasingPump() * g));
      out.put("threshold_estimate_per_s", nullIfNaN(b.estimate() * g));
      out.put("b_abs_at_lowest_lasing", nullIfNaN(b.bAbsAtLowestLasing()));
      RelaxationSettings rs = relaxationFor(run, study);
      EquilibriumSolver solver = new EquilibriumSolver();
      ThresholdFinder finder = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver);
      Threshold th;
      if (run.kind().polydisperse()) {
        // Detuned dots: the search of ThresholdFinder.find costs minutes for TPM^(d); start instead
        // from the sweep's bracket, at its lowest lasing state (the polished end of that transient).
        if (!b.bracketed()) {
          out.put("exact_threshold_note", "the sweep does not bracket the threshold: no exact location");
          out.put("exact_threshold_in_bracket", null);
          return Map.of(fittingPath(run.label()), CanonicalJson.prettyBytes(out));
        }
        Model model = modelFromSample(run, TableCodec.fromArrowIpc(in.get(samplePath(run.label()))));
        Table ends = TableCodec.fromArrowIpc(in.get(endsPath(run.label())));
        th = finder.findInBracket(model, polishedEnd(model, ends, b.lowestLasingPump()),
            polishedEnd(model, ends, b.highestNonLasingPump()));
        out.put("exact_threshold_method", "bisection of the stable lasing branch from the sweep's bracket, then "
            + "classification as for identical dots (fold: minimum of r along the branch parametrised by |b|); "
            + "non-lasing instability searched inside the bracket only, from the sweep's non-lasing state");
        out.put("exact_threshold_frequency", th.frequency());
      } else {
        // The exact threshold of the same model, for comparison with the sweep's bracket.
        th = finder.find(Models.identical(run.kind(), run.parameters()));
      }
      out.put("exact_threshold_pump", th.pump());
      out.put("exact_threshold_pump_per_s", th.pump() * g);
      out.put("exact_threshold_kind", th.kind());
      out.put("exact_threshold_b_abs", th.bAbs());
      out.put("exact_threshold_upper_population", th.upperPopulation());
      out.put("exact_threshold_photons", th.photons());
      out.put("exact_threshold_relative_accuracy", th.relativeAccuracy());
      out.put("exact_threshold_in_bracket", b.bracketed()
          && th.pump() >= b.highestNonLasingPump() && th.pump() <= b.lowestLasingPump());
      return Map.of(fittingPath(run.label()), CanonicalJson.prettyBytes(out));
    };
  }

  /** The Newton-polished end of the sweep's transient at {@code pump} (the ends table's row of that pump). */
  private static Equilibrium polishedEnd(Model model, Table ends, double pump) {
    double[] pumps = ends.doubles("pump");
    for (int i = 0; i < pumps.length; i++) {
      if (pumps[i] != pump) {
        continue;
      }
      int dim = model.dimension();
      double[] s = new double[dim];
      double[] d = new double[dim];
      for (int k = 0; k < dim; k++) {
        s[k] = ends.doubles("y" + k)[i];
        d[k] = ends.doubles("ydot" + k)[i];
      }
      Relaxation r = new Relaxation(pump, ends.doubles("duration")[i], s, d, ends.booleans("reached_criterion")[i],
          ends.doubles("max_rate")[i], 0, 0);
      return new EquilibriumSolver().polish(model.withPump(pump), r);
    }
    throw new IllegalStateException("no transient end at pump r = " + pump + " (normalised) in the sweep's ends table");
  }

  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  static String thresholdsPath(String label, String ext) {
    return "equilibrium/" + label + "-thresholds." + ext;
  }

  static String branchPath(String label, String ext) {
    return "equilibrium/" + label + "-branch." + ext;
  }

  // ---------------------------------------------------------------- threshold curves

  static TaskAction thresholdCurve(Study.ModelRun run, Study study) {
    return in -> {
      Study.Scan scan = study.scan();
      double[] values = scan.values();
      int n = values.length;
      double[] pump = new double[n];
      double[] pumpPerS = new double[n];
      String[] kind = new String[n];
      double[] bAbs = new double[n];
      double[] cc = new double[n];
      RelaxationSettings rs = study.relaxation();
      EquilibriumSolver solver = new EquilibriumSolver();
      ThresholdFinder finder = new ThresholdFinder(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver);
      int every = Math.max(1, n / 5);
      for (int i = 0; i < n; i++) {
        LaserParameters p = run.with(scan.parameter(), values[i]);
        try {
          Threshold th = finder.find(Models.identical(run.kind(), p));
          pump[i] = th.pump();
          kind[i] = th.kind();
          bAbs[i] = th.bAbs();
          cc[i] = th.upperPopulation();
        } catch (org.qdlaser.stages.equilibrium.EquilibriumException | org.qdlaser.stages.numerics.ode.IntegrationException e) {
          // No threshold found at this parameter value: recorded with its reason, not fatal to the curve.
          LOG.info("{}: no threshold at {} = {}: {}", run.label(), scan.parameter(), values[i], e.getMessage());
          pump[i] = Double.NaN;
          kind[i] = "none: " + e.getMessage();
          bAbs[i] = Double.NaN;
          cc[i] = Double.NaN;
        }
        pumpPerS[i] = pump[i] * study.gammaNrPerSecond();
        if ((i + 1) % every == 0 || i + 1 == n) {
          LOG.info("equilibrium/{}: {}/{} thresholds done", run.label(), i + 1, n);
        }
      }
      Table t = Table.builder("thresholds")
          .addDouble(scan.parameter(), values).addDouble("threshold_pump", pump).addDouble("threshold_pump_per_s", pumpPerS)
          .addString("kind", kind).addDouble("b_abs", bAbs).addDouble("upper_population", cc).build();
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(thresholdsPath(run.label(), "arrow"), TableCodec.toArrowIpc(t));
      out.put(thresholdsPath(run.label(), "csv"), TableCodec.toCsv(t));
      return out;
    };
  }

  // ---------------------------------------------------------------- branches

  static TaskAction branch(Study.ModelRun run, Study study) {
    return in -> {
      boolean disperse = run.kind().polydisperse();
      // Detuned dots lase in a rotating state: the start is found as for the activation curves.
      RelaxationSettings rs = disperse ? RelaxationSettings.rotating() : study.relaxation();
      EquilibriumSolver solver = new EquilibriumSolver();
      Table sample = disperse ? TableCodec.fromArrowIpc(in.get(samplePath(run.label()))) : null;
      Model model = disperse ? modelFromSample(run, sample) : Models.identical(run.kind(), run.parameters());
      String param = study.scan() == null ? "r" : study.scan().parameter();
      double from = study.pumps()[0];
      double to = study.pumps()[1];
      ParameterFamily family = param.equals("r")
          ? ParameterFamily.pump(model.withPump(from))
          : param.equals("w_qd")
              ? widthFamily(run, sample, from, study.pumps()[2])
              : ParameterFamily.identical(param, run.kind(), run.with(param, from).withR(study.pumps()[2]));
      Equilibrium start = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver).solve(family.at(from));
      String note = "";
      LasingBranch.Result res;
      if (start.lasing() && start.stable()) {
        // Sample branches (Fig. 3) stop a few points past the fold: see LasingBranch(settings, true).
        LasingBranch tracer = new LasingBranch(ContinuationSettings.defaults(), run.kind().polydisperse());
        res = param.equals("r")
            ? tracer.trace(model, start, to)
            : tracer.trace(family, start, Math.min(from, to), Math.max(from, to), to < from);
      } else {
        // Recorded, not fatal: the report says which branch is missing and why.
        note = "no stable lasing state reached from a lasing initial state at the start " + param + " = " + from
            + " (threshold above it, or outside the basin); branch not traced";
        LOG.info("equilibrium/{}: {}", run.label(), note);
        res = new LasingBranch.Result(List.of(), List.of());
      }
      List<BranchPoint> pts = res.points();
      LasingBranch.StableEnd end = res.stableEnd();
      LOG.info("equilibrium/{}: {} branch points, {} folds; stable branch ends at {} = {} ({}, |b| = {})", run.label(),
          pts.size(), res.folds().size(), param, end.pump(), end.kind(), end.bAbs());
      int n = pts.size();
      double[] pump = new double[n];
      double[] pumpPerS = new double[n];
      double[] b = new double[n];
      double[] omega = new double[n];
      double[] photons = new double[n];
      double[] cc = new double[n];
      boolean[] stable = new boolean[n];
      double[] lambda = new double[n];
      for (int i = 0; i < n; i++) {
        BranchPoint p = pts.get(i);
        pump[i] = p.pump();
        // The parameter's value; in s^-1 for rates (mu is dimensionless).
        pumpPerS[i] = dimensionless(param) ? p.pump() : p.pump() * study.gammaNrPerSecond();
        b[i] = p.bAbs();
        omega[i] = p.omega();
        photons[i] = p.photons();
        cc[i] = p.upperPopulation();
        stable[i] = p.stable();
        lambda[i] = p.rightmostEigenvalue();
      }
      String col = param.equals("r") ? "pump" : param;
      Table t = Table.builder("branch").addDouble(col, pump).addDouble(col + (dimensionless(param) ? "_value" : "_per_s"), pumpPerS)
          .addDouble("b_abs", b)
          .addDouble("omega", omega).addDouble("photons", photons).addDouble("upper_population", cc)
          .addBoolean("stable", stable).addDouble("rightmost_eigenvalue", lambda).build();
      List<Map<String, Object>> folds = new ArrayList<>();
      for (LasingBranch.Fold f : res.folds()) {
        Map<String, Object> m = new TreeMap<>();
        m.put(param.equals("r") ? "pump" : param, f.pump());
        m.put(foldValueKey(param), dimensionless(param) ? f.pump() : f.pump() * study.gammaNrPerSecond());
        m.put("b_abs", f.bAbs());
        m.put("upper_population", f.upperPopulation());
        m.put("kind", f.minimum() ? "fold (minimum of " + param + ")" : "fold (maximum of " + param + ")");
        folds.add(m);
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(branchPath(run.label(), "arrow"), TableCodec.toArrowIpc(t));
      out.put(branchPath(run.label(), "csv"), TableCodec.toCsv(t));
      Map<String, Object> threshold = new TreeMap<>();
      threshold.put(param.equals("r") ? "pump" : param, nullIfNaN(end.pump()));
      threshold.put(foldValueKey(param),
          nullIfNaN(dimensionless(param) ? end.pump() : end.pump() * study.gammaNrPerSecond()));
      threshold.put("b_abs", nullIfNaN(end.bAbs()));
      threshold.put("kind", end.kind());
      threshold.put("what", (to < from ? "low-" : "high-") + param + " end of the stable part of the branch (LasingBranch.StableEnd)");
      out.put("equilibrium/" + run.label() + "-folds.json",
          CanonicalJson.prettyBytes(Map.of("model", run.kind().name(), "folds", folds, "note", note, "threshold", threshold)));
      return out;
    };
  }

  /** Continuation parameters without a unit: their values are written as they are (mu; w_qd in units of gamma). */
  static boolean dimensionless(String param) {
    return param.equals("mu") || param.equals("w_qd");
  }

  /**
   * Key of the parameter's value in folds.json (folds and threshold): {@code pump_per_s} for the
   * pump, {@code w_qd_value} for the width, {@code <param>_per_s} otherwise (mu's value under
   * {@code mu_per_s}, as written since the first mu branches).
   */
  static String foldValueKey(String param) {
    return param.equals("r") ? "pump_per_s" : param.equals("w_qd") ? "w_qd_value" : param + "_per_s";
  }

  /**
   * The width family of a sample run at the fixed pump: the sample's detunings scaled by w /
   * w_qd(sample), so that w is the nominal width of the manifest's sample option and the model at
   * w = w_qd(sample) is the sample itself (ParameterFamily.disperse measures the width as the
   * detunings' RMS about 0, which differs from the nominal width by the draw's scatter); the
   * family's base is the start value {@code from}, where the continuation starts.
   */
  static ParameterFamily widthFamily(Study.ModelRun run, Table sample, double from, double pump) {
    LaserParameters p = run.parameters();
    ParameterFamily rms = ParameterFamily.disperse("w_qd", run.kind(), new org.qdlaser.stages.physics.DisperseParameters(
        p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), pump, sample.doubles("detuning"), sample.doubles("coupling")));
    double perNominal = rms.base() / run.sampleWidth();
    return new ParameterFamily("w_qd", from, false, 0.0, v -> rms.at(v * perNominal));
  }

  static String activationPath(String label, String ext) {
    return "equilibrium/" + label + "-activation." + ext;
  }

  // ---------------------------------------------------------------- activation curves (Fig. 4)

  static TaskAction activation(Study.ModelRun run, Study study) {
    return in -> {
      Table sample = TableCodec.fromArrowIpc(in.get(samplePath(run.label())));
      Model model = modelFromSample(run, sample).withPump(study.pumps()[0]);
      RelaxationSettings rs = RelaxationSettings.rotating();
      // Transients bounded by the study's budget: a sample that does not settle within it is recorded
      // unsettled, with the activation curve of the end state (docs/decisions.md).
      Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver(), study.transientBudget())
          .solve(model);
      double gamma = run.parameters().gamma();
      double[] det = sample.doubles("detuning");
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
      int n = act.length;
      long[] dot = new long[n];
      double[] detG = new double[n];
      double[] scaled = new double[n];
      for (int i = 0; i < n; i++) {
        dot[i] = i;
        detG[i] = det[i] / gamma;
        scaled[i] = act[i] / max;
      }
      Table t = Table.builder("activation").addLong("dot", dot).addDouble("detuning", det)
          .addDouble("detuning_over_gamma", detG).addDouble("activation", act).addDouble("activation_scaled", scaled).build();
      Map<String, Object> state = stateSummary(e, true);
      state.put("verdict", e.verdict().jsonName());
      if (e.unsettled() != null) {
        state.put("unsettled", UnsettledJson.summary(e.unsettled()));
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(activationPath(run.label(), "arrow"), TableCodec.toArrowIpc(t));
      out.put(activationPath(run.label(), "csv"), TableCodec.toCsv(t));
      out.put("equilibrium/" + run.label() + "-state.json", CanonicalJson.prettyBytes(state));
      return out;
    };
  }

  /**
   * The state summary JSON of an equilibrium (sorted keys): pump, lasing, |b|, omega, stability,
   * residual, and <b+b> and <b+b> - |<b>|^2 when {@code withPhotons} (activation states; the oscillation study's start
   * state has never carried it, and its artifact bytes stay as they were).
   */
  private static Map<String, Object> stateSummary(Equilibrium e, boolean withPhotons) {
    Map<String, Object> state = new TreeMap<>();
    state.put("pump", e.pump());
    state.put("lasing", e.lasing());
    state.put("b_abs", e.bAbs());
    state.put("omega", e.omega());
    if (withPhotons) {
      state.put("photons", e.photons());
      // <b+b> - |<b>|^2: negative for some TPM_d samples at w_QD = gamma (docs/decisions.md)
      state.put("incoherent_photons", e.incoherentPhotons());
    }
    state.put("stable", e.stable());
    state.put("residual", e.residual());
    return state;
  }


  static TaskAction lorentzian(Study.ModelRun run) {
    return in -> {
      Table t = TableCodec.fromArrowIpc(in.get(activationPath(run.label(), "arrow")));
      var stateJson = CanonicalJson.mapper().readTree(in.get("equilibrium/" + run.label() + "-state.json"));
      boolean lasing = stateJson.path("lasing").asBoolean(true);
      // Older state files have no verdict: lasing or not.
      String verdict = stateJson.path("verdict").asText(lasing ? "lasing" : "non_lasing");
      boolean unsettled = "unsettled".equals(verdict);
      if (!lasing && !unsettled) {
        Map<String, Object> none = new TreeMap<>();
        none.put("model", run.kind().name());
        none.put("lasing", false);
        none.put("verdict", verdict);
        none.put("fit", "none: the sample does not lase at this pump");
        for (String k : List.of("a_L", "w_L", "a_L_standard_error", "w_L_standard_error", "rms", "r_squared")) {
          none.put(k, null);
        }
        return Map.of("fitting/" + run.label() + "-lorentzian.json", CanonicalJson.prettyBytes(none));
      }
      org.qdlaser.stages.fitting.FitResult f =
          org.qdlaser.stages.fitting.CurveFitter.lorentzian(t.doubles("detuning_over_gamma"), t.doubles("activation_scaled"));
      Map<String, Object> out = new TreeMap<>();
      out.put("model", run.kind().name());
      out.put("lasing", lasing);
      out.put("verdict", verdict);
      out.put("fit", "f(x) = a_L / (1 + (x / w_L)^2), x = detuning / gamma, data scaled to [0, 1] (Eq. 2)"
          + (unsettled ? "; UNSETTLED: fitted to the end state of a transient that did not settle, not a steady state" : ""));
      out.put("a_L", f.parameters()[0]);
      out.put("w_L", f.parameters()[1]);
      out.put("a_L_standard_error", f.standardErrors()[0]);
      out.put("w_L_standard_error", f.standardErrors()[1]);
      out.put("rms", f.rms());
      out.put("r_squared", f.rSquared());
      return Map.of("fitting/" + run.label() + "-lorentzian.json", CanonicalJson.prettyBytes(out));
    };
  }

  // ---------------------------------------------------------------- oscillation (Fig. 11)

  static String fieldPath(String label, String ext) {
    return "integration/" + label + "-field." + ext;
  }

  /**
   * The rotating lasing state by Newton (as for the activation curves), then a lab-frame
   * integration over the study's window from it: &lt;b&gt; at every accepted step. A sample below
   * threshold has no oscillation to show: that is an error here (the figure is about the lasing field).
   */
  static TaskAction oscillation(Study.ModelRun run, Study study) {
    return in -> {
      Model model = modelFromSample(run, TableCodec.fromArrowIpc(in.get(samplePath(run.label())))).withPump(study.pumps()[0]);
      RelaxationSettings rot = RelaxationSettings.rotating();
      Equilibrium e = new PointSolver(new Relaxer(Integrators.bdf(rot), rot), new EquilibriumSolver()).solve(model);
      if (!e.lasing()) {
        throw new org.qdlaser.stages.equilibrium.EquilibriumException(run.label() + " does not lase at r = "
            + study.pumps()[0] + ": no field oscillation to record");
      }
      org.qdlaser.stages.integration.FieldTrace tr =
          org.qdlaser.stages.integration.FieldTrace.record(Integrators.bdf(study.relaxation()), model, e.state(), study.window());
      LOG.info("integration/{}: {} points of <b> over t = {} from the lasing state (omega = {})", run.label(),
          tr.time().length, study.window(), e.omega());
      double[] tNs = tr.time();
      for (int i = 0; i < tNs.length; i++) {
        tNs[i] = tNs[i] / study.gammaNrPerSecond() * 1e9;
      }
      Table t = Table.builder("field").addDouble("time", tr.time()).addDouble("time_ns", tNs).addDouble("re_b", tr.re())
          .addDouble("im_b", tr.im()).addDouble("abs_b", tr.abs()).build();
      Map<String, Object> state = stateSummary(e, false);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(fieldPath(run.label(), "arrow"), TableCodec.toArrowIpc(t));
      out.put(fieldPath(run.label(), "csv"), TableCodec.toCsv(t));
      out.put("integration/" + run.label() + "-state.json", CanonicalJson.prettyBytes(state));
      return out;
    };
  }

  /** Frequency and modulus of the recorded field, compared with the Newton state's omega and |b|. */
  static TaskAction oscillationFit(Study.ModelRun run) {
    return in -> {
      Table t = TableCodec.fromArrowIpc(in.get(fieldPath(run.label(), "arrow")));
      var st = CanonicalJson.mapper().readTree(in.get("integration/" + run.label() + "-state.json"));
      var f = org.qdlaser.stages.fitting.OscillationFit.fit(t.doubles("time"), t.doubles("re_b"), t.doubles("im_b"));
      double omega = st.get("omega").asDouble();
      double b = st.get("b_abs").asDouble();
      Map<String, Object> out = new TreeMap<>();
      out.put("model", run.kind().name());
      out.put("fit", "least-squares slope of the unwrapped phase of <b>(t); modulus mean and relative spread");
      out.put("angular_frequency_fit", f.angularFrequency());
      out.put("phase_rms", f.phaseRms());
      out.put("periods", f.periods());
      out.put("omega_newton", omega);
      // The lab-frame phase of <b> advances as +omega t (see DisperseLasingStateTest): compare signed.
      out.put("frequency_relative_difference", Math.abs(f.angularFrequency() - omega) / Math.abs(omega));
      out.put("b_abs_mean", f.modulusMean());
      out.put("b_abs_newton", b);
      out.put("b_abs_relative_spread", f.modulusRelativeSpread());
      out.put("b_abs_mean_relative_difference", Math.abs(f.modulusMean() - b) / b);
      return Map.of("fitting/" + run.label() + "-oscillation.json", CanonicalJson.prettyBytes(out));
    };
  }

  static TaskAction report(Study study, ReportContext context) {
    return in -> ReportBuilder.build(study, context, in);
  }
}
