package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.style.markers.Marker;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.fitting.SampleStatistics;

/**
 * The figures of an activation study drawn from the runs they select: the chart, its group
 * statistics (the summary that golden checks read) and its report section. The caller writes them
 * as {@code report/<id>.png|svg}, {@code report/<id>-summary.json} and the data table {@code
 * report/<id>.arrow|csv} the section links to.
 */
public final class ActivationFigures {
  static final int PANEL_WIDTH = 480;
  static final int PANEL_HEIGHT = 360;
  static final int PANEL_COLUMNS = 4;

  private ActivationFigures() {}

  /**
   * One run's results as the figures need them. {@code verdict}: lasing, non_lasing or unsettled
   * (then omega, |b| and the fit are those of the end of the transient; driftRate d ln|b|/dt and
   * transientTime its diagnostics, NaN otherwise).
   *
   * @param label the run
   * @param model the model kind's name
   * @param sampleWidth the sample's nominal w_qd (units of gamma)
   * @param sampleSeed the sample's seed
   * @param lasing whether the state has a coherent field
   * @param omega rotation frequency (units of gamma_nr)
   * @param bAbs |b|
   * @param aL fitted a_L of the curve scaled to [0, 1] (Fig. 4 caption; NaN without a fit)
   * @param wL fitted w_L (units of gamma; NaN without a fit)
   * @param rSquared R^2 of the fit
   * @param aLUnscaled a_L of the fit to |&lt;v^+ c&gt;|^2 itself (Sec. IV: "a_L is the maximum of
   *     |&lt;v_l^+ c_l&gt;|^2"; Figs. 6, 10; NaN without a fit)
   * @param meanDetuning the sample's mean detuning (units of gamma)
   * @param detuningStd the sample's detuning standard deviation w-bar (units of gamma)
   * @param detuning per-dot detuning / gamma
   * @param scaled per-dot scaled activation
   * @param verdict the state's verdict
   * @param driftRate unsettled: d ln|b|/dt at the end
   * @param transientTime unsettled: the time integrated
   */
  public record Run(String label, String model, double sampleWidth, long sampleSeed, boolean lasing, double omega, double bAbs,
      double aL, double wL, double rSquared, double aLUnscaled, double meanDetuning, double detuningStd, double[] detuning, double[] scaled,
      Verdict verdict, double driftRate, double transientTime) {
    public Run {
      detuning = detuning.clone();
      scaled = scaled.clone();
    }

    @Override
    public double[] detuning() {
      return detuning.clone();
    }

    @Override
    public double[] scaled() {
      return scaled.clone();
    }

    boolean unsettled() {
      return verdict == Verdict.UNSETTLED;
    }

    /** Drawn: a steady lasing state (filled marker) or an unsettled end (open marker). */
    boolean drawn() {
      return lasing || unsettled();
    }
  }

  /** The kinds of activation figure. */
  public enum Kind {
    /** One activation panel per run (Figs. 8, 9). */
    ACTIVATION_PANELS,
    /** Fitted width w_L against omega, one series per model (Figs. 5, 9). */
    WIDTH_VS_FREQUENCY,
    /** Fitted amplitude a_L against |omega|, one series per w_qd (Figs. 6, 10). */
    AMPLITUDE_VS_SHIFT;

    public String manifestName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What to draw.
   *
   * @param id file name stem and anchor
   * @param kind the kind
   * @param title heading and chart title
   * @param labelPoints label each point by its sample's seed (Fig. 9)
   */
  public record Request(String id, Kind kind, String title, boolean labelPoints) {}

  /**
   * A drawn figure.
   *
   * @param figure the chart (PNG and SVG)
   * @param summary group statistics for the figure's summary JSON (what golden checks read)
   * @param section the report section (its data table links to {@code <id>.arrow|csv})
   */
  public record Rendered(RenderedFigure figure, Map<String, Object> summary, HtmlReport.Section section) {}

