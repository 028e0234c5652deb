package org.qdlaser.pipeline.artifacts;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.equilibrium.Equilibrium;

/**
 * {@code equilibrium/<label>.arrow|csv}: the Newton-polished end of every pump of a downward sweep,
 * one row per pump in sweep order.
 */
public record EquilibriaTable(List<Row> rows) {
  public EquilibriaTable {
    rows = List.copyOf(rows);
  }

  /**
   * One pump of the sweep.
   *
   * @param pump pump (normalised)
   * @param pumpPerS pump in s^-1
   * @param lasing coherent field present
   * @param stable stable
   * @param bAbs |b|
   * @param omega rotation frequency
   * @param photons &lt;b+b&gt;
   * @param upperPopulation mean &lt;c+c&gt;
   * @param residual Newton residual
   * @param rightmostEigenvalue real part of the rightmost eigenvalue
   * @param newtonIterations Newton iterations
   * @param transientTime the transient's duration before the polish
   * @param transientReachedCriterion whether the transient met the App. A criterion
   */
  public record Row(double pump, double pumpPerS, boolean lasing, boolean stable, double bAbs, double omega, double photons,
      double upperPopulation, double residual, double rightmostEigenvalue, long newtonIterations, double transientTime,
      boolean transientReachedCriterion) {
    /** The row of an equilibrium polished from a transient of the given duration. */
    public static Row of(Equilibrium e, double gammaNrPerSecond, double transientTime, boolean reachedCriterion) {
      return new Row(e.pump(), e.pump() * gammaNrPerSecond, e.lasing(), e.stable(), e.bAbs(), e.omega(), e.photons(),
          e.upperPopulationMean(), e.residual(), e.rightmostEigenvalue(), e.newtonIterations(), transientTime,
          reachedCriterion);
    }
  }

  public double[] doubles(ToDoubleFunction<Row> column) {
    return rows.stream().mapToDouble(column).toArray();
  }

  public boolean[] booleans(Predicate<Row> column) {
    boolean[] a = new boolean[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = column.test(rows.get(i));
    }
    return a;
  }

  Table toTable() {
    return Table.builder("equilibria")
        .addDouble("pump", doubles(Row::pump)).addDouble("pump_per_s", doubles(Row::pumpPerS))
        .addBoolean("lasing", booleans(Row::lasing)).addBoolean("stable", booleans(Row::stable))
        .addDouble("b_abs", doubles(Row::bAbs)).addDouble("omega", doubles(Row::omega))
        .addDouble("photons", doubles(Row::photons)).addDouble("upper_population", doubles(Row::upperPopulation))
        .addDouble("residual", doubles(Row::residual)).addDouble("rightmost_eigenvalue", doubles(Row::rightmostEigenvalue))
        .addLong("newton_iterations", rows.stream().mapToLong(Row::newtonIterations).toArray())
        .addDouble("transient_time", doubles(Row::transientTime))
        .addBoolean("transient_reached_criterion", booleans(Row::transientReachedCriterion))
        .build();
  }

  /** The Arrow and CSV files of a run. */
  public Map<String, byte[]> files(String label) {
    return TableFiles.of(ArtifactPaths.equilibria(label), toTable());
  }

  public static EquilibriaTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    double[] pump = t.doubles("pump");
    double[] pumpPerS = t.doubles("pump_per_s");
    boolean[] lasing = t.booleans("lasing");
    boolean[] stable = t.booleans("stable");
    double[] b = t.doubles("b_abs");
    double[] omega = t.doubles("omega");
    double[] photons = t.doubles("photons");
    double[] cc = t.doubles("upper_population");
    double[] residual = t.doubles("residual");
    double[] lambda = t.doubles("rightmost_eigenvalue");
    long[] newton = t.longs("newton_iterations");
    double[] time = t.doubles("transient_time");
    boolean[] reached = t.booleans("transient_reached_criterion");
    Row[] rows = new Row[t.rowCount()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Row(pump[i], pumpPerS[i], lasing[i], stable[i], b[i], omega[i], photons[i], cc[i], residual[i], lambda[i],
          newton[i], time[i], reached[i]);
    }
    return new EquilibriaTable(List.of(rows));
  }
}
