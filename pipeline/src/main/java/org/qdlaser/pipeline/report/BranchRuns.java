package org.qdlaser.pipeline.report;

import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.report.AmplitudeRangeFigure;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The pump branches of a branches study loaded from their artifacts, and the files of each
 * {@code amplitude_range} figure ({@link AmplitudeRangeFigure} draws it): {@code report/<id>.png|svg},
 * the error bars {@code report/<id>.arrow|csv} and {@code report/<id>-summary.json}.
 */
final class BranchRuns {
  private BranchRuns() {}

  /** One run's branch (pump in s^-1) with its threshold marker and the threshold's kind. */
  record Loaded(ModelRun run, BranchSeries series, double thresholdPerS, double thresholdBAbs, String kind) {}

  /** Loads a run's branch table and threshold (the marker is omitted when the branch has none). */
  static Loaded load(ModelRun run, TaskInputs in) {
    BranchTable t = BranchTable.fromArrow(in.get(ArtifactPaths.branch(run.label()).arrow()), "r");
    BranchFolds.StableEnd th = BranchFolds.fromJson(in.get(ArtifactPaths.folds(run.label())), "r").threshold();
    double p = th.valueInUnits() != null ? th.valueInUnits() : Double.NaN;
    double b = th.bAbs() != null ? th.bAbs() : Double.NaN;
    BranchSeries s = new BranchSeries(run.label(), t.doubles(BranchTable.Row::valueInUnits), t.doubles(BranchTable.Row::bAbs),
        t.stable());
    if (Double.isFinite(p) && Double.isFinite(b)) {
      s = s.withThreshold(p, b);
    }
    return new Loaded(run, s, p, b, th.kind());
  }

  /** Draws one amplitude_range figure into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, List<Loaded> all, double startPerS, Map<String, byte[]> out) {
    List<AmplitudeRangeFigure.Branch> branches = all.stream().map(r -> new AmplitudeRangeFigure.Branch(r.run().label(),
        r.run().kind(), r.run().sampleSeed(), fig.showsBranch(r.run()), fig.inRange(r.run()), r.series(), r.thresholdPerS(),
        r.thresholdBAbs(), r.kind())).toList();
    AmplitudeRangeFigure.Rendered r = AmplitudeRangeFigure.render(fig.id(), fig.title(), fig.seed(), branches, startPerS);
    AmplitudeRangeFigure.Bars bars = r.bars();
    Table t = Table.builder(fig.id()).addString("model", bars.model().toArray(new String[0]))
        .addDouble("pump_per_s", ReportPage.unbox(bars.pumpPerS())).addDouble("b_abs_min", ReportPage.unbox(bars.min()))
        .addDouble("b_abs_max", ReportPage.unbox(bars.max())).addDouble("b_abs_shown_sample", ReportPage.unbox(bars.shownSample()))
        .addLong("samples_lasing", bars.lasing().stream().mapToLong(Long::longValue).toArray())
        .addLong("samples_counted", bars.counted().stream().mapToLong(Long::longValue).toArray()).build();
    out.put(ArtifactPaths.report(fig.id() + ".png"), r.figure().png());
    out.put(ArtifactPaths.report(fig.id() + ".svg"), r.figure().svg());
    out.put(ArtifactPaths.report(fig.id() + ".arrow"), TableCodec.toArrowIpc(t));
    out.put(ArtifactPaths.report(fig.id() + ".csv"), TableCodec.toCsv(t));
    out.put(ArtifactPaths.report(fig.id() + "-summary.json"), CanonicalJson.prettyBytes(r.summary()));
    return r.section();
  }
}
