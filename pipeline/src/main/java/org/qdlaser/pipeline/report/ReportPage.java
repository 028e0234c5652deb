package org.qdlaser.pipeline.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.report.HtmlBlocks;
import org.qdlaser.stages.report.HtmlReport;
import org.qdlaser.stages.report.Numbers;

/** The parts every report page shares: parameters, provenance and checksums, number formats. */
final class ReportPage {
  /** The page. */
  static final String INDEX = ArtifactPaths.REPORT_INDEX;

  private ReportPage() {}

  /**
   * The common page: the given sections, the validation (golden checks, disagreements with the
   * paper), then parameters, data, provenance and checksums.
   *
   * @param out the report task's other outputs (the checks read report tables and summaries)
   */
  static byte[] page(ReportHeader h, TaskInputs in, Map<String, byte[]> out, HtmlReport.Section main, HtmlReport.Section data) {
    HtmlReport.Builder html = HtmlReport.builder(h.title()).description(h.description()).section(main);
    Validation.add(html, h, in, out);
    html.section(parameters(h).build()).section(data);
    provenance(html, h.context(), in);
    return html.build().toUtf8();
  }

  /**
   * Links to the pages about the run, written after it from its lock and provenance (so not part of
   * this page's inputs): timeline, task graph, every file with its checksum, the data package.
   */
  static HtmlReport.Section run() {
    return HtmlReport.Section.builder("The run").links(List.of(
        new HtmlBlocks.Link("Timeline", "timeline.html", "per task its start, wall and CPU time, computed or reused"),
        new HtmlBlocks.Link("Task graph", "task-graph.svg", "every task with its inputs (qdlaser dag prints it as Graphviz DOT)"),
        new HtmlBlocks.Link("Every file", "files.html",
            "samples, integration, equilibrium, fitting and report files with their sizes and SHA-256"),
        new HtmlBlocks.Link("datapackage.json", "../datapackage.json",
            "Frictionless description of the CSV tables (units and descriptions of their columns)"),
        new HtmlBlocks.Link("provenance.json", "../provenance.json", "code, machine, times of every task"),
        new HtmlBlocks.Link("lock.json", "../lock.json", "every task key and artifact checksum"))).build();
  }

  /** The parameters of every run (normalised). */
  static HtmlReport.Section.Builder parameters(ReportHeader h) {
    HtmlReport.Section.Builder params = HtmlReport.Section.builder("Parameters");
    for (ModelRun run : h.runs()) {
      params.parameters(run.label() + " (normalised to gamma_nr = " + fmt(h.gammaNrPerSecond()) + " s^-1)");
      for (Map.Entry<String, Object> e : modelParameters(run).entrySet()) {
        params.parameter(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return params;
  }

  /** A run's model and normalised parameters, in the order the report lists them. */
  private static Map<String, Object> modelParameters(ModelRun run) {
    LaserParameters p = run.parameters();
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

  /** The code, machine and the checksum of every input artifact. */
  static void provenance(HtmlReport.Builder html, ReportContext context, TaskInputs in) {
    html.section(run());
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

  /** A data table's links from the page. */
  static void dataTable(HtmlReport.Section.Builder data, String label, ArtifactPaths.TablePaths paths) {
    data.dataTable(label, ArtifactPaths.fromReport(paths.arrow()), ArtifactPaths.fromReport(paths.csv()));
  }

  static String fmt(double v) {
    return Numbers.fmt(v);
  }

  static double[] unbox(List<Double> l) {
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  static boolean[] unboxBooleans(List<Boolean> l) {
    boolean[] a = new boolean[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
