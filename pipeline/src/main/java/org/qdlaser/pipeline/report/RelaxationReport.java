package org.qdlaser.pipeline.report;

import static org.qdlaser.pipeline.report.ReportPage.fmt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.PumpStepSummary;
import org.qdlaser.pipeline.artifacts.PumpStepTable;
import org.qdlaser.pipeline.artifacts.RelaxationSummary;
import org.qdlaser.pipeline.artifacts.RelaxationTable;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.LineFigure;
import org.qdlaser.stages.report.PointSeries;
import org.qdlaser.stages.report.RenderedFigure;
import org.qdlaser.stages.report.ScatterFigure;

/**
 * The report of a relaxation study (issue 19), the section "Beyond the paper": relaxation frequency
 * and damping, the photon number's relaxation time and g2(0) against the pump for every run (both
 * branches; unstable states as open markers), and one pump-step transient with its fit.
 */
public enum RelaxationReport implements ReportTask<RelaxationReport.Params> {
  TASK;

  /**
   * @param header the study
   * @param from lowest pump (normalised)
   * @param to highest pump (normalised)
   * @param pumpStepLabel the run with a pump step, or empty
   */
  public record Params(@JsonProperty("header") ReportHeader header, @JsonProperty("from") double from,
      @JsonProperty("to") double to, @JsonProperty("pump_step_label") String pumpStepLabel) {}

