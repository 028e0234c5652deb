package org.qdlaser.stages.numerics.nonlinear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Newton on an ill-conditioned system whose residual carries rounding noise (issue 5: TPM at large
 * coupling, where Newton stagnated at the noise floor and reported failure).
 *
 * <p>F(x) = J (x - x*) + noise, J = [[K, -K], [K, -K + eps]]: a slow mode of eigenvalue ~eps
 * against a norm ~2K, as the TPM lasing state's Schawlow-Townes-like mode (~5e-4 against ~3e7).
 * The noise emulates rounding: a deterministic hash of x of size {@link #NOISE_ULPS} ulps of the
 * row's term scale K |x|. Newton's steps then stay at noise / eps, far above the relative step
 * tolerance 1e-12, for ever.
 */
class NewtonRoundingLevelTest {
  static final double K = 1e6;
  static final double SLOW = 1e-3;
  /** Of the size of the TPM field amplitude at large coupling (|b| ~ 5e3): the step floor scales with it. */
  static final double ROOT = 1e4 / 3.0;
  /** Emulated rounding noise of each residual component, in ulps of its term scale. */
  static final double NOISE_ULPS = 1.0;
  /**
   * Attainable accuracy of the root: the noise (ulps of 2 K |x*|) amplified by the slow mode 1/eps,
   * with a factor 10 of margin.
   */
  static final double ROOT_ACCURACY = 10 * NOISE_ULPS * Math.ulp(2 * K * ROOT) / SLOW;

  static NonlinearSystem noisy() {
    return new NonlinearSystem() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void residual(double[] x, double[] out) {
        double d0 = x[0] - ROOT;
        double d1 = x[1] - ROOT;
        double scale = K * (Math.abs(x[0]) + Math.abs(x[1]));
        out[0] = K * d0 - K * d1 + NOISE_ULPS * Math.ulp(scale) * hash(x, 0);
        out[1] = K * d0 - K * d1 + SLOW * d1 + 1e-3 * d0 * d0 + NOISE_ULPS * Math.ulp(scale) * hash(x, 1);
      }
    };
  }

  /** A deterministic pseudo-random number in [-1, 1] from the bits of x (SplitMix64 finaliser). */
  static double hash(double[] x, int row) {
    long z = Double.doubleToLongBits(x[0]) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(x[1]) + row;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53 * 2 - 1;
  }

  @Test
  void convergesOnceTheResidualIsAtItsRoundingLevel() {
    NewtonResult r = new NewtonSolver(NewtonSettings.defaults()).solve(noisy(), new double[] {1.1 * ROOT, 0.9 * ROOT});
    assertThat(ROOT_ACCURACY / ROOT).as("the attainable accuracy is far above the step tolerance").isGreaterThan(1e-9);
    assertThat(r.converged()).as("converged at the noise floor (residual %s)", r.residualNorm()).isTrue();
    assertThat(Math.abs(r.x()[0] - ROOT)).isLessThan(ROOT_ACCURACY);
    assertThat(Math.abs(r.x()[1] - ROOT)).isLessThan(ROOT_ACCURACY);
  }

  @Test
  void aResidualAboveItsRoundingLevelIsNotConverged() {
    assertThat(NewtonSolver.atRoundingLevel(new double[] {1e-3, 0}, new double[] {1e6, 1})).isFalse();
    assertThat(NewtonSolver.atRoundingLevel(new double[] {1e-10, 0}, new double[] {1e6, 1})).isTrue();
    assertThat(NewtonSolver.atRoundingLevel(new double[] {Double.NaN}, new double[] {1e6})).isFalse();
    assertThat(NewtonSolver.atRoundingLevel(new double[] {1e-300}, new double[] {0})).isFalse();
  }
}
