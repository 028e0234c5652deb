package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.stages.report.BifurcationFigure;
import org.qdlaser.stages.report.BranchLook;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.RenderedFigure;

/**
 * The report of a branches study (Figs. 3 and 7): every branch with its threshold and folds, the
 * amplitude_range figures, or without figures one diagram of all branches.
 */
public enum BranchesReport implements ReportTask<BranchesReport.Params> {
  TASK;

  /**
   * @param header the study
   * @param parameter the continuation parameter (r: the pump)
   * @param from its start value (normalised)
   * @param to its end value
   * @param figures amplitude_range figures
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("parameter") String parameter,
      @JsonProperty("from") double from, @JsonProperty("to") double to, @JsonProperty("figures") List<Figure> figures) {
    public Params {
      figures = List.copyOf(figures);
    }
  }

  /** The axis label of the continuation parameter's values in units. */
  static String axisLabel(String param) {
    return param.equals("r") ? "pump r (s^-1)" : param.equals("mu") ? "mu"
        : param.equals("w_qd") ? "w_QD (units of gamma)" : param + " (s^-1)";
  }

  /** The branches of every run with their thresholds and folds as tables, and the runs without a branch. */
  private static final class Branches {
    final List<BranchSeries> series = new ArrayList<>();
    /** The paper's Fig. 7 look of each series' model (null where the caption names none), parallel to series. */
    final List<BranchLook> looks = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final HtmlBlocks.Table.Builder folds;
    final HtmlBlocks.Table.Builder thresholds;

    Branches(String param) {
      folds = HtmlBlocks.Table.builder("Folds located on the branches").columns("model", axisLabel(param), "|b|", "<c+c>", "kind");
      thresholds = HtmlBlocks.Table.builder("Thresholds: low-" + param + " end of the stable branch")
          .columns("model", axisLabel(param), "kind", "|b|");
    }

    void add(String label, String name, BranchLook look, BranchTable t, BranchFolds foldDoc) {
      if (t.rows().isEmpty()) {
        missing.add(label + ": " + foldDoc.note());
        return;
      }
      BranchSeries s = new BranchSeries(name, t.doubles(BranchTable.Row::valueInUnits), t.doubles(BranchTable.Row::bAbs),
          t.stable());
      double lowest = Double.POSITIVE_INFINITY;
      double lowestB = 0;
      for (BranchFolds.Fold f : foldDoc.folds()) {
        folds.row(label, fmt(f.valueInUnits()), fmt(f.bAbs()), fmt(f.upperPopulation()), f.kind());
        if (f.valueInUnits() < lowest) {
          lowest = f.valueInUnits();
          lowestB = f.bAbs();
        }
      }
      BranchFolds.StableEnd th = foldDoc.threshold();
      if (th.valueInUnits() != null && th.bAbs() != null) {
        // The stable branch's end (fold, pitchfork, Hopf or instability).
        s = s.withThreshold(th.valueInUnits(), th.bAbs());
        thresholds.row(label, fmt(th.valueInUnits()), th.kind(), fmt(th.bAbs()));
      } else if (Double.isFinite(lowest)) {
        s = s.withThreshold(lowest, lowestB);
      }
      if (th.valueInUnits() == null) {
        thresholds.row(label, "-", th.kind(), "-");
      }
      series.add(s);
      looks.add(look);
    }
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    String param = p.parameter();
    Branches branches = new Branches(param);
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    for (ModelRun run : h.runs()) {
      ArtifactPaths.TablePaths paths = ArtifactPaths.branch(run.label());
      int before = branches.series.size();
      branches.add(run.label(), DisplayName.of(run), BranchLook.paperFig7(run.kind().name(), run.parameters().mu()), BranchTable.fromArrow(in.get(paths.arrow()), param),
          BranchFolds.fromJson(in.get(ArtifactPaths.folds(run.label())), param));
      if (branches.series.size() > before) {
        ReportPage.dataTable(data, run.label() + " branch", paths);
      }
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<HtmlReport.Section> figureSections = new ArrayList<>();
    if (!p.figures().isEmpty()) {
      List<BranchRuns.Loaded> runs = new ArrayList<>();
      for (ModelRun run : h.runs()) {
        runs.add(BranchRuns.load(run, in));
      }
      for (Figure f : p.figures()) {
        figureSections.add(BranchRuns.render(f, runs, p.from() * h.gammaNrPerSecond(), out));
      }
    }
    HtmlReport.Builder html = HtmlReport.builder(h.title()).description(h.description());
    figureSections.forEach(html::section);
    html.section(branchesSection(p, branches, out));
    Validation.add(html, h, in, out);
    html.section(ReportPage.parameters(h).build()).section(data.build());
    ReportPage.provenance(html, h.context(), in);
    out.put(ReportPage.INDEX, html.build().toUtf8());
    return out;
  }

