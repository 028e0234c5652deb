package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;
import static org.qdlaser.pipeline.report.ReportPage.unbox;
import static org.qdlaser.pipeline.report.ReportPage.unboxBooleans;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.TableFiles;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.pipeline.tasks.RelaxationParams;
import org.qdlaser.stages.report.BifurcationFigure;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.RenderedFigure;

/**
 * The report of a sweep study: the bifurcation diagram of every run (Fig. 3d), its data, the
 * threshold brackets with the exact thresholds, and the photons_vs_pump figures (the Reply's Fig. 1).
 */
public enum SweepReport implements ReportTask<SweepReport.Params> {
  TASK;

  static final String BIFURCATION = "bifurcation";

  /**
   * @param header the study
   * @param pumps the sweep's pumps (normalised)
   * @param relaxation the integration settings
   * @param figures photons_vs_pump figures
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("pumps") double[] pumps,
      @JsonProperty("relaxation") RelaxationParams relaxation, @JsonProperty("figures") List<Figure> figures) {
    public Params {
      pumps = pumps.clone();
      figures = List.copyOf(figures);
    }

    @Override
    public double[] pumps() {
      return pumps.clone();
    }
  }

  /** Every run's equilibria (the diagram's series and the table of all points) and threshold rows. */
  private static final class Diagram {
    final List<BranchSeries> series = new ArrayList<>();
    final HtmlBlocks.Table.Builder thresholds = HtmlBlocks.Table.builder(
        "Thresholds: bracket read off the downward sweep (App. A method) and exact location")
        .columns("model", "lowest lasing pump (s^-1)", "next pump, not lasing (s^-1)", "|b| at lowest lasing",
            "exact threshold (s^-1)", "kind", "|b| at threshold", "<c+c> at threshold", "in bracket");
    final List<String> labels = new ArrayList<>();
    final List<Double> pump = new ArrayList<>();
    final List<Double> pumpPerS = new ArrayList<>();
    final List<Boolean> lasing = new ArrayList<>();
    final List<Boolean> stable = new ArrayList<>();
    final List<Double> bAbs = new ArrayList<>();
    final List<Double> photons = new ArrayList<>();
    final List<Double> cc = new ArrayList<>();

    void add(SweepRun run, String name, double gnr) {
      String label = run.label();
      EquilibriaTable eq = run.equilibria();
      SweepFit fit = run.fit();
      double[] perS = new double[eq.rows().size()];
      for (int i = 0; i < perS.length; i++) {
        EquilibriaTable.Row r = eq.rows().get(i);
        perS[i] = r.pump() * gnr;
        labels.add(label);
        pump.add(r.pump());
        pumpPerS.add(perS[i]);
        lasing.add(r.lasing());
        stable.add(r.stable());
        bAbs.add(r.bAbs());
        photons.add(r.photons());
        cc.add(r.upperPopulation());
      }
      BranchSeries s = new BranchSeries(name, perS, eq.doubles(EquilibriaTable.Row::bAbs), eq.booleans(EquilibriaTable.Row::stable));
      if (fit.hasExactThreshold()) {
        s = s.withThreshold(fit.exactThresholdPumpPerS(), fit.exactThresholdBAbs());
      } else if (fit.bracketed()) {
        s = s.withThreshold(fit.lowestLasingPumpPerS(), fit.bAbsAtLowestLasing());
      }
      series.add(run.jumpsBroken(s));
      thresholds.row(label, num(fit.lowestLasingPumpPerS()), num(fit.highestNonLasingPumpPerS()),
          num(fit.bAbsAtLowestLasing()), num(fit.exactThresholdPumpPerS()),
          fit.exactThresholdKind() == null ? "-" : fit.exactThresholdKind(), num(fit.exactThresholdBAbs()),
          num(fit.exactThresholdUpperPopulation()),
          fit.exactThresholdInBracket() == null ? "-" : fit.exactThresholdInBracket().toString());
    }

    Table table() {
      return Table.builder(BIFURCATION)
          .addString("model", labels.toArray(new String[0]))
          .addDouble("pump", unbox(pump)).addDouble("pump_per_s", unbox(pumpPerS))
          .addBoolean("lasing", unboxBooleans(lasing)).addBoolean("stable", unboxBooleans(stable))
          .addDouble("b_abs", unbox(bAbs)).addDouble("photons", unbox(photons))
          .addDouble("upper_population", unbox(cc)).build();
    }
  }

