package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.FieldTable;
import org.qdlaser.pipeline.artifacts.OscillationSummary;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.LineFigure;
import org.qdlaser.stages.report.PointSeries;
import org.qdlaser.stages.report.RenderedFigure;

/** The report of an oscillation study (Fig. 11): the lab-frame field of each run and its frequency fit. */
public enum OscillationReport implements ReportTask<OscillationReport.Params> {
  TASK;

  /**
   * @param header the study
   * @param pump the pump (normalised)
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("pump") double pump) {}

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    Map<String, byte[]> out = new LinkedHashMap<>();
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Coherent field in the lab frame (Fig. 11)")
        .paragraph("Re, Im and |<b>| against time, integrated in the lab frame from the rotating lasing state found by "
            + "Newton: the field oscillates at the rotating-frame frequency omega with constant modulus (QDs of "
            + "different frequencies synchronised). The fit gives the slope of the unwrapped phase.");
    HtmlBlocks.Table.Builder fits = HtmlBlocks.Table.builder("Oscillation vs the rotating-frame state")
        .columns("model", "omega (Newton)", "d arg<b>/dt (fit)", "rel. difference", "|b| (Newton)", "|b| spread (rel.)", "periods");
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    for (ModelRun run : h.runs()) {
      String l = run.label();
      FieldTable t = FieldTable.fromArrow(in.get(ArtifactPaths.field(l).arrow()));
      OscillationSummary f = OscillationSummary.fromJson(in.get(ArtifactPaths.oscillationFit(l)));
      double[] ns = t.timeNs();
      String name = DisplayName.of(run);
      RenderedFigure fig = LineFigure.render(
          new FigureSpec("\u27E8b\u27E9 of " + name + " at r = " + fmt(p.pump() * h.gammaNrPerSecond()) + " s\u207B\u00B9",
              "time t (ns)", "\u27E8b\u27E9 (dimensionless)", false, false, 900, 600),
          List.of(new PointSeries("Re <b>", ns, t.re(), null), new PointSeries("Im <b>", ns, t.im(), null),
              new PointSeries("|<b>|", ns, t.abs(), null)));
      String stem = "fig11-" + l;
      out.put(ArtifactPaths.report(stem + ".png"), fig.png());
      out.put(ArtifactPaths.report(stem + ".svg"), fig.svg());
      out.putAll(t.files(ArtifactPaths.reportTable(stem)));
      sec.figure(stem + ".png", stem + ".svg", "field of " + l, "Real part, imaginary part and modulus of the coherent field "
          + "\u27E8b\u27E9 (dimensionless) of " + name + " against time t (ns, 1/\u03B3_nr), integrated in the lab frame: one "
          + "frequency, constant modulus: the \"single-frequency temporal oscillations\" of the paper's Fig. 11 (App. I). "
          + "Our samples are other draws than the paper's (unpublished), so the frequency (table below) is compared with "
          + "our rotating-frame state, not with the paper's curve. " + Captions.reproduces(h));
      fits.row(l, fmt(f.omegaNewton()), fmt(f.angularFrequencyFit()), fmt(f.frequencyRelativeDifference()),
          fmt(f.bAbsNewton()), fmt(f.bAbsRelativeSpread()), fmt(f.periods()));
      data.dataTable(l + " field", stem + ".arrow", stem + ".csv");
    }
    sec.table(fits.build());
    out.put(ReportPage.INDEX, ReportPage.page(h, in, out, sec.build(), data.build()));
    return out;
  }
}
