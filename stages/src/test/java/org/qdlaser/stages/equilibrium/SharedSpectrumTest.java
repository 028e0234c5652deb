package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.eigen.BlockTriangularEigenvalues;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/**
 * Issue 14: a point's spectra computed once. The relaxation analysis reuses the stability verdict's
 * dense spectrum (SpectrumMemo) and must give what a fresh computation gives, bit for bit; the
 * non-lasing state's spectrum comes block by block (BlockTriangularEigenvalues) and must be the
 * whole matrix's (analytic: a block triangular matrix has the spectrum of its diagonal blocks).
 */
class SharedSpectrumTest {
  /**
   * Whole-matrix and blockwise QR are both backward stable on the same balanced matrix: eigenvalues
   * agree to rounding, ~1e-13 of the balanced norm (measured: 2e-15 .. 5e-14 relative here).
   */
  static final double BLOCKWISE_AGREEMENT = 1e-11;

  @AfterEach
  void forget() {
    SpectrumMemo.clear();
  }

  @Test
  void relaxationFromTheSharedSpectrumIsTheFreshOneBitForBit() {
    for (ModelKind k : new ModelKind[] {ModelKind.CIM_d, ModelKind.TPM_IF_d}) {
      Model m = SparseStabilityTest.model(k, 50, 1.0, 2e5);
      Equilibrium e = SparseStabilityTest.lasing(m); // its stability verdict fills the memo
      assertThat(e.lasing()).as(k.name()).isTrue();
      Optional<RelaxationOscillation> shared = RelaxationOscillation.of(m, e);
      StabilityAnalyzer.Eigenvalues sharedSpectrum = StabilityAnalyzer.denseEigenvalues(m, e.state(), e.omega(), true, 1.0);
      SpectrumMemo.clear();
      StabilityAnalyzer.Eigenvalues fresh = StabilityAnalyzer.denseEigenvalues(m, e.state(), e.omega(), true, 1.0);
      assertThat(fresh).isNotSameAs(sharedSpectrum);
      assertThat(fresh.re()).containsExactly(sharedSpectrum.re());
      assertThat(fresh.im()).containsExactly(sharedSpectrum.im());
      SpectrumMemo.clear();
      assertThat(RelaxationOscillation.of(m, e)).as(k.name()).isEqualTo(shared);
      SpectrumMemo.clear();
      assertThat(StabilityAnalyzer.analyse(m, e.state(), e.omega(), true).rightmostReal())
          .isEqualTo(e.rightmostEigenvalue());
    }
  }

  /**
   * Issue 14 part 3: {@code qdlaser point}'s solver computes the second-step spectrum on a second
   * thread beside the verdict's; it must be the one-thread spectrum bit for bit, and so must the
   * verdict and the relaxation analysis read from it (CIM_d and TPM_IF_d, 252 and 454 unknowns after
   * the quotient: above {@link SecondStepSpectrum#MIN_DIMENSION}).
   */
  @Test
  void theSecondStepSpectrumComputedBesideIsTheOneThreadOneBitForBit() {
    for (ModelKind k : new ModelKind[] {ModelKind.CIM_d, ModelKind.TPM_IF_d}) {
      secondStepBesideIsOneThreads(k);
    }
  }

  private static void secondStepBesideIsOneThreads(ModelKind k) {
    Model m = SparseStabilityTest.model(k, 50, 1.0, 2e5);
    Equilibrium e = SparseStabilityTest.lasing(m);
    assertThat(e.lasing()).as(k.name()).isTrue();
    assertThat(m.dimension()).isGreaterThanOrEqualTo(SecondStepSpectrum.MIN_DIMENSION);
    double[] y = e.state();
    String second = "dense " + StabilityAnalyzer.NOISE_STEP_FACTOR;

    SpectrumMemo.clear();
    StabilityAnalyzer.Spectrum oneThread = StabilityAnalyzer.analyse(m, y, e.omega(), true, false);
    // a resolved verdict reads only the balanced step: one thread computes no second spectrum
    assertThat(SpectrumMemo.contains(m, y, e.omega(), true, second)).isFalse();
    StabilityAnalyzer.Eigenvalues fresh = StabilityAnalyzer.denseEigenvalues(m, y, e.omega(), true, 2.0);
    Optional<RelaxationOscillation> oneThreadRelaxation = RelaxationOscillation.of(m, e);
    // CIM_d has a visible relaxation pair here; TPM_IF_d none excited (overdamped): the spectra still compare
    assertThat(oneThreadRelaxation.isPresent()).as(k.name()).isEqualTo(k == ModelKind.CIM_d);

    SpectrumMemo.clear();
    StabilityAnalyzer.Spectrum both = StabilityAnalyzer.analyse(m, y, e.omega(), true, true);
    assertThat(both).isEqualTo(oneThread);
    assertThat(SpectrumMemo.contains(m, y, e.omega(), true, second)).isTrue();
    StabilityAnalyzer.Eigenvalues beside = StabilityAnalyzer.denseEigenvalues(m, y, e.omega(), true, 2.0);
    assertThat(beside).isNotSameAs(fresh);
    assertThat(beside.re()).containsExactly(fresh.re());
    assertThat(beside.im()).containsExactly(fresh.im());
    assertThat(beside.norm()).isEqualTo(fresh.norm());
    assertThat(RelaxationOscillation.of(m, e)).isEqualTo(oneThreadRelaxation);
  }

