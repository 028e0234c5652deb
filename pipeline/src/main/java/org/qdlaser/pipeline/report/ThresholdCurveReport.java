package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.unbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.TableFiles;
import org.qdlaser.pipeline.artifacts.ThresholdsTable;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.stages.report.BifurcationFigure;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.RenderedFigure;

/** The report of a threshold-curve study (Figs. 1 and 2): threshold pump and population against the scanned parameter. */
public enum ThresholdCurveReport implements ReportTask<ThresholdCurveReport.Params> {
  TASK;

  /**
   * @param header the study
   * @param parameter the scanned parameter
   * @param log whether the scan's axis is logarithmic
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("parameter") String parameter,
      @JsonProperty("log") boolean log) {}

  /** The curves of every run: the plotted series and the table of all points. */
  private static final class Curves {
    final List<BranchSeries> pumps = new ArrayList<>();
    final List<BranchSeries> populations = new ArrayList<>();
    final List<String> model = new ArrayList<>();
    final List<Double> x = new ArrayList<>();
    final List<Double> r = new ArrayList<>();
    final List<Double> rs = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    final List<Double> cc = new ArrayList<>();

    /** A run's curve; points without a threshold are in the table but not plotted. */
    void add(String label, String name, ThresholdsTable t, double gnr, double xUnit) {
      List<double[]> ok = new ArrayList<>();
      for (ThresholdsTable.Row row : t.rows()) {
        model.add(label);
        x.add(row.value());
        r.add(row.thresholdPump());
        rs.add(row.thresholdPump() * gnr);
        kinds.add(row.kind());
        cc.add(row.upperPopulation());
        if (Double.isFinite(row.thresholdPump())) {
          ok.add(new double[] {row.value() * xUnit, row.thresholdPump() * gnr, row.upperPopulation()});
        } else if (!ok.isEmpty()) {
          ok.add(new double[] {Double.NaN, Double.NaN, Double.NaN}); // a gap: no line across the missing point
        }
      }
      double[] xs = ok.stream().mapToDouble(a -> a[0]).toArray();
      boolean[] all = new boolean[xs.length];
      Arrays.fill(all, true);
      if (ok.stream().anyMatch(a -> !Double.isNaN(a[0]))) {
        pumps.add(new BranchSeries(name, xs, ok.stream().mapToDouble(a -> a[1]).toArray(), all));
        populations.add(new BranchSeries(name, xs, ok.stream().mapToDouble(a -> a[2]).toArray(), all));
      }
    }

    Table table(String parameter) {
      return Table.builder("thresholds").addString("model", model.toArray(new String[0]))
          .addDouble(parameter, unbox(x)).addDouble("threshold_pump", unbox(r)).addDouble("threshold_pump_per_s", unbox(rs))
          .addString("kind", kinds.toArray(new String[0])).addDouble("upper_population", unbox(cc)).build();
    }
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    String param = p.parameter();
    boolean rate = Parameter.of(param).rate();
    Curves curves = new Curves();
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    data.dataTable("Thresholds, all models", "thresholds.arrow", "thresholds.csv");
    for (ModelRun run : h.runs()) {
      ArtifactPaths.TablePaths paths = ArtifactPaths.thresholds(run.label());
      curves.add(run.label(), DisplayName.of(run), ThresholdsTable.fromArrow(in.get(paths.arrow()), param), h.gammaNrPerSecond(),
          rate ? h.gammaNrPerSecond() : 1.0);
      ReportPage.dataTable(data, run.label(), paths);
    }
    String x = Captions.axis(param);
    RenderedFigure f1 = BifurcationFigure.render(
        new FigureSpec("Threshold pump r_th vs " + Captions.symbol(param), x, "threshold pump r_th (s\u207B\u00B9)", p.log(), true, 900, 600),
        curves.pumps);
    RenderedFigure f2 = BifurcationFigure.render(new FigureSpec("Upper-level population at threshold vs " + Captions.symbol(param), x,
        "<c\u207Ac>_th", p.log(), false, 900, 600), curves.populations);
    Table all = curves.table(param);
    String scan = p.log() ? "log-log" : "log y";
    HtmlReport.Section.Builder fig = HtmlReport.Section.builder("Threshold curves")
        .paragraph("Exact lasing thresholds (onset of stable coherent emission) as a function of " + param
            + ": pitchforks from the non-lasing instability, folds as the minimum of r along the lasing branch "
            + "parametrised by |b|. Kinds per point are in the data table; points without a threshold are omitted.")
        .figure("thresholds.png", "thresholds.svg", "threshold pump vs " + param,
            "Pump at threshold r_th (s^-1) against " + x + ", " + scan + ", one line per model (legend; markers at the "
                + "computed points); a line is broken where its model has no threshold. " + Captions.reproduces(h))
        .figure("population.png", "population.svg", "population at threshold",
            "Upper-level population at threshold \u27E8c\u2020c\u27E9_th (per dot, dimensionless) against " + x + ", one line per model. "
                + "The paper's panel (c) shows the CIM's only; here every model's. " + Captions.reproduces(h));
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ArtifactPaths.report("thresholds.png"), f1.png());
    out.put(ArtifactPaths.report("thresholds.svg"), f1.svg());
    out.put(ArtifactPaths.report("population.png"), f2.png());
    out.put(ArtifactPaths.report("population.svg"), f2.svg());
    out.put(ArtifactPaths.report("thresholds.arrow"), TableFiles.arrow(all));
    out.put(ArtifactPaths.report("thresholds.csv"), TableCodec.toCsv(all));
    out.put(ReportPage.INDEX, ReportPage.page(h, in, out, fig.build(), data.build()));
    return out;
  }
}
