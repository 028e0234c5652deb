package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SimpleFigureTables;
import org.qdlaser.pipeline.artifacts.SimpleSummary;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.physics.simple.AseAnalysis;
import org.qdlaser.stages.physics.simple.CwThreshold;
import org.qdlaser.stages.physics.simple.FluenceMap;
import org.qdlaser.stages.physics.simple.SeAnalysis;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralModel;
import org.qdlaser.stages.physics.simple.Statistics;
import org.qdlaser.stages.simple.AseSpectra;
import org.qdlaser.stages.simple.CwGain;
import org.qdlaser.stages.simple.SeMap;
import org.qdlaser.stages.simple.SeThresholdCurve;

/**
 * One Simple Model's data for one figure kind (companion paper Figs. 6d, 7b, 8a, 8c-h, 9a-d), with
 * its thresholds (cw, SE, ASE) in {@code simple/<label>.json} for the report and golden checks.
 */
public enum SimpleFigureTask implements StageTask<SimpleFigureTask.Params> {
  TASK;

  /** The figure kinds, by their manifest analysis names. */
  public enum Figure {
    CW_GAIN("cw_gain"),
    LINE_SHAPES("line_shapes"),
    SE_MAP("se_map"),
    SE_THRESHOLD_CURVE("se_threshold_curve"),
    ASE("ase");

    private final String label;

    Figure(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
      return label;
    }
  }

  /**
   * A grid of values: {@code points} from {@code from} to {@code to}, linear or logarithmic.
   *
   * @param from first value
   * @param to last value
   * @param points number of values, &gt;= 2
   * @param log logarithmic spacing (from, to &gt; 0)
   */
  public record Grid(@JsonProperty("from") double from, @JsonProperty("to") double to,
      @JsonProperty("points") int points, @JsonProperty("log") boolean log) {
    public double[] values() {
      double[] v = new double[points];
      for (int i = 0; i < points; i++) {
        double f = i / (double) (points - 1);
        v[i] = log ? from * Math.pow(to / from, f) : from + (to - from) * f;
      }
      v[points - 1] = to;
      return v;
    }
  }

  /**
   * @param model the Simple Model
   * @param figure the figure kind
   * @param parameters every parameter of the model, canonical units ({@link SimpleParameters#asMap})
   * @param grid the figure's main grid: pumps (cw), energies (line shapes, SE map, ASE) or the swept
   *     parameter's values (threshold curve)
   * @param second the second grid: trace times after t = 0 (cw), occupancies (SE map), else null
   * @param tracePump pump of the cw trace, gamma_X (cw only, else 0)
   * @param sweptParameter the swept parameter (threshold curve only, else null)
   * @param multiples fluences in units of the model's ASE threshold fluence (ASE only, else empty)
   */
  public record Params(@JsonProperty("model") SimpleModelKind model, @JsonProperty("figure") Figure figure,
      @JsonProperty("parameters") Map<String, Object> parameters, @JsonProperty("grid") Grid grid,
      @JsonProperty("second") Grid second, @JsonProperty("trace_pump") double tracePump,
      @JsonProperty("swept_parameter") String sweptParameter, @JsonProperty("multiples") List<Double> multiples) {
    public Params {
      parameters = new LinkedHashMap<>(parameters);
      multiples = List.copyOf(multiples);
    }

    /** The model's parameters rebuilt from the canonical map (every value set explicitly). */
    public SimpleParameters.Builder builder() {
      SimpleParameters.Builder b = SimpleParameters.builder(model);
      for (SimpleParameter p : SimpleParameter.values()) {
        b.set(p, ((Number) parameters.get(p.label())).doubleValue());
      }
      b.statistics(Statistics.parse((String) parameters.get(SimpleParameters.STATISTICS)));
      b.fluenceMap(FluenceMap.parse((String) parameters.get(SimpleParameters.FLUENCE_MAP)));
      return b;
    }
  }

  @Override
  public String stage() {
    return "simple";
  }

  @Override
  public int version() {
    return StageVersions.SIMPLE;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    SimpleParameters sp = p.builder().build();
    SpectralModel m = SpectralModel.of(sp);
    SimpleSummary s = SimpleSummary.of(p.model().name(), p.figure().label(), CwThreshold.of(p.model().scheme(), sp.cw()),
        SeAnalysis.analyse(m), AseAnalysis.threshold(m, sp.ase()));
    Map<String, byte[]> out = new LinkedHashMap<>();
    switch (p.figure()) {
      case CW_GAIN -> {
        CwGain.Curve c = CwGain.curve(sp, p.grid().values());
        double[] after = p.second().values();
        double[] times = new double[after.length + 1];
        System.arraycopy(after, 0, times, 1, after.length);
        CwGain.Trace tr = CwGain.trace(sp.withPump(p.tracePump()), times);
        out.putAll(SimpleFigureTables.cw(label, c, tr));
        s = s.withSteadyState(tr.steadyState().populations(), tr.steadyState().gain());
      }
      case LINE_SHAPES -> {
        double[] e = p.grid().values();
        out.putAll(SimpleFigureTables.lineShapes(label, e, SeMap.lineShapes(sp, e)));
      }
      case SE_MAP -> out.putAll(SimpleFigureTables.seMap(label, SeMap.compute(sp, p.grid().values(), p.second().values())));
      case SE_THRESHOLD_CURVE -> {
        SimpleParameter swept = SimpleParameter.find(p.sweptParameter()).orElseThrow();
        out.putAll(SimpleFigureTables.thresholdCurve(label, SeThresholdCurve.sweep(p.builder(), swept, p.grid().values())));
      }
      case ASE -> {
        double[] mult = p.multiples().stream().mapToDouble(Double::doubleValue).toArray();
        AseSpectra a = AseSpectra.computeRelative(sp, p.grid().values(), mult);
        out.putAll(SimpleFigureTables.ase(label, a));
        s = s.withSpikes(a.fluences(), a.spikeEnergies());
      }
      default -> throw new AssertionError(p.figure());
    }
    out.put(ArtifactPaths.simpleSummary(label), s.toJson());
    return out;
  }
}
