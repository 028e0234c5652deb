package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The {@code amplitude_range} figure of a branches study (paper Fig. 3): the lasing branches |<b>|
 * vs pump of the identical-dot runs and of one sample per polydisperse model (the figure's seed, by
 * default the lowest), error bars = min..max of |<b>| over all samples of that model, thresholds
 * (low-pump end of the stable branch) as large diamonds; a second panel magnifies the low-pump
 * region. Gives the chart, the error-bar data, the summary (thresholds per run and per model: what
 * golden checks read) and the report section.
 *
 * <p>Error bars: each sample's stable branch is interpolated onto a common grid of {@value
 * #GRID_POINTS} pumps spaced evenly in ln(pump), from just above the lowest threshold of the model's
 * samples to the branches' start pump, linearly in ln(pump) between its continuation points; below
 * its threshold a sample counts as |<b>| = 0 (see {@link AmplitudeRange}).
 */
public final class AmplitudeRangeFigure {
  public static final int GRID_POINTS = 30;
  /** Relative offset of the grid's first pump above the lowest threshold. */
  static final double GRID_START_OFFSET = 1e-6;
  /** The magnified panel shows pumps up to this multiple of the highest threshold of the polydisperse curves. */
  static final double INSET_FACTOR = 2.0;
  static final int PANEL_WIDTH = 900;
  static final int PANEL_HEIGHT = 640;

  private AmplitudeRangeFigure() {}

  /**
   * One run's branch (pump in s^-1) with its threshold and whether the figure draws it.
   *
   * @param label the run
   * @param model its model
   * @param seed its sample's seed (polydisperse models)
   * @param shown identical dots: whether its branch is drawn
   * @param inRange polydisperse: whether it is one of the samples of the error bars
   * @param series the branch, with its threshold marker where it has one
   * @param thresholdPerS the threshold in s^-1 (NaN: none)
   * @param thresholdBAbs |b| there
   * @param kind the threshold's kind
   */
  public record Branch(String label, ModelKind model, long seed, boolean shown, boolean inRange, BranchSeries series,
      double thresholdPerS, double thresholdBAbs, String kind) {}