  /** What each kind of figure plots, in the paper's symbols and units (the first words of its caption). */
  private static final Map<Kind, String> CAPTIONS = Map.of(
      Kind.ACTIVATION_PANELS, "Activation curves: time-averaged |\u27E8v_l\u207A c_l\u27E9|\u00B2 of each dot, scaled to [0, 1], "
          + "against its detuning \u0394\u03BD_l / \u03B3 (markers; hollow: unsettled), with the Lorentzian fit of Eq. (2) "
          + "(line), one panel per sample.",
      Kind.WIDTH_VS_FREQUENCY, "Fitted activation width w_L (units of \u03B3) against the angular frequency \u03C9 of "
          + "\u27E8b\u27E9 (units of \u03B3_nr = 10\u2079 s\u207B\u00B9), one marker per lasing sample, one series per model.",
      Kind.AMPLITUDE_VS_SHIFT, "Fitted activation amplitude a_L (unscaled, the maximum of |\u27E8v_l\u207A c_l\u27E9|\u00B2) "
          + "against the frequency shift |\u0394\u03C9| from the cavity (units of \u03B3_nr = 10\u2079 s\u207B\u00B9), one "
          + "marker per lasing sample, one series per width w_QD.");

  /** Draws one figure of the selected runs. */
  public static Rendered render(Request fig, List<Run> sel) {
    Map<String, Object> summary = new TreeMap<>();
    summary.put("figure", fig.id());
    summary.put("kind", fig.kind().manifestName());
    summary.put("runs", sel.size());
    summary.put("lasing", sel.stream().filter(Run::lasing).count());
    summary.put("unsettled", sel.stream().filter(Run::unsettled).count());
    Drawn drawn = switch (fig.kind()) {
      case ACTIVATION_PANELS -> panels(fig, sel, summary);
      case WIDTH_VS_FREQUENCY -> widthVsFrequency(fig, sel, summary);
      case AMPLITUDE_VS_SHIFT -> amplitudeVsShift(fig, sel, summary);
    };
    RenderedFigure rendered = drawn.figure();
    String text = drawn.text();
    HtmlBlocks.Table.Builder rows = HtmlBlocks.Table.builder("Runs of " + fig.id())
        .columns("run", "w_QD", "seed", "verdict", "omega", "a_L", "w_L", "R^2", "mean detuning (gamma)", "w-bar (gamma)");
    for (Run r : sel) {
      rows.row(r.label(), Numbers.fmt(r.sampleWidth()), r.sampleSeed(), r.verdict().jsonName(),
          Numbers.fmt(r.omega()), fmtOrDash(r.aL()), fmtOrDash(r.wL()), fmtOrDash(r.rSquared()),
          Numbers.fmt(r.meanDetuning()), Numbers.fmt(r.detuningStd()));
    }
    HtmlReport.Section.Builder section = HtmlReport.Section.builder(fig.title())
        .paragraph(text)
        .figure(fig.id() + ".png", fig.id() + ".svg", fig.title(), CAPTIONS.get(fig.kind()) + " Reproduces " + fig.title() + ".")
        .table(rows.build());
    List<Run> unsettled = sel.stream().filter(Run::unsettled).toList();
    if (!unsettled.isEmpty()) {
      HtmlBlocks.Table.Builder u = HtmlBlocks.Table.builder("Unsettled samples of " + fig.id()
              + ": no steady state within the transient budget; values of the transient's end")
          .columns("run", "|b| at the end", "d ln|b|/dt (gamma_nr)", "drift time scale 1/|d ln|b|/dt|", "omega", "time integrated");
      for (Run r : unsettled) {
        u.row(r.label(), Numbers.fmt(r.bAbs()), Numbers.fmt(r.driftRate()),
            Numbers.fmt(1 / Math.abs(r.driftRate())), Numbers.fmt(r.omega()), Numbers.fmt(r.transientTime()));
      }
      section.table(u.build());
    }
    return new Rendered(rendered, summary,
        section.dataTable(fig.id() + " data (one row per run)", fig.id() + ".arrow", fig.id() + ".csv").build());
  }

  /** A chart and the paragraph that says what it shows. */
  private record Drawn(RenderedFigure figure, String text) {}

