package org.qdlaser.stages.simple;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.qdlaser.stages.physics.simple.SeAnalysis;
import org.qdlaser.stages.physics.simple.SeThreshold;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralModel;

/**
 * The non-linear absorbance OD_NL(E, &lt;N&gt;) of a Simple Model on a grid (paper Figs. 8c-f: the SE
 * map sigma_SE(E, &lt;N&gt;), its cuts at fixed &lt;N&gt; and its buildup at the energies of the SE
 * threshold and of the SE maximum), and the model's line shapes (Fig. 8a).
 *
 * @param kind model
 * @param energies photon energies, eV (copied)
 * @param occupancies mean exciton numbers &lt;N&gt; of the map's rows (copied)
 * @param odNl OD_NL / OD_0, row-major (occupancies x energies); SE = max(0, -OD_NL)
 * @param threshold SE threshold, maximum gain and cross-section ratio over the probe window
 * @param odNlAtThresholdEnergy OD_NL / OD_0 against &lt;N&gt; at the energy of the SE threshold (NaN
 *     if there is none)
 * @param odNlAtMaxGainEnergy OD_NL / OD_0 against &lt;N&gt; at the energy of the SE maximum (NaN if
 *     there is none)
 */
public record SeMap(SimpleModelKind kind, double[] energies, double[] occupancies, double[] odNl, SeThreshold threshold,
    double[] odNlAtThresholdEnergy, double[] odNlAtMaxGainEnergy) {

  public SeMap {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(threshold, "threshold");
    energies = energies.clone();
    occupancies = occupancies.clone();
    odNl = odNl.clone();
    odNlAtThresholdEnergy = odNlAtThresholdEnergy.clone();
    odNlAtMaxGainEnergy = odNlAtMaxGainEnergy.clone();
  }

  /**
   * Computes the map.
   *
   * @throws IllegalArgumentException if an occupancy is outside (0, n_max] (spectral parameters'
   *     {@link org.qdlaser.stages.physics.simple.SpectralParameters#requireOccupancy})
   */
  public static SeMap compute(SimpleParameters p, double[] energies, double[] occupancies) {
    SpectralModel m = SpectralModel.of(p);
    for (double n : occupancies) {
      p.spectral().requireOccupancy(n);
    }
    double[] od = new double[occupancies.length * energies.length];
    for (int i = 0; i < occupancies.length; i++) {
      for (int j = 0; j < energies.length; j++) {
        od[i * energies.length + j] = m.odNl(energies[j], occupancies[i]);
      }
    }
    SeThreshold t = SeAnalysis.analyse(m);
    return new SeMap(p.kind(), energies, occupancies, od, t, buildup(m, t.thresholdEnergy(), occupancies),
        buildup(m, t.maxGainEnergy(), occupancies));
  }

  private static double[] buildup(SpectralModel m, double e, double[] occupancies) {
    double[] out = new double[occupancies.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.isNaN(e) ? Double.NaN : m.odNl(e, occupancies[i]);
    }
    return out;
  }

  /** OD_NL / OD_0 at row {@code i} (an occupancy) and column {@code j} (an energy). */
  public double odNl(int i, int j) {
    return odNl[i * energies.length + j];
  }

  /** The SE spectrum max(0, -OD_NL) / OD_0 at occupancy row {@code i}; a new array. */
  public double[] seRow(int i) {
    double[] out = new double[energies.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.max(0.0, -odNl(i, j));
    }
    return out;
  }

  @Override
  public double[] energies() {
    return energies.clone();
  }

  @Override
  public double[] occupancies() {
    return occupancies.clone();
  }

  @Override
  public double[] odNl() {
    return odNl.clone();
  }

  @Override
  public double[] odNlAtThresholdEnergy() {
    return odNlAtThresholdEnergy.clone();
  }

  @Override
  public double[] odNlAtMaxGainEnergy() {
    return odNlAtMaxGainEnergy.clone();
  }

  /**
   * The five transitions of Fig. 8a on an energy grid, peak-scaled in units of OD_0 (A_X and PL_X
   * peak at 1, the ESA lines at a, PL_XX at c); an unmodifiable map in transition order.
   */
  public static Map<SpectralModel.Transition, double[]> lineShapes(SimpleParameters p, double[] energies) {
    SpectralModel m = SpectralModel.of(p);
    Map<SpectralModel.Transition, double[]> out = new EnumMap<>(SpectralModel.Transition.class);
    for (SpectralModel.Transition t : SpectralModel.Transition.values()) {
      double[] v = new double[energies.length];
      for (int j = 0; j < v.length; j++) {
        v[j] = m.transition(t, energies[j]);
      }
      out.put(t, v);
    }
    return Collections.unmodifiableMap(out);
  }
}
