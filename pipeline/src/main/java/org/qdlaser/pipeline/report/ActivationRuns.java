package org.qdlaser.pipeline.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.artifacts.ActivationTable;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.TableFiles;
import org.qdlaser.pipeline.artifacts.LorentzianFit;
import org.qdlaser.pipeline.artifacts.SampleStats;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.artifacts.StateSummary;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.report.ActivationFigures;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The runs of an activation study as its figures need them, loaded from their artifacts, and the
 * files of each figure ({@link ActivationFigures} draws them): {@code report/<id>.png|svg}, its data
 * {@code report/<id>.arrow|csv} (one row per run) and {@code report/<id>-summary.json}.
 */
final class ActivationRuns {
  private ActivationRuns() {}

  /** A run with its results and its diagnostics (frequency pulling, physical bounds). */
  record Loaded(ModelRun run, ActivationFigures.Run result, ActivationDiagnostics.Run diagnostics) {}

  static Loaded load(ModelRun run, TaskInputs in) {
    String l = run.label();
    StateSummary st = StateSummary.fromJson(in.get(ArtifactPaths.activationState(l)));
    LorentzianFit f = LorentzianFit.fromJson(in.get(ArtifactPaths.lorentzian(l)));
    SampleStats s = SampleStats.fromJson(in.get(ArtifactPaths.sampleStats(l)));
    ActivationTable t = ActivationTable.fromArrow(in.get(ArtifactPaths.activation(l).arrow()));
    double gamma = run.parameters().gamma();
    UnsettledSummary u = st.unsettled();
    ActivationDiagnostics.Run diag = ActivationDiagnostics.of(l, run.kind().name(), run.parameters(), st,
        SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(l))), t);
    return new Loaded(run, new ActivationFigures.Run(l, run.kind().name(), run.sampleWidth(), run.sampleSeed(), st.lasing(),
        st.omega(), st.bAbs(), num(f.aL()), num(f.wL()), num(f.rSquared()),
        f.unscaled() == null ? Double.NaN : f.unscaled().aL(), s.meanDetuning() / gamma, s.detuningStd() / gamma,
        t.detuningOverGamma(), t.scaled(), st.verdict(), u == null ? Double.NaN : u.driftRate(),
        u == null ? Double.NaN : u.time()), diag);
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }

  /** Draws one figure of the runs it selects into {@code out}; returns its report section. */
  static HtmlReport.Section render(Figure fig, List<Loaded> all, Map<String, byte[]> out) {
    List<Loaded> chosen = all.stream().filter(r -> fig.selects(r.run())).toList();
    List<ActivationFigures.Run> sel = chosen.stream().map(Loaded::result).toList();
    ActivationFigures.Rendered r = ActivationFigures.render(new ActivationFigures.Request(fig.id(),
        ActivationFigures.Kind.valueOf(fig.kind().name()), fig.title(), fig.labelPoints()), sel);
    Table data = dataTable(sel);
    out.put(ArtifactPaths.report(fig.id() + ".png"), r.figure().png());
    out.put(ArtifactPaths.report(fig.id() + ".svg"), r.figure().svg());
    out.put(ArtifactPaths.report(fig.id() + ".arrow"), TableFiles.arrow(data));
    out.put(ArtifactPaths.report(fig.id() + ".csv"), TableCodec.toCsv(data));
    Map<String, Object> summary = new TreeMap<>(r.summary());
    ActivationDiagnostics.summarise(chosen.stream().map(Loaded::diagnostics).toList(), summary);
    out.put(ArtifactPaths.report(fig.id() + "-summary.json"), CanonicalJson.prettyBytes(summary));
    return r.section();
  }

  private static Table dataTable(List<ActivationFigures.Run> rs) {
    int n = rs.size();
    String[] label = new String[n];
    String[] model = new String[n];
    double[] w = new double[n];
    long[] seed = new long[n];
    boolean[] lasing = new boolean[n];
    String[] verdict = new String[n];
    double[] drift = new double[n];
    double[] omega = new double[n];
    double[] absOmega = new double[n];
    double[] b = new double[n];
    double[] aL = new double[n];
    double[] aLUnscaled = new double[n];
    double[] wL = new double[n];
    double[] r2 = new double[n];
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int i = 0; i < n; i++) {
      ActivationFigures.Run r = rs.get(i);
      label[i] = r.label();
      model[i] = r.model();
      w[i] = r.sampleWidth();
      seed[i] = r.sampleSeed();
      lasing[i] = r.lasing();
      verdict[i] = r.verdict().jsonName();
      drift[i] = r.driftRate();
      omega[i] = r.omega();
      absOmega[i] = Math.abs(r.omega());
      b[i] = r.bAbs();
      aL[i] = r.aL();
      aLUnscaled[i] = r.aLUnscaled();
      wL[i] = r.wL();
      r2[i] = r.rSquared();
      mean[i] = r.meanDetuning();
      std[i] = r.detuningStd();
    }
    return Table.builder("activation_fits").addString("run", label).addString("model", model).addDouble("w_qd", w)
        .addLong("seed", seed).addBoolean("lasing", lasing).addDouble("omega", omega).addDouble("abs_omega", absOmega)
        .addDouble("b_abs", b).addDouble("a_L", aL).addDouble("a_L_unscaled", aLUnscaled).addDouble("w_L", wL).addDouble("r_squared", r2)
        .addDouble("mean_detuning_over_gamma", mean).addDouble("detuning_std_over_gamma", std)
        .addString("verdict", verdict).addDouble("drift_rate", drift).build();
  }
}
