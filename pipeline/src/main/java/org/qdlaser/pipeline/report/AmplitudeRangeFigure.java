package org.qdlaser.pipeline.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.graph.TaskInputs;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.report.AmplitudeRange;
import org.qdlaser.stages.report.BifurcationFigure;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.PanelGrid;
import org.qdlaser.stages.report.RangeBars;
import org.qdlaser.stages.report.RenderedFigure;

/**
 * The {@code amplitude_range} figure of a branches study (paper Fig. 3): the lasing branches |<b>|
 * vs pump of the identical-dot runs and of one sample per polydisperse model (the figure's seed, by
 * default the lowest), error bars = min..max of |<b>| over all samples of that model, thresholds
 * (low-pump end of the stable branch) as large diamonds; a second panel magnifies the low-pump
 * region. Writes {@code report/<id>.png|svg}, the error-bar data {@code report/<id>.arrow|csv} and
 * {@code report/<id>-summary.json} (thresholds per run and per model: what golden checks read).
 *
 * <p>Error bars: each sample's stable branch is interpolated onto a common grid of {@value
 * #GRID_POINTS} pumps spaced evenly in ln(pump), from just above the lowest threshold of the model's samples to
 * the branches' start pump, linearly in ln(pump) between its continuation points; below its
 * threshold a sample counts as |<b>| = 0 (see {@link AmplitudeRange}).
 */
final class AmplitudeRangeFigure {
  static final int GRID_POINTS = 30;
  /** Relative offset of the grid's first pump above the lowest threshold. */
  static final double GRID_START_OFFSET = 1e-6;
  /** The magnified panel shows pumps up to this multiple of the highest threshold of the polydisperse curves. */
  static final double INSET_FACTOR = 2.0;
  static final int PANEL_WIDTH = 900;
  static final int PANEL_HEIGHT = 640;

  private AmplitudeRangeFigure() {}

  /** One run's branch (pump in s^-1) with its threshold marker and the threshold's kind. */
  record RunBranch(ModelRun run, BranchSeries series, double thresholdPerS, double thresholdBAbs, String kind) {}

  /** Loads a run's branch table and threshold (the marker is omitted when the branch has none). */
  static RunBranch load(ModelRun run, TaskInputs in) {
    BranchTable t = BranchTable.fromArrow(in.get(ArtifactPaths.branch(run.label()).arrow()), "r");
    BranchFolds.StableEnd th = BranchFolds.fromJson(in.get(ArtifactPaths.folds(run.label())), "r").threshold();
    double p = th.valueInUnits() != null ? th.valueInUnits() : Double.NaN;
    double b = th.bAbs() != null ? th.bAbs() : Double.NaN;
    String kind = th.kind();
    BranchSeries s = new BranchSeries(run.label(), t.doubles(BranchTable.Row::valueInUnits), t.doubles(BranchTable.Row::bAbs),
        t.stable());
    if (Double.isFinite(p) && Double.isFinite(b)) {
      s = s.withThreshold(p, b);
    }
    return new RunBranch(run, s, p, b, kind);
  }

