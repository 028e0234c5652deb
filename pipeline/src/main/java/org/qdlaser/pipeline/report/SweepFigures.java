package org.qdlaser.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.graph.TaskInputs;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.PhotonFigure;
import org.qdlaser.stages.report.RenderedFigure;

/**
 * The figures of a sweep study (manifest {@code figures:}, kind {@code photons_vs_pump}): the photon
 * number of every sweep equilibrium against the pump, log-log, with each run's threshold marked by
 * its shape (the Reply's Fig. 1). Writes {@code report/<id>.png|svg}, the curves {@code
 * report/<id>.arrow|csv} and the marks {@code report/<id>-thresholds.arrow|csv}.
 */
final class SweepFigures {
  private SweepFigures() {}

  /** Threshold mark of one run: exact location if the fitting stage found it, else the sweep's lowest lasing pump. */
  record ThresholdMark(String label, String marker, String source, String kind, double pumpPerS, double photons,
      double lowestLasingPerS, double highestNonLasingPerS) {}

  /** The curves and marks as tables (package-private for tests). */
  record Data(Table curves, Table marks, List<BranchSeries> series, List<ThresholdMark> thresholds) {}

  static Data load(Figure fig, ReportHeader h, TaskInputs in) {
    double gnr = h.gammaNrPerSecond();
    List<String> model = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<Boolean> lasingCol = new ArrayList<>();
    List<Boolean> stableCol = new ArrayList<>();
    List<BranchSeries> series = new ArrayList<>();
    List<ThresholdMark> marks = new ArrayList<>();
    for (ModelRun run : h.runs()) {
      if (!fig.selects(run)) {
        continue;
      }
      String label = run.label();
      EquilibriaTable eq = EquilibriaTable.fromArrow(in.get(ArtifactPaths.equilibria(label).arrow()));
      SweepFit fit = SweepFit.fromJson(in.get(ArtifactPaths.sweepFit(label)));
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
      series.add(new BranchSeries(label, pumpPerS, drawn, stable));
      double lo = orNaN(fit.highestNonLasingPumpPerS());
      double hi = orNaN(fit.lowestLasingPumpPerS());
      if (fit.exactThresholdPumpPerS() != null && fit.exactThresholdPhotons() != null) {
        marks.add(new ThresholdMark(label, fig.marker(label), "exact", fit.exactThresholdKind(),
            fit.exactThresholdPumpPerS(), fit.exactThresholdPhotons(), hi, lo));
      } else if (fit.bracketed()) {
        marks.add(new ThresholdMark(label, fig.marker(label), "sweep bracket (lowest lasing pump)", "-", hi,
            lowestLasingPhotons, hi, lo));
      }
    }
    Table curves = Table.builder("photons_vs_pump").addString("model", model.toArray(new String[0]))
        .addDouble("pump", column(rows, 0)).addDouble("pump_per_s", column(rows, 1))
        .addBoolean("lasing", unboxB(lasingCol)).addBoolean("stable", unboxB(stableCol))
        .addDouble("photons", column(rows, 2)).addDouble("b_abs", column(rows, 3)).build();
    Table markTable = Table.builder("threshold_marks")
        .addString("model", marks.stream().map(ThresholdMark::label).toArray(String[]::new))
        .addString("marker", marks.stream().map(ThresholdMark::marker).toArray(String[]::new))
        .addString("source", marks.stream().map(ThresholdMark::source).toArray(String[]::new))
        .addString("kind", marks.stream().map(ThresholdMark::kind).toArray(String[]::new))
        .addDouble("threshold_pump_per_s", marks.stream().mapToDouble(ThresholdMark::pumpPerS).toArray())
        .addDouble("photons", marks.stream().mapToDouble(ThresholdMark::photons).toArray())
        .addDouble("lowest_lasing_pump_per_s", marks.stream().mapToDouble(ThresholdMark::lowestLasingPerS).toArray())
        .addDouble("highest_non_lasing_pump_per_s", marks.stream().mapToDouble(ThresholdMark::highestNonLasingPerS).toArray())
        .build();
    return new Data(curves, markTable, series, marks);
  }

  /** Renders one figure into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, ReportHeader h, TaskInputs in, Map<String, byte[]> out) {
    Data d = load(fig, h, in);
    List<PhotonFigure.Mark> marks = new ArrayList<>();
    HtmlReport.Table.Builder table = HtmlReport.Table.builder("Threshold marks")
        .columns("model", "marker", "threshold pump (s^-1)", "kind", "<b+b> at threshold", "located by",
            "sweep bracket (s^-1)");
    for (ThresholdMark m : d.thresholds()) {
      if (Double.isFinite(m.photons())) {
        marks.add(new PhotonFigure.Mark(m.label(), m.pumpPerS(), m.photons(), PhotonFigure.Shape.parse(m.marker()),
            m.label() + " threshold (" + m.marker() + ")"));
      }
      table.row(m.label(), m.marker(), ReportPage.fmt(m.pumpPerS()), m.kind(), ReportPage.fmt(m.photons()), m.source(),
          ReportPage.fmt(m.highestNonLasingPerS()) + " .. " + ReportPage.fmt(m.lowestLasingPerS()));
    }
    RenderedFigure f = PhotonFigure.render(
        new FigureSpec(fig.title(), "pump r (s^-1)", "photon number <b+b>", true, true, 900, 600), d.series(), marks);
    String id = fig.id();
    out.put(ArtifactPaths.report(id + ".png"), f.png());
    out.put(ArtifactPaths.report(id + ".svg"), f.svg());
    out.put(ArtifactPaths.report(id + ".arrow"), TableCodec.toArrowIpc(d.curves()));
    out.put(ArtifactPaths.report(id + ".csv"), TableCodec.toCsv(d.curves()));
    out.put(ArtifactPaths.report(id + "-thresholds.arrow"), TableCodec.toArrowIpc(d.marks()));
    out.put(ArtifactPaths.report(id + "-thresholds.csv"), TableCodec.toCsv(d.marks()));
    return HtmlReport.Section.builder(fig.title())
        .paragraph("Photon number <b+b> of the equilibrium reached at each pump of the downward sweep (lasing and "
            + "non-lasing alike), log-log. Each threshold is marked on its model's curve by the shape chosen in the "
            + "manifest, at the exact threshold where the fitting stage located it (kind as listed), otherwise at "
            + "the lowest lasing pump of the sweep.")
        .figure(id + ".png", id + ".svg", fig.title(), "photon number vs pump")
        .table(table.build())
        .dataTable(fig.title() + ": curves", id + ".arrow", id + ".csv")
        .dataTable(fig.title() + ": threshold marks", id + "-thresholds.arrow", id + "-thresholds.csv")
        .build();
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
