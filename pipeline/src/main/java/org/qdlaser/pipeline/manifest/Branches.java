package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.positive;
import static org.qdlaser.pipeline.manifest.ManifestFields.positivePump;
import static org.qdlaser.pipeline.manifest.ManifestFields.required;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.Quantities;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.BranchesReport;
import org.qdlaser.pipeline.report.Figure;
import org.qdlaser.pipeline.tasks.BranchTask;
import org.qdlaser.pipeline.tasks.RelaxationParams;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Parameter;

/**
 * The lasing branch by continuation, stable and unstable parts (Figs. 3 and 7): {@code branch:
 * {from, to}} in the pump (start pump, lowest pump), or {@code {parameter, from, to, pump}} in
 * another parameter (start value, end value, either direction, at the fixed pump).
 *
 * @param parameter the continuation parameter (r: the pump)
 * @param from the start value (normalised; w_qd in units of gamma)
 * @param to the end value
 * @param pump the fixed pump of a continuation in another parameter; NaN for the pump
 * @param relaxation the transient settings of the start (identical dots)
 * @param figures amplitude_range figures
 */
public record Branches(String parameter, double from, double to, double pump, RelaxationParams relaxation,
    List<Figure> figures) implements Analysis {
  public static final String NAME = "branches";
  /** Parameters the lasing branch can be continued in (besides the pump r). */
  static final List<String> PARAMETERS = List.of("r", "g", "gamma", "gamma_c", "gamma_nl", "mu", "delta_nu", "w_qd");

  public Branches {
    figures = List.copyOf(figures);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether the branch is continued in the pump. */
  public boolean inPump() {
    return parameter.equals(Parameter.R.key());
  }

  static Branches parse(ParseContext c) {
    JsonNode b = c.get("branch");
    String bp = b != null && b.has("parameter") ? text(b, "parameter", "branch.parameter", "r") : "r";
    if (!PARAMETERS.contains(bp)) {
      // Before the model checks: an unknown parameter is the error, whatever the models.
      throw new InputException("branch.parameter", "cannot continue in '" + bp + "', allowed: " + String.join(", ", PARAMETERS));
    }
    if (bp.equals("w_qd")) {
      ModelRuns.polydisperseOnly(c.entries(), "branches in w_qd (branch.parameter)");
    } else if (!bp.equals("r")) {
      ModelRuns.identicalDotsOnly(c.entries(), "branches in " + bp + " (branch.parameter)");
    }
    sizes(c);
    double[] v = values(b, c.gammaNr(), bp);
    Integration integration = c.integration();
    return new Branches(bp, v[0], v[1], v.length > 2 ? v[2] : Double.NaN, integration.relaxation(),
        Figures.parse(c.root(), NAME, c.runs()));
  }

  /**
   * The continuation's dense tangent systems limit the number of unknowns ({@link
   * Equilibria#MAX_BRANCH_UNKNOWNS}): TPM_d beyond N = 11 is refused, naming the field that sets N.
   */
  private static void sizes(ParseContext c) {
    for (ModelRuns.Entry e : c.entries()) {
      ModelRun run = e.run();
      int n = run.parameters().n();
      int unknowns = run.kind().polydisperse() ? Models.disperseDimension(run.kind(), n) : 0;
      if (unknowns + 1 > Equilibria.MAX_BRANCH_UNKNOWNS) {
        JsonNode entry = c.get("models").get(e.index());
        String field = entry.isObject() && entry.path("parameters").has("N")
            ? "models[" + e.index() + "].parameters.N" : "parameters.N";
        throw new InputException(field, "analysis branches traces at most " + Equilibria.MAX_BRANCH_UNKNOWNS
            + " unknowns (dense tangent systems); " + run.kind() + " with N = " + n + " has " + unknowns + " (+ omega). Use a "
            + "smaller N, analysis sweep or activation, or qdlaser threshold --model " + run.kind());
      }
    }
  }

  /** {from, to} of the pump, or {from, to, pump} of another parameter. */
  private static double[] values(JsonNode b, double gammaNr, String parameter) {
    if (b == null || !b.isObject()) {
      throw new InputException("branch", "analysis branches needs branch: {from: START_PUMP, to: LOWEST_PUMP}");
    }
    unknownKeys(b, Set.of("from", "to", "parameter", "pump"), "branch.");
    double from = value(b, "from", parameter, gammaNr);
    double to = value(b, "to", parameter, gammaNr);
    if (parameter.equals("w_qd") && (!(from > 0) || !(to > 0))) {
      throw new InputException(from > 0 ? "branch.to" : "branch.from",
          "w_qd is a width (units of gamma), must be > 0, got from=" + from + ", to=" + to);
    }
    if (parameter.equals("r")) {
      positive("branch.from", from);
      positive("branch.to", to);
      if (!(to < from)) {
        throw new InputException("branch.to", "the lowest pump must be below the start pump, got from=" + from + ", to=" + to);
      }
      if (b.has("pump")) {
        throw new InputException("branch.pump",
            "a pump continuation takes from and to only (pump is for branch.parameter other than r)");
      }
      return new double[] {from, to};
    }
    if (Parameter.of(parameter).logarithmic()) {
      positive("branch.from", from);
      positive("branch.to", to);
    }
    if (!Double.isFinite(from) || !Double.isFinite(to) || from == to) {
      throw new InputException("branch.to", "branch needs two different finite values of " + parameter + ", got from=" + from
          + ", to=" + to);
    }
    return new double[] {from, to, positivePump(b, "pump", "branch.pump", gammaNr)};
  }

  /** branch.from or branch.to: normalised; w_qd is in units of gamma and refuses the /s suffix. */
  private static double value(JsonNode b, String key, String parameter, double gammaNr) {
    String field = "branch." + key;
    Quantities.Quantity q = Quantities.parse(field, required(b, key, field).asText());
    if (parameter.equals("w_qd") && q.perSecond()) {
      throw new InputException(field, "w_qd is a width in units of gamma; no /s");
    }
    return q.normalised(gammaNr);
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    // A polydisperse branch starts from its sample (drawn by the sampling stage).
    List<PlannedTask> tasks = run.kind().polydisperse() ? List.of(Study.sampling(run)) : List.of();
    List<String> deps = tasks.stream().map(t -> t.spec().id()).toList();
    BranchTask.Params params = inPump()
        // A pump branch keeps the keys it had before other parameters could be continued.
        ? BranchTask.Params.inPump(Study.model(run), relaxation, from, to, study.gammaNrPerSecond())
        : BranchTask.Params.in(Study.model(run), relaxation, parameter, from, to, pump, study.gammaNrPerSecond(),
            run.sampleWidth());
    PlannedTask t = BranchTask.TASK.plan(run.label(), params, deps);
    List<PlannedTask> all = new java.util.ArrayList<>(tasks);
    all.add(t);
    return new RunPlan(all, List.of(t.spec().id()));
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    return BranchesReport.TASK.plan("all", new BranchesReport.Params(study.reportHeader(context), parameter, from, to, figures),
        inputs);
  }
}
