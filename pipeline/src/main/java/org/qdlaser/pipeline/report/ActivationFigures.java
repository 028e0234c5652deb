package org.qdlaser.pipeline.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.SampleStats;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.pipeline.graph.TaskInputs;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.fitting.SampleStatistics;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.PanelGrid;
import org.qdlaser.stages.report.PointSeries;
import org.qdlaser.stages.report.RenderedFigure;
import org.qdlaser.stages.report.ScatterFigure;
import org.qdlaser.stages.report.ScatterFitFigure;

/**
 * The figures of an activation study (manifest {@code figures:}): each gives
 * {@code report/<id>.png|svg}, its data {@code report/<id>.arrow|csv}, a summary
 * {@code report/<id>-summary.json} (group statistics that golden checks read) and a report section.
 */
final class ActivationFigures {
  static final int PANEL_WIDTH = 480;
  static final int PANEL_HEIGHT = 360;
  static final int PANEL_COLUMNS = 4;

  private ActivationFigures() {}

  /**
   * One run's results as the figures need them. {@code verdict}: lasing, non_lasing or unsettled
   * (then omega, |b| and the fit are those of the end of the transient; driftRate d ln|b|/dt and
   * transientTime its diagnostics, NaN otherwise).
   */
  record RunResult(ModelRun run, boolean lasing, double omega, double bAbs, double aL, double wL, double rSquared,
      double meanDetuning, double detuningStd, double[] detuning, double[] scaled, Verdict verdict, double driftRate,
      double transientTime) {
    boolean unsettled() {
      return verdict == Verdict.UNSETTLED;
    }

    /** Drawn: a steady lasing state (filled marker) or an unsettled end (open marker). */
    boolean drawn() {
      return lasing || unsettled();
    }
  }