  /** Renders the figure into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, List<RunBranch> all, double startPerS, Map<String, byte[]> out) {
    List<BranchSeries> shown = new ArrayList<>();
    List<RangeBars> bars = new ArrayList<>();
    Map<String, Object> summary = new TreeMap<>();
    Map<String, Object> identical = new TreeMap<>();
    Map<String, Object> groups = new TreeMap<>();
    summary.put("figure", fig.id());
    summary.put("kind", fig.kind().manifestName());
    HtmlReport.Table.Builder ths = HtmlReport.Table.builder("Thresholds (low-pump end of the stable branch)")
        .columns("run", "threshold (s^-1)", "kind", "|b| at threshold");
    for (RunBranch r : all) {
      if (!r.run().kind().polydisperse() && fig.showsBranch(r.run())) {
        shown.add(r.series());
        identical.put(r.run().label(), threshold(r));
        ths.row(r.run().label(), ReportPage.fmt(r.thresholdPerS()), r.kind(), ReportPage.fmt(r.thresholdBAbs()));
      }
    }
    // Band table columns, one row per (model, grid pump).
    List<String> colModel = new ArrayList<>();
    List<Double> colPump = new ArrayList<>();
    List<Double> colMin = new ArrayList<>();
    List<Double> colMax = new ArrayList<>();
    List<Double> colShown = new ArrayList<>();
    List<Long> colLasing = new ArrayList<>();
    List<Long> colCounted = new ArrayList<>();
    double highestShownThreshold = 0;
    for (ModelKind kind : ModelKind.values()) {
      List<RunBranch> group = all.stream().filter(r -> r.run().kind() == kind && fig.inRange(r.run())).toList();
      if (group.isEmpty()) {
        continue;
      }
      long seed = fig.seed() != null ? fig.seed() : group.stream().mapToLong(r -> r.run().sampleSeed()).min().orElseThrow();
      RunBranch sel = group.stream().filter(r -> r.run().sampleSeed() == seed).findFirst().orElseThrow(
          () -> new IllegalStateException("figure " + fig.id() + ": no " + kind + " run with seed " + seed));
      Map<String, Object> g = new TreeMap<>();
      g.put("shown", sel.run().label());
      g.put("shown_seed", seed);
      g.put("samples", group.size());
      Map<String, Object> perRun = new TreeMap<>();
      List<Double> pumps = new ArrayList<>();
      for (RunBranch r : group) {
        perRun.put(r.run().label(), threshold(r));
        if (Double.isFinite(r.thresholdPerS())) {
          pumps.add(r.thresholdPerS());
        }
        ths.row(r.run().label(), ReportPage.fmt(r.thresholdPerS()), r.kind(), ReportPage.fmt(r.thresholdBAbs()));
      }
      g.put("thresholds", perRun);
      g.put("shown_threshold_pump_per_s", ReportPage.nullIfNaN(sel.thresholdPerS()));
      g.put("shown_threshold_kind", sel.kind());
      g.put("threshold_count", pumps.size());
      g.put("threshold_pump_per_s_min", ReportPage.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
      g.put("threshold_pump_per_s_max", ReportPage.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
      g.put("threshold_pump_per_s_mean", ReportPage.nullIfNaN(pumps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
      g.put("threshold_kinds", group.stream().map(RunBranch::kind).distinct().sorted().toList());
      Map<String, Long> kindCounts = new TreeMap<>();
      group.forEach(r -> kindCounts.merge(r.kind(), 1L, Long::sum));
      g.put("threshold_kind_counts", kindCounts);
      shown.add(sel.series());
      if (Double.isFinite(sel.thresholdPerS())) {
        highestShownThreshold = Math.max(highestShownThreshold, sel.thresholdPerS());
      }
      // Just above the lowest threshold, so that its sample counts as lasing at the first grid pump
      // whatever the last bits of the threshold (the grid is compared with golden data).
      double low = (1 + GRID_START_OFFSET) * pumps.stream().mapToDouble(Double::doubleValue).min().orElse(startPerS / 100);
      if (low < startPerS) {
        double[] grid = AmplitudeRange.logGrid(low, startPerS, GRID_POINTS);
        List<BranchSeries> samples = group.stream().map(RunBranch::series).toList();
        AmplitudeRange.Band band = AmplitudeRange.band(samples, grid);
        double[] shownB = new double[grid.length];
        boolean inside = true;
        double widest = 0;
        for (int i = 0; i < grid.length; i++) {
          shownB[i] = AmplitudeRange.stableAmplitudeAt(sel.series(), grid[i]);
          colModel.add(kind.name());
          colPump.add(grid[i]);
          colMin.add(band.min()[i]);
          colMax.add(band.max()[i]);
          colShown.add(shownB[i]);
          colLasing.add((long) band.lasing()[i]);
          colCounted.add((long) band.counted()[i]);
          if (!Double.isNaN(shownB[i])) {
            inside &= shownB[i] >= band.min()[i] && shownB[i] <= band.max()[i];
          }
          if (band.lasing()[i] == band.counted()[i] && band.counted()[i] > 0) {
            widest = Math.max(widest, (band.max()[i] - band.min()[i]) / band.max()[i]);
          }
        }
        g.put("shown_inside_range", inside);
        g.put("largest_relative_range_all_lasing", widest);
        bars.add(new RangeBars(kind.name() + " range over " + group.size() + " samples", sel.run().label(), grid, band.min(),
            band.max()));
      }
      groups.put(kind.name(), g);
    }
    summary.put("identical", identical);
    summary.put("polydisperse", groups);
    if (highestShownThreshold == 0) {
      highestShownThreshold = shown.stream().filter(BranchSeries::hasThreshold).mapToDouble(BranchSeries::thresholdPump)
          .min().orElse(startPerS / 10);
    }
    double insetMax = INSET_FACTOR * highestShownThreshold;
    summary.put("inset_max_pump_per_s", insetMax);

    // The unstable branches may continue above the start pump (up to 10 x): the panels show the
    // study's pump range, so that the branches' lasing parts stay readable.
    RenderedFigure main = BifurcationFigure.render(new FigureSpec(fig.title(), "pump r (s^-1)", "|<b>|", false, false,
        PANEL_WIDTH, PANEL_HEIGHT), clip(shown, startPerS), bars);
    RenderedFigure inset = BifurcationFigure.render(new FigureSpec("low-pump region (r <= " + ReportPage.fmt(insetMax)
        + " s^-1)", "pump r (s^-1)", "|<b>|", false, false, PANEL_WIDTH, PANEL_HEIGHT),
        clip(shown, insetMax), clipBars(bars, insetMax));
    RenderedFigure both = PanelGrid.compose(List.of(main, inset), 2, PANEL_WIDTH, PANEL_HEIGHT);
    out.put(ArtifactPaths.report(fig.id() + ".png"), both.png());
    out.put(ArtifactPaths.report(fig.id() + ".svg"), both.svg());
    Table t = Table.builder(fig.id()).addString("model", colModel.toArray(new String[0]))
        .addDouble("pump_per_s", unbox(colPump)).addDouble("b_abs_min", unbox(colMin)).addDouble("b_abs_max", unbox(colMax))
        .addDouble("b_abs_shown_sample", unbox(colShown)).addLong("samples_lasing", unboxL(colLasing))
        .addLong("samples_counted", unboxL(colCounted)).build();
    out.put(ArtifactPaths.report(fig.id() + ".arrow"), TableCodec.toArrowIpc(t));
    out.put(ArtifactPaths.report(fig.id() + ".csv"), TableCodec.toCsv(t));
    out.put(ArtifactPaths.report(fig.id() + "-summary.json"), CanonicalJson.prettyBytes(summary));
    return HtmlReport.Section.builder(fig.title())
        .paragraph("Lasing branches |<b>| vs pump by continuation (solid: stable, dashed: unstable). Polydisperse models: "
            + "the curve of the sample with seed " + (fig.seed() == null ? "(lowest)" : fig.seed()) + "; the error bars give "
            + "the range (min..max) of |<b>| over all samples of the model at " + GRID_POINTS + " pumps spaced evenly in "
            + "ln r (each sample's stable branch interpolated linearly in ln r; a sample below its threshold counts as "
            + "|<b>| = 0). Diamonds: thresholds, the low-pump end of the stable branch (fold, or where the rotating "
            + "solution reaches |b| = 0: pitchfork for identical dots, Hopf of the non-lasing state for detuned dots). "
            + "Right: the low-pump region up to " + ReportPage.fmt(insetMax) + " s^-1 (the paper's inset).")
        .figure(fig.id() + ".png", fig.id() + ".svg", fig.title(), fig.title())
        .table(ths.build())
        .dataTable(fig.id() + " error bars", fig.id() + ".arrow", fig.id() + ".csv")
        .build();
  }

  private static Map<String, Object> threshold(RunBranch r) {
    Map<String, Object> m = new TreeMap<>();
    m.put("pump_per_s", ReportPage.nullIfNaN(r.thresholdPerS()));
    m.put("b_abs", ReportPage.nullIfNaN(r.thresholdBAbs()));
    m.put("kind", r.kind());
    m.put("seed", r.run().kind().polydisperse() ? r.run().sampleSeed() : null);
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

  private static double[] unbox(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static long[] unboxL(List<Long> l) {
    return l.stream().mapToLong(Long::longValue).toArray();
  }
}
