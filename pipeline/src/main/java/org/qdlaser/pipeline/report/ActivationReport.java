package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.SampleThreshold;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.report.ModelAgreement;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.PointSeries;
import org.qdlaser.stages.report.RenderedFigure;
import org.qdlaser.stages.report.ScatterFitFigure;

/**
 * The report of an activation study: with figures (Figs. 5, 6, 8-10) one section per figure; without,
 * one activation curve per run with its Lorentzian fit (Fig. 4). Both have the same section of frequency
 * pulling and physical bounds ({@link ActivationDiagnostics}) over the study's steady lasing states.
 */
public enum ActivationReport implements ReportTask<ActivationReport.Params> {
  TASK;

  /**
   * {@code report/activation-summary.json} of a study without figures (Fig. 4): {@code frequency_pulling} and
   * {@code physical_bounds} per model, as each figure's summary of the studies with figures, and
   * {@code model_agreement} (each model against CIM_d on the same sample: Fig. 4's "overlap perfectly").
   */
  static final String SUMMARY = "activation-summary.json";
  /** {@code report/activation.png|svg}: the runs' curves on one chart, as the paper's Fig. 4. */
  static final String OVERLAY = "activation";
  private static final String DETUNING_AXIS = "detuning \u0394\u03BD_l / \u03B3";
  private static final String ACTIVATION_AXIS = "|\u27E8v_l\u207A c_l\u27E9|\u00B2, scaled to [0, 1]";
  private static final String CURVE_CAPTION = "Time-averaged |\u27E8v_l\u207A c_l\u27E9|\u00B2 of each dot of the lasing "
      + "state, scaled to [0, 1] (dimensionless), against the dot's detuning \u0394\u03BD_l in units of \u03B3 "
      + "(markers), with the Lorentzian of Eq. (2), a_L / (1 + (\u0394\u03BD / w_L)\u00B2) (line).";

