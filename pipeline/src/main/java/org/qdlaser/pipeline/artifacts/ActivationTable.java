package org.qdlaser.pipeline.artifacts;

import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/**
 * {@code equilibrium/<label>-activation.arrow|csv}: the activation curve of a sample's state, one row
 * per dot in sample order: |&lt;v^+ c&gt;|^2 against the dot's detuning, and scaled to its maximum
 * (NaN for a sample that does not lase), and the dot's upper-level population n_l = &lt;c_l^+ c_l&gt;
 * (what the frequency-pulling relation and the two-level bound need, issue 15).
 *
 * @param detuning per-dot detuning (normalised)
 * @param detuningOverGamma detuning in units of gamma
 * @param activation |&lt;v^+ c&gt;|^2
 * @param scaled activation / its maximum
 * @param upperPopulation per-dot n_l = &lt;c_l^+ c_l&gt;
 */
public record ActivationTable(
    double[] detuning, double[] detuningOverGamma, double[] activation, double[] scaled, double[] upperPopulation) {
  public ActivationTable {
    int n = detuning.length;
    if (detuningOverGamma.length != n || activation.length != n || scaled.length != n || upperPopulation.length != n) {
      throw new IllegalArgumentException("activation columns must have equal lengths");
    }
    upperPopulation = upperPopulation.clone();
    detuning = detuning.clone();
    detuningOverGamma = detuningOverGamma.clone();
    activation = activation.clone();
    scaled = scaled.clone();
  }

  /** The curve of a state's activation, detunings scaled by gamma and activations by {@code max}. */
  public static ActivationTable of(
      double[] detuning, double gamma, double[] activation, double max, double[] upperPopulation) {
    int n = activation.length;
    double[] detG = new double[n];
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      detG[i] = detuning[i] / gamma;
      scaled[i] = activation[i] / max;
    }
    return new ActivationTable(detuning, detG, activation, scaled, upperPopulation);
  }

  @Override
  public double[] detuning() {
    return detuning.clone();
  }

  @Override
  public double[] detuningOverGamma() {
    return detuningOverGamma.clone();
  }

  @Override
  public double[] activation() {
    return activation.clone();
  }

  @Override
  public double[] scaled() {
    return scaled.clone();
  }

  @Override
  public double[] upperPopulation() {
    return upperPopulation.clone();
  }

  Table toTable() {
    long[] dot = new long[detuning.length];
    for (int i = 0; i < dot.length; i++) {
      dot[i] = i;
    }
    return Table.builder("activation").addLong("dot", dot).addDouble("detuning", detuning)
        .addDouble("detuning_over_gamma", detuningOverGamma).addDouble("activation", activation)
        .addDouble("activation_scaled", scaled).addDouble("dot_upper_population", upperPopulation).build();
  }

  public Map<String, byte[]> files(String label) {
    return TableFiles.of(ArtifactPaths.activation(label), toTable());
  }

  public static ActivationTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    return new ActivationTable(t.doubles("detuning"), t.doubles("detuning_over_gamma"), t.doubles("activation"),
        t.doubles("activation_scaled"), t.doubles("dot_upper_population"));
  }
}
