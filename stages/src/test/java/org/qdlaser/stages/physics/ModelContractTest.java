package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every identical-dot {@link Model} must have, run against each implementation. */
class ModelContractTest {
  /** Rotations and products of O(1) numbers: rounding of a few ulps of the largest term. */
  static final double RELATIVE_TOLERANCE = 1e-12;

  static Stream<Model> models() {
    LaserParameters p = new LaserParameters(1e4, 10, 3.0, 1.0, 70, 0.05, 50, 2e5, 123.0);
    return Stream.of(new CimModel(p), new TpmIfModel(p), new TpmModel(p));
  }

  static double[] randomState(Model m, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] y = new double[m.dimension()];
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

  @ParameterizedTest
  @MethodSource("models")
  void equationsAreInvariantUnderThePhaseSymmetry(Model m) {
    // DESIGN.md: b -> b e^{i phi} with charges b, Vc, bCc, VCcc: 1; bb, bVc, VVcc: 2; others 0.
    for (long seed = 1; seed <= 5; seed++) {
      double[] y = randomState(m, seed);
      double phi = 0.3 * seed;
      double[] f = new double[y.length];
      double[] fRot = new double[y.length];
      m.rhs(0, y, f);
      m.rhs(0, rotate(m.layout(), y, phi), fRot);
      double[] expected = rotate(m.layout(), f, phi);
      double scale = 0;
      for (double v : f) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < y.length; i++) {
        assertThat(fRot[i]).as("%s component %d", m.kind(), i).isCloseTo(expected[i], offset(RELATIVE_TOLERANCE * scale));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void stateSizesFollowTheAppendices(Model m) {
    int expected = switch (m.kind()) {
      case CIM -> 8; // b, Vc, bCv complex; Bb, Cc real
      case TPM_IF -> 14; // + bb, bCc, bVc
      case TPM -> 21; // + CVcv, VCcc, VVcc complex, CCcc real
      default -> -1;
    };
    assertThat(m.dimension()).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("models")
  void vacuumIsASteadyStateWithoutPump(Model m) {
    Model off = m.withPump(0.0);
    double[] f = new double[m.dimension()];
    off.rhs(0, new double[m.dimension()], f);
    for (double v : f) {
      assertThat(Math.abs(v)).isZero();
    }
  }

  @org.junit.jupiter.api.Test
  void tpmWithFactorisedTwoDotCorrelationsIsTpmIf() {
    // TPM_IF is TPM with CVcv, VCcc, VVcc replaced by their factorisations (App. C).
    LaserParameters p = new LaserParameters(1e4, 10, 3.0, 1.0, 70, 0.0, 50, 2e5, 123.0);
    TpmModel tpm = new TpmModel(p);
    TpmIfModel tpmIf = new TpmIfModel(p);
    double[] y = randomState(tpmIf, 42);
    double[] yt = java.util.Arrays.copyOf(y, tpm.dimension());
    double vR = y[6], vI = y[7], cc = y[5];
    yt[14] = vR * vR + vI * vI; // CVcv = conj(Vc) Vc
    yt[15] = 0;
    yt[16] = cc * vR; // VCcc = Cc Vc
    yt[17] = cc * vI;
    yt[18] = vR * vR - vI * vI; // VVcc = Vc Vc
    yt[19] = 2 * vR * vI;
    yt[20] = cc * cc;
    double[] f = new double[14];
    double[] ft = new double[21];
    tpmIf.rhs(0, y, f);
    tpm.rhs(0, yt, ft);
    for (int i = 0; i < 14; i++) {
      assertThat(ft[i]).as("component %d", i).isCloseTo(f[i], offset(RELATIVE_TOLERANCE * Math.max(1, Math.abs(f[i]))));
    }
  }
}