  private static String num(Double v) {
    return v == null ? "-" : fmt(v);
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    Diagram diagram = new Diagram();
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    data.paragraph("Every table is Arrow IPC (read with pyarrow.ipc.open_file or arrow::read_ipc_file) and CSV.");
    data.dataTable("Bifurcation diagram, all models", BIFURCATION + ".arrow", BIFURCATION + ".csv");
    List<SweepRun> runs = SweepRun.load(h, in);
    for (SweepRun run : runs) {
      diagram.add(run, DisplayName.of(run.run()), h.gammaNrPerSecond());
      ReportPage.dataTable(data, run.label() + ": equilibria", ArtifactPaths.equilibria(run.label()));
    }
    RenderedFigure fig = BifurcationFigure.render(
        new FigureSpec("|<b>| of the lasing solution vs pump (downward sweep)", Captions.axis("r"), "|\u27E8b\u27E9|", true, false,
            900, 600),
        diagram.series);
    Table all = diagram.table();
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ArtifactPaths.report(BIFURCATION + ".png"), fig.png());
    out.put(ArtifactPaths.report(BIFURCATION + ".svg"), fig.svg());
    out.put(ArtifactPaths.report(BIFURCATION + ".arrow"), TableFiles.arrow(all));
    out.put(ArtifactPaths.report(BIFURCATION + ".csv"), TableCodec.toCsv(all));
    HtmlReport.Builder html = HtmlReport.builder(h.title()).description(h.description());
    for (Figure f : p.figures()) {
      html.section(SweepFigures.render(f, h, runs, out)); // photons_vs_pump (the Reply's Fig. 1)
    }
    // The paper's Fig. 3 draws identical-dot models and, for the polydisperse ones, one sample (S3) each.
    boolean samples = h.runs().stream().anyMatch(r -> r.kind().polydisperse());
    html.section(HtmlReport.Section.builder("Bifurcation diagram (drawn as the paper's Fig. 3)")
            .paragraph("Coherent field amplitude |<b>| of the equilibrium reached at each pump of a downward sweep: each pump "
                + "value starts from the previous equilibrium, the transient ends by the criterion of App. A, and the end "
                + "state is polished by Newton in the frame rotating with the field. Diamonds mark the exact thresholds "
                + "(pitchfork: root of the non-lasing state's rightmost eigenvalue; fold: minimum of r along the lasing "
                + "branch parametrised by |b|).")
            .figure(BIFURCATION + ".png", BIFURCATION + ".svg", "bifurcation diagram", "Coherent field amplitude "
                + "|\u27E8b\u27E9| (dimensionless) of the equilibrium reached at each pump r (s^-1, log axis) of the downward "
                + "sweep, one colour per model (legend). " + Captions.LINE_STYLES + " Drawn as the paper's Fig. 3 "
                + (samples ? "draws its polydisperse models: one sample per curve, named in the legend. "
                    : "draws its identical-dot models. ")
                + Captions.reproduces(h)).build())
        .section(HtmlReport.Section.builder("Thresholds").table(diagram.thresholds.build())
            .paragraph("A sweep only brackets a threshold; the exact threshold (also `qdlaser threshold --model M`) "
                + "must lie inside the bracket, which the last column checks.").build());
    Validation.add(html, h, in, out);
    html.section(parameters(p).build()).section(data.build());
    ReportPage.provenance(html, h.context(), in);
    out.put(ReportPage.INDEX, html.build().toUtf8());
    return out;
  }

  /** The parameters section with the sweep's pumps and integration settings. */
  private static HtmlReport.Section.Builder parameters(Params p) {
    double gnr = p.header().gammaNrPerSecond();
    double[] pumps = p.pumps();
    RelaxationParams r = p.relaxation();
    return ReportPage.parameters(p.header()).paragraph(String.format(Locale.ROOT, "Sweep: %d pumps from %s to %s s^-1. "
            + "Integration: rtol %s, atol %s, stop threshold %s, max time %s per pump (1/gamma_nr).", pumps.length,
        fmt(pumps[0] * gnr), fmt(pumps[pumps.length - 1] * gnr), fmt(r.rtol()), fmt(r.atol()), fmt(r.stopThreshold()),
        fmt(r.maxTime())));
  }
}
