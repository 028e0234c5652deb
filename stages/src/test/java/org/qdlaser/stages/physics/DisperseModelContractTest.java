package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every polydisperse {@link Model} must have: sizes, layout, phase symmetry, TPM_d symmetries. */
class DisperseModelContractTest {
  /** Rotations and products of O(1) numbers: rounding of a few ulps of the largest term. */
  static final double RELATIVE_TOLERANCE = 1e-12;

  /** Distinct dots with generic rates: no detuning, detuning difference or sum vanishes. */
  static DisperseParameters generic(int n) {
    double[] det = new double[n];
    double[] cpl = new double[n];
    for (int l = 0; l < n; l++) {
      det[l] = 1000.0 * Math.sin(1.3 * l + 0.4) + 37.0 * l;
      cpl[l] = 70.0 * (1 + 0.1 * Math.cos(2.1 * l));
    }
    return new DisperseParameters(1e4, 10.0, 3.0, 1.0, 0.05, 2e5, det, cpl);
  }

  static Stream<Model> models() {
    DisperseParameters p = generic(6);
    return Stream.of(new CimDisperseModel(p), new TpmIfDisperseModel(p), new TpmDisperseModel(p));
  }

  static double[] randomState(int dimension, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] y = new double[dimension];
    for (int i = 0; i < y.length; i++) {
      y[i] = rnd.nextDouble(-1, 1);
    }
    return y;
  }

  /** Rotates every complex field of charge q by e^{i q phi}. */
  static double[] rotate(StateLayout layout, double[] y, double phi) {
    double[] out = y.clone();
    for (Field f : layout.fields()) {
      if (f.complex() && f.charge() != 0) {
        double a = f.charge() * phi;
        out[f.offset()] = Math.cos(a) * y[f.offset()] - Math.sin(a) * y[f.offset() + 1];
        out[f.offset() + 1] = Math.sin(a) * y[f.offset()] + Math.cos(a) * y[f.offset() + 1];
      }
    }
    return out;
  }

  static double maxAbs(double[] v) {
    double s = 0;
    for (double x : v) {
      s = Math.max(s, Math.abs(x));
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("models")
  void stateSizesFollowAppendixAWithTheBosonErratum(Model m) {
    int n = m.dots();
    int expected = switch (m.kind()) {
      case CIM_d -> 3 + 5 * n;
      case TPM_IF_d -> 5 + 9 * n; // (A1) prints 3 + 9N: erratum 1
      case TPM_d -> 5 + 9 * n + 7 * n * (n - 1); // erratum 2
      default -> -1;
    };
    assertThat(m.dimension()).isEqualTo(expected);
    assertThat(m.layout().dimension()).isEqualTo(expected);
  }

  @Test
  void tpmDAtFiftyDotsHas17605Unknowns() {
    assertThat(new TpmDisperseModel(generic(50)).dimension()).isEqualTo(17_605);
    assertThat(new TpmIfDisperseModel(generic(50)).dimension()).isEqualTo(455);
    assertThat(new CimDisperseModel(generic(50)).dimension()).isEqualTo(253);
  }

  @ParameterizedTest
  @MethodSource("models")
  void equationsAreInvariantUnderThePhaseSymmetry(Model m) {
    // DESIGN.md: b -> b e^{i phi} with charges b, Vc, bCc, VCcc: 1; bb, bVc, VVcc: 2; others 0.
    for (long seed = 1; seed <= 5; seed++) {
      double[] y = randomState(m.dimension(), seed);
      double phi = 0.7 * seed;
      double[] f = new double[y.length];
      double[] fRot = new double[y.length];
      m.rhs(0, y, f);
      m.rhs(0, rotate(m.layout(), y, phi), fRot);
      double[] expected = rotate(m.layout(), f, phi);
      double scale = maxAbs(f);
      for (int i = 0; i < y.length; i++) {
        assertThat(fRot[i]).as("%s component %d", m.kind(), i).isCloseTo(expected[i], offset(RELATIVE_TOLERANCE * scale));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void vacuumIsASteadyStateWithoutPump(Model m) {
    double[] f = new double[m.dimension()];
    m.withPump(0.0).rhs(0, new double[m.dimension()], f);
    assertThat(maxAbs(f)).isZero();
  }

  @ParameterizedTest
  @MethodSource("models")
  void layoutNamesChargesAndOrderFollowTheReferenceConventions(Model m) {
    StateLayout layout = m.layout();
    assertThat(layout.field("b").charge()).isEqualTo(1);
    assertThat(layout.field("Bb").complex()).isFalse();
    assertThat(layout.field("Vc[3]").charge()).isEqualTo(1);
    assertThat(layout.field("Cc[3]").complex()).isFalse();
    assertThat(layout.field("bCv[3]").charge()).isZero();
    assertThat(layout.field("bCv[3]").complex()).isTrue();
    // Dot-major: dot 3's fields are contiguous and start with Vc.
    assertThat(layout.field("Cc[3]").offset()).isEqualTo(layout.field("Vc[3]").offset() + 2);
    assertThat(layout.field("bCv[3]").offset()).isEqualTo(layout.field("Vc[3]").offset() + 3);
    if (m.kind() != ModelKind.CIM_d) {
      assertThat(layout.field("bb").charge()).isEqualTo(2);
      assertThat(layout.field("bCc[3]").charge()).isEqualTo(1);
      assertThat(layout.field("bVc[3]").charge()).isEqualTo(2);
    } else {
      assertThat(layout.has("bb")).isFalse();
    }
    if (m.kind() == ModelKind.TPM_d) {
      assertThat(layout.field("CVcv[2][5]").charge()).isZero();
      assertThat(layout.field("CVcv[2][5]").complex()).isTrue();
      assertThat(layout.field("VCcc[5][2]").charge()).isEqualTo(1);
      assertThat(layout.field("VVcc[2][5]").charge()).isEqualTo(2);
      assertThat(layout.field("CCcc[2][5]").complex()).isFalse();
      assertThat(layout.has("CVcv[2][2]")).as("no diagonal pair fields").isFalse();
      assertThat(layout.field("CCcc[5][4]").offset() + 1).as("last field ends the state").isEqualTo(layout.dimension());
    } else {
      assertThat(layout.has("CVcv[2][5]")).isFalse();
    }
  }

  @Test
  void tpmDFlowKeepsCvcvHermitianAndVvccCcccSymmetric() {
    TpmDisperseModel m = new TpmDisperseModel(generic(6));
    StateLayout layout = m.layout();
    int n = m.dots();
    for (long seed = 11; seed <= 14; seed++) {
      double[] y = randomState(m.dimension(), seed);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          int x = layout.field(name("CVcv", i, j)).offset();
          int xt = layout.field(name("CVcv", j, i)).offset();
          y[xt] = y[x];
          y[xt + 1] = -y[x + 1];
          int z = layout.field(name("VVcc", i, j)).offset();
          int zt = layout.field(name("VVcc", j, i)).offset();
          y[zt] = y[z];
          y[zt + 1] = y[z + 1];
          y[layout.field(name("CCcc", j, i)).offset()] = y[layout.field(name("CCcc", i, j)).offset()];
        }
      }
      double[] f = new double[y.length];
      m.rhs(0, y, f);
      double scale = maxAbs(f);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          int x = layout.field(name("CVcv", i, j)).offset();
          int xt = layout.field(name("CVcv", j, i)).offset();
          assertThat(f[xt]).as("Re dCVcv[%d][%d]", j, i).isCloseTo(f[x], offset(RELATIVE_TOLERANCE * scale));
          assertThat(f[xt + 1]).as("Im dCVcv[%d][%d]", j, i).isCloseTo(-f[x + 1], offset(RELATIVE_TOLERANCE * scale));
          int z = layout.field(name("VVcc", i, j)).offset();
          int zt = layout.field(name("VVcc", j, i)).offset();
          assertThat(f[zt]).isCloseTo(f[z], offset(RELATIVE_TOLERANCE * scale));
          assertThat(f[zt + 1]).isCloseTo(f[z + 1], offset(RELATIVE_TOLERANCE * scale));
          assertThat(f[layout.field(name("CCcc", j, i)).offset()])
              .isCloseTo(f[layout.field(name("CCcc", i, j)).offset()], offset(RELATIVE_TOLERANCE * scale));
        }
      }
    }
  }

  @Test
  void tpmDWithFactorisedTwoDotFieldsIsTpmIfD() {
    // App. C: TPM_IF^(d) is (B5a-h) with CVcv[n][l] -> conj(Vc_l) Vc_n, VCcc[l][n] -> Cc_l Vc_n,
    // VVcc[l][n] -> Vc_l Vc_n. Distinct dots, so a transposed pair index would show.
    DisperseParameters p = generic(5);
    TpmDisperseModel tpm = new TpmDisperseModel(p);
    TpmIfDisperseModel tpmIf = new TpmIfDisperseModel(p);
    int n = p.n();
    for (long seed = 21; seed <= 23; seed++) {
      double[] y = randomState(tpmIf.dimension(), seed);
      double[] vRe = new double[n];
      double[] vIm = new double[n];
      double[] cc = new double[n];
      for (int l = 0; l < n; l++) {
        int o = tpmIf.layout().field("Vc[" + l + "]").offset();
        vRe[l] = y[o];
        vIm[l] = y[o + 1];
        cc[l] = y[o + 2];
      }
      double[] yt = tpm.factorised(0.3, -0.2, vRe, vIm, cc);
      System.arraycopy(y, 0, yt, 0, y.length); // the single fields stay arbitrary
      double[] f = new double[y.length];
      double[] ft = new double[yt.length];
      tpmIf.rhs(0, y, f);
      tpm.rhs(0, yt, ft);
      double scale = maxAbs(f);
      for (int i = 0; i < y.length; i++) {
        assertThat(ft[i]).as("component %d", i).isCloseTo(f[i], offset(RELATIVE_TOLERANCE * scale));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void lasingInitialStateHasStationaryFieldAndHalfFilledLevels(Model m) {
    double[] y = m.lasingInitialState();
    double[] f = new double[y.length];
    m.rhs(0, y, f);
    double b0 = Math.sqrt(m.dots() * 2e5 / (2 * 10.0));
    assertThat(m.fieldAmplitude(y)).isCloseTo(b0, offset(1e-12 * b0));
    assertThat(f[0]).as("d Re b / dt").isCloseTo(0.0, offset(RELATIVE_TOLERANCE * 10 * b0));
    assertThat(Math.abs(f[1])).isZero();
    assertThat(m.upperPopulationMean(y)).isEqualTo(0.5);
    assertThat(m.photons(y)).isCloseTo(b0 * b0, offset(1e-12 * b0 * b0));
  }

  @ParameterizedTest
  @MethodSource("models")
  void noFieldStateHasStationaryPopulations(Model m) {
    double[] y = m.noFieldState();
    double[] f = new double[y.length];
    m.rhs(0, y, f);
    assertThat(m.fieldAmplitude(y)).isZero();
    for (int l = 0; l < m.dots(); l++) {
      assertThat(f[m.layout().field("Cc[" + l + "]").offset()]).isCloseTo(0.0, offset(1e-9));
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void factorisedStateIsTheProductOfSingleValues(Model m) {
    double[] y = m.factorisedState(2.0, 0.3, 0.6);
    StateLayout layout = m.layout();
    assertThat(y[layout.field("Bb").offset()]).isEqualTo(4.0);
    assertThat(y[layout.field("bCv[2]").offset()]).isCloseTo(0.6, offset(1e-15));
    assertThat(m.activation(y)).hasSize(m.dots()).containsOnly(new double[] {0.09}, offset(1e-15));
    assertThat(m.upperPopulationMean(y)).isCloseTo(0.6, offset(1e-15));
    if (m.kind() == ModelKind.TPM_d) {
      assertThat(y[layout.field("CVcv[1][4]").offset()]).isCloseTo(0.09, offset(1e-15));
      assertThat(y[layout.field("VCcc[1][4]").offset()]).isCloseTo(0.18, offset(1e-15));
      assertThat(y[layout.field("VVcc[1][4]").offset()]).isCloseTo(0.09, offset(1e-15));
      assertThat(y[layout.field("CCcc[1][4]").offset()]).isCloseTo(0.36, offset(1e-15));
    }
  }

  @Test
  void factorisedPairFieldsFollowTheIndexMeaning() {
    TpmDisperseModel m = new TpmDisperseModel(generic(3));
    double[] y = m.factorised(0.5, 0.25, new double[] {1, 2, 3}, new double[] {0.5, -1, 2}, new double[] {0.1, 0.2, 0.3});
    StateLayout layout = m.layout();
    // CVcv[0][2] = conj(Vc_2) Vc_0 = (3 - 2i)(1 + 0.5i) = 4 - 0.5i
    int x = layout.field("CVcv[0][2]").offset();
    assertThat(y[x]).isEqualTo(4.0);
    assertThat(y[x + 1]).isEqualTo(-0.5);
    // VCcc[0][2] = Cc_0 Vc_2 = 0.1 (3 + 2i)
    int v = layout.field("VCcc[0][2]").offset();
    assertThat(y[v]).isCloseTo(0.3, offset(1e-15));
    assertThat(y[v + 1]).isCloseTo(0.2, offset(1e-15));
    // bCv_1 = b conj(Vc_1) = (0.5 + 0.25i)(2 + i) = 0.75 + i
    int pc = layout.field("bCv[1]").offset();
    assertThat(y[pc]).isEqualTo(0.75);
    assertThat(y[pc + 1]).isEqualTo(1.0);
  }

  @Test
  void activationAndPopulationMeanAreTakenPerDot() {
    CimDisperseModel m = new CimDisperseModel(generic(3));
    double[] y = new double[m.dimension()];
    for (int l = 0; l < 3; l++) {
      int o = m.layout().field("Vc[" + l + "]").offset();
      y[o] = l;
      y[o + 1] = 1;
      y[m.layout().field("Cc[" + l + "]").offset()] = 0.1 * (l + 1);
    }
    assertThat(m.activation(y)).containsExactly(1.0, 2.0, 5.0);
    assertThat(m.upperPopulationMean(y)).isCloseTo(0.2, offset(1e-15));
  }

  @Test
  void withPumpKeepsEverythingElseAndSharesTheStructure() {
    TpmDisperseModel m = new TpmDisperseModel(generic(4));
    TpmDisperseModel m2 = m.withPump(123.0);
    assertThat(m2.pump()).isEqualTo(123.0);
    assertThat(m2.parameters()).isEqualTo(m.parameters().withR(123.0));
    assertThat(m2.layout()).isSameAs(m.layout());
    assertThat(m2.sparsity()).isSameAs(m.sparsity());
    assertThat(m2.kind()).isEqualTo(ModelKind.TPM_d);
    assertThat(m2.dots()).isEqualTo(4);
  }

  @Test
  void factoryBuildsEachPolydisperseKindAndRejectsTheOthers() {
    DisperseParameters p = generic(3);
    assertThat(Models.disperse(ModelKind.CIM_d, p)).isInstanceOf(CimDisperseModel.class);
    assertThat(Models.disperse(ModelKind.TPM_IF_d, p)).isInstanceOf(TpmIfDisperseModel.class);
    assertThat(Models.disperse(ModelKind.TPM_d, p)).isInstanceOf(TpmDisperseModel.class);
    assertThatThrownBy(() -> Models.disperse(ModelKind.TPM, p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CIM_d, TPM_IF_d, TPM_d");
  }

  @Test
  void oneDotHasNoTwoDotTerms() {
    DisperseParameters p = generic(1);
    Model tpm = new TpmDisperseModel(p);
    Model tpmIf = new TpmIfDisperseModel(p);
    assertThat(tpm.dimension()).isEqualTo(14);
    double[] y = randomState(14, 5);
    double[] f = new double[14];
    double[] fIf = new double[14];
    tpm.rhs(0, y, f);
    tpmIf.rhs(0, y, fIf);
    assertThat(f).containsExactly(fIf);
  }

  static String name(String field, int i, int j) {
    return field + "[" + i + "][" + j + "]";
  }
}
