package org.qdlaser.pipeline.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Parameter;

/** Parses and validates a study manifest; every error names the field path (exit code 2). */
public final class ManifestParser {
  public static final String SCHEMA = "qdlaser/manifest/v1";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Set<String> TOP =
      Set.of("schema", "study", "title", "description", "units", "parameters", "models", "analysis", "sweep", "scan",
          "branch", "activation", "integration", "samples", "figures", "oscillation");
  /** Sweeps longer than this are surely a typo for this local executor. */
  private static final int MAX_SWEEP_POINTS = 10_000;
  /**
   * Allowed transient budgets of activation studies (1/gamma_nr): at least the first transient
   * window of PointSolver (4 units, one Newton attempt after it), at most the rotating relaxation
   * settings' max time (1e4; beyond it the budget would not bound anything).
   */
  static final double MIN_TRANSIENT_BUDGET = 4.0;
  static final double MAX_TRANSIENT_BUDGET = 1e4;

  private ManifestParser() {}

  public static Study parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InputException("(document)", "manifest is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
    }
    if (root == null || !root.isObject()) {
      throw new InputException("(document)", "manifest must be a YAML mapping");
    }
    unknownKeys(root, TOP, "");
    String schema = text(root, "schema", "schema", null);
    if (!SCHEMA.equals(schema)) {
      throw new InputException("schema", "unsupported schema '" + schema + "', allowed: " + SCHEMA);
    }
    String study = text(root, "study", "study", null);
    if (!NAME.matcher(study).matches()) {
      throw new InputException("study", "study name must match " + NAME.pattern() + ", got '" + study + "'");
    }
    String title = text(root, "title", "title", study);
    String description = text(root, "description", "description", "");

    Map<String, String> units = scalarMap(root.get("units"), "units");
    unknownKeys(root.get("units"), Set.of("gamma_nr"), "units.");
    Map<String, String> shared = new LinkedHashMap<>();
    if (units.containsKey("gamma_nr")) {
      shared.put("gamma_nr", units.get("gamma_nr"));
    }
    Map<String, String> params = scalarMap(root.get("parameters"), "parameters");
    if (params.containsKey("r")) {
      throw new InputException("parameters.r", "the pump r is set by the sweep, not in parameters");
    }
    shared.putAll(params);
    double gammaNr = ParameterResolver.resolve(shared, "parameters.").gammaNrPerSecond();

