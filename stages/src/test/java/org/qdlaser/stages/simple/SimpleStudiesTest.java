package org.qdlaser.stages.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.simple.CwKind;
import org.qdlaser.stages.physics.simple.SeAnalysis;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralModel;

/** The Simple Model's figure analyses: consistency with the models they are built from. */
class SimpleStudiesTest {

  static double[] logGrid(double lo, double hi, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo * Math.pow(hi / lo, i / (double) (n - 1));
    }
    return v;
  }

  @Test
  void cwTracesEndInTheSteadyStateAndStartInTheGround() {
    for (SimpleModelKind k : SimpleModelKind.values()) {
      SimpleParameters p = SimpleParameters.defaults(k).withPump(2.0);
      double[] times = new double[41];
      System.arraycopy(logGrid(1e-5, 50, 40), 0, times, 1, 40);
      CwGain.Trace tr = CwGain.trace(p, times);
      int levels = k.scheme().levels();
      double[] pop = tr.populations();
      assertThat(pop[0]).isEqualTo(1.0);
      double[] last = tr.steadyState().populations();
      for (int i = 0; i < levels; i++) {
        assertThat(pop[40 * levels + i]).as("%s N_%d", k, i).isCloseTo(last[i], offset(1e-8));
      }
      assertThat(tr.gain()[40]).isCloseTo(tr.steadyState().gain(), offset(2e-8));
    }
  }

  @Test
  void cwCurveShowsTheKinds() {
    double[] pumps = logGrid(1e-2, 1e2, 81);
    CwGain.Curve c3 = CwGain.curve(SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS), pumps);
    assertThat(c3.threshold().kind()).isEqualTo(CwKind.FINITE);
    double[] g = c3.gain();
    for (int i = 0; i < pumps.length; i++) {
      assertThat(g[i] > 0).as("W = %s", pumps[i]).isEqualTo(pumps[i] > c3.threshold().pump());
    }
    CwGain.Curve c4 = CwGain.curve(SimpleParameters.defaults(SimpleModelKind.SIMPLE_4LS), pumps);
    for (double v : c4.gain()) {
      assertThat(v).isPositive();
    }
    CwGain.Curve c4x = CwGain.curve(SimpleParameters.defaults(SimpleModelKind.SIMPLE_4LS_XX), pumps);
    for (double v : c4x.gain()) {
      assertThat(v).isNegative();
    }
  }

  @Test
  void seMapBuildupCrossesZeroAtTheThreshold() {
    SimpleParameters p = SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS_XX);
    double[] energies = {1.95, 2.0, 2.05, 2.1};
    double[] occ = new double[200];
    for (int i = 0; i < occ.length; i++) {
      occ[i] = 2.0 * (i + 1) / occ.length;
    }
    SeMap map = SeMap.compute(p, energies, occ);
    double nTh = map.threshold().thresholdN();
    double[] b = map.odNlAtThresholdEnergy();
    for (int i = 0; i < occ.length; i++) {
      assertThat(b[i] <= 0).as("N = %s", occ[i]).isEqualTo(occ[i] >= nTh);
    }
    SpectralModel m = SpectralModel.of(p);
    assertThat(map.odNl(3, 2)).isEqualTo(m.odNl(2.05, occ[3]));
    assertThat(map.seRow(150)).containsExactly(
        new double[] {Math.max(0, -m.odNl(1.95, occ[150])), Math.max(0, -m.odNl(2.0, occ[150])),
            Math.max(0, -m.odNl(2.05, occ[150])), Math.max(0, -m.odNl(2.1, occ[150]))}, offset(0.0));
    assertThatThrownBy(() -> SeMap.compute(p, energies, new double[] {2.5})).hasMessageContaining("n_max");
  }

  @Test
  void thresholdCurvePassesThroughTheDefaults() {
    SimpleParameters.Builder b = SimpleParameters.builder(SimpleModelKind.SIMPLE_4LS_XX);
    SeThresholdCurve c = SeThresholdCurve.sweep(b, SimpleParameter.XX_ABS_BINDING, new double[] {-0.02, 0.0, 0.02, 0.05, 0.08});
    assertThat(c.thresholdN()[2]).isEqualTo(SeAnalysis.analyse(SpectralModel.of(b.build())).thresholdN());
    assertThat(b.build().spectral().xxAbsBinding()).isEqualTo(0.020);
  }

  @Test
  void aseSpectraAtThresholdPeakWhereTheGainFirstReachesGAse() {
    SimpleParameters p = SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS);
    double[] energies = {2.0, 2.05, 2.1};
    AseSpectra a = AseSpectra.computeRelative(p, energies, new double[] {1.0, 1.5, 2.0});
    assertThat(a.occupancies()[0]).isCloseTo(a.threshold().n(), offset(1e-12));
    assertThat(a.spikeIntensities()).isSorted();
    assertThatThrownBy(() -> AseSpectra.compute(p, energies, new double[] {1.0}))
        .hasMessageContaining("beyond the Rabi pi pulse").hasMessageContaining("fluence 1.0 mJ/cm^2");
  }
}