  /** One activation panel per run (Figs. 8, 9); the fits into the summary. */
  private static Drawn panels(Request fig, List<Run> sel, Map<String, Object> summary) {
    List<RenderedFigure> panels = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Run r : sel) {
      if (!r.drawn()) {
        skipped.add(r.label());
        continue;
      }
      panels.add(panel(r));
    }
    if (panels.isEmpty()) {
      throw new IllegalStateException("figure " + fig.id() + ": none of its " + sel.size() + " runs lases");
    }
    RenderedFigure rendered = PanelGrid.compose(panels, Math.min(PANEL_COLUMNS, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
    String text = "One panel per run: per-dot |<v_l^+ c_l>|^2 scaled to [0, 1] against detuning / gamma, with the "
        + "Lorentzian fit of Eq. (2); each panel gives the sample's mean detuning and standard deviation w-bar "
        + "(units of gamma), a_L and w_L." + (skipped.isEmpty() ? "" : " Not lasing (no panel): " + String.join(", ", skipped) + ".")
        + UNSETTLED_PANEL_NOTE;
    Map<String, Object> fits = new TreeMap<>();
    for (Run r : sel) {
      Map<String, Object> m = new TreeMap<>();
      m.put("lasing", r.lasing());
      m.put("verdict", r.verdict().jsonName());
      m.put("a_L", Numbers.nullIfNaN(r.aL()));
      m.put("w_L", Numbers.nullIfNaN(r.wL()));
      m.put("r_squared", Numbers.nullIfNaN(r.rSquared()));
      fits.put(r.label(), m);
    }
    summary.put("fits", fits);
    return new Drawn(rendered, text);
  }

  /** w_L against omega, one series per model (Figs. 5, 9); group statistics and model agreement into the summary. */
  private static Drawn widthVsFrequency(Request fig, List<Run> sel, Map<String, Object> summary) {
    Map<String, List<Run>> byModel = group(sel, r -> r.model());
    List<PointSeries> series = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    Map<String, Object> groups = new TreeMap<>();
    for (Map.Entry<String, List<Run>> e : byModel.entrySet()) {
      List<Run> rs = e.getValue();
      String name = paperName(e.getKey());
      series.add(new PointSeries(name, rs.stream().mapToDouble(r -> r.lasing() ? r.omega() : Double.NaN).toArray(),
          rs.stream().mapToDouble(Run::wL).toArray(),
          fig.labelPoints() ? rs.stream().map(r -> Long.toString(r.sampleSeed())).toArray(String[]::new) : null));
      markers.add(PaperMarkers.model(e.getKey()));
      unsettledSeries(name, rs, Run::omega, Run::wL, fig.labelPoints()).ifPresent(u -> {
        series.add(u);
        markers.add(null);
      });
      groups.put(e.getKey(), stats(rs));
    }
    summary.put("groups", groups);
    summary.put("model_agreement", ModelAgreement.of(byModel));
    RenderedFigure rendered = ScatterFigure.render(new FigureSpec(fig.title(), "\u03C9 of \u27E8b\u27E9 (units of \u03B3_nr = 10\u2079 s\u207B\u00B9)",
        "activation width w_L (units of \u03B3)", false, false, 900, 600), series, markers);
    String text = "Fitted activation width w_L against the angular frequency omega of <b> in the lasing state (the "
        + "rotating-frame frequency, relative to the cavity), one marker per sample"
        + (fig.labelPoints() ? ", labelled by the sample index" : "") + ". Non-lasing samples are omitted." + UNSETTLED_NOTE;
    return new Drawn(rendered, text);
  }

  /** a_L against |omega|, one series per width (Figs. 6, 10); group statistics into the summary. */
  private static Drawn amplitudeVsShift(Request fig, List<Run> sel, Map<String, Object> summary) {
    Map<String, List<Run>> byWidth = group(sel, r -> "w" + fmtShort(r.sampleWidth()));
    List<PointSeries> series = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    Map<String, Object> groups = new TreeMap<>();
    double firstStd = Double.NaN;
    for (Map.Entry<String, List<Run>> e : byWidth.entrySet()) {
      List<Run> rs = e.getValue();
      String name = "w_QD = " + fmtShort(rs.get(0).sampleWidth()) + " \u03B3";
      series.add(new PointSeries(name,
          rs.stream().mapToDouble(r -> r.lasing() ? Math.abs(r.omega()) : Double.NaN).toArray(),
          rs.stream().mapToDouble(Run::aLUnscaled).toArray(), null));
      markers.add(PaperMarkers.width(rs.get(0).sampleWidth()));
      unsettledSeries(name, rs, r -> Math.abs(r.omega()), Run::aLUnscaled, false).ifPresent(u -> {
        series.add(u);
        markers.add(null);
      });
      Map<String, Object> st = stats(rs);
      double sd = (double) st.getOrDefault("abs_omega_std", Double.NaN);
      if (Double.isNaN(firstStd)) {
        firstStd = sd;
      }
      st.put("abs_omega_std_over_first_width", firstStd > 0 ? sd / firstStd : null);
      groups.put(e.getKey(), st);
    }
    summary.put("groups", groups);
    RenderedFigure rendered = ScatterFigure.render(new FigureSpec(fig.title(), "|\u0394\u03C9| (units of \u03B3_nr = 10\u2079 s\u207B\u00B9)",
        "activation amplitude a_L (max of |\u27E8v\u207Ac\u27E9|\u00B2, unscaled)", false, false, 900, 600), series, markers);
    String text = "Fitted activation amplitude a_L of Eq. (2) against the frequency shift |Delta omega| of the lasing "
        + "state from the cavity, one marker per sample, one series per width w_QD. a_L is fitted to the unscaled "
        + "|<v_l+ c_l>|^2 (Sec. IV: \"a_L is the maximum of |<v_l^+ c_l>|^2\"), not to the curve scaled to [0, 1] of "
        + "Fig. 4, whose a_L is ~1 by construction. The paper: \"the effect of w_QD on the amplitude is significant only "
        + "for the largest value of w_QD\"; the summary's a_L_unscaled_relative_spread per width and the validation "
        + "table compare. Samples below threshold at this pump have no point; the table counts them." + UNSETTLED_NOTE;
    return new Drawn(rendered, text);
  }

  /** The paper's name of a model kind in a legend: CIM_d as CIM^(d), TPM_IF_d as TPM_IF^(d). */
  static String paperName(String model) {
    return model.endsWith("_d") ? model.substring(0, model.length() - 2) + "^(d)" : model;
  }

  private static final String UNSETTLED_NOTE = " Open circles (legend: unsettled): samples whose transient did not settle "
      + "within the budget (no steady lasing state, still lasing at its end); their omega and fit are those of the "
      + "transient's end (docs/decisions.md).";

  private static final String UNSETTLED_PANEL_NOTE = " Panels titled UNSETTLED (open circles) show the end state of a "
      + "transient that did not settle within the budget, not a steady state.";

  /** The unsettled runs of a group as one open-marker series, empty if there are none. */
  private static java.util.Optional<PointSeries> unsettledSeries(String name, List<Run> rs,
      java.util.function.ToDoubleFunction<Run> x, java.util.function.ToDoubleFunction<Run> y, boolean labels) {
    if (rs.stream().noneMatch(Run::unsettled)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new PointSeries(name + " (unsettled)",
        rs.stream().mapToDouble(r -> r.unsettled() ? x.applyAsDouble(r) : Double.NaN).toArray(),
        rs.stream().mapToDouble(r -> r.unsettled() ? y.applyAsDouble(r) : Double.NaN).toArray(),
        labels ? rs.stream().map(r -> Long.toString(r.sampleSeed())).toArray(String[]::new) : null, true));
  }

  private static RenderedFigure panel(Run r) {
    double lo = java.util.Arrays.stream(r.detuning()).min().orElse(-1);
    double hi = java.util.Arrays.stream(r.detuning()).max().orElse(1);
    double[] fx = new double[201];
    double[] fy = new double[201];
    for (int i = 0; i < fx.length; i++) {
      fx[i] = lo + (hi - lo) * i / (fx.length - 1);
      fy[i] = r.aL() / (1 + (fx[i] / r.wL()) * (fx[i] / r.wL()));
    }
    String title = String.format(Locale.ROOT, "%s%s: mean %.3g, w-bar %.3g; a_L %.3g, w_L %.3g",
        r.unsettled() ? "UNSETTLED " : "", r.label(), r.meanDetuning(), r.detuningStd(), r.aL(), r.wL());
    return ScatterFitFigure.render(new FigureSpec(title, "detuning \u0394\u03BD / \u03B3", "|\u27E8v\u207Ac\u27E9|\u00B2 scaled to [0, 1]", false, false,
        PANEL_WIDTH, PANEL_HEIGHT), "S" + r.sampleSeed() + (r.unsettled() ? " (unsettled)" : ""), r.detuning(),
        r.scaled(), "fit", fx, fy, r.unsettled());
  }

  /** Count, lasing count and statistics of the lasing runs of one group. */
  private static Map<String, Object> stats(List<Run> rs) {
    List<Run> las = rs.stream().filter(Run::lasing).toList();
    Map<String, Object> m = new TreeMap<>();
    m.put("runs", rs.size());
    m.put("lasing", las.size());
    m.put("not_lasing", rs.stream().filter(r -> !r.drawn()).map(r -> r.label()).toList());
    m.put("not_lasing_count", rs.stream().filter(r -> !r.drawn()).count());
    List<Run> uns = rs.stream().filter(Run::unsettled).toList();
    m.put("unsettled", uns.stream().map(r -> r.label()).toList());
    m.put("unsettled_count", uns.size());
    if (!uns.isEmpty()) {
      // |d ln|b|/dt| against 1/T of the transient: the relative change of |b| over the whole budget at the end's drift
      m.put("unsettled_max_abs_drift_rate", uns.stream().mapToDouble(r -> Math.abs(r.driftRate())).max().orElse(Double.NaN));
      m.put("unsettled_max_drift_times_time", uns.stream().mapToDouble(r -> Math.abs(r.driftRate()) * r.transientTime()).max()
          .orElse(Double.NaN));
      m.put("unsettled_b_abs_min", uns.stream().mapToDouble(Run::bAbs).min().orElse(Double.NaN));
    }
    if (las.isEmpty()) {
      return m;
    }
    put(m, "a_L", las.stream().mapToDouble(Run::aL).toArray());
    double[] aLu = las.stream().mapToDouble(Run::aLUnscaled).toArray();
    put(m, "a_L_unscaled", aLu);
    // (max - min) / mean of the unscaled a_L over the lasing samples: how much w_QD's draws move the amplitude
    double aLuMean = SampleStatistics.mean(aLu);
    m.put("a_L_unscaled_relative_spread", Numbers.nullIfNaN((java.util.Arrays.stream(aLu).max().orElse(Double.NaN)
        - java.util.Arrays.stream(aLu).min().orElse(Double.NaN)) / aLuMean));
    put(m, "w_L", las.stream().mapToDouble(Run::wL).toArray());
    put(m, "abs_omega", las.stream().mapToDouble(r -> Math.abs(r.omega())).toArray());
    put(m, "omega", las.stream().mapToDouble(Run::omega).toArray());
    // App. G: the higher the sample's mean detuning, the larger |Delta omega|; narrow samples, wide curves.
    m.put("rank_correlation_abs_mean_detuning_abs_omega", Numbers.nullIfNaN(SampleStatistics.spearman(
        las.stream().mapToDouble(r -> Math.abs(r.meanDetuning())).toArray(), las.stream().mapToDouble(r -> Math.abs(r.omega()))
            .toArray())));
    m.put("rank_correlation_w_bar_w_L", Numbers.nullIfNaN(SampleStatistics.spearman(
        las.stream().mapToDouble(Run::detuningStd).toArray(), las.stream().mapToDouble(Run::wL).toArray())));
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


  private static Map<String, List<Run>> group(List<Run> rs, java.util.function.Function<Run, String> key) {
    Map<String, List<Run>> g = new LinkedHashMap<>();
    for (Run r : rs) {
      g.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  /** A width as written in labels: integral values without a decimal point. */
  public static String fmtShort(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String fmtOrDash(double v) {
    return Double.isNaN(v) ? "-" : Numbers.fmt(v);
  }
}
