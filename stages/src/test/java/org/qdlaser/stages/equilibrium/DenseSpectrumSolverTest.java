package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.eigen.BlockTriangularEigenvalues;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/**
 * Issue 14 part 3 (branch ifpt): the dense spectra come from our eigenvalue-only Francis QR
 * (FrancisEigenvalues) instead of EJML's. On the balanced matrices of real states both must give the
 * same spectrum to rounding, the same rightmost eigenvalue and the same verdict.
 */
class DenseSpectrumSolverTest {
  /**
   * Both QR iterations are backward stable on the same balanced matrix, so an eigenvalue differs by
   * at most its condition number times ~n eps of the balanced norm (n = 454: 1e-13). The rightmost
   * eigenvalue decides the verdict, whose rounding floor is {@link StabilityAnalyzer#ROUNDING_MARGIN}
   * of the norm: they must agree within it. Measured on the states below: 8e-17 .. 2e-16 of the norm.
   */
  static final double RIGHTMOST_AGREEMENT = StabilityAnalyzer.ROUNDING_MARGIN;

  /**
   * Every eigenvalue, matched to its nearest: ~n eps of the norm (n = 454: 1e-13), clusters of
   * nearly equal per-dot eigenvalues included. Measured below: 6e-15 .. 1.0e-14 of the norm.
   */
  static final double SPECTRUM_AGREEMENT = 1e-13;

  @AfterEach
  void forget() {
    SpectrumMemo.clear();
  }

  @Test
  void ourQrAgreesWithEjmlOnTheLasingStatesOfAPoint() {
    StringBuilder measured = new StringBuilder(); // the measured agreements, in the failure message
    for (ModelKind k : new ModelKind[] {ModelKind.CIM_d, ModelKind.TPM_IF_d}) {
      Model m = SparseStabilityTest.model(k, 50, 1.0, 2e5);
      Equilibrium e = SparseStabilityTest.lasing(m);
      assertThat(e.lasing()).as(k.name()).isTrue();
      for (double step : new double[] {1.0, StabilityAnalyzer.NOISE_STEP_FACTOR}) {
        StabilityAnalyzer.Matrices mats = StabilityAnalyzer.matrices(m, e.state(), e.omega(), true, step);
        double[][] ours = BlockTriangularEigenvalues.of(mats.balanced());
        double[][] ejml = BlockTriangularEigenvalues.ejml(mats.balanced());
        double norm = mats.norm();
        StabilityAnalyzer.Rightmost a = StabilityAnalyzer.rightmost(new StabilityAnalyzer.Eigenvalues(ours[0], ours[1], norm));
        StabilityAnalyzer.Rightmost b = StabilityAnalyzer.rightmost(new StabilityAnalyzer.Eigenvalues(ejml[0], ejml[1], norm));
        double spectrum = maxMatchedDistance(ours, ejml) / norm;
        double rightmost = Math.abs(a.re() - b.re()) / norm;
        measured.append(String.format("%s step %s: rightmost %.3g, spectrum %.3g of the norm %.4g; ", k, step,
            rightmost, spectrum, norm));
        assertThat(rightmost).as(measured.toString()).isLessThanOrEqualTo(RIGHTMOST_AGREEMENT);
        assertThat(spectrum).as(measured.toString()).isLessThanOrEqualTo(SPECTRUM_AGREEMENT);
        // the same verdict from either spectrum (the margin of the first step measured against the second's)
        StabilityAnalyzer.Spectrum va = StabilityAnalyzer.verdict(a, () -> a);
        StabilityAnalyzer.Spectrum vb = StabilityAnalyzer.verdict(b, () -> b);
        assertThat(va.stable()).isEqualTo(vb.stable());
      }
    }
  }

  /** Largest distance between an eigenvalue of {@code x} and its greedy nearest unused partner in {@code y}. */
  static double maxMatchedDistance(double[][] x, double[][] y) {
    int n = x[0].length;
    boolean[] used = new boolean[n];
    double worst = 0;
    for (int i = 0; i < n; i++) {
      int best = -1;
      double dist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double d = Math.hypot(x[0][i] - y[0][j], x[1][i] - y[1][j]);
        if (!used[j] && d < dist) {
          dist = d;
          best = j;
        }
      }
      used[best] = true;
      worst = Math.max(worst, dist);
    }
    return worst;
  }
}