  /**
   * @param header the study
   * @param figures the study's figures (empty: one curve per run)
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("figures") List<Figure> figures) {
    public Params {
      figures = List.copyOf(figures);
    }
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<ActivationRuns.Loaded> results = new ArrayList<>();
    for (ModelRun run : h.runs()) {
      results.add(ActivationRuns.load(run, in));
    }
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    List<HtmlReport.Section> sections = new ArrayList<>();
    if (p.figures().isEmpty()) {
      sections.add(curves(h, in, out, data));
      // Fig. 4 has no figure summary of its own: the diagnostics of its runs go to one study summary.
      Map<String, Object> summary = new TreeMap<>();
      ActivationDiagnostics.summarise(diagnostics(results), summary);
      summary.put("model_agreement", ModelAgreement.of(results.stream().map(ActivationRuns.Loaded::result).toList()));
      out.put(ArtifactPaths.report(SUMMARY), CanonicalJson.prettyBytes(summary));
    } else {
      for (Figure f : p.figures()) {
        sections.add(ActivationRuns.render(f, results, out));
      }
      for (ModelRun run : h.runs()) {
        ReportPage.dataTable(data, run.label() + " activation", ArtifactPaths.activation(run.label()));
      }
    }
    sections.add(ActivationDiagnostics.section(diagnostics(results)));
    List<LongTimeFates.Sample> states = new ArrayList<>();
    for (ModelRun run : h.runs()) {
      byte[] th = in.all().get(ArtifactPaths.sampleThreshold(run.label()));
      states.add(new LongTimeFates.Sample(run, StateSummary.fromJson(in.get(ArtifactPaths.activationState(run.label()))),
          th == null ? null : SampleThreshold.fromJson(th)));
    }
    HtmlReport.Builder html = HtmlReport.builder(h.title()).description(h.description());
    sections.forEach(html::section);
    LongTimeFates.add(html, states, out, h.context().golden().get(LongTimeFates.WEEKLY_FILE));
    Validation.add(html, h, in, out);
    html.section(ReportPage.parameters(h).build()).section(data.build());
    ReportPage.provenance(html, h.context(), in);
    out.put(ReportPage.INDEX, html.build().toUtf8());
    return out;
  }

  private static List<ActivationDiagnostics.Run> diagnostics(List<ActivationRuns.Loaded> results) {
    return results.stream().map(ActivationRuns.Loaded::diagnostics).toList();
  }

  /** Fig. 4: the activation curve of each run with its Lorentzian fit; the data tables of its curves into data. */
  private static HtmlReport.Section curves(ReportHeader h, TaskInputs in, Map<String, byte[]> out,
      HtmlReport.Section.Builder data) {
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Activation curves (Fig. 4)")
        .paragraph("Per-dot |<v_l^+ c_l>|^2 of the lasing state (scaled to [0, 1]) against the dot's detuning in units "
            + "of gamma, with the Lorentzian fit of Eq. (2), f = a_L / (1 + (x / w_L)^2). Standard errors from the "
            + "fit covariance scaled by the residual variance. The last a_L column is the fit to the unscaled "
            + "|<v_l^+ c_l>|^2 (Sec. IV: \"a_L is the maximum of |<v_l^+ c_l>|^2\"; Figs. 6, 10 plot it), with the "
            + "same w_L.");
    HtmlBlocks.Table.Builder fits = HtmlBlocks.Table.builder("Lorentzian fits")
        .columns("model", "a_L (scaled)", "+-", "w_L (gamma)", "+-", "R^2", "omega (gamma_nr)", "|b|", "a_L (unscaled)");
    List<PointSeries> overlay = new ArrayList<>();
    LorentzianFit overlayFit = null;
    String overlayFitOf = null;
    boolean overlayFitUnsettled = false;
    List<String[]> perRun = new ArrayList<>();
    for (ModelRun run : h.runs()) {
      String l = run.label();
      LorentzianFit f = LorentzianFit.fromJson(in.get(ArtifactPaths.lorentzian(l)));
      StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.activationState(l)));
      boolean unsettled = st.verdict() == Verdict.UNSETTLED;
      if (unsettled) {
        UnsettledSummary u = st.unsettled();
        sec.paragraph(l + " is UNSETTLED: no steady state within " + fmt(u.time())
            + " time units; still lasing at its end with |b| = " + fmt(u.bAbsEnd()) + ", drifting at d ln|b|/dt = "
            + fmt(u.driftRate()) + " per unit time (omega = " + fmt(u.omega())
            + "). Its curve and fit (open circles) are those of the transient's end, not of a steady state.");
      } else if (!st.lasing()) {
        sec.paragraph(l + " does not lase at this pump: no activation curve.");
        fits.row(l, "-", "-", "-", "-", "-", fmt(st.omega()), fmt(st.bAbs()), "-");
        continue;
      }
      ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(l).arrow()));
      String name = DisplayName.of(run);
      overlay.add(new PointSeries(name + (unsettled ? " (unsettled)" : ""), t.detuningOverGamma(), t.scaled(), null,
          unsettled));
      if (overlayFit == null || overlayFitUnsettled && !unsettled) {
        // The line is the fit of the first steady state (of the first unsettled end when none is steady).
        overlayFit = f;
        overlayFitOf = name;
        overlayFitUnsettled = unsettled;
      }
      RenderedFigure fig = curve(name, t, f, unsettled);
      out.put(ArtifactPaths.report("activation-" + l + ".png"), fig.png());
      out.put(ArtifactPaths.report("activation-" + l + ".svg"), fig.svg());
      perRun.add(new String[] {"activation-" + l + ".png", "activation-" + l + ".svg", "activation curve " + l, CURVE_CAPTION
          + " One model, " + name + (unsettled ? ", the end of its unsettled transient (open circles)" : "")
          + ", with its own fit (a_L, w_L in the table above)."});
      fits.row(l, fmt(f.aL()), fmt(f.aLStandardError()), fmt(f.wL()), fmt(f.wLStandardError()), fmt(f.rSquared()),
          fmt(st.omega()), fmt(st.bAbs()), f.unscaled() == null ? "-" : fmt(f.unscaled().aL()));
      ReportPage.dataTable(data, l + " activation", ArtifactPaths.activation(l));
    }
    if (!overlay.isEmpty()) {
      double[][] line = lorentzian(overlay, overlayFit.aL(), overlayFit.wL());
      RenderedFigure all = ScatterFitFigure.overlay(new FigureSpec("Activation curves of the models (as the paper's Fig. 4)",
          DETUNING_AXIS, ACTIVATION_AXIS, false, false, 900, 600), overlay, "Lorentzian fit, Eq. (2), of " + overlayFitOf, line[0],
          line[1]);
      out.put(ArtifactPaths.report(OVERLAY + ".png"), all.png());
      out.put(ArtifactPaths.report(OVERLAY + ".svg"), all.svg());
      sec.figure(OVERLAY + ".png", OVERLAY + ".svg", "activation curves", CURVE_CAPTION + " All models on one chart as in the "
          + "paper (its markers: CIM plusses, TPM_IF crosses, TPM circles, here in the order of the legend); the line is "
          + "the fit to " + overlayFitOf + "'s points, a_L = " + fmt(overlayFit.aL()) + ", w_L = " + fmt(overlayFit.wL())
          + " gamma. "
          + Captions.reproduces(h));
    }
    sec.table(fits.build());
    perRun.forEach(f -> sec.figure(f[0], f[1], f[2], f[3]));
    return sec.build();
  }

  /** The Lorentzian of Eq. (2) over the range of the series' abscissae, 201 points: {x, f(x)}. */
  private static double[][] lorentzian(List<PointSeries> series, double aL, double wL) {
    double lo = series.stream().flatMapToDouble(p -> Arrays.stream(p.x())).min().orElse(-1);
    double hi = series.stream().flatMapToDouble(p -> Arrays.stream(p.x())).max().orElse(1);
    double[] fx = new double[201];
    double[] fy = new double[201];
    for (int i = 0; i < fx.length; i++) {
      fx[i] = lo + (hi - lo) * i / (fx.length - 1);
      fy[i] = aL / (1 + (fx[i] / wL) * (fx[i] / wL));
    }
    return new double[][] {fx, fy};
  }

  /** A run's scaled activation against detuning / gamma with its Lorentzian fit. */
  private static RenderedFigure curve(String name, ActivationTable t, LorentzianFit f, boolean unsettled) {
    PointSeries data = new PointSeries(name + (unsettled ? " (unsettled)" : ""), t.detuningOverGamma(), t.scaled(), null,
        unsettled);
    double[][] line = lorentzian(List.of(data), f.aL(), f.wL());
    return ScatterFitFigure.render(new FigureSpec("Activation curve, " + name, DETUNING_AXIS, ACTIVATION_AXIS, false, false,
        900, 600), data.name(), data.x(), data.y(), "Lorentzian fit, Eq. (2)", line[0], line[1], unsettled);
  }
}
