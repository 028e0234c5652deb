package org.qdlaser.pipeline.artifacts;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * {@code equilibrium/<label>-thresholds.arrow|csv}: the exact threshold at every value of a scanned
 * parameter (its column is named after it), NaN with the reason as its kind where none was found.
 *
 * @param parameter the scanned parameter
 * @param rows one per scan value, in scan order
 */
public record ThresholdsTable(String parameter, List<Row> rows) {
  public ThresholdsTable {
    rows = List.copyOf(rows);
  }

  /**
   * One scan value.
   *
   * @param value the parameter's value (normalised)
   * @param thresholdPump the threshold (normalised; NaN if none)
   * @param thresholdPumpPerS the threshold in s^-1
   * @param kind pitchfork, fold, ... or {@code none: <reason>}
   * @param bAbs |b| at the threshold
   * @param upperPopulation mean upper population at the threshold
   */
  public record Row(double value, double thresholdPump, double thresholdPumpPerS, String kind, double bAbs,
      double upperPopulation) {}

  public double[] doubles(ToDoubleFunction<Row> column) {
    return rows.stream().mapToDouble(column).toArray();
  }

  Table toTable() {
    return Table.builder("thresholds")
        .addDouble(parameter, doubles(Row::value)).addDouble("threshold_pump", doubles(Row::thresholdPump))
        .addDouble("threshold_pump_per_s", doubles(Row::thresholdPumpPerS))
        .addString("kind", rows.stream().map(Row::kind).toArray(String[]::new))
        .addDouble("b_abs", doubles(Row::bAbs)).addDouble("upper_population", doubles(Row::upperPopulation)).build();
  }

  public Map<String, byte[]> files(String label) {
    return TableFiles.of(ArtifactPaths.thresholds(label), toTable());
  }

  public static ThresholdsTable fromArrow(byte[] bytes, String parameter) {
    Table t = TableCodec.fromArrowIpc(bytes);
    double[] v = t.doubles(parameter);
    double[] pump = t.doubles("threshold_pump");
    double[] perS = t.doubles("threshold_pump_per_s");
    String[] kind = t.strings("kind");
    double[] b = t.doubles("b_abs");
    double[] cc = t.doubles("upper_population");
    Row[] rows = new Row[v.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Row(v[i], pump[i], perS[i], kind[i], b[i], cc[i]);
    }
    return new ThresholdsTable(parameter, List.of(rows));
  }
}
