package org.qdlaser.pipeline.manifest;

import static org.qdlaser.pipeline.manifest.ManifestFields.number;
import static org.qdlaser.pipeline.manifest.ManifestFields.points;
import static org.qdlaser.pipeline.manifest.ManifestFields.scalarMap;
import static org.qdlaser.pipeline.manifest.ManifestFields.section;
import static org.qdlaser.pipeline.manifest.ManifestFields.text;
import static org.qdlaser.pipeline.manifest.ManifestFields.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.SimpleInputs;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.report.SimpleFigureReport;
import org.qdlaser.pipeline.tasks.SimpleFigureTask;
import org.qdlaser.pipeline.tasks.SimpleFigureTask.Figure;
import org.qdlaser.pipeline.tasks.SimpleFigureTask.Grid;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;

/**
 * A figure of the Simple Model (companion paper, spec section 5): {@code analysis: cw_gain |
 * line_shapes | se_map | se_threshold_curve | ase}, {@code models:} a list of SIMPLE_* names,
 * {@code parameters:} the Simple Model's (spec section 2, units as {@code --set}), and the figure's
 * grids in {@code simple:}. Each model is one task ({@link SimpleFigureTask}); one report draws
 * them.
 *
 * @param figure the figure kind
 * @param paperFigure the paper's figure this reproduces (e.g. "6d"), for the report
 * @param models the models in manifest order
 * @param parameters each model's parameters, canonical ({@link SimpleParameters#asMap})
 * @param grid main grid (see {@link SimpleFigureTask.Params#grid})
 * @param second second grid or null
 * @param tracePump cw trace pump, gamma_X
 * @param sweptParameter threshold curve's parameter or null
 * @param multiples ASE fluences / threshold fluence
 * @param cuts SE map's cuts (occupancies drawn in panel a)
 */
