package org.qdlaser.pipeline.artifacts;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.equilibrium.BranchPoint;
import org.qdlaser.stages.physics.Parameter;

/**
 * {@code equilibrium/<label>-branch.arrow|csv}: the points of a continued lasing branch in order.
 * The first two columns are the continuation parameter: {@code pump} and {@code pump_per_s} for the
 * pump, else its name and {@code <name>_per_s} (rates) or {@code <name>_value} (mu, w_qd).
 *
 * @param parameter the continuation parameter
 * @param rows the branch points
 */
public record BranchTable(String parameter, List<Row> rows) {
  public BranchTable {
    rows = List.copyOf(rows);
  }

  /**
   * One point of the branch.
   *
   * @param value the parameter's value (normalised)
   * @param valueInUnits the same in s^-1 (rates) or as it is
   * @param bAbs |b|
   * @param omega rotation frequency
   * @param photons &lt;b+b&gt;
   * @param upperPopulation mean &lt;c+c&gt;
   * @param stable stable
   * @param rightmostEigenvalue real part of the rightmost eigenvalue
   */
  public record Row(double value, double valueInUnits, double bAbs, double omega, double photons, double upperPopulation,
      boolean stable, double rightmostEigenvalue) {
    public static Row of(BranchPoint p, String parameter, double gammaNrPerSecond) {
      return new Row(p.pump(), BranchFolds.inUnits(parameter, p.pump(), gammaNrPerSecond), p.bAbs(), p.omega(), p.photons(),
          p.upperPopulation(), p.stable(), p.rightmostEigenvalue());
    }
  }

  /** Name of the column of the parameter's value. */
  public static String valueColumn(String parameter) {
    return parameter.equals("r") ? "pump" : parameter;
  }

  /** Name of the column of the value in units. */
  public static String unitsColumn(String parameter) {
    return valueColumn(parameter) + (Parameter.of(parameter).rate() ? "_per_s" : "_value");
  }

  public double[] doubles(ToDoubleFunction<Row> column) {
    return rows.stream().mapToDouble(column).toArray();
  }

  public boolean[] stable() {
    boolean[] a = new boolean[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = rows.get(i).stable();
    }
    return a;
  }

  Table toTable() {
    return Table.builder("branch").addDouble(valueColumn(parameter), doubles(Row::value))
        .addDouble(unitsColumn(parameter), doubles(Row::valueInUnits)).addDouble("b_abs", doubles(Row::bAbs))
        .addDouble("omega", doubles(Row::omega)).addDouble("photons", doubles(Row::photons))
        .addDouble("upper_population", doubles(Row::upperPopulation)).addBoolean("stable", stable())
        .addDouble("rightmost_eigenvalue", doubles(Row::rightmostEigenvalue)).build();
  }

  public Map<String, byte[]> files(String label) {
    return TableFiles.of(ArtifactPaths.branch(label), toTable());
  }

  public static BranchTable fromArrow(byte[] bytes, String parameter) {
    Table t = TableCodec.fromArrowIpc(bytes);
    double[] v = t.doubles(valueColumn(parameter));
    double[] u = t.doubles(unitsColumn(parameter));
    double[] b = t.doubles("b_abs");
    double[] omega = t.doubles("omega");
    double[] photons = t.doubles("photons");
    double[] cc = t.doubles("upper_population");
    boolean[] stable = t.booleans("stable");
    double[] lambda = t.doubles("rightmost_eigenvalue");
    Row[] rows = new Row[v.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Row(v[i], u[i], b[i], omega[i], photons[i], cc[i], stable[i], lambda[i]);
    }
    return new BranchTable(parameter, List.of(rows));
  }
}
