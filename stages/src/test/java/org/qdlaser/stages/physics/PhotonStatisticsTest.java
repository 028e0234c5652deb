package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * g2(0) from the cluster expansion at the models' order (PhotonStatistics): the thermal and coherent
 * limits exactly, the Gaussian-state values known in closed form (squeezed vacuum, displaced
 * thermal light), and the CIM's closure <bb> = <b>^2 as an exact property of its equations.
 */
class PhotonStatisticsTest {
  /** Rounding of a handful of operations on O(1) ratios. */
  static final double ROUNDING = 1e-13;

  static Model model(ModelKind kind) {
    LaserParameters p = LaserParameters.tableI();
    if (!kind.polydisperse()) {
      return Models.identical(kind, p);
    }
    var sample = SampleGenerator.generate(new SampleSpec(4, 1.0, p.gamma(), 3, 0, 0.0, p.g()));
    return Models.disperse(kind, DisperseParameters.withDetunings(p, sample.detunings()));
  }

  /** A thermal field: no coherent amplitude, no anomalous moment, n photons; nothing else set. */
  static double[] thermal(Model m, double n) {
    double[] y = new double[m.dimension()];
    y[m.layout().field("Bb").offset()] = n;
    return y;
  }

  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void thermalFieldGivesExactlyTwo(ModelKind kind) {
    Model m = model(kind);
    for (double n : new double[] {1e-3, 0.7, 738.7171, 1.5e7}) {
      assertThat(PhotonStatistics.of(m, thermal(m, n)).g2()).isEqualTo(2.0);
    }
  }

  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void coherentFieldGivesExactlyOne(ModelKind kind) {
    Model m = model(kind);
    for (double b : new double[] {0.3, 1.0, 386.2858509, 4.1e3}) {
      // factorised state: <b+b> = b^2, <bb> = b^2 (the CIM has no <bb>: its closure gives b^2)
      PhotonStatistics s = PhotonStatistics.of(m, m.factorisedState(b, 1e-3, 0.6));
      assertThat(s.g2()).isEqualTo(1.0);
      assertThat(s.incoherentPhotons()).isEqualTo(0.0);
      assertThat(s.anomalousCumulant()).isEqualTo(0.0);
      assertThat(s.physical()).isTrue();
    }
  }

  @Test
  void squeezedVacuumGivesThreePlusOneOverN() {
    // <b+b> = sinh^2 s, <bb> = -e^{i theta} sinh s cosh s: g2 = 3 + 1/<b+b> (e.g. Loudon, The
    // Quantum Theory of Light, squeezed vacuum), a Gaussian state with the largest allowed |dm|.
    for (double s : new double[] {0.1, 0.8, 2.0}) {
      double n = Math.sinh(s) * Math.sinh(s);
      double m = Math.sinh(s) * Math.cosh(s);
      double theta = 0.7;
      PhotonStatistics st = PhotonStatistics.gaussian(0, 0, n, -m * Math.cos(theta), -m * Math.sin(theta));
      assertThat(st.g2()).isCloseTo(3 + 1 / n, within(ROUNDING * (3 + 1 / n)));
      assertThat(st.physical()).isTrue(); // |dm|^2 = dn (dn + 1): on the boundary
    }
  }

  @Test
  void displacedThermalLightGivesTheMixtureFormula() {
    // Coherent amplitude beta on thermal light with n_th photons (dm = 0):
    // g2 = 1 + (2 |beta|^2 n_th + n_th^2) / n^2, n = |beta|^2 + n_th (e.g. Loudon).
    double bR = 3.0;
    double bI = -1.5;
    double c = bR * bR + bI * bI;
    for (double nth : new double[] {0.01, 2.0, 40.0}) {
      double n = c + nth;
      PhotonStatistics st = PhotonStatistics.gaussian(bR, bI, n, bR * bR - bI * bI, 2 * bR * bI);
      double expected = 1 + (2 * c * nth + nth * nth) / (n * n);
      assertThat(st.g2()).isCloseTo(expected, within(ROUNDING));
      assertThat(st.incoherentPhotons()).isCloseTo(nth, within(ROUNDING * n));
      assertThat(st.anomalousCumulant()).isCloseTo(0.0, within(ROUNDING * n));
    }
  }