  static final String WHAT_IS_NEW = "Beyond the paper. D'Alessandro, Lippi and Papoff (2025) leave two questions open in "
      + "their Sec. V: the frequencies and damping of relaxation oscillations (\"arising in the transient response following "
      + "a step change in a parameter ... a promising direction for future work\") and \"second-order autocorrelation "
      + "calculations\". Nothing on this page is in the paper, so nothing here reproduces a number of it. What is new: "
      + "(1) the relaxation oscillation of every stable steady state, the rightmost complex eigenvalue pair of the "
      + "rotating-frame Jacobian (phase mode removed) that a pump step excites, with its amplitude per relative pump step "
      + "(docs/decisions.md, \"Relaxation oscillations from the spectrum\"), and the photon number's mean relaxation time "
      + "tau_n where no oscillation is seen; (2) g2(0) = <b+ b+ b b> / <b+ b>^2 from the cluster expansion at the models' "
      + "own order (a Gaussian closure; the CIM with its implied <bb> = <b>^2), which is 2 exactly on every non-lasing "
      + "state by construction and is flagged where the closure's moments belong to no quantum state "
      + "(docs/decisions.md, \"Photon statistics\"); (3) for a pump step, the integrated transient fitted with a "
      + "decaying sinusoid, as a time-domain check of the spectrum.";

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    ReportHeader h = p.header();
    double gnr = h.gammaNrPerSecond();
    Map<String, byte[]> out = new LinkedHashMap<>();
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Beyond the paper: relaxation oscillations and g2(0)")
        .paragraph(WHAT_IS_NEW);
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    List<PointSeries> freq = new ArrayList<>();
    List<PointSeries> damp = new ArrayList<>();
    List<PointSeries> tau = new ArrayList<>();
    List<PointSeries> g2 = new ArrayList<>();
    HtmlBlocks.Table.Builder summary = HtmlBlocks.Table.builder("What each sweep found (pumps in s^-1; g2 at the top"
        + " pump of the lasing branch; 'adiabatic' = max |lambda - lambda_limit| / (eps |lambda|) over the CIM's stable"
        + " pairs, < 1 where the limit holds)").columns("model", "non-lasing / lasing states", "stable with oscillation",
            "g2 at top", "(<b+b> - |<b>|^2) / <b+b> at top", "g2 physical at top", "states with unphysical g2",
            "adiabatic (compared, max eps)", "notes");
    for (ModelRun run : h.runs()) {
      String l = run.label();
      RelaxationTable t = RelaxationTable.fromArrow(in.get(ArtifactPaths.relaxation(l).arrow()));
      RelaxationSummary s = RelaxationSummary.fromJson(in.get(ArtifactPaths.relaxationSummary(l)));
      for (boolean lasing : new boolean[] {false, true}) {
        String b = l + (lasing ? " lasing" : " non-lasing");
        Predicate<RelaxationTable.Row> stable = r -> r.lasing() == lasing && r.stable();
        freq.add(series(b, t, stable, r -> r.frequency() * gnr, false, gnr));
        damp.add(series(b, t, stable, r -> r.damping() * gnr, false, gnr));
        tau.add(series(b, t, stable, r -> r.photonRelaxationTime() / gnr * 1e9, false, gnr));
        g2.add(series(b + " stable", t, stable, RelaxationTable.Row::g2, false, gnr));
        g2.add(series(b + " unstable", t, r -> r.lasing() == lasing && !r.stable(), RelaxationTable.Row::g2, true, gnr));
      }
      summary.row(l, s.nonLasingPoints() + " / " + s.lasingPoints(), s.stableWithRelaxation(), opt(s.g2Top()),
          opt(s.incoherentFractionTop()), s.g2PhysicalTop() == null ? "-" : s.g2PhysicalTop().toString(), s.unphysicalG2Points(),
          s.adiabaticCompared() == 0 ? "-" : fmt(s.adiabaticMaxErrorOverEps()) + " (" + s.adiabaticCompared() + ", "
              + fmt(s.adiabaticMaxEps()) + ")", String.join("; ", s.notes()));
      ReportPage.dataTable(data, l + " relaxation and g2", ArtifactPaths.relaxation(l));
    }
    String range = "r = " + fmt(p.from() * gnr) + " .. " + fmt(p.to() * gnr) + " s^-1";
    figure(out, sec, "relaxation-frequency", new FigureSpec("Relaxation oscillation frequency, " + range, "pump r (s^-1)",
        "angular frequency (rad/s)", true, true, 960, 640), freq, "Angular frequency of the relaxation oscillation"
        + " (rightmost excited pair) of every stable state that has one; missing where every excited mode is overdamped.");
    figure(out, sec, "relaxation-damping", new FigureSpec("Relaxation oscillation damping, " + range, "pump r (s^-1)",
        "damping rate (s^-1)", true, true, 960, 640), damp, "Damping rate of the same pairs.");
    figure(out, sec, "photon-relaxation-time", new FigureSpec("Photon number's mean relaxation time after a pump step, "
        + range, "pump r (s^-1)", "tau_n (ns)", true, true, 960, 640), tau, "tau_n = integral of (n(t) - n_final) dt / (n(0)"
        + " - n_final) after a small pump step, from one linear solve (1/k for a single exponential): how fast the photon"
        + " number relaxes where no oscillation is visible in it.");
    figure(out, sec, "g2", new FigureSpec("g2(0) across threshold, " + range, "pump r (s^-1)", "g2(0)", true, false, 960, 640),
        g2, "g2(0) on both branches (open markers: unstable states, where the TPM family is bistable). 2 = thermal, 1 ="
        + " coherent. Values below 1 come with moments no quantum state has (the table counts them).");
    sec.table(summary.build());
    sec.paragraph("Where the models miss the expected limits: g2 should approach 1 far above threshold (a coherent field)."
        + " Where 'g2 physical at top' is false, the closure's incoherent photon number <b+b> - |<b>|^2 is negative (the"
        + " CIM family: its g2 = 2 - |<b>|^4 / <b+b>^2 then falls below 1); that is the closure, not antibunching of a"
        + " field, and is reported rather than hidden. Below threshold g2 = 2 holds exactly in every model: at this"
        + " order the field is thermal by construction, so the closure cannot show bunching or antibunching there.");
    if (!p.pumpStepLabel().isEmpty()) {
      pumpStep(out, sec, data, p.pumpStepLabel(), in, gnr);
    }
    out.put(ReportPage.INDEX, ReportPage.page(h, in, out, sec.build(), data.build()));
    return out;
  }

  private static void pumpStep(Map<String, byte[]> out, HtmlReport.Section.Builder sec, HtmlReport.Section.Builder data,
      String l, TaskInputs in, double gnr) {
    PumpStepTable t = PumpStepTable.fromArrow(in.get(ArtifactPaths.pumpStep(l).arrow()));
    PumpStepSummary s = PumpStepSummary.fromJson(in.get(ArtifactPaths.pumpStepSummary(l)));
    double[] ns = t.timeNs();
    double[] fitted = t.fitted();
    // The deviation from the final state, per unit relative step: the population itself changes in
    // its fourth significant digit, which no axis labels legibly.
    double scale = 1 / s.relativeStep();
    double[] dev = t.upperPopulation();
    for (int i = 0; i < dev.length; i++) {
      dev[i] = (dev[i] - s.finalUpperPopulation()) * scale;
      fitted[i] = (fitted[i] - s.finalUpperPopulation()) * scale;
    }
    int n = 0;
    for (double v : fitted) {
      n += Double.isFinite(v) ? 1 : 0;
    }
    double[] fx = new double[n];
    double[] fy = new double[n];
    for (int i = 0, k = 0; i < fitted.length; i++) {
      if (Double.isFinite(fitted[i])) {
        fx[k] = ns[i];
        fy[k++] = fitted[i];
      }
    }
    RenderedFigure fig = LineFigure.render(new FigureSpec(l + ": pump step r = " + fmt(s.pumpBefore() * gnr) + " -> "
        + fmt(s.pumpAfter() * gnr) + " s^-1", "time (ns)",
        "(mean <c+c> - final) / relative step", false, false, 960, 640),
        List.of(new PointSeries("integrated", ns, dev, null), new PointSeries("fit over the window", fx, fy, null)));
    String stem = "pump-step-" + l;
    out.put(ArtifactPaths.report(stem + ".png"), fig.png());
    out.put(ArtifactPaths.report(stem + ".svg"), fig.svg());
    sec.figure(stem + ".png", stem + ".svg", "pump step of " + l, "The mean upper population's deviation from its final value (per unit relative step) after a relative pump step of "
        + fmt(s.relativeStep()) + " from the steady state at r1 (BDF on the deviation, rtol 1e-10), and its fit by a decaying"
        + " sinusoid plus one slow exponential over t = " + fmt(s.fitFrom()) + " .. " + fmt(s.fitTo()) + " / gamma_nr (start"
        + " values by Prony from the data alone). The population overshoots, oscillates at the pair's frequency and settles"
        + " onto the slow real mode (fitted rate " + fmt(s.fitSlowRate()) + " gamma_nr), which returns it to its final"
        + " value long after the window.");
    sec.table(HtmlBlocks.Table.builder("Pump step: the fitted oscillation against the eigenvalue pair at r2 (gamma_nr)")
        .columns("model", "pair (spectrum)", "pair (fit)", "rel. error frequency", "rel. error damping", "fit rel. rms")
        .row(l, fmt(-s.spectrumDamping()) + " +- " + fmt(s.spectrumFrequency()) + " i", fmt(-s.fitDamping()) + " +- "
            + fmt(s.fitFrequency()) + " i", fmt(s.frequencyRelativeError()), fmt(s.dampingRelativeError()),
            fmt(s.fitRelativeRms())).build());
    ReportPage.dataTable(data, l + " pump step", ArtifactPaths.pumpStep(l));
  }

  private static String opt(Double v) {
    return v == null ? "-" : fmt(v);
  }

  private static PointSeries series(String name, RelaxationTable t, Predicate<RelaxationTable.Row> keep,
      ToDoubleFunction<RelaxationTable.Row> y, boolean open, double gnr) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (RelaxationTable.Row r : t.rows()) {
      if (keep.test(r)) {
        xs.add(r.pump() * gnr);
        ys.add(y.applyAsDouble(r));
      }
    }
    return new PointSeries(name, ReportPage.unbox(xs), ReportPage.unbox(ys), null, open);
  }

  private static void figure(Map<String, byte[]> out, HtmlReport.Section.Builder sec, String stem, FigureSpec spec,
      List<PointSeries> series, String caption) {
    boolean any = series.stream().anyMatch(s -> {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!spec.logY() || s.y()[i] > 0)) {
          return true;
        }
      }
      return false;
    });
    if (!any) {
      sec.paragraph(spec.title() + ": nothing to draw (no state has this quantity).");
      return;
    }
    RenderedFigure fig = ScatterFigure.render(spec, series);
    out.put(ArtifactPaths.report(stem + ".png"), fig.png());
    out.put(ArtifactPaths.report(stem + ".svg"), fig.svg());
    sec.figure(stem + ".png", stem + ".svg", spec.title(), caption);
  }
}
