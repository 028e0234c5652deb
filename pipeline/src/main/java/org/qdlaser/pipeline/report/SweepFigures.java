package org.qdlaser.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.TableFiles;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.PhotonsVsPumpFigure;

/**
 * The data of a sweep study's {@code photons_vs_pump} figures (the Reply's Fig. 1), loaded from the
 * runs' equilibria and fits, and the figure's files ({@link PhotonsVsPumpFigure} draws it): {@code
 * report/<id>.png|svg}, the curves {@code report/<id>.arrow|csv} and the marks {@code
 * report/<id>-thresholds.arrow|csv}.
 */
final class SweepFigures {
  private SweepFigures() {}

  /** The curves and marks as tables (package-private for tests). */
  record Data(Table curves, Table marks, List<BranchSeries> series, List<PhotonsVsPumpFigure.Threshold> thresholds) {}

  static Data load(Figure fig, ReportHeader h, List<SweepRun> runs) {
    double gnr = h.gammaNrPerSecond();
    List<String> model = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<Boolean> lasingCol = new ArrayList<>();
    List<Boolean> stableCol = new ArrayList<>();
    List<BranchSeries> series = new ArrayList<>();
    List<PhotonsVsPumpFigure.Threshold> marks = new ArrayList<>();
    List<String> markModels = new ArrayList<>(); // the runs' labels, as in the other tables (the figure shows display names)
    for (SweepRun run : runs) {
      if (!fig.selects(run.run())) {
        continue;
      }
      String label = run.label();
      EquilibriaTable eq = run.equilibria();
      SweepFit fit = run.fit();
      double[] pump = eq.doubles(EquilibriaTable.Row::pump);
      double[] photons = eq.doubles(EquilibriaTable.Row::photons);
      double[] b = eq.doubles(EquilibriaTable.Row::bAbs);
      boolean[] lasing = eq.booleans(EquilibriaTable.Row::lasing);
      boolean[] stable = eq.booleans(EquilibriaTable.Row::stable);
      double[] pumpPerS = new double[pump.length];
      double lowestLasingPhotons = Double.NaN;
      double lowest = orNaN(fit.lowestLasingPump());
      for (int i = 0; i < pump.length; i++) {
        pumpPerS[i] = pump[i] * gnr;
        model.add(label);
        rows.add(new double[] {pump[i], pumpPerS[i], photons[i], b[i]});
        lasingCol.add(lasing[i]);
        stableCol.add(stable[i]);
        if (pump[i] == lowest) {
          lowestLasingPhotons = photons[i];
        }
      }
      double[] drawn = new double[photons.length];
      for (int i = 0; i < drawn.length; i++) {
        drawn[i] = Math.max(0.0, photons[i]); // rounding-level negatives below threshold: not drawn on the log axis
      }
      String name = DisplayName.of(run.run()); // legend: "TPM^(d) (mu = 0, 90 % identical dots)", not "TPM_d_f0.9"
      series.add(run.jumpsBroken(new BranchSeries(name, pumpPerS, drawn, stable)));
      double lo = orNaN(fit.highestNonLasingPumpPerS());
      double hi = orNaN(fit.lowestLasingPumpPerS());
      if (fit.exactThresholdPumpPerS() != null && fit.exactThresholdPhotons() != null) {
        markModels.add(label);
        marks.add(new PhotonsVsPumpFigure.Threshold(name, fig.marker(label), "exact", fit.exactThresholdKind(),
            fit.exactThresholdPumpPerS(), fit.exactThresholdPhotons(), hi, lo));
      } else if (fit.bracketed()) {
        markModels.add(label);
        marks.add(new PhotonsVsPumpFigure.Threshold(name, fig.marker(label), "sweep bracket (lowest lasing pump)", "-", hi,
            lowestLasingPhotons, hi, lo));
      }
    }
    Table curves = Table.builder("photons_vs_pump").addString("model", model.toArray(new String[0]))
        .addDouble("pump", column(rows, 0)).addDouble("pump_per_s", column(rows, 1))
        .addBoolean("lasing", unboxB(lasingCol)).addBoolean("stable", unboxB(stableCol))
        .addDouble("photons", column(rows, 2)).addDouble("b_abs", column(rows, 3)).build();
    Table markTable = Table.builder("threshold_marks")
        .addString("model", markModels.toArray(new String[0]))
        .addString("marker", marks.stream().map(PhotonsVsPumpFigure.Threshold::marker).toArray(String[]::new))
        .addString("source", marks.stream().map(PhotonsVsPumpFigure.Threshold::source).toArray(String[]::new))
        .addString("kind", marks.stream().map(PhotonsVsPumpFigure.Threshold::kind).toArray(String[]::new))
        .addDouble("threshold_pump_per_s", marks.stream().mapToDouble(PhotonsVsPumpFigure.Threshold::pumpPerS).toArray())
        .addDouble("photons", marks.stream().mapToDouble(PhotonsVsPumpFigure.Threshold::photons).toArray())
        .addDouble("lowest_lasing_pump_per_s", marks.stream().mapToDouble(PhotonsVsPumpFigure.Threshold::lowestLasingPerS).toArray())
        .addDouble("highest_non_lasing_pump_per_s", marks.stream().mapToDouble(PhotonsVsPumpFigure.Threshold::highestNonLasingPerS)
            .toArray())
        .build();
    return new Data(curves, markTable, series, marks);
  }

  /** Draws one figure ({@link PhotonsVsPumpFigure}) into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, ReportHeader h, List<SweepRun> runs, Map<String, byte[]> out) {
    Data d = load(fig, h, runs);
    PhotonsVsPumpFigure.Rendered r = PhotonsVsPumpFigure.render(fig.id(), fig.title(), d.series(), d.thresholds());
    String id = fig.id();
    out.put(ArtifactPaths.report(id + ".png"), r.figure().png());
    out.put(ArtifactPaths.report(id + ".svg"), r.figure().svg());
    out.put(ArtifactPaths.report(id + ".arrow"), TableFiles.arrow(d.curves()));
    out.put(ArtifactPaths.report(id + ".csv"), TableCodec.toCsv(d.curves()));
    out.put(ArtifactPaths.report(id + "-thresholds.arrow"), TableFiles.arrow(d.marks()));
    out.put(ArtifactPaths.report(id + "-thresholds.csv"), TableCodec.toCsv(d.marks()));
    return r.section();
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }

  private static double[] column(List<double[]> rows, int k) {
    double[] a = new double[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = rows.get(i)[k];
    }
    return a;
  }

  private static boolean[] unboxB(List<Boolean> l) {
    boolean[] a = new boolean[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
