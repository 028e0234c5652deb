package org.qdlaser.pipeline.graph;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.FieldTable;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.OscillationSummary;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.artifacts.ThresholdsTable;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.stages.equilibrium.Verdict;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.report.BifurcationFigure;
import org.qdlaser.stages.report.BranchSeries;
import org.qdlaser.stages.report.FigureSpec;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.RenderedFigure;

/** The report task: bifurcation diagram (Fig. 3, identical dots), its data, thresholds, provenance. */
final class ReportBuilder {
  static final String FIGURE = ArtifactPaths.report("bifurcation");
  static final String DATA = ArtifactPaths.report("bifurcation");
  static final String INDEX = ArtifactPaths.REPORT_INDEX;

  private ReportBuilder() {}

  static Map<String, byte[]> build(Study study, ReportContext context, TaskInputs in) throws IOException {
    return switch (study.analysis()) {
      case SWEEP -> sweep(study, context, in);
      case THRESHOLD_CURVE -> thresholdCurve(study, context, in);
      case BRANCHES -> branches(study, context, in);
      case ACTIVATION -> activation(study, context, in);
      case OSCILLATION -> oscillation(study, context, in);
    };
  }

  private static Map<String, byte[]> oscillation(Study study, ReportContext context, TaskInputs in) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Coherent field in the lab frame (Fig. 11)")
        .paragraph("Re, Im and |<b>| against time, integrated in the lab frame from the rotating lasing state found by "
            + "Newton: the field oscillates at the rotating-frame frequency omega with constant modulus (QDs of "
            + "different frequencies synchronised). The fit gives the slope of the unwrapped phase.");
    HtmlReport.Table.Builder fits = HtmlReport.Table.builder("Oscillation vs the rotating-frame state")
        .columns("model", "omega (Newton)", "d arg<b>/dt (fit)", "rel. difference", "|b| (Newton)", "|b| spread (rel.)", "periods");
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    for (Study.ModelRun run : study.models()) {
      String l = run.label();
      FieldTable t = FieldTable.fromArrow(in.get(ArtifactPaths.field(l).arrow()));
      OscillationSummary f = OscillationSummary.fromJson(in.get(ArtifactPaths.oscillationFit(l)));
      double[] ns = t.timeNs();
      RenderedFigure fig = org.qdlaser.stages.report.LineFigure.render(
          new FigureSpec("<b> of " + l + " at r = " + fmt(study.pumps()[0] * study.gammaNrPerSecond()) + " s^-1", "time (ns)",
              "<b>", false, false, 900, 600),
          List.of(new org.qdlaser.stages.report.PointSeries("Re <b>", ns, t.re(), null),
              new org.qdlaser.stages.report.PointSeries("Im <b>", ns, t.im(), null),
              new org.qdlaser.stages.report.PointSeries("|<b>|", ns, t.abs(), null)));
      out.put(ArtifactPaths.report("fig11-" + l + ".png"), fig.png());
      out.put(ArtifactPaths.report("fig11-" + l + ".svg"), fig.svg());
      out.putAll(t.files(ArtifactPaths.reportTable("fig11-" + l)));
      sec.figure("fig11-" + l + ".png", "fig11-" + l + ".svg", "field of " + l, "Re, Im, |<b>| of " + l);
      fits.row(l, fmt(f.omegaNewton()), fmt(f.angularFrequencyFit()), fmt(f.frequencyRelativeDifference()),
          fmt(f.bAbsNewton()), fmt(f.bAbsRelativeSpread()), fmt(f.periods()));
      data.dataTable(l + " field", "fig11-" + l + ".arrow", "fig11-" + l + ".csv");
    }
    sec.table(fits.build());
    out.put(INDEX, page(study, context, in, sec.build(), data.build()));
    return out;
  }

  private static Map<String, byte[]> activation(Study study, ReportContext context, TaskInputs in) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (!study.figures().isEmpty()) {
      List<ActivationFigures.RunResult> results = new ArrayList<>();
      for (Study.ModelRun run : study.models()) {
        results.add(ActivationFigures.load(run, in));
      }
      List<HtmlReport.Section> sections = new ArrayList<>();
      for (Study.Figure f : study.figures()) {
        sections.add(ActivationFigures.render(f, results, out));
      }
      HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
      for (Study.ModelRun run : study.models()) {
        ArtifactPaths.TablePaths a = ArtifactPaths.activation(run.label());
        data.dataTable(run.label() + " activation", ArtifactPaths.fromReport(a.arrow()), ArtifactPaths.fromReport(a.csv()));
      }
      HtmlReport.Builder html = HtmlReport.builder(study.title()).description(study.description());
      sections.forEach(html::section);
      html.section(parameters(study).build()).section(data.build());
      provenance(html, context, in);
      out.put(INDEX, html.build().toUtf8());
      return out;
    }
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Activation curves (Fig. 4)")
        .paragraph("Per-dot |<v_l^+ c_l>|^2 of the lasing state (scaled to [0, 1]) against the dot's detuning in units "
            + "of gamma, with the Lorentzian fit of Eq. (2), f = a_L / (1 + (x / w_L)^2). Standard errors from the "
            + "fit covariance scaled by the residual variance.");
    HtmlReport.Table.Builder fits = HtmlReport.Table.builder("Lorentzian fits")
        .columns("model", "a_L", "+-", "w_L (gamma)", "+-", "R^2", "omega (gamma_nr)", "|b|");
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    for (Study.ModelRun run : study.models()) {
      String l = run.label();
      ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(l).arrow()));
      LorentzianFit f = LorentzianFit.fromJson(in.get(ArtifactPaths.lorentzian(l)));
      StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.activationState(l)));
      boolean unsettled = st.verdict() == Verdict.UNSETTLED;
      if (unsettled) {
        UnsettledSummary u = st.unsettled();
        sec.paragraph(l + " is UNSETTLED: no steady state within the transient budget of " + fmt(u.time())
            + " time units; still lasing at its end with |b| = " + fmt(u.bAbsEnd()) + ", drifting at d ln|b|/dt = "
            + fmt(u.driftRate()) + " per unit time (omega = " + fmt(u.omega())
            + "). Its curve and fit (open circles) are those of the transient's end, not of a steady state.");
      } else if (!st.lasing()) {
        sec.paragraph(l + " does not lase at this pump: no activation curve.");
        fits.row(l, "-", "-", "-", "-", "-", fmt(st.omega()), fmt(st.bAbs()));
        continue;
      }
      double aL = f.aL();
      double wL = f.wL();
      double[] x = t.detuningOverGamma();
      double lo = java.util.Arrays.stream(x).min().orElse(-1);
      double hi = java.util.Arrays.stream(x).max().orElse(1);
      double[] fx = new double[201];
      double[] fy = new double[201];
      for (int i = 0; i < fx.length; i++) {
        fx[i] = lo + (hi - lo) * i / (fx.length - 1);
        fy[i] = aL / (1 + (fx[i] / wL) * (fx[i] / wL));
      }
      RenderedFigure fig = org.qdlaser.stages.report.ScatterFitFigure.render(
          new FigureSpec("Activation curve, " + l, "detuning / gamma", "|<v^+ c>|^2 (scaled)", false, false, 900, 600),
          l + (unsettled ? " (unsettled)" : ""), x, t.scaled(), "Lorentzian fit", fx, fy, unsettled);
      out.put(ArtifactPaths.report("activation-" + l + ".png"), fig.png());
      out.put(ArtifactPaths.report("activation-" + l + ".svg"), fig.svg());
      sec.figure("activation-" + l + ".png", "activation-" + l + ".svg", "activation curve " + l, "activation curve of " + l);
      fits.row(l, fmt(aL), fmt(f.aLStandardError()), fmt(wL), fmt(f.wLStandardError()), fmt(f.rSquared()), fmt(st.omega()),
          fmt(st.bAbs()));
      ArtifactPaths.TablePaths a = ArtifactPaths.activation(l);
      data.dataTable(l + " activation", ArtifactPaths.fromReport(a.arrow()), ArtifactPaths.fromReport(a.csv()));
    }
    sec.table(fits.build());
    out.put(INDEX, page(study, context, in, sec.build(), data.build()));
    return out;
  }

  private static Map<String, byte[]> thresholdCurve(Study study, ReportContext context, TaskInputs in) {
    double gnr = study.gammaNrPerSecond();
    String param = study.scan().parameter();
    boolean rate = Parameter.of(param).rate();
    double xUnit = rate ? gnr : 1.0;
    String xLabel = param + (rate ? " (s^-1)" : "");
    List<BranchSeries> rth = new ArrayList<>();
    List<BranchSeries> ccth = new ArrayList<>();
    List<String> model = new ArrayList<>();
    List<Double> x = new ArrayList<>();
    List<Double> r = new ArrayList<>();
    List<Double> rs = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<Double> cc = new ArrayList<>();
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    data.dataTable("Thresholds, all models", "thresholds.arrow", "thresholds.csv");
    for (Study.ModelRun run : study.models()) {
      ArtifactPaths.TablePaths paths = ArtifactPaths.thresholds(run.label());
      ThresholdsTable t = ThresholdsTable.fromArrow(in.get(paths.arrow()), param);
      double[] v = t.doubles(ThresholdsTable.Row::value);
      double[] pump = t.doubles(ThresholdsTable.Row::thresholdPump);
      double[] c = t.doubles(ThresholdsTable.Row::upperPopulation);
      String[] k = t.rows().stream().map(ThresholdsTable.Row::kind).toArray(String[]::new);
      List<double[]> ok = new ArrayList<>();
      for (int i = 0; i < v.length; i++) {
        model.add(run.label());
        x.add(v[i]);
        r.add(pump[i]);
        rs.add(pump[i] * gnr);
        kinds.add(k[i]);
        cc.add(c[i]);
        if (Double.isFinite(pump[i])) {
          ok.add(new double[] {v[i] * xUnit, pump[i] * gnr, c[i]});
        }
      }
      double[] xs = ok.stream().mapToDouble(a -> a[0]).toArray();
      boolean[] all = new boolean[xs.length];
      java.util.Arrays.fill(all, true);
      if (xs.length > 0) {
        rth.add(new BranchSeries(run.label(), xs, ok.stream().mapToDouble(a -> a[1]).toArray(), all));
        ccth.add(new BranchSeries(run.label(), xs, ok.stream().mapToDouble(a -> a[2]).toArray(), all));
      }
      data.dataTable(run.label(), ArtifactPaths.fromReport(paths.arrow()), ArtifactPaths.fromReport(paths.csv()));
    }
    boolean logX = study.scan().log();
    RenderedFigure f1 = BifurcationFigure.render(
        new FigureSpec("Threshold pump vs " + param, xLabel, "threshold pump r_th (s^-1)", logX, true, 900, 600), rth);
    RenderedFigure f2 = BifurcationFigure.render(
        new FigureSpec("Upper-level population at threshold vs " + param, xLabel, "<c+c>_th", logX, false, 900, 600), ccth);
    Table all = Table.builder("thresholds").addString("model", model.toArray(new String[0]))
        .addDouble(param, unbox(x)).addDouble("threshold_pump", unbox(r)).addDouble("threshold_pump_per_s", unbox(rs))
        .addString("kind", kinds.toArray(new String[0])).addDouble("upper_population", unbox(cc)).build();
    HtmlReport.Section.Builder fig = HtmlReport.Section.builder("Threshold curves")
        .paragraph("Exact lasing thresholds (onset of stable coherent emission) as a function of " + param
            + ": pitchforks from the non-lasing instability, folds as the minimum of r along the lasing branch "
            + "parametrised by |b|. Kinds per point are in the data table; points without a threshold are omitted.")
        .figure("thresholds.png", "thresholds.svg", "threshold pump vs " + param, "r_th vs " + param)
        .figure("population.png", "population.svg", "population at threshold", "<c+c>_th vs " + param);
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ArtifactPaths.report("thresholds.png"), f1.png());
    out.put(ArtifactPaths.report("thresholds.svg"), f1.svg());
    out.put(ArtifactPaths.report("population.png"), f2.png());
    out.put(ArtifactPaths.report("population.svg"), f2.svg());
    out.put(ArtifactPaths.report("thresholds.arrow"), TableCodec.toArrowIpc(all));
    out.put(ArtifactPaths.report("thresholds.csv"), TableCodec.toCsv(all));
    out.put(INDEX, page(study, context, in, fig.build(), data.build()));
    return out;
  }

  private static Map<String, byte[]> branches(Study study, ReportContext context, TaskInputs in) throws IOException {
    double gnr = study.gammaNrPerSecond();
    // The continuation parameter: the pump, or the one named in branch.parameter (its column and
    // fold key carry its name; rates in s^-1, mu dimensionless).
    String param = study.scan() == null ? "r" : study.scan().parameter();
    String xLabel = param.equals("r") ? "pump r (s^-1)" : param.equals("mu") ? "mu"
        : param.equals("w_qd") ? "w_QD (units of gamma)" : param + " (s^-1)";
    boolean logX = Parameter.of(param).logarithmic();
    List<BranchSeries> series = new ArrayList<>();
    HtmlReport.Table.Builder foldTable = HtmlReport.Table.builder("Folds located on the branches")
        .columns("model", xLabel, "|b|", "<c+c>", "kind");
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    List<String> missing = new ArrayList<>();
    HtmlReport.Table.Builder thresholdTable = HtmlReport.Table.builder("Thresholds: low-" + param
        + " end of the stable branch").columns("model", xLabel, "kind", "|b|");
    for (Study.ModelRun run : study.models()) {
      ArtifactPaths.TablePaths paths = ArtifactPaths.branch(run.label());
      BranchTable t = BranchTable.fromArrow(in.get(paths.arrow()), param);
      BranchFolds foldDoc = BranchFolds.fromJson(in.get(ArtifactPaths.folds(run.label())), param);
      if (t.rows().isEmpty()) {
        missing.add(run.label() + ": " + foldDoc.note());
        continue;
      }
      BranchSeries s = new BranchSeries(run.label(), t.doubles(BranchTable.Row::valueInUnits), t.doubles(BranchTable.Row::bAbs),
          t.stable());
      double lowest = Double.POSITIVE_INFINITY;
      double lowestB = 0;
      for (BranchFolds.Fold f : foldDoc.folds()) {
        foldTable.row(run.label(), fmt(f.valueInUnits()), fmt(f.bAbs()), fmt(f.upperPopulation()), f.kind());
        if (f.valueInUnits() < lowest) {
          lowest = f.valueInUnits();
          lowestB = f.bAbs();
        }
      }
      BranchFolds.StableEnd th = foldDoc.threshold();
      if (th.valueInUnits() != null && th.bAbs() != null) {
        // The stable branch's end (fold, pitchfork, Hopf or instability).
        s = s.withThreshold(th.valueInUnits(), th.bAbs());
        thresholdTable.row(run.label(), fmt(th.valueInUnits()), th.kind(), fmt(th.bAbs()));
      } else if (Double.isFinite(lowest)) {
        s = s.withThreshold(lowest, lowestB);
      }
      if (th.valueInUnits() == null) {
        thresholdTable.row(run.label(), "-", th.kind(), "-");
      }
      series.add(s);
      data.dataTable(run.label() + " branch", ArtifactPaths.fromReport(paths.arrow()), ArtifactPaths.fromReport(paths.csv()));
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<HtmlReport.Section> figureSections = new ArrayList<>();
    if (!study.figures().isEmpty()) {
      List<AmplitudeRangeFigure.RunBranch> runs = new ArrayList<>();
      for (Study.ModelRun run : study.models()) {
        runs.add(AmplitudeRangeFigure.load(run, in));
      }
      for (Study.Figure f : study.figures()) {
        figureSections.add(AmplitudeRangeFigure.render(f, runs, study.pumps()[0] * gnr, out));
      }
    }
    HtmlReport.Section.Builder sec = HtmlReport.Section.builder("Lasing branches")
        .paragraph("Lasing branches by pseudo-arclength continuation in " + (param.equals("r") ? "ln r from the start pump"
            : param + " from " + fmt(study.pumps()[0]) + " to " + fmt(study.pumps()[1]) + " (normalised)")
            + ", in the frame rotating "
            + "with the field; solid: stable, dashed: unstable (rightmost eigenvalue of the rotating-frame Jacobian, "
            + "phase mode excluded). Diamonds mark the threshold of each branch: the low-" + param + " end of its "
            + "stable part (a fold, or where the branch reaches |b| = 0).");
    if (study.figures().isEmpty() && !series.isEmpty()) {
      // With figures: they show the branches (one sample per polydisperse model); no all-runs diagram.
      // Without any traced branch there is nothing to draw: the page says which are missing and why.
      RenderedFigure fig = BifurcationFigure.render(
          new FigureSpec("Lasing branches |<b>| vs " + (param.equals("r") ? "pump" : param) + " (continuation)", xLabel, "|<b>|",
              logX, false, 900, 600), series);
      out.put(ArtifactPaths.report("branches.png"), fig.png());
      out.put(ArtifactPaths.report("branches.svg"), fig.svg());
      sec.figure("branches.png", "branches.svg", "lasing branches", "|<b>| vs " + param);
    }
    sec.table(thresholdTable.build()).table(foldTable.build());
    for (String m : missing) {
      sec.paragraph("Missing branch: " + m);
    }
    HtmlReport.Builder html = HtmlReport.builder(study.title()).description(study.description());
    figureSections.forEach(html::section);
    html.section(sec.build()).section(parameters(study).build()).section(data.build());
    provenance(html, context, in);
    out.put(INDEX, html.build().toUtf8());
    return out;
  }

  /** The common page: given sections, then parameters, data, provenance and checksums. */
  private static byte[] page(Study study, ReportContext context, TaskInputs in, HtmlReport.Section main, HtmlReport.Section data) {
    HtmlReport.Builder html = HtmlReport.builder(study.title()).description(study.description()).section(main)
        .section(parameters(study).build()).section(data);
    provenance(html, context, in);
    return html.build().toUtf8();
  }

  private static HtmlReport.Section.Builder parameters(Study study) {
    double gnr = study.gammaNrPerSecond();
    HtmlReport.Section.Builder params = HtmlReport.Section.builder("Parameters");
    for (Study.ModelRun run : study.models()) {
      Map<String, Object> p = modelParameters(run);
      params.parameters(run.label() + " (normalised to gamma_nr = " + fmt(gnr) + " s^-1)");
      for (Map.Entry<String, Object> e : p.entrySet()) {
        params.parameter(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return params;
  }

  /** A run's model and normalised parameters, in the order the report lists them. */
  private static Map<String, Object> modelParameters(Study.ModelRun run) {
    org.qdlaser.stages.physics.LaserParameters p = run.parameters();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", run.kind().name());
    m.put("gamma", p.gamma());
    m.put("gamma_c", p.gammaC());
    m.put("gamma_nl", p.gammaNl());
    m.put("gamma_nr", p.gammaNr());
    m.put("g", p.g());
    m.put("mu", p.mu());
    m.put("N", p.n());
    m.put("delta_nu", p.deltaNu());
    return m;
  }

  private static void provenance(HtmlReport.Builder html, ReportContext context, TaskInputs in) {
    html.provenance("code", context.codeIdentity());
    for (Map.Entry<String, String> e : context.environment().entrySet()) {
      html.provenance(e.getKey(), e.getValue());
    }
    html.provenance("timings, task keys", "see ../provenance.json and ../lock.json");
    for (Map.Entry<String, byte[]> e : in.all().entrySet()) {
      ArtifactRef ref = ArtifactRef.of(e.getKey(), e.getValue());
      html.checksum(ref.path(), ref.sha256(), ref.size());
    }
  }

  private static Map<String, byte[]> sweep(Study study, ReportContext context, TaskInputs in) throws IOException {
    double gnr = study.gammaNrPerSecond();
    List<BranchSeries> series = new ArrayList<>();
    HtmlReport.Table.Builder thresholds = HtmlReport.Table.builder("Thresholds: bracket read off the downward sweep (App. A method) and exact location")
        .columns("model", "lowest lasing pump (s^-1)", "next pump, not lasing (s^-1)", "|b| at lowest lasing",
            "exact threshold (s^-1)", "kind", "|b| at threshold", "<c+c> at threshold", "in bracket");
    List<String> labels = new ArrayList<>();
    List<Double> pumpCol = new ArrayList<>();
    List<Double> pumpPerSCol = new ArrayList<>();
    List<Boolean> lasingCol = new ArrayList<>();
    List<Boolean> stableCol = new ArrayList<>();
    List<Double> bCol = new ArrayList<>();
    List<Double> photonCol = new ArrayList<>();
    List<Double> ccCol = new ArrayList<>();
    HtmlReport.Section.Builder data = HtmlReport.Section.builder("Data");
    data.paragraph("Every table is Arrow IPC (read with pyarrow.ipc.open_file or arrow::read_ipc_file) and CSV.");
    data.dataTable("Bifurcation diagram, all models", "bifurcation.arrow", "bifurcation.csv");
    for (Study.ModelRun run : study.models()) {
      String label = run.label();
      ArtifactPaths.TablePaths paths = ArtifactPaths.equilibria(label);
      EquilibriaTable eq = EquilibriaTable.fromArrow(in.get(paths.arrow()));
      SweepFit fit = SweepFit.fromJson(in.get(ArtifactPaths.sweepFit(label)));
      double[] pump = eq.doubles(EquilibriaTable.Row::pump);
      double[] b = eq.doubles(EquilibriaTable.Row::bAbs);
      boolean[] lasing = eq.booleans(EquilibriaTable.Row::lasing);
      boolean[] stable = eq.booleans(EquilibriaTable.Row::stable);
      double[] photons = eq.doubles(EquilibriaTable.Row::photons);
      double[] cc = eq.doubles(EquilibriaTable.Row::upperPopulation);
      double[] pumpPerS = new double[pump.length];
      boolean[] plottedStable = new boolean[pump.length];
      for (int i = 0; i < pump.length; i++) {
        pumpPerS[i] = pump[i] * gnr;
        plottedStable[i] = stable[i];
        labels.add(label);
        pumpCol.add(pump[i]);
        pumpPerSCol.add(pumpPerS[i]);
        lasingCol.add(lasing[i]);
        stableCol.add(stable[i]);
        bCol.add(b[i]);
        photonCol.add(photons[i]);
        ccCol.add(cc[i]);
      }
      BranchSeries s = new BranchSeries(label, pumpPerS, b, plottedStable);
      if (fit.hasExactThreshold()) {
        s = s.withThreshold(fit.exactThresholdPumpPerS(), fit.exactThresholdBAbs());
      } else if (fit.bracketed()) {
        s = s.withThreshold(fit.lowestLasingPumpPerS(), fit.bAbsAtLowestLasing());
      }
      series.add(s);
      thresholds.row(label, num(fit.lowestLasingPumpPerS()), num(fit.highestNonLasingPumpPerS()),
          num(fit.bAbsAtLowestLasing()), num(fit.exactThresholdPumpPerS()),
          fit.exactThresholdKind() == null ? "-" : fit.exactThresholdKind(), num(fit.exactThresholdBAbs()),
          num(fit.exactThresholdUpperPopulation()),
          fit.exactThresholdInBracket() == null ? "-" : fit.exactThresholdInBracket().toString());
      data.dataTable(label + ": equilibria", ArtifactPaths.fromReport(paths.arrow()), ArtifactPaths.fromReport(paths.csv()));
    }
    RenderedFigure fig = BifurcationFigure.render(
        new FigureSpec("|<b>| of the lasing solution vs pump (downward sweep)", "pump r (s^-1)", "|<b>|", true, false, 900, 600),
        series);

    Table all = Table.builder("bifurcation")
        .addString("model", labels.toArray(new String[0]))
        .addDouble("pump", unbox(pumpCol)).addDouble("pump_per_s", unbox(pumpPerSCol))
        .addBoolean("lasing", unboxB(lasingCol)).addBoolean("stable", unboxB(stableCol))
        .addDouble("b_abs", unbox(bCol)).addDouble("photons", unbox(photonCol))
        .addDouble("upper_population", unbox(ccCol)).build();

    HtmlReport.Section.Builder figure = HtmlReport.Section.builder("Bifurcation diagram (Fig. 3, identical dots)")
        .paragraph("Coherent field amplitude |<b>| of the equilibrium reached at each pump of a downward sweep: each pump "
            + "value starts from the previous equilibrium, the transient ends by the criterion of App. A, and the end "
            + "state is polished by Newton in the frame rotating with the field. Diamonds mark the exact thresholds "
            + "(pitchfork: root of the non-lasing state's rightmost eigenvalue; fold: minimum of r along the lasing "
            + "branch parametrised by |b|).")
        .figure("bifurcation.png", "bifurcation.svg", "bifurcation diagram", "|<b>| vs pump r");
    HtmlReport.Section.Builder params = parameters(study);
    params.paragraph(String.format(Locale.ROOT, "Sweep: %d pumps from %s to %s s^-1. Integration: rtol %s, atol %s, "
            + "stop threshold %s, max time %s per pump (1/gamma_nr).", study.pumps().length,
        fmt(study.pumps()[0] * gnr), fmt(study.pumps()[study.pumps().length - 1] * gnr), fmt(study.relaxation().rtol()),
        fmt(study.relaxation().atol()), fmt(study.relaxation().stopThreshold()), fmt(study.relaxation().maxTime())));

    Map<String, byte[]> out = new LinkedHashMap<>();
    HtmlReport.Builder html = HtmlReport.builder(study.title())
        .description(study.description());
    for (Study.Figure f : study.figures()) {
      html.section(SweepFigures.render(f, study, in, out)); // photons_vs_pump (the Reply's Fig. 1)
    }
    html.section(figure.build())
        .section(HtmlReport.Section.builder("Thresholds").table(thresholds.build())
            .paragraph("A sweep only brackets a threshold; the exact threshold (also `qdlaser threshold --model M`) "
                + "must lie inside the bracket, which the last column checks.").build())
        .section(params.build())
        .section(data.build());
    provenance(html, context, in);

    out.put(FIGURE + ".png", fig.png());
    out.put(FIGURE + ".svg", fig.svg());
    out.put(DATA + ".arrow", TableCodec.toArrowIpc(all));
    out.put(DATA + ".csv", TableCodec.toCsv(all));
    out.put(INDEX, html.build().toUtf8());
    return out;
  }

  private static String num(Double v) {
    return v == null ? "-" : fmt(v);
  }

  /** A number for a JSON summary: null where it is not defined. */
  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static double[] unbox(List<Double> l) {
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
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