  @Test
  void clusterExpansionTermsSumToTheClosedForm() {
    // (B4) with the four-particle correlation dropped and the three-particle moments by (B2):
    // |beta|^4 + 4 |beta|^2 dn + 2 Re(conj(beta)^2 dm) + 2 dn^2 + |dm|^2, term by term, against
    // PhotonStatistics' 2 n^2 + |<bb>|^2 - 2 |beta|^4 (divided by n^2).
    double bR = 1.3;
    double bI = 0.4;
    double n = 5.0;
    double bbR = 0.9;
    double bbI = -2.2;
    double b2 = bR * bR + bI * bI;
    double dn = n - b2;
    double dmR = bbR - (bR * bR - bI * bI);
    double dmI = bbI - 2 * bR * bI;
    double cb2R = bR * bR - bI * bI; // conj(beta)^2 = (bR^2 - bI^2) - 2 i bR bI
    double cb2I = -2 * bR * bI;
    double moment = b2 * b2 + 4 * b2 * dn + 2 * (cb2R * dmR - cb2I * dmI) + 2 * dn * dn + dmR * dmR + dmI * dmI;
    assertThat(PhotonStatistics.gaussian(bR, bI, n, bbR, bbI).g2()).isCloseTo(moment / (n * n), within(ROUNDING));
  }

  @Test
  void cimIsTpmIfWithoutChargedCumulants() {
    // The CIM's closure for <bb>: its equations are TPM_IF's with <b c+c> = <b><c+c>,
    // <b v+c> = <b><v+c> and <bb> = <b>^2 (every phase-charged two-particle cumulant zero), so its
    // own-order <bb> is <b>^2. Checked on the right-hand sides at a generic complex state.
    LaserParameters p = LaserParameters.tableI().withDeltaNu(0.3);
    CimModel cim = new CimModel(p);
    TpmIfModel tpmIf = new TpmIfModel(p);
    double bR = 12.5, bI = -3.25, nb = 170.0, cc = 0.63, vR = 0.021, vI = 0.004, pR = 0.8, pI = -0.15;
    double[] yc = {bR, bI, nb, cc, vR, vI, pR, pI};
    double[] yt = {bR, bI, nb, bR * bR - bI * bI, 2 * bR * bI, cc, vR, vI, pR, pI, bR * cc, bI * cc,
        bR * vR - bI * vI, bR * vI + bI * vR};
    double[] dc = new double[8];
    double[] dt = new double[14];
    cim.rhs(0, yc, dc);
    tpmIf.rhs(0, yt, dt);
    int[] common = {0, 1, 2, 5, 6, 7, 8, 9}; // b, Bb, Cc, Vc, bCv in TPM_IF's layout
    for (int i = 0; i < 8; i++) {
      assertThat(dt[common[i]]).as("component %d", i).isCloseTo(dc[i], within(1e-12 * (Math.abs(dc[i]) + 1)));
    }
    assertThat(PhotonStatistics.of(cim, yc).g2()).isCloseTo(PhotonStatistics.of(tpmIf, yt).g2(), within(ROUNDING));
    assertThat(PhotonStatistics.of(cim, yc).closure()).isEqualTo(PhotonStatistics.Closure.CIM_NO_ANOMALOUS);
  }

  @Test
  void negativeIncoherentPhotonsAreReportedUnphysical() {
    // The CIM at Table I, r = 2e14 s^-1: <b+b> = 147957.4235, |b| = 386.2858509 (README), dn = -1259:
    // g2 = 2 - |b|^4/<b+b>^2 = 0.9829 < 1, which no state with these moments has.
    PhotonStatistics s = PhotonStatistics.gaussian(386.2858509, 0, 147957.4235, 386.2858509 * 386.2858509, 0);
    assertThat(s.incoherentPhotons()).isCloseTo(-1259.3, within(0.1));
    assertThat(s.g2()).isCloseTo(2 - Math.pow(386.2858509 * 386.2858509 / 147957.4235, 2), within(ROUNDING));
    assertThat(s.g2()).isLessThan(1.0);
    assertThat(s.physical()).isFalse();
    // An anomalous moment beyond the uncertainty bound |dm|^2 <= dn (dn + 1) is flagged too.
    assertThat(PhotonStatistics.gaussian(0, 0, 1.0, 1.5, 0).physical()).isFalse();
  }
}