  static RunResult load(ModelRun run, TaskInputs in) {
    String l = run.label();
    StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.activationState(l)));
    LorentzianFit f = LorentzianFit.fromJson(in.get(ArtifactPaths.lorentzian(l)));
    SampleStats s = SampleStats.fromJson(in.get(ArtifactPaths.sampleStats(l)));
    ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(l).arrow()));
    double gamma = run.parameters().gamma();
    UnsettledSummary u = st.unsettled();
    return new RunResult(run, st.lasing(), st.omega(), st.bAbs(), num(f.aL()), num(f.wL()), num(f.rSquared()),
        s.meanDetuning() / gamma, s.detuningStd() / gamma, t.detuningOverGamma(), t.scaled(), st.verdict(),
        u == null ? Double.NaN : u.driftRate(), u == null ? Double.NaN : u.time());
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }

  /** Renders one figure into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, List<RunResult> all, Map<String, byte[]> out) {
    List<RunResult> sel = all.stream().filter(r -> fig.selects(r.run())).toList();
    RenderedFigure rendered;
    String text;
    Map<String, Object> summary = new TreeMap<>();
    summary.put("figure", fig.id());
    summary.put("kind", fig.kind().manifestName());
    summary.put("runs", sel.size());
    summary.put("lasing", sel.stream().filter(RunResult::lasing).count());
    summary.put("unsettled", sel.stream().filter(RunResult::unsettled).count());
    switch (fig.kind()) {
      case ACTIVATION_PANELS -> {
        List<RenderedFigure> panels = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RunResult r : sel) {
          if (!r.drawn()) {
            skipped.add(r.run().label());
            continue;
          }
          panels.add(panel(r));
        }
        if (panels.isEmpty()) {
          throw new IllegalStateException("figure " + fig.id() + ": none of its " + sel.size() + " runs lases");
        }
        rendered = PanelGrid.compose(panels, Math.min(PANEL_COLUMNS, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        text = "One panel per run: per-dot |<v_l^+ c_l>|^2 scaled to [0, 1] against detuning / gamma, with the "
            + "Lorentzian fit of Eq. (2); each panel gives the sample's mean detuning and standard deviation w-bar "
            + "(units of gamma), a_L and w_L." + (skipped.isEmpty() ? "" : " Not lasing (no panel): " + String.join(", ", skipped) + ".")
            + UNSETTLED_PANEL_NOTE;
        Map<String, Object> fits = new TreeMap<>();
        for (RunResult r : sel) {
          Map<String, Object> m = new TreeMap<>();
          m.put("lasing", r.lasing());
          m.put("verdict", r.verdict().jsonName());
          m.put("a_L", ReportPage.nullIfNaN(r.aL()));
          m.put("w_L", ReportPage.nullIfNaN(r.wL()));
          m.put("r_squared", ReportPage.nullIfNaN(r.rSquared()));
          fits.put(r.run().label(), m);
        }
        summary.put("fits", fits);
      }
      case WIDTH_VS_FREQUENCY -> {
        Map<String, List<RunResult>> byModel = group(sel, r -> r.run().kind().name());
        List<PointSeries> series = new ArrayList<>();
        Map<String, Object> groups = new TreeMap<>();
        for (Map.Entry<String, List<RunResult>> e : byModel.entrySet()) {
          List<RunResult> rs = e.getValue();
          series.add(new PointSeries(e.getKey(), rs.stream().mapToDouble(r -> r.lasing() ? r.omega() : Double.NaN).toArray(),
              rs.stream().mapToDouble(RunResult::wL).toArray(),
              fig.labelPoints() ? rs.stream().map(r -> Long.toString(r.run().sampleSeed())).toArray(String[]::new) : null));
          unsettledSeries(e.getKey(), rs, RunResult::omega, RunResult::wL, fig.labelPoints()).ifPresent(series::add);
          groups.put(e.getKey(), stats(rs));
        }
        summary.put("groups", groups);
        summary.put("model_agreement", agreement(byModel));
        rendered = ScatterFigure.render(new FigureSpec(fig.title(), "omega of <b> (gamma_nr = 1e9 s^-1)",
            "activation width w_L (gamma)", false, false, 900, 600), series);
        text = "Fitted activation width w_L against the angular frequency omega of <b> in the lasing state (the "
            + "rotating-frame frequency, relative to the cavity), one marker per sample"
            + (fig.labelPoints() ? ", labelled by the sample index" : "") + ". Non-lasing samples are omitted." + UNSETTLED_NOTE;
      }
      case AMPLITUDE_VS_SHIFT -> {
        Map<String, List<RunResult>> byWidth = group(sel, r -> "w" + fmtShort(r.run().sampleWidth()));
        List<PointSeries> series = new ArrayList<>();
        Map<String, Object> groups = new TreeMap<>();
        double firstStd = Double.NaN;
        for (Map.Entry<String, List<RunResult>> e : byWidth.entrySet()) {
          List<RunResult> rs = e.getValue();
          String name = "w_QD = " + fmtShort(rs.get(0).run().sampleWidth()) + " gamma";
          series.add(new PointSeries(name,
              rs.stream().mapToDouble(r -> r.lasing() ? Math.abs(r.omega()) : Double.NaN).toArray(),
              rs.stream().mapToDouble(RunResult::aL).toArray(), null));
          unsettledSeries(name, rs, r -> Math.abs(r.omega()), RunResult::aL, false).ifPresent(series::add);
          Map<String, Object> st = stats(rs);
          double sd = (double) st.getOrDefault("abs_omega_std", Double.NaN);
          if (Double.isNaN(firstStd)) {
            firstStd = sd;
          }
          st.put("abs_omega_std_over_first_width", firstStd > 0 ? sd / firstStd : null);
          groups.put(e.getKey(), st);
        }
        summary.put("groups", groups);
        rendered = ScatterFigure.render(new FigureSpec(fig.title(), "|Delta omega| (gamma_nr = 1e9 s^-1)",
            "activation amplitude a_L", false, false, 900, 600), series);
        text = "Fitted activation amplitude a_L against the frequency shift |Delta omega| of the lasing state from "
            + "the cavity, one marker per sample, one series per width w_QD. Samples below threshold at this pump "
            + "have no point; the table counts them." + UNSETTLED_NOTE;
      }
      default -> throw new IllegalStateException("unknown figure kind " + fig.kind());
    }
    Table data = dataTable(sel);
    out.put(ArtifactPaths.report(fig.id() + ".png"), rendered.png());
    out.put(ArtifactPaths.report(fig.id() + ".svg"), rendered.svg());
    out.put(ArtifactPaths.report(fig.id() + ".arrow"), TableCodec.toArrowIpc(data));
    out.put(ArtifactPaths.report(fig.id() + ".csv"), TableCodec.toCsv(data));
    out.put(ArtifactPaths.report(fig.id() + "-summary.json"), CanonicalJson.prettyBytes(summary));
    HtmlReport.Table.Builder rows = HtmlReport.Table.builder("Runs of " + fig.id())
        .columns("run", "w_QD", "seed", "verdict", "omega", "a_L", "w_L", "R^2", "mean detuning (gamma)", "w-bar (gamma)");
    for (RunResult r : sel) {
      rows.row(r.run().label(), ReportPage.fmt(r.run().sampleWidth()), r.run().sampleSeed(), r.verdict().jsonName(),
          ReportPage.fmt(r.omega()), fmtOrDash(r.aL()), fmtOrDash(r.wL()), fmtOrDash(r.rSquared()),
          ReportPage.fmt(r.meanDetuning()), ReportPage.fmt(r.detuningStd()));
    }
    HtmlReport.Section.Builder section = HtmlReport.Section.builder(fig.title())
        .paragraph(text)
        .figure(fig.id() + ".png", fig.id() + ".svg", fig.title(), fig.title())
        .table(rows.build());
    List<RunResult> unsettled = sel.stream().filter(RunResult::unsettled).toList();
    if (!unsettled.isEmpty()) {
      HtmlReport.Table.Builder u = HtmlReport.Table.builder("Unsettled samples of " + fig.id()
              + ": no steady state within the transient budget; values of the transient's end")
          .columns("run", "|b| at the end", "d ln|b|/dt (gamma_nr)", "drift time scale 1/|d ln|b|/dt|", "omega", "time integrated");
      for (RunResult r : unsettled) {
        u.row(r.run().label(), ReportPage.fmt(r.bAbs()), ReportPage.fmt(r.driftRate()),
            ReportPage.fmt(1 / Math.abs(r.driftRate())), ReportPage.fmt(r.omega()), ReportPage.fmt(r.transientTime()));
      }
      section.table(u.build());
    }
    return section.dataTable(fig.id() + " data (one row per run)", fig.id() + ".arrow", fig.id() + ".csv").build();
  }

  private static final String UNSETTLED_NOTE = " Open circles (legend: unsettled): samples whose transient did not settle "
      + "within the budget (no steady lasing state, still lasing at its end); their omega and fit are those of the "
      + "transient's end (docs/decisions.md).";

  private static final String UNSETTLED_PANEL_NOTE = " Panels titled UNSETTLED (open circles) show the end state of a "
      + "transient that did not settle within the budget, not a steady state.";

  /** The unsettled runs of a group as one open-marker series, empty if there are none. */
  private static java.util.Optional<PointSeries> unsettledSeries(String name, List<RunResult> rs,
      java.util.function.ToDoubleFunction<RunResult> x, java.util.function.ToDoubleFunction<RunResult> y, boolean labels) {
    if (rs.stream().noneMatch(RunResult::unsettled)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new PointSeries(name + " (unsettled)",
        rs.stream().mapToDouble(r -> r.unsettled() ? x.applyAsDouble(r) : Double.NaN).toArray(),
        rs.stream().mapToDouble(r -> r.unsettled() ? y.applyAsDouble(r) : Double.NaN).toArray(),
        labels ? rs.stream().map(r -> Long.toString(r.run().sampleSeed())).toArray(String[]::new) : null, true));
  }

  private static RenderedFigure panel(RunResult r) {
    double lo = java.util.Arrays.stream(r.detuning()).min().orElse(-1);
    double hi = java.util.Arrays.stream(r.detuning()).max().orElse(1);
    double[] fx = new double[201];
    double[] fy = new double[201];
    for (int i = 0; i < fx.length; i++) {
      fx[i] = lo + (hi - lo) * i / (fx.length - 1);
      fy[i] = r.aL() / (1 + (fx[i] / r.wL()) * (fx[i] / r.wL()));
    }
    String title = String.format(Locale.ROOT, "%s%s: mean %.3g, w-bar %.3g; a_L %.3g, w_L %.3g",
        r.unsettled() ? "UNSETTLED " : "", r.run().label(), r.meanDetuning(), r.detuningStd(), r.aL(), r.wL());
    return ScatterFitFigure.render(new FigureSpec(title, "detuning / gamma", "scaled activation", false, false,
        PANEL_WIDTH, PANEL_HEIGHT), "S" + r.run().sampleSeed() + (r.unsettled() ? " (unsettled)" : ""), r.detuning(),
        r.scaled(), "fit", fx, fy, r.unsettled());
  }

  private static Table dataTable(List<RunResult> rs) {
    int n = rs.size();
    String[] label = new String[n];
    String[] model = new String[n];
    double[] w = new double[n];
    long[] seed = new long[n];
    boolean[] lasing = new boolean[n];
    String[] verdict = new String[n];
    double[] drift = new double[n];
    double[] omega = new double[n];
    double[] absOmega = new double[n];
    double[] b = new double[n];
    double[] aL = new double[n];
    double[] wL = new double[n];
    double[] r2 = new double[n];
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int i = 0; i < n; i++) {
      RunResult r = rs.get(i);
      label[i] = r.run().label();
      model[i] = r.run().kind().name();
      w[i] = r.run().sampleWidth();
      seed[i] = r.run().sampleSeed();
      lasing[i] = r.lasing();
      verdict[i] = r.verdict().jsonName();
      drift[i] = r.driftRate();
      omega[i] = r.omega();
      absOmega[i] = Math.abs(r.omega());
      b[i] = r.bAbs();
      aL[i] = r.aL();
      wL[i] = r.wL();
      r2[i] = r.rSquared();
      mean[i] = r.meanDetuning();
      std[i] = r.detuningStd();
    }
    return Table.builder("activation_fits").addString("run", label).addString("model", model).addDouble("w_qd", w)
        .addLong("seed", seed).addBoolean("lasing", lasing).addDouble("omega", omega).addDouble("abs_omega", absOmega)
        .addDouble("b_abs", b).addDouble("a_L", aL).addDouble("w_L", wL).addDouble("r_squared", r2)
        .addDouble("mean_detuning_over_gamma", mean).addDouble("detuning_std_over_gamma", std)
        .addString("verdict", verdict).addDouble("drift_rate", drift).build();
  }

  /** Count, lasing count and statistics of the lasing runs of one group. */
  private static Map<String, Object> stats(List<RunResult> rs) {
    List<RunResult> las = rs.stream().filter(RunResult::lasing).toList();
    Map<String, Object> m = new TreeMap<>();
    m.put("runs", rs.size());
    m.put("lasing", las.size());
    m.put("not_lasing", rs.stream().filter(r -> !r.drawn()).map(r -> r.run().label()).toList());
    m.put("not_lasing_count", rs.stream().filter(r -> !r.drawn()).count());
    List<RunResult> uns = rs.stream().filter(RunResult::unsettled).toList();
    m.put("unsettled", uns.stream().map(r -> r.run().label()).toList());
    m.put("unsettled_count", uns.size());
    if (!uns.isEmpty()) {
      // |d ln|b|/dt| against 1/T of the transient: the relative change of |b| over the whole budget at the end's drift
      m.put("unsettled_max_abs_drift_rate", uns.stream().mapToDouble(r -> Math.abs(r.driftRate())).max().orElse(Double.NaN));
      m.put("unsettled_max_drift_times_time", uns.stream().mapToDouble(r -> Math.abs(r.driftRate()) * r.transientTime()).max().orElse(Double.NaN));
      m.put("unsettled_b_abs_min", uns.stream().mapToDouble(RunResult::bAbs).min().orElse(Double.NaN));
    }
    if (las.isEmpty()) {
      return m;
    }
    put(m, "a_L", las.stream().mapToDouble(RunResult::aL).toArray());
    put(m, "w_L", las.stream().mapToDouble(RunResult::wL).toArray());
    put(m, "abs_omega", las.stream().mapToDouble(r -> Math.abs(r.omega())).toArray());
    put(m, "omega", las.stream().mapToDouble(RunResult::omega).toArray());
    // App. G: the higher the sample's mean detuning, the larger |Delta omega|; narrow samples, wide curves.
    m.put("rank_correlation_abs_mean_detuning_abs_omega", ReportPage.nullIfNaN(SampleStatistics.spearman(
        las.stream().mapToDouble(r -> Math.abs(r.meanDetuning())).toArray(), las.stream().mapToDouble(r -> Math.abs(r.omega())).toArray())));
    m.put("rank_correlation_w_bar_w_L", ReportPage.nullIfNaN(SampleStatistics.spearman(
        las.stream().mapToDouble(RunResult::detuningStd).toArray(), las.stream().mapToDouble(RunResult::wL).toArray())));
    return m;
  }

  private static void put(Map<String, Object> m, String name, double[] v) {
    m.put(name + "_mean", SampleStatistics.mean(v));
    m.put(name + "_std", SampleStatistics.std(v));
    m.put(name + "_min", java.util.Arrays.stream(v).min().orElse(Double.NaN));
    m.put(name + "_max", java.util.Arrays.stream(v).max().orElse(Double.NaN));
  }

  /**
   * How far the models agree, sample by sample, with the first model: the largest relative
   * difference of omega and of w_L over the samples that lase in both (Fig. 5: "All three models
   * predict similar oscillation frequencies and activation curve width").
   */
  private static Map<String, Object> agreement(Map<String, List<RunResult>> byModel) {
    Map<String, Object> out = new TreeMap<>();
    if (byModel.size() < 2) {
      return out;
    }
    List<String> models = new ArrayList<>(byModel.keySet());
    Map<Long, RunResult> ref = new TreeMap<>();
    for (RunResult r : byModel.get(models.get(0))) {
      ref.put(r.run().sampleSeed() * 1_000_003L + Double.hashCode(r.run().sampleWidth()), r);
    }
    for (String m : models.subList(1, models.size())) {
      double dOmega = 0;
      double dW = 0;
      int pairs = 0;
      for (RunResult r : byModel.get(m)) {
        RunResult q = ref.get(r.run().sampleSeed() * 1_000_003L + Double.hashCode(r.run().sampleWidth()));
        if (q == null || !q.lasing() || !r.lasing()) {
          continue;
        }
        dOmega = Math.max(dOmega, Math.abs(r.omega() - q.omega()) / Math.abs(q.omega()));
        dW = Math.max(dW, Math.abs(r.wL() - q.wL()) / Math.abs(q.wL()));
        pairs++;
      }
      Map<String, Object> a = new TreeMap<>();
      a.put("reference", models.get(0));
      a.put("samples", pairs);
      a.put("max_relative_difference_omega", dOmega);
      a.put("max_relative_difference_w_L", dW);
      out.put(m, a);
    }
    return out;
  }

  private static Map<String, List<RunResult>> group(List<RunResult> rs, java.util.function.Function<RunResult, String> key) {
    Map<String, List<RunResult>> g = new LinkedHashMap<>();
    for (RunResult r : rs) {
      g.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  static String fmtShort(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String fmtOrDash(double v) {
    return Double.isNaN(v) ? "-" : ReportPage.fmt(v);
  }
}