public record SimpleModelFigure(Figure figure, String paperFigure, List<SimpleModelKind> models,
    List<Map<String, Object>> parameters, Grid grid, Grid second, double tracePump, String sweptParameter,
    List<Double> multiples, List<Double> cuts) implements Analysis {

  /** The analysis names of this record. */
  public static final Set<String> NAMES = Set.of("cw_gain", "line_shapes", "se_map", "se_threshold_curve", "ase");

  private static final Map<Figure, Set<String>> KEYS = Map.of(
      Figure.CW_GAIN, Set.of("paper_figure", "pumps", "trace_pump", "trace_times"),
      Figure.LINE_SHAPES, Set.of("paper_figure", "energies"),
      Figure.SE_MAP, Set.of("paper_figure", "energies", "occupancies", "cuts"),
      Figure.SE_THRESHOLD_CURVE, Set.of("paper_figure", "parameter", "values"),
      Figure.ASE, Set.of("paper_figure", "energies", "fluence_multiples"));

  @Override
  public String name() {
    return figure.label();
  }

  /** The study of a Simple Model manifest (its runs are the analysis' models, not nanolaser runs). */
  static Study parseStudy(JsonNode root, String study, String title, String description, String analysis) {
    Figure figure = null;
    for (Figure f : Figure.values()) {
      if (f.label().equals(analysis)) {
        figure = f;
      }
    }
    if (root.has("units") || root.has("samples") || root.has("integration")) {
      String k = root.has("units") ? "units" : root.has("samples") ? "samples" : "integration";
      throw new InputException(k, "the Simple Model analyses take no " + k + " section (rates are in gamma_X, "
          + "parameters as in specs/simple-model.md section 2)");
    }
    Map<String, String> raw = scalarMap(root.get("parameters"), "parameters");
    Set<SimpleModelKind> models = new LinkedHashSet<>();
    List<Map<String, Object>> params = new ArrayList<>();
    parseModels(root.get("models"), raw, models, params);
    JsonNode s = section(root, "simple", "analysis " + analysis + " needs simple: {...} (grids of the figure, "
        + "docs/manifest.md)");
    unknownKeys(s, KEYS.get(figure), "simple.");
    String paper = text(s, "paper_figure", "simple.paper_figure", "");
    SimpleModelFigure a = parseGrids(figure, paper, s, List.copyOf(models), params);
    return new Study(study, title, description, org.qdlaser.pipeline.input.ParameterResolver.GAMMA_NR_PER_SECOND,
        List.of(), a);
  }

  /**
   * The {@code models:} list: each a Simple Model named once, with its parameters resolved from the
   * manifest's {@code raw} parameters; fills {@code models} and {@code params} in manifest order.
   */
  private static void parseModels(JsonNode ms, Map<String, String> raw, Set<SimpleModelKind> models,
      List<Map<String, Object>> params) {
    if (ms == null || !ms.isArray() || ms.isEmpty()) {
      throw new InputException("models", "models must be a non-empty list of Simple Model names (" + SimpleModelKind.names() + ")");
    }
    for (int i = 0; i < ms.size(); i++) {
      String path = "models[" + i + "]";
      String name = ms.get(i).asText();
      SimpleModelKind k = SimpleModelKind.find(name).orElseThrow(() -> new InputException(path,
          "unknown Simple Model '" + name + "', allowed: " + SimpleModelKind.names()
              + " (the nanolaser models take the other analyses)"));
      if (!models.add(k)) {
        throw new InputException(path, "model " + k + " is listed twice");
      }
      params.add(SimpleInputs.resolve(k, raw, "parameters.", Set.of()).parameters().asMap());
    }
  }

  /** The figure's grids and options from its {@code simple:} section {@code s}, each checked. */
  private static SimpleModelFigure parseGrids(Figure figure, String paper, JsonNode s, List<SimpleModelKind> models,
      List<Map<String, Object>> params) {
    Grid grid;
    Grid second = null;
    double tracePump = 0;
    String swept = null;
    List<Double> multiples = List.of();
    List<Double> cuts = List.of();
    switch (figure) {
      case CW_GAIN -> {
        grid = grid(s, "pumps", true);
        second = grid(s, "trace_times", true);
        tracePump = number(s, "trace_pump", "simple.trace_pump", 2.0);
        if (!(tracePump > 0)) {
          throw new InputException("simple.trace_pump", "trace_pump (gamma_X) must be positive, got " + tracePump);
        }
      }
      case LINE_SHAPES -> grid = grid(s, "energies", false);
      case SE_MAP -> {
        grid = grid(s, "energies", false);
        second = grid(s, "occupancies", false);
        for (Map<String, Object> p : params) {
          double nMax = ((Number) p.get(SimpleParameter.N_MAX.label())).doubleValue();
          if (!(second.from() > 0 && second.to() <= nMax)) {
            throw new InputException("simple.occupancies", "occupancies must lie in (0, n_max] = (0, " + nMax
                + "], got from " + second.from() + " to " + second.to());
          }
        }
        cuts = cuts(s, second.values());
      }
      case SE_THRESHOLD_CURVE -> {
        swept = text(s, "parameter", "simple.parameter", null);
        String sw = swept;
        SimpleParameter p = SimpleParameter.find(sw).orElseThrow(() -> new InputException("simple.parameter",
            "unknown parameter '" + sw + "', allowed: " + SimpleParameter.names()));
        grid = grid(s, "values", false);
        for (double v : new double[] {grid.from(), grid.to()}) {
          try {
            p.check(v);
          } catch (IllegalArgumentException e) {
            throw new InputException("simple.values", e.getMessage());
          }
        }
      }
      case ASE -> {
        grid = grid(s, "energies", false);
        multiples = numbers(s, "fluence_multiples", List.of(1.0, 1.5, 2.0));
        for (double v : multiples) {
          if (!(v > 0)) {
            throw new InputException("simple.fluence_multiples", "multiples of the ASE threshold fluence must be positive, got " + v);
          }
        }
      }
      default -> throw new AssertionError(figure);
    }
    return new SimpleModelFigure(figure, paper, models, params, grid, second, tracePump, swept, multiples, cuts);
  }

  /**
   * The SE map's cuts, each drawn from the map's row at that &lt;N&gt;: snapped to the occupancy grid's
   * value {@code occ} within rounding.
   */
  private static List<Double> cuts(JsonNode s, double[] occ) {
    List<Double> snapped = new ArrayList<>();
    for (double c : numbers(s, "cuts", List.of(1.0, 2.0))) {
      double best = Double.NaN;
      for (double o : occ) {
        if (Math.abs(o - c) <= 1e-9 * Math.max(1, Math.abs(c))) {
          best = o;
        }
      }
      if (Double.isNaN(best)) {
        throw new InputException("simple.cuts", "each cut must be one of the occupancies of the grid "
            + "(from + (to - from) i / (points - 1)), got " + c);
      }
      snapped.add(best);
    }
    return List.copyOf(snapped);
  }

  private static Grid grid(JsonNode s, String key, boolean log) {
    String path = "simple." + key;
    JsonNode g = ManifestFields.required(s, key, path);
    unknownKeys(g, Set.of("from", "to", "points"), path + ".");
    double from = number(g, "from", path + ".from", Double.NaN);
    double to = number(g, "to", path + ".to", Double.NaN);
    int n = points(g, path + ".points");
    if (!(to > from) || (log && !(from > 0))) {
      throw new InputException(path, "need from < to" + (log ? " and from > 0 (logarithmic grid)" : "") + ", got from "
          + g.get("from") + " to " + g.get("to"));
    }
    return new Grid(from, to, n, log);
  }

  private static List<Double> numbers(JsonNode s, String key, List<Double> def) {
    JsonNode n = s.get(key);
    if (n == null) {
      return def;
    }
    if (!n.isArray() || n.isEmpty()) {
      throw new InputException("simple." + key, "expected a non-empty list of numbers, got " + n);
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isNumber()) {
        throw new InputException("simple." + key + "[" + i + "]", "expected a number, got " + n.get(i));
      }
      out.add(n.get(i).asDouble());
    }
    return List.copyOf(out);
  }

  @Override
  public RunPlan plan(ModelRun run, Study study) {
    throw new IllegalStateException("a Simple Model study has no nanolaser runs; see planStudy");
  }

  @Override
  public RunPlan planStudy(Study study) {
    List<PlannedTask> tasks = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      SimpleModelKind k = models.get(i);
      tasks.add(SimpleFigureTask.TASK.plan(k.name(), new SimpleFigureTask.Params(k, figure, parameters.get(i), grid,
          second, tracePump, sweptParameter, multiples), List.of()));
    }
    return new RunPlan(tasks, tasks.stream().map(t -> t.spec().id()).toList());
  }

  @Override
  public PlannedTask report(Study study, ReportContext context, List<String> inputs) {
    Map<String, Map<String, Object>> byModel = new LinkedHashMap<>();
    for (int i = 0; i < models.size(); i++) {
      byModel.put(models.get(i).name(), parameters.get(i));
    }
    return SimpleFigureReport.TASK.plan("all", new SimpleFigureReport.Params(study.reportHeader(context), figure,
        paperFigure, byModel, tracePump, sweptParameter, cuts), inputs);
  }
}