    JsonNode models = root.get("models");
    if (models == null || !models.isArray() || models.isEmpty()) {
      throw new InputException("models", "models must be a non-empty list of model names or {model, label, parameters}");
    }
    List<Study.ModelRun> runs = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < models.size(); i++) {
      String path = "models[" + i + "]";
      JsonNode m = models.get(i);
      String kindName;
      String label;
      Map<String, String> own = new LinkedHashMap<>(shared);
      if (m.isTextual()) {
        kindName = m.asText();
        label = kindName;
      } else if (m.isObject()) {
        unknownKeys(m, Set.of("model", "label", "parameters", "sample"), path + ".");
        kindName = text(m, "model", path + ".model", null);
        label = text(m, "label", path + ".label", kindName);
        Map<String, String> p = scalarMap(m.get("parameters"), path + ".parameters");
        if (p.containsKey("r") || p.containsKey("gamma_nr")) {
          throw new InputException(path + ".parameters", "r and gamma_nr cannot be set per model");
        }
        own.putAll(p);
      } else {
        throw new InputException(path, "expected a model name or a mapping, got " + m.getNodeType());
      }
      ModelKind kind;
      try {
        kind = ModelKind.parse(kindName);
      } catch (IllegalArgumentException e) {
        throw new InputException(path + ".model", e.getMessage());
      }
      JsonNode sampleNode = null;
      String samplePath = path + ".sample";
      if (m.isObject() && m.has("sample")) {
        if (!kind.polydisperse()) {
          throw new InputException(path + ".sample", "a sample applies to the _d models only, got " + kind);
        }
        sampleNode = m.get("sample");
      } else if (kind.polydisperse() && root.has("samples")) {
        // The study-wide sample set applies to every _d model without its own sample.
        sampleNode = root.get("samples");
        samplePath = "samples";
      }
      List<SampleSets.Expanded> expanded;
      if (sampleNode != null && (SampleSets.isSet(sampleNode) || "samples".equals(samplePath))) {
        expanded = SampleSets.expand(sampleNode, samplePath);
      } else {
        Map<String, String> opts = new LinkedHashMap<>();
        if (sampleNode != null) {
          opts = scalarMap(sampleNode, samplePath);
          unknownKeys(sampleNode, SampleOptions.NAMES, samplePath + ".");
        }
        expanded = List.of(new SampleSets.Expanded(opts, ""));
      }
      String prefix = m.isObject() ? path + ".parameters." : "parameters.";
      var resolvedParams = ParameterResolver.resolve(own, prefix).parameters();
      for (SampleSets.Expanded e : expanded) {
        String runLabel = label + e.labelSuffix();
        if (!NAME.matcher(runLabel).matches()) {
          throw new InputException(path + ".label", "label must match " + NAME.pattern() + ", got '" + runLabel + "'"
              + (e.labelSuffix().isEmpty() ? "" : " (label + sample suffix " + e.labelSuffix() + ")"));
        }
        if (!labels.add(runLabel)) {
          throw new InputException(path + ".label", "duplicate label '" + runLabel + "'; labels must be unique");
        }
        if (kind.polydisperse()) {
          // Validates the sample now (field paths in errors); the sampling stage draws it again.
          SampleOptions.sample(e.options(), null, resolvedParams, samplePath + ".");
        }
        if (runs.size() >= SampleSets.MAX_RUNS) {
          throw new InputException("models", "the study expands into more than " + SampleSets.MAX_RUNS + " model runs");
        }
        runs.add(new Study.ModelRun(runLabel, kind, resolvedParams, own, e.options()));
      }
    }
    if (root.has("samples") && runs.stream().noneMatch(r -> r.kind().polydisperse())) {
      throw new InputException("samples", "samples applies to the _d models (CIM_d, TPM_IF_d, TPM_d); this study has none");
    }

    String analysisName = text(root, "analysis", "analysis", "sweep");
    Study.Analysis analysis = switch (analysisName) {
      case "sweep" -> Study.Analysis.SWEEP;
      case "threshold_curve" -> Study.Analysis.THRESHOLD_CURVE;
      case "branches" -> Study.Analysis.BRANCHES;
      case "activation" -> Study.Analysis.ACTIVATION;
      case "oscillation" -> Study.Analysis.OSCILLATION;
      default -> throw new InputException("analysis",
          "unknown analysis '" + analysisName + "', allowed: sweep, threshold_curve, branches, activation, oscillation");
    };
    double[] pumps = new double[0];
    double window = Double.NaN;
    Study.Scan scan = null;
    switch (analysis) {
      case SWEEP -> pumps = sweep(root.get("sweep"), gammaNr);
      case BRANCHES -> {
        String bp = root.has("branch") && root.get("branch").has("parameter")
            ? text(root.get("branch"), "parameter", "branch.parameter", "r") : "r";
        if (!BRANCH_PARAMETERS.contains(bp)) {
          // Before the model checks: an unknown parameter is the error, whatever the models.
          throw new InputException("branch.parameter",
              "cannot continue in '" + bp + "', allowed: " + String.join(", ", BRANCH_PARAMETERS));
        }
        if (bp.equals("w_qd")) {
          polydisperseOnly(runs, "branches in w_qd (branch.parameter)", models);
        } else if (!bp.equals("r")) {
          identicalDotsOnly(runs, "branches in " + bp + " (branch.parameter)", models);
        }
        branchSizes(runs, models);
        pumps = branch(root.get("branch"), gammaNr, bp);
        if (!bp.equals("r")) {
          // Continuation in another parameter: from/to are its values; the pump is parameters.r.
          scan = new Study.Scan(bp, pumps, false);
        }
      }
      case THRESHOLD_CURVE -> {
        identicalDotsOnly(runs, "threshold_curve", models);
        scan = scan(root.get("scan"), gammaNr, runs);
      }
      case OSCILLATION -> {
        JsonNode o = root.get("oscillation");
        if (o == null || !o.isObject()) {
          throw new InputException("oscillation", "analysis oscillation needs oscillation: {pump: PUMP, window: TIME}");
        }
        unknownKeys(o, Set.of("pump", "window"), "oscillation.");
        pumps = new double[] {positive("oscillation.pump",
            Quantities.parse("oscillation.pump", required(o, "pump", "oscillation.pump").asText()).normalised(gammaNr))};
        window = number(o, "window", "oscillation.window", Double.NaN);
        if (!(window > 0) || window > 1e6) {
          throw new InputException("oscillation.window", "window (time, units of 1/gamma_nr) must be in (0, 1e6], got " + o.get("window"));
        }
      }
      case ACTIVATION -> {
        JsonNode a = root.get("activation");
        if (a == null || !a.isObject()) {
          throw new InputException("activation", "analysis activation needs activation: {pump: PUMP}");
        }
        unknownKeys(a, Set.of("pump", "transient_budget"), "activation.");
        pumps = new double[] {positive("activation.pump",
            Quantities.parse("activation.pump", required(a, "pump", "activation.pump").asText()).normalised(gammaNr))};
        // The transient budget (1/gamma_nr) of samples that Newton does not settle from the seed: past it
        // the sample is recorded unsettled (TransientBudget, docs/decisions.md). Kept in `window`.
        window = number(a, "transient_budget", "activation.transient_budget", TransientBudget.DEFAULT_TIME);
        if (!(window >= MIN_TRANSIENT_BUDGET) || window > MAX_TRANSIENT_BUDGET) {
          throw new InputException("activation.transient_budget", "transient_budget (time, units of 1/gamma_nr) must be in ["
              + MIN_TRANSIENT_BUDGET + ", " + MAX_TRANSIENT_BUDGET + "], got " + a.get("transient_budget"));
        }
        for (int i = 0; i < runs.size(); i++) {
          if (!runs.get(i).kind().polydisperse()) {
            throw new InputException("models[" + i + "].model", "analysis activation needs polydisperse models (CIM_d, TPM_IF_d, TPM_d)");
          }
        }
      }
    }
    RelaxationSettings relax = RelaxationSettings.defaults();
    int stride = 10;
    JsonNode integ = root.get("integration");
    if (integ != null) {
      if (!integ.isObject()) {
        throw new InputException("integration", "integration must be a mapping");
      }
      unknownKeys(integ, Set.of("rtol", "atol", "stop_threshold", "max_time", "min_time", "record_stride"), "integration.");
      double rtol = number(integ, "rtol", "integration.rtol", relax.rtol());
      double atol = number(integ, "atol", "integration.atol", relax.atol());
      double stop = number(integ, "stop_threshold", "integration.stop_threshold", relax.stopThreshold());
      double maxT = number(integ, "max_time", "integration.max_time", relax.maxTime());
      double minT = number(integ, "min_time", "integration.min_time", relax.minTime());
      double strideD = number(integ, "record_stride", "integration.record_stride", stride);
      if (strideD != Math.rint(strideD) || strideD < 1) {
        throw new InputException("integration.record_stride", "record_stride must be an integer >= 1, got " + strideD);
      }
      stride = (int) strideD;
      try {
        relax = new RelaxationSettings(rtol, atol, stop, maxT, minT, false);
      } catch (IllegalArgumentException e) {
        throw new InputException("integration", e.getMessage());
      }
    }
    List<Study.Figure> figures = figures(root.get("figures"), analysis, runs);
    return new Study(study, title, description, gammaNr, runs, analysis, pumps, scan, relax, stride, figures, window);
  }

  /**
   * figures: [{id, kind, title, models, w_qd, seed, label_points}] of an activation study; each
   * must select at least one run.
   */
  private static List<Study.Figure> figures(JsonNode f, Study.Analysis analysis, List<Study.ModelRun> runs) {
    List<Study.Figure> out = new ArrayList<>();
    if (f == null || f.isNull()) {
      return out;
    }
    if (analysis != Study.Analysis.ACTIVATION && analysis != Study.Analysis.SWEEP && analysis != Study.Analysis.BRANCHES) {
      throw new InputException("figures", "figures apply to analyses activation, sweep and branches only, got "
          + analysis.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!f.isArray() || f.isEmpty()) {
      throw new InputException("figures", "figures must be a non-empty list of {id, kind, ...}");
    }
    Set<String> ids = new HashSet<>();
    List<String> kinds = java.util.Arrays.stream(Study.FigureKind.values()).map(Study.FigureKind::manifestName).toList();
    for (int i = 0; i < f.size(); i++) {
      String path = "figures[" + i + "]";
      JsonNode n = f.get(i);
      if (!n.isObject()) {
        throw new InputException(path, "expected a mapping {id, kind, title, models, w_qd, seed, label_points}, got " + n.getNodeType());
      }
      unknownKeys(n, Set.of("id", "kind", "title", "models", "w_qd", "seed", "label_points", "markers"), path + ".");
      String id = text(n, "id", path + ".id", null);
      if (!NAME.matcher(id).matches() || !ids.add(id)) {
        throw new InputException(path + ".id", "figure id must match " + NAME.pattern() + " and be unique, got '" + id + "'");
      }
      String kindName = text(n, "kind", path + ".kind", null);
      if (!kinds.contains(kindName)) {
        throw new InputException(path + ".kind", "unknown figure kind '" + kindName + "', allowed: " + String.join(", ", kinds));
      }
      Study.FigureKind kind = Study.FigureKind.valueOf(kindName.toUpperCase(java.util.Locale.ROOT));
      if (kind.analysis() != analysis) {
        throw new InputException(path + ".kind", "figure kind '" + kindName + "' needs analysis "
            + kind.analysis().name().toLowerCase(java.util.Locale.ROOT) + ", got " + analysis.name().toLowerCase(java.util.Locale.ROOT));
      }
      Map<String, String> markers = markers(n.get("markers"), kind, runs, path + ".markers");
      List<ModelKind> models = new ArrayList<>();
      JsonNode ms = n.get("models");
      if (ms != null) {
        if (!ms.isArray() || ms.isEmpty()) {
          throw new InputException(path + ".models", "models must be a non-empty list of model names");
        }
        for (int j = 0; j < ms.size(); j++) {
          try {
            models.add(ModelKind.parse(ms.get(j).asText()));
          } catch (IllegalArgumentException e) {
            throw new InputException(path + ".models[" + j + "]", e.getMessage());
          }
        }
      }
      double w = number(n, "w_qd", path + ".w_qd", Double.NaN);
      double seedD = number(n, "seed", path + ".seed", Double.NaN);
      if (!Double.isNaN(seedD) && seedD != Math.rint(seedD)) {
        throw new InputException(path + ".seed", "seed must be an integer, got " + n.get("seed"));
      }
      Long seed = Double.isNaN(seedD) ? null : (long) seedD;
      JsonNode lp = n.get("label_points");
      if (lp != null && !lp.isBoolean()) {
        throw new InputException(path + ".label_points", "label_points must be true or false, got '" + lp.asText() + "'");
      }
      String title = text(n, "title", path + ".title", id);
      Study.Figure fig = new Study.Figure(id, kind, title, models, w, seed, lp != null && lp.asBoolean(), markers);
      if (kind == Study.FigureKind.AMPLITUDE_RANGE) {
        if (runs.stream().noneMatch(fig::showsBranch)) {
          throw new InputException(path, "figure '" + id + "' selects no model run (models " + models + ", w_qd "
              + (Double.isNaN(w) ? "any" : w) + ")");
        }
        if (seed != null && runs.stream().anyMatch(r -> fig.inRange(r)) && runs.stream().noneMatch(r -> fig.inRange(r)
            && r.sampleSeed() == seed)) {
          throw new InputException(path + ".seed", "figure '" + id + "': no polydisperse run has seed " + seed);
        }
      } else if (runs.stream().noneMatch(fig::selects)) {
        throw new InputException(path, "figure '" + id + "' selects no model run (models " + models + ", w_qd "
            + (Double.isNaN(w) ? "any" : w) + ", seed " + (seed == null ? "any" : seed) + ")");
      }
      out.add(fig);
    }
    return out;
  }

  /**
   * markers: {RUN_LABEL: star | diamond | cross} of a photons_vs_pump figure (threshold marks, as the
   * Reply's stars, diamond and cross); every key a run label of the study.
   */
  private static Map<String, String> markers(JsonNode m, Study.FigureKind kind, List<Study.ModelRun> runs, String path) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (m == null || m.isNull()) {
      return out;
    }
    if (kind != Study.FigureKind.PHOTONS_VS_PUMP) {
      throw new InputException(path, "markers apply to figure kind photons_vs_pump only, got " + kind.manifestName());
    }
    if (!m.isObject()) {
      throw new InputException(path, "expected a mapping {run label: star | diamond | cross}, got " + m.getNodeType());
    }
    Set<String> labels = new HashSet<>();
    runs.forEach(r -> labels.add(r.label()));
    for (var it = m.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!labels.contains(e.getKey())) {
        throw new InputException(path + "." + e.getKey(), "no model run labelled '" + e.getKey() + "'; labels: "
            + String.join(", ", new java.util.TreeSet<>(labels)));
      }
      try {
        out.put(e.getKey(), org.qdlaser.stages.report.PhotonFigure.Shape.parse(e.getValue().asText()).manifestName());
      } catch (IllegalArgumentException ex) {
        throw new InputException(path + "." + e.getKey(), ex.getMessage());
      }
    }
    return out;
  }

  /** branch: {from: start pump, to: lowest pump}. */
  /** The branches and threshold-curve stages build identical-dot models only (this version). */
  private static void identicalDotsOnly(List<Study.ModelRun> runs, String analysis, JsonNode models) {
    for (Study.ModelRun run : runs) {
      if (run.kind().polydisperse()) {
        // The entry of models: the run came from (a sample set expands one entry into several runs).
        int i = Math.max(0, modelIndex(models, run));
        throw new InputException("models[" + i + "].model", "analysis " + analysis
            + " takes identical-dot models (CIM, TPM_IF, TPM) in this version, got " + run.kind()
            + "; for polydisperse dots use analysis sweep or activation, or qdlaser threshold --model " + run.kind());
      }
    }
  }

  /** Continuation in the sample width w_qd needs a sample: polydisperse models only. */
  private static void polydisperseOnly(List<Study.ModelRun> runs, String analysis, JsonNode models) {
    for (Study.ModelRun run : runs) {
      if (!run.kind().polydisperse()) {
        int i = Math.max(0, modelIndex(models, run));
        throw new InputException("models[" + i + "].model", "analysis " + analysis
            + " takes polydisperse models with a sample (CIM_d, TPM_IF_d, TPM_d), got " + run.kind()
            + "; identical dots have no width");
      }
    }
  }

  /**
   * The continuation's dense tangent systems limit the number of unknowns ({@link
   * org.qdlaser.stages.equilibrium.LasingBranch#MAX_DIMENSION}): TPM_d beyond N = 11 is refused,
   * naming the field that sets N.
   */
  private static void branchSizes(List<Study.ModelRun> runs, JsonNode models) {
    for (Study.ModelRun run : runs) {
      int n = run.parameters().n();
      int unknowns = run.kind().polydisperse() ? org.qdlaser.stages.physics.Models.disperseDimension(run.kind(), n) : 0;
      if (unknowns + 1 > org.qdlaser.stages.equilibrium.LasingBranch.MAX_DIMENSION) {
        int i = modelIndex(models, run);
        String field = i >= 0 && models.get(i).isObject() && models.get(i).path("parameters").has("N")
            ? "models[" + i + "].parameters.N" : "parameters.N";
        throw new InputException(field, "analysis branches traces at most "
            + org.qdlaser.stages.equilibrium.LasingBranch.MAX_DIMENSION + " unknowns (dense tangent systems); " + run.kind()
            + " with N = " + n + " has " + unknowns + " (+ omega). Use a smaller N, analysis sweep or activation, or "
            + "qdlaser threshold --model " + run.kind());
      }
    }
  }

  /** Index in models: of the entry a run came from (by label prefix and model name), or -1. */
  private static int modelIndex(JsonNode models, Study.ModelRun run) {
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String kind = m.isTextual() ? m.asText() : m.path("model").asText();
      String label = m.isTextual() ? kind : m.path("label").asText(kind);
      if (kind.equals(run.kind().name()) && run.label().startsWith(label)) {
        return i;
      }
    }
    return -1;
  }

  /** Parameters the lasing branch can be continued in (besides the pump r). */
  static final List<String> BRANCH_PARAMETERS = List.of("r", "g", "gamma", "gamma_c", "gamma_nl", "mu", "delta_nu", "w_qd");

  /**
   * branch: {from, to} in the pump (start pump, lowest pump), or {parameter, from, to, pump} in
   * another parameter (start value, end value, either direction, at the fixed pump). Returns
   * {from, to} or {from, to, pump}.
   */
  private static double[] branch(JsonNode b, double gammaNr, String parameter) {
    if (b == null || !b.isObject()) {
      throw new InputException("branch", "analysis branches needs branch: {from: START_PUMP, to: LOWEST_PUMP}");
    }
    unknownKeys(b, Set.of("from", "to", "parameter", "pump"), "branch.");
    if (!BRANCH_PARAMETERS.contains(parameter)) {
      throw new InputException("branch.parameter",
          "cannot continue in '" + parameter + "', allowed: " + String.join(", ", BRANCH_PARAMETERS));
    }
    double from = branchValue(b, "from", parameter, gammaNr);
    double to = branchValue(b, "to", parameter, gammaNr);
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
    } else {
      if (Parameter.of(parameter).logarithmic()) {
        positive("branch.from", from);
        positive("branch.to", to);
      }
      if (!Double.isFinite(from) || !Double.isFinite(to) || from == to) {
        throw new InputException("branch.to", "branch needs two different finite values of " + parameter
            + ", got from=" + from + ", to=" + to);
      }
      double pump = positive("branch.pump",
          Quantities.parse("branch.pump", required(b, "pump", "branch.pump").asText()).normalised(gammaNr));
      return new double[] {from, to, pump};
    }
    if (b.has("pump")) {
      throw new InputException("branch.pump", "a pump continuation takes from and to only (pump is for branch.parameter other than r)");
    }
    return new double[] {from, to};
  }

  /** branch.from or branch.to: normalised; w_qd is in units of gamma and refuses the /s suffix. */
  private static double branchValue(JsonNode b, String key, String parameter, double gammaNr) {
    String field = "branch." + key;
    Quantities.Quantity q = Quantities.parse(field, required(b, key, field).asText());
    if (parameter.equals("w_qd") && q.perSecond()) {
      throw new InputException(field, "w_qd is a width in units of gamma; no /s");
    }
    return q.normalised(gammaNr);
  }

  /** scan: {parameter, from, to, points, spacing}. Every scan value must give valid parameters. */
  private static Study.Scan scan(JsonNode s, double gammaNr, List<Study.ModelRun> runs) {
    if (s == null || !s.isObject()) {
      throw new InputException("scan", "analysis threshold_curve needs scan: {parameter, from, to, points, spacing}");
    }
    unknownKeys(s, Set.of("parameter", "from", "to", "points", "spacing"), "scan.");
    String param = text(s, "parameter", "scan.parameter", null);
    List<String> allowed = List.of("g", "gamma", "gamma_c", "gamma_nl", "beta", "mu", "N", "delta_nu");
    if (!allowed.contains(param)) {
      throw new InputException("scan.parameter", "cannot scan '" + param + "', allowed: " + String.join(", ", allowed));
    }
    boolean dimensionless = !Parameter.of(param).rate();
    java.util.function.Function<String, Double> value = f -> {
      Quantities.Quantity q = Quantities.parse(f, required(s, f.substring(5), f).asText());
      if (dimensionless && q.perSecond()) {
        throw new InputException(f, param + " is dimensionless; no /s");
      }
      return q.normalised(gammaNr);
    };
    double from = value.apply("scan.from");
    double to = value.apply("scan.to");
    double pointsD = number(s, "points", "scan.points", Double.NaN);
    if (Double.isNaN(pointsD) || pointsD != Math.rint(pointsD) || pointsD < 2 || pointsD > MAX_SWEEP_POINTS) {
      throw new InputException("scan.points", "points must be an integer in [2, " + MAX_SWEEP_POINTS + "], got " + s.get("points"));
    }
    String spacing = text(s, "spacing", "scan.spacing", "log");
    boolean log = switch (spacing) {
      case "log" -> true;
      case "linear" -> false;
      default -> throw new InputException("scan.spacing", "spacing must be log or linear, got '" + spacing + "'");
    };
    if (log && !(from > 0 && to > 0)) {
      throw new InputException("scan.from", "a log scan needs positive ends, got " + from + " and " + to);
    }
    int points = (int) pointsD;
    double[] v = new double[points];
    for (int i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      v[i] = i == 0 ? from : i == points - 1 ? to
          : log ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
      if ("N".equals(param)) {
        v[i] = Math.rint(v[i]);
      }
    }
    for (Study.ModelRun run : runs) {
      for (double x : new double[] {v[0], v[points - 1]}) {
        try {
          run.with(param, x);
        } catch (InputException e) {
          throw new InputException("scan", "scan value " + param + " = " + x + " is invalid for model " + run.label() + ": " + e.getMessage());
        }
      }
    }
    return new Study.Scan(param, v, log);
  }

  private static double[] sweep(JsonNode s, double gammaNr) {
    if (s == null || !s.isObject()) {
      throw new InputException("sweep", "sweep must be a mapping with parameter, from, to, points, spacing");
    }
    unknownKeys(s, Set.of("parameter", "from", "to", "points", "spacing", "values"), "sweep.");
    String param = text(s, "parameter", "sweep.parameter", "r");
    if (!"r".equals(param)) {
      throw new InputException("sweep.parameter", "only the pump r can be swept in manifest v1, got '" + param + "'");
    }
    if (s.has("values")) {
      JsonNode v = s.get("values");
      if (!v.isArray() || v.isEmpty() || v.size() > MAX_SWEEP_POINTS) {
        throw new InputException("sweep.values", "values must be a list of 1.." + MAX_SWEEP_POINTS + " pumps");
      }
      double[] out = new double[v.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = positive("sweep.values[" + i + "]", Quantities.parse("sweep.values[" + i + "]", v.get(i).asText()).normalised(gammaNr));
      }
      return out;
    }
    double from = positive("sweep.from", Quantities.parse("sweep.from", required(s, "from", "sweep.from").asText()).normalised(gammaNr));
    double to = positive("sweep.to", Quantities.parse("sweep.to", required(s, "to", "sweep.to").asText()).normalised(gammaNr));
    double pointsD = number(s, "points", "sweep.points", Double.NaN);
    if (Double.isNaN(pointsD) || pointsD != Math.rint(pointsD) || pointsD < 2 || pointsD > MAX_SWEEP_POINTS) {
      throw new InputException("sweep.points", "points must be an integer in [2, " + MAX_SWEEP_POINTS + "], got " + s.get("points"));
    }
    int points = (int) pointsD;
    String spacing = text(s, "spacing", "sweep.spacing", "log");
    double[] out = new double[points];
    for (int i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      out[i] = switch (spacing) {
        case "log" -> Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from)));
        case "linear" -> from + f * (to - from);
        default -> throw new InputException("sweep.spacing", "spacing must be log or linear, got '" + spacing + "'");
      };
    }
    out[0] = from;
    out[points - 1] = to;
    return out;
  }

  private static double positive(String field, double v) {
    if (!(v > 0)) {
      throw new InputException(field, "pump must be positive, got " + v);
    }
    return v;
  }

  private static JsonNode required(JsonNode n, String key, String path) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new InputException(path, "required field is missing");
    }
    return v;
  }

  private static String text(JsonNode n, String key, String path, String def) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (def == null) {
        throw new InputException(path, "required field is missing");
      }
      return def;
    }
    if (!v.isValueNode()) {
      throw new InputException(path, "expected a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  private static double number(JsonNode n, String key, String path, double def) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return def;
    }
    Quantities.Quantity q = Quantities.parse(path, v.asText());
    if (q.perSecond()) {
      throw new InputException(path, "a plain number is expected here (no /s), got '" + v.asText() + "'");
    }
    return q.value();
  }

  private static Map<String, String> scalarMap(JsonNode n, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new InputException(path, "expected a mapping of name: value, got " + n.getNodeType());
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new InputException(path + "." + e.getKey(), "expected a number, got " + e.getValue().getNodeType());
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static void unknownKeys(JsonNode n, Set<String> allowed, String prefix) {
    if (n == null || !n.isObject()) {
      return;
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new InputException(prefix + k, "unknown field '" + k + "', allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }
}