  @Test
  void theMemoIsPerState() {
    Model m = SparseStabilityTest.model(ModelKind.CIM_d, 50, 1.0, 2e5);
    Equilibrium e = SparseStabilityTest.lasing(m);
    assertThat(e.lasing()).isTrue();
    double[] y = e.state();
    StabilityAnalyzer.Eigenvalues a = StabilityAnalyzer.denseEigenvalues(m, y, e.omega(), true, 1.0);
    assertThat(StabilityAnalyzer.denseEigenvalues(m, y.clone(), e.omega(), true, 1.0)).isSameAs(a);
    double[] z = y.clone();
    z[z.length - 1] *= 1 + 1e-9; // another state, however close
    assertThat(StabilityAnalyzer.denseEigenvalues(m, z, e.omega(), true, 1.0)).isNotSameAs(a);
    assertThat(StabilityAnalyzer.denseEigenvalues(m, y, e.omega() * (1 + 1e-9), true, 1.0)).isNotSameAs(a);
    assertThat(StabilityAnalyzer.denseEigenvalues(m, y, e.omega(), true, 2.0)).isNotSameAs(a);
    assertThat(StabilityAnalyzer.denseEigenvalues(m.withPump(m.pump()), y, e.omega(), true, 1.0)).isNotSameAs(a);
  }

  /** TPM_IF_d, 50 dots, Table I, r = 2e5: the non-lasing state of other_stable_states. */
  @Test
  void nonLasingSpectrumBlockwiseIsTheWholeMatrixs() {
    Model m = SparseStabilityTest.model(ModelKind.TPM_IF_d, 50, 1.0, 2e5);
    Equilibrium off = new EquilibriumSolver().polishNonLasing(m, m.noFieldState()).orElseThrow();
    double[][] j = StabilityAnalyzer.rotatingJacobian(m, off.state(), 0.0, 1.0);
    StabilityAnalyzer.balance(j);
    int blocks = Arrays.stream(BlockTriangularEigenvalues.strongComponents(j)).max().getAsInt() + 1;
    // at least the phase-charge sectors 0 and +-1 (and more: the per-dot charge-1 blocks decouple)
    assertThat(blocks).isGreaterThan(2);

    SpectrumMemo.clear();
    StabilityAnalyzer.Eigenvalues split = StabilityAnalyzer.denseEigenvalues(m, off.state(), 0.0, false, 1.0);
    int n = j.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    assertThat(eig.decompose(new DMatrixRMaj(j))).isTrue();
    double[] re = new double[n];
    double[] im = new double[n];
    double rightmost = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      re[i] = eig.getEigenvalue(i).real;
      im[i] = eig.getEigenvalue(i).imaginary;
      rightmost = Math.max(rightmost, re[i]);
    }
    double norm = split.norm();
    assertSameSpectrum(split.re(), split.im(), re, im, BLOCKWISE_AGREEMENT * norm);
    assertThat(StabilityAnalyzer.rightmost(split).re()).isCloseTo(rightmost, offset(BLOCKWISE_AGREEMENT * norm));
    assertThat(off.rightmostEigenvalue()).isCloseTo(rightmost, offset(BLOCKWISE_AGREEMENT * norm));
  }

  /** Each eigenvalue of one list matched to a distinct nearest one of the other, within {@code tolerance}. */
  static void assertSameSpectrum(double[] xr, double[] xi, double[] yr, double[] yi, double tolerance) {
    int n = xr.length;
    assertThat(yr).hasSize(n);
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      int best = -1;
      double d = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double e = Math.hypot(xr[i] - yr[j], xi[i] - yi[j]);
        if (!used[j] && e < d) {
          d = e;
          best = j;
        }
      }
      used[best] = true;
      assertThat(d).as("eigenvalue %s + %s i", xr[i], xi[i]).isLessThanOrEqualTo(tolerance);
    }
  }
}
