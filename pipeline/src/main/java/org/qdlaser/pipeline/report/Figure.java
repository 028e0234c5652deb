package org.qdlaser.pipeline.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.report.PhotonFigure;

/**
 * One figure of a study (manifest {@code figures:}), drawn from the runs it selects.
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
public record Figure(
    @JsonProperty("id") String id,
    @JsonProperty("kind") FigureKind kind,
    @JsonProperty("title") String title,
    @JsonProperty("models") List<ModelKind> models,
    @JsonProperty("w_qd") double wQd,
    @JsonProperty("seed") Long seed,
    @JsonProperty("label_points") boolean labelPoints,
    @JsonProperty("markers") Map<String, String> markers) {
  public Figure {
    models = List.copyOf(models);
    markers = Collections.unmodifiableMap(new TreeMap<>(markers));
    if (id == null || kind == null || title == null) {
      throw new IllegalArgumentException("figure id, kind and title must not be null");
    }
  }

  /** A figure without threshold markers (activation figures). */
  public Figure(String id, FigureKind kind, String title, List<ModelKind> models, double wQd, Long seed, boolean labelPoints) {
    this(id, kind, title, models, wQd, seed, labelPoints, Map.of());
  }

  /**
   * A threshold marker's shape as written in a manifest (star, diamond, cross), normalised.
   *
   * @throws IllegalArgumentException naming the allowed shapes
   */
  public static String markerShape(String text) {
    return PhotonFigure.Shape.parse(text).manifestName();
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