  /**
   * The error bars as a table, one row per (model, grid pump).
   *
   * @param model the model of each row
   * @param pumpPerS the grid pump
   * @param min smallest |b| of the samples
   * @param max largest |b|
   * @param shownSample |b| of the drawn sample (NaN where its stable branch has no point)
   * @param lasing samples lasing there
   * @param counted samples counted there
   */
  public record Bars(List<String> model, List<Double> pumpPerS, List<Double> min, List<Double> max, List<Double> shownSample,
      List<Long> lasing, List<Long> counted) {
    Bars() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
    }
  }

  /**
   * The drawn figure.
   *
   * @param figure both panels
   * @param bars the error bars' data
   * @param summary thresholds per run and per model, the inset's range
   * @param section the report section (its data table links to {@code <id>.arrow|csv})
   */
  public record Rendered(RenderedFigure figure, Bars bars, Map<String, Object> summary, HtmlReport.Section section) {}

  /** What is drawn: the branches and error bars, and the threshold table's rows. */
  private static final class Drawing {
    final List<BranchSeries> shown = new ArrayList<>();
    final List<RangeBars> bars = new ArrayList<>();
    final Bars table = new Bars();
    final HtmlBlocks.Table.Builder thresholds = HtmlBlocks.Table.builder("Thresholds (low-pump end of the stable branch)")
        .columns("run", "threshold (s^-1)", "kind", "|b| at threshold");
    double highestShownThreshold = 0;

    void threshold(Branch r) {
      thresholds.row(r.label(), Numbers.fmt(r.thresholdPerS()), r.kind(), Numbers.fmt(r.thresholdBAbs()));
    }
  }

  /**
   * Draws the figure.
   *
   * @param id file name stem and anchor
   * @param title heading and chart title
   * @param seed the sample drawn for each polydisperse model (null: the lowest seed)
   * @param all every run's branch
   * @param startPerS the branches' start pump (s^-1): the panels' and the grid's upper end
   */
  public static Rendered render(String id, String title, Long seed, List<Branch> all, double startPerS) {
    Drawing d = new Drawing();
    Map<String, Object> identical = new TreeMap<>();
    for (Branch r : all) {
      if (!r.model().polydisperse() && r.shown()) {
        d.shown.add(r.series());
        identical.put(r.label(), threshold(r));
        d.threshold(r);
      }
    }
    Map<String, Object> groups = new TreeMap<>();
    for (ModelKind kind : ModelKind.values()) {
      List<Branch> group = all.stream().filter(r -> r.model() == kind && r.inRange()).toList();
      if (!group.isEmpty()) {
        groups.put(kind.name(), group(id, kind, seed, group, startPerS, d));
      }
    }
    Map<String, Object> summary = new TreeMap<>();
    summary.put("figure", id);
    summary.put("kind", "amplitude_range");
    summary.put("identical", identical);
    summary.put("polydisperse", groups);
    double highest = d.highestShownThreshold;
    if (highest == 0) {
      highest = d.shown.stream().filter(BranchSeries::hasThreshold).mapToDouble(BranchSeries::thresholdPump)
          .min().orElse(startPerS / 10);
    }
    double insetMax = INSET_FACTOR * highest;
    summary.put("inset_max_pump_per_s", insetMax);
    // The unstable branches may continue above the start pump (up to 10 x): the panels show the
    // study's pump range, so that the branches' lasing parts stay readable.
    RenderedFigure main = BifurcationFigure.render(new FigureSpec(title, "pump r (s\u207B\u00B9)", "|\u27E8b\u27E9|", false, false,
        PANEL_WIDTH, PANEL_HEIGHT), clip(d.shown, startPerS), d.bars);
    RenderedFigure inset = BifurcationFigure.render(new FigureSpec("low-pump region (r <= " + Numbers.fmt(insetMax)
        + " s\u207B\u00B9)", "pump r (s\u207B\u00B9)", "|\u27E8b\u27E9|", false, false, PANEL_WIDTH, PANEL_HEIGHT),
        clip(d.shown, insetMax), clipBars(d.bars, insetMax));
    RenderedFigure both = PanelGrid.compose(List.of(main, inset), 2, PANEL_WIDTH, PANEL_HEIGHT);
    return new Rendered(both, d.table, summary, section(id, title, seed, insetMax, d));
  }

  private static HtmlReport.Section section(String id, String title, Long seed, double insetMax, Drawing d) {
    return HtmlReport.Section.builder(title)
        .paragraph("Lasing branches |<b>| vs pump by continuation (solid: stable, dashed: unstable). Polydisperse models: "
            + "the curve of the sample with seed " + (seed == null ? "(lowest)" : seed) + "; the error bars give "
            + "the range (min..max) of |<b>| over all samples of the model at " + GRID_POINTS + " pumps spaced evenly in "
            + "ln r (each sample's stable branch interpolated linearly in ln r; a sample below its threshold counts as "
            + "|<b>| = 0). Diamonds: thresholds, the low-pump end of the stable branch (fold, or where the rotating "
            + "solution reaches |b| = 0: pitchfork for identical dots, Hopf of the non-lasing state for detuned dots). "
            + "Right: the low-pump region up to " + Numbers.fmt(insetMax) + " s^-1 (the paper's inset).")
        .figure(id + ".png", id + ".svg", title, "Coherent field amplitude |\u27E8b\u27E9| (dimensionless) against pump r "
            + "(s^-1, linear axes): identical-dot models and, for each polydisperse model, sample S"
            + (seed == null ? " (lowest seed)" : Long.toString(seed)) + " with error bars over all its samples; right: the "
            + "low-pump region (the paper's inset). Solid: stable, dashed: unstable, large diamonds: thresholds. " + title
            + ".")
        .table(d.thresholds.build())
        .dataTable(id + " error bars", id + ".arrow", id + ".csv")
        .build();
  }

  /** The samples of one polydisperse model: the drawn one, the thresholds, the error bars; returns the model's summary. */
  private static Map<String, Object> group(String id, ModelKind kind, Long figureSeed, List<Branch> group, double startPerS,
      Drawing d) {
    long seed = figureSeed != null ? figureSeed : group.stream().mapToLong(Branch::seed).min().orElseThrow();
    Branch sel = group.stream().filter(r -> r.seed() == seed).findFirst().orElseThrow(
        () -> new IllegalStateException("figure " + id + ": no " + kind + " run with seed " + seed));
    Map<String, Object> g = new TreeMap<>();
    g.put("shown", sel.label());
    g.put("shown_seed", seed);
    g.put("samples", group.size());
    Map<String, Object> perRun = new TreeMap<>();
    List<Double> pumps = new ArrayList<>();
    for (Branch r : group) {
      perRun.put(r.label(), threshold(r));
      if (Double.isFinite(r.thresholdPerS())) {
        pumps.add(r.thresholdPerS());
      }
      d.threshold(r);
    }
    g.put("thresholds", perRun);
    g.put("shown_threshold_pump_per_s", Numbers.nullIfNaN(sel.thresholdPerS()));
    g.put("shown_threshold_kind", sel.kind());
    g.put("threshold_count", pumps.size());
    g.put("threshold_pump_per_s_min", Numbers.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    g.put("threshold_pump_per_s_max", Numbers.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    g.put("threshold_pump_per_s_mean",
        Numbers.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    g.put("threshold_kinds", group.stream().map(Branch::kind).distinct().sorted().toList());
    Map<String, Long> kindCounts = new TreeMap<>();
    group.forEach(r -> kindCounts.merge(r.kind(), 1L, Long::sum));
    g.put("threshold_kind_counts", kindCounts);
    d.shown.add(sel.series());
    if (Double.isFinite(sel.thresholdPerS())) {
      d.highestShownThreshold = Math.max(d.highestShownThreshold, sel.thresholdPerS());
    }
    // Just above the lowest threshold, so that its sample counts as lasing at the first grid pump
    // whatever the last bits of the threshold (the grid is compared with golden data).
    double low = (1 + GRID_START_OFFSET) * pumps.stream().mapToDouble(Double::doubleValue).min().orElse(startPerS / 100);
    if (low < startPerS) {
      errorBars(kind, group, sel, AmplitudeRange.logGrid(low, startPerS, GRID_POINTS), g, d);
    }
    return g;
  }

  /** The error bars of one model on the grid, into the drawing, the table and the model's summary. */
  private static void errorBars(ModelKind kind, List<Branch> group, Branch sel, double[] grid, Map<String, Object> g,
      Drawing d) {
    AmplitudeRange.Band band = AmplitudeRange.band(group.stream().map(Branch::series).toList(), grid);
    boolean inside = true;
    double widest = 0;
    for (int i = 0; i < grid.length; i++) {
      double shownB = AmplitudeRange.stableAmplitudeAt(sel.series(), grid[i]);
      d.table.model().add(kind.name());
      d.table.pumpPerS().add(grid[i]);
      d.table.min().add(band.min()[i]);
      d.table.max().add(band.max()[i]);
      d.table.shownSample().add(shownB);
      d.table.lasing().add((long) band.lasing()[i]);
      d.table.counted().add((long) band.counted()[i]);
      if (!Double.isNaN(shownB)) {
        inside &= shownB >= band.min()[i] && shownB <= band.max()[i];
      }
      if (band.lasing()[i] == band.counted()[i] && band.counted()[i] > 0) {
        widest = Math.max(widest, (band.max()[i] - band.min()[i]) / band.max()[i]);
      }
    }
    g.put("shown_inside_range", inside);
    g.put("largest_relative_range_all_lasing", widest);
    d.bars.add(new RangeBars(kind.name() + " range over " + group.size() + " samples", sel.label(), grid, band.min(),
        band.max()));
  }

  private static Map<String, Object> threshold(Branch r) {
    Map<String, Object> m = new TreeMap<>();
    m.put("pump_per_s", Numbers.nullIfNaN(r.thresholdPerS()));
    m.put("b_abs", Numbers.nullIfNaN(r.thresholdBAbs()));
    m.put("kind", r.kind());
    m.put("seed", r.model().polydisperse() ? r.seed() : null);
    return m;
  }

  /**
   * The branches restricted to pumps <= max (the points in order). A branch with no point left stays
   * in the list, empty, so that every branch keeps its colour (chosen by position).
   */
  private static List<BranchSeries> clip(List<BranchSeries> series, double max) {
    List<BranchSeries> out = new ArrayList<>();
    for (BranchSeries s : series) {
      double[] p = s.pump();
      double[] b = s.amplitude();
      boolean[] st = s.stable();
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < p.length; i++) {
        if (p[i] <= max) {
          keep.add(i);
        }
      }
      double[] cp = new double[keep.size()];
      double[] cb = new double[keep.size()];
      boolean[] cs = new boolean[keep.size()];
      for (int k = 0; k < cp.length; k++) {
        cp[k] = p[keep.get(k)];
        cb[k] = b[keep.get(k)];
        cs[k] = st[keep.get(k)];
      }
      BranchSeries c = new BranchSeries(s.label(), cp, cb, cs);
      if (s.hasThreshold() && s.thresholdPump() <= max) {
        c = c.withThreshold(s.thresholdPump(), s.thresholdAmplitude());
      }
      out.add(c);
    }
    return out;
  }

  private static List<RangeBars> clipBars(List<RangeBars> bars, double max) {
    List<RangeBars> out = new ArrayList<>();
    for (RangeBars r : bars) {
      double[] x = r.x();
      double[] lo = r.low();
      double[] hi = r.high();
      for (int i = 0; i < x.length; i++) {
        if (x[i] > max) {
          lo[i] = Double.NaN;
          hi[i] = Double.NaN;
        }
      }
      out.add(new RangeBars(r.name(), r.branchLabel(), x, lo, hi));
    }
    return out;
  }
}