  /**
   * What the lines mean: the paper's Fig. 7 looks where its caption names the model, the default (solid stable,
   * dashed unstable) for the others.
   */
  static String lineStyles(List<BranchLook> looks) {
    boolean paper = looks.stream().anyMatch(java.util.Objects::nonNull);
    boolean plain = looks.stream().anyMatch(java.util.Objects::isNull);
    String fig7 = "Lines as the paper's Fig. 7 caption: CIM solid blue, TPM_IF dashed green, TPM dot-dashed (purple, "
        + "yellow, red for mu = 0, 0.05, 0.1), each thick where the state is linearly stable and thin dotted where it is "
        + "unstable; large diamonds: thresholds.";
    if (paper && !plain) {
      return fig7;
    }
    return paper ? fig7 + " Models the caption does not name: " + Captions.LINE_STYLES : Captions.LINE_STYLES;
  }

  /** The branches section; without figures (and with a traced branch) a diagram of all branches, into {@code out}. */
  private static HtmlReport.Section branchesSection(Params p, Branches branches, Map<String, byte[]> out) {
    String param = p.parameter();
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Lasing branches")
        .paragraph("Lasing branches by pseudo-arclength continuation in " + (param.equals("r") ? "ln r from the start pump"
            : param + " from " + fmt(p.from()) + " to " + fmt(p.to()) + " (normalised)")
            + ", in the frame rotating "
            + "with the field; stability from the rightmost eigenvalue of the rotating-frame Jacobian (phase mode "
            + "excluded). Diamonds mark the threshold of each branch: the low-" + param + " end of its "
            + "stable part (a fold, or where the branch reaches |b| = 0).");
    if (p.figures().isEmpty() && !branches.series.isEmpty()) {
      // With figures: they show the branches (one sample per polydisperse model); no all-runs diagram.
      // Without any traced branch there is nothing to draw: the page says which are missing and why.
      String title = p.header().title().isBlank()
          ? "Lasing branches |<b>| vs " + (param.equals("r") ? "pump" : param) + " (continuation)" : p.header().title();
      RenderedFigure fig = BifurcationFigure.renderWithLooks(
          new FigureSpec(title, Captions.axis(param), "|\u27E8b\u27E9|", Parameter.of(param).logarithmic(), false, 900, 600),
          branches.series, branches.looks);
      out.put(ArtifactPaths.report("branches.png"), fig.png());
      out.put(ArtifactPaths.report("branches.svg"), fig.svg());
      sec.figure("branches.png", "branches.svg", "lasing branches", "Coherent field amplitude |\u27E8b\u27E9| (dimensionless) of the "
          + "lasing solutions against " + Captions.axis(param) + " (legend: the models). " + lineStyles(branches.looks)
          + " " + Captions.reproduces(p.header()));
    }
    sec.table(branches.thresholds.build()).table(branches.folds.build());
    for (String m : branches.missing) {
      sec.paragraph("Missing branch: " + m);
    }
    return sec.build();
  }
}
