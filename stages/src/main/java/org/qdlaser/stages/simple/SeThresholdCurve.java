package org.qdlaser.stages.simple;

import java.util.Objects;
import org.qdlaser.stages.physics.simple.SeAnalysis;
import org.qdlaser.stages.physics.simple.SeThreshold;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralModel;

/**
 * SE thresholds against one parameter (paper Figs. 8g-h: against the binding energy Delta_XXA2 of
 * the absorbing biexciton, "computed at the energy of the SE threshold and the SE maximum").
 *
 * @param kind model
 * @param parameter the swept parameter
 * @param values its values, canonical units (copied)
 * @param thresholdN min over E of N0(E) per value (NaN: no gain up to n_max)
 * @param thresholdEnergy its energy, eV
 * @param atWindowEdge whether that minimum sits on the probe window's edge
 * @param thresholdNAtMaxGainEnergy N0 at the energy of the SE maximum (NaN: none)
 * @param maxGainEnergy energy of the SE maximum at n_max, eV (NaN: no gain)
 * @param crossSectionRatio |sigma_SE / sigma_A| per value
 */
public record SeThresholdCurve(SimpleModelKind kind, SimpleParameter parameter, double[] values, double[] thresholdN,
    double[] thresholdEnergy, boolean[] atWindowEdge, double[] thresholdNAtMaxGainEnergy, double[] maxGainEnergy,
    double[] crossSectionRatio) {

  public SeThresholdCurve {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parameter, "parameter");
    values = values.clone();
    thresholdN = thresholdN.clone();
    thresholdEnergy = thresholdEnergy.clone();
    atWindowEdge = atWindowEdge.clone();
    thresholdNAtMaxGainEnergy = thresholdNAtMaxGainEnergy.clone();
    maxGainEnergy = maxGainEnergy.clone();
    crossSectionRatio = crossSectionRatio.clone();
  }

  /**
   * Sweeps {@code parameter} over {@code values} starting from {@code base}'s settings.
   *
   * @param base the model's builder with every other setting (not modified)
   */
  public static SeThresholdCurve sweep(SimpleParameters.Builder base, SimpleParameter parameter, double[] values) {
    int n = values.length;
    double[] th = new double[n];
    double[] eTh = new double[n];
    boolean[] edge = new boolean[n];
    double[] thMax = new double[n];
    double[] eMax = new double[n];
    double[] ratio = new double[n];
    SimpleModelKind kind = null;
    for (int i = 0; i < n; i++) {
      SimpleParameters p = base.copy().set(parameter, values[i]).build();
      kind = p.kind();
      SeThreshold t = SeAnalysis.analyse(SpectralModel.of(p));
      th[i] = t.thresholdN();
      eTh[i] = t.thresholdEnergy();
      edge[i] = t.atWindowEdge();
      thMax[i] = t.thresholdNAtMaxGainEnergy();
      eMax[i] = t.maxGainEnergy();
      ratio[i] = t.crossSectionRatio();
    }
    if (kind == null) {
      kind = base.build().kind();
    }
    return new SeThresholdCurve(kind, parameter, values, th, eTh, edge, thMax, eMax, ratio);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] thresholdN() {
    return thresholdN.clone();
  }

  @Override
  public double[] thresholdEnergy() {
    return thresholdEnergy.clone();
  }

  @Override
  public boolean[] atWindowEdge() {
    return atWindowEdge.clone();
  }

  @Override
  public double[] thresholdNAtMaxGainEnergy() {
    return thresholdNAtMaxGainEnergy.clone();
  }

  @Override
  public double[] maxGainEnergy() {
    return maxGainEnergy.clone();
  }

  @Override
  public double[] crossSectionRatio() {
    return crossSectionRatio.clone();
  }
}
