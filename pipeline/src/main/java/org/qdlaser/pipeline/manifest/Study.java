package org.qdlaser.pipeline.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;

/**
 * A validated study manifest (schema qdlaser/manifest/v1).
 *
 * @param name study name (run directory name)
 * @param title human title
 * @param description free text
 * @param gammaNrPerSecond unit of all rates, s^-1
 * @param models the model runs
 * @param analysis what is computed for each model
 * @param pumps sweep: the pump values in sweep order; branches: {start pump, lowest pump} (normalised)
 * @param scan threshold curves: the scanned parameter (null otherwise)
 * @param relaxation integration settings
 * @param recordStride time series: record every k-th accepted step
 * @param figures activation studies: the figures drawn from the runs (empty: one panel per run)
 * @param window oscillation studies: the length of the lab-frame time window (1/gamma_nr); activation
 *     studies: the transient budget (1/gamma_nr) of samples that Newton does not settle from the seed
 *     (TransientBudget); NaN otherwise
 */
public record Study(
    String name, String title, String description, double gammaNrPerSecond, List<ModelRun> models,
    Analysis analysis, double[] pumps, Scan scan, RelaxationSettings relaxation, int recordStride,
    List<Figure> figures, double window) {

  public Study {
    models = List.copyOf(models);
    figures = List.copyOf(figures);
    pumps = pumps.clone();
  }

  @Override
  public double[] pumps() {
    return pumps.clone();
  }

  /** Activation studies: the transient budget of {@code window}; others: the default budget. */
  public org.qdlaser.stages.integration.TransientBudget transientBudget() {
    return analysis == Analysis.ACTIVATION && Double.isFinite(window)
        ? org.qdlaser.stages.integration.TransientBudget.of(window)
        : org.qdlaser.stages.integration.TransientBudget.defaults();
  }

  /** What a study computes per model. */
  public enum Analysis {
    /** Downward pump sweep by integration (App. A), Newton-polished, with the exact threshold. */
    SWEEP,
    /** The exact threshold as a function of one parameter (Figs. 1 and 2). */
    THRESHOLD_CURVE,
    /** The lasing branch by continuation, stable and unstable parts (Figs. 3 and 7). */
    BRANCHES,
    /** Activation curve of a polydisperse sample at one pump with its Lorentzian fit (Fig. 4). */
    ACTIVATION,
    /** The lasing field in the lab frame over a time window from the rotating lasing state (Fig. 11). */
    OSCILLATION
  }

  /**
   * A scanned parameter.
   *
   * @param parameter parameter name (ParameterResolver.NAMES, not r)
   * @param values normalised values in scan order (copy)
   * @param log whether the axis is logarithmic
   */
  public record Scan(String parameter, double[] values, boolean log) {
    public Scan {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * One model in the study.
   *
   * @param label unique label (file names, legend)
   * @param kind the model
   * @param parameters normalised parameters (the pump is the sweep's)
   * @param raw the parameter values as written (for re-resolving with a scanned value)
   * @param sample sample options of a _d model (w_qd, seed, tail, identical_fraction), empty otherwise
   */
  public record ModelRun(
      String label, ModelKind kind, LaserParameters parameters, Map<String, String> raw, Map<String, String> sample) {
    public ModelRun {
      raw = new LinkedHashMap<>(raw);
      sample = new LinkedHashMap<>(sample);
    }

    @Override
    public Map<String, String> sample() {
      return new LinkedHashMap<>(sample);
    }

    @Override
    public Map<String, String> raw() {
      return new LinkedHashMap<>(raw);
    }

    /** The sample's width w_qd in units of gamma (the sampling default 1 when not given). */
    public double sampleWidth() {
      return sample.containsKey("w_qd") ? Double.parseDouble(sample.get("w_qd")) : 1.0;
    }

    /** The sample's seed (the sampling default 1 when not given). */
    public long sampleSeed() {
      return sample.containsKey("seed") ? (long) Double.parseDouble(sample.get("seed")) : 1L;
    }

    /** gamma_l (normalised): Table I's unless given; sets gamma_nl together with beta. */
    public double gammaL() {
      return ParameterResolver.resolve(raw, "").gammaL();
    }

    /** Parameters with one value replaced (normalised). */
    public LaserParameters with(String parameter, double normalisedValue) {
      Map<String, String> m = raw();
      if ("beta".equals(parameter)) {
        m.remove("gamma_nl");
      }
      m.put(parameter, Double.toString(normalisedValue));
      // The value is already normalised: drop the unit so that it is not converted again.
      return ParameterResolver.resolve(m, "scan.").parameters();
    }
  }

  /** What a figure shows (activation studies; {@code photons_vs_pump}: sweep studies; {@code amplitude_range}: branches studies). */
  public enum FigureKind {
    /** One activation panel (scaled |<v^+ c>|^2 vs detuning with the Lorentzian fit) per selected run (Figs. 8, 9). */
    ACTIVATION_PANELS,
    /** Fitted width w_L against the lasing frequency omega, one series per model (Figs. 5, 9). */
    WIDTH_VS_FREQUENCY,
    /** Fitted amplitude a_L against |omega| (the shift from the cavity), one series per w_qd (Figs. 6, 10). */
    AMPLITUDE_VS_SHIFT,
    /** Photon number <b^+b> against the pump, log-log, thresholds marked by shape (the Reply's Fig. 1); sweep studies. */
    PHOTONS_VS_PUMP,
    /**
     * Branches study: lasing branches |<b>| vs pump of the identical-dot runs and of one sample per
     * polydisperse model (the figure's seed), with the min..max range over all samples of that model
     * as error bars and the thresholds as diamonds, plus a low-pump magnification (Fig. 3).
     */
    AMPLITUDE_RANGE;

    public String manifestName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The analysis whose runs the figure is drawn from. */
    public Analysis analysis() {
      switch (this) {
        case PHOTONS_VS_PUMP:
          return Analysis.SWEEP;
        case AMPLITUDE_RANGE:
          return Analysis.BRANCHES;
        default:
          return Analysis.ACTIVATION;
      }
    }
  }

  /**
   * One figure of an activation study, drawn from the runs it selects.
   *
   * @param id file name stem and report anchor (e.g. fig5)
   * @param kind what it shows
   * @param title heading and chart title
   * @param models selected model kinds (all models when empty)
   * @param wQd selected width w_qd (units of gamma), NaN for every width
   * @param seed selected seed, null for every seed
   * @param labelPoints whether each point is labelled by its sample index (seed), as in Fig. 9
   * @param markers photons_vs_pump: threshold marker shape (star, diamond, cross) per run label;
   *     runs not named get a diamond
   */
  public record Figure(String id, FigureKind kind, String title, List<ModelKind> models, double wQd, Long seed,
      boolean labelPoints, Map<String, String> markers) {
    public Figure {
      models = List.copyOf(models);
      markers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(markers));
      if (id == null || kind == null || title == null) {
        throw new IllegalArgumentException("figure id, kind and title must not be null");
      }
    }

    /** A figure without threshold markers (activation figures). */
    public Figure(String id, FigureKind kind, String title, List<ModelKind> models, double wQd, Long seed,
        boolean labelPoints) {
      this(id, kind, title, models, wQd, seed, labelPoints, Map.of());
    }

    /** The marker shape of a run's threshold: its entry in {@code markers}, else diamond. */
    public String marker(String label) {
      return markers.getOrDefault(label, "diamond");
    }

    /**
     * amplitude_range: whether the run is one of the polydisperse samples whose range the error bars
     * show (selected model, w_qd; every seed).
     */
    public boolean inRange(ModelRun run) {
      return run.kind().polydisperse() && (models.isEmpty() || models.contains(run.kind()))
          && (Double.isNaN(wQd) || run.sampleWidth() == wQd);
    }

    /**
     * amplitude_range: whether the run's branch is drawn: an identical-dot run of a selected model,
     * or the sample with the figure's seed (the lowest seed of the range when none is given: decided
     * by the report, so here every seed passes without a seed).
     */
    public boolean showsBranch(ModelRun run) {
      if (!run.kind().polydisperse()) {
        return models.isEmpty() || models.contains(run.kind());
      }
      return inRange(run) && (seed == null || run.sampleSeed() == seed);
    }

    /** Whether the figure shows this run. */
    public boolean selects(ModelRun run) {
      return (models.isEmpty() || models.contains(run.kind()))
          && (Double.isNaN(wQd) || run.sampleWidth() == wQd)
          && (seed == null || run.sampleSeed() == seed);
    }
  }
}
