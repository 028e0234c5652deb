package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The sparsity pattern of each polydisperse model is exactly the structural non-zero set of df/dy:
 * finite-difference Jacobian columns vanish outside it, and every entry in it is non-zero at some
 * random state (generic parameters: distinct detunings, sums and differences, gamma_NL, mu != 0).
 */
class DisperseSparsityTest {
  /**
   * The RHS is at most quadratic in any single unknown, so central differences are exact up to
   * rounding for any step; a large step keeps that rounding at ~1e-15 of the RHS scale.
   */
  static final double STEP = 0.5;

  /** Outside the pattern: rounding of f only (entries not read by f_i come out exactly 0). */
  static final double ZERO_TOLERANCE = 1e-12;

  /** Inside the pattern: structural terms are products of O(1) states and rates, far above 1e-7. */
  static final double NON_ZERO_THRESHOLD = 1e-7;

  /** Moderate rates so that every structural term is well above rounding. */
  static DisperseParameters parameters(int n) {
    double[] det = new double[n];
    double[] cpl = new double[n];
    for (int l = 0; l < n; l++) {
      det[l] = 3.0 + 2.7 * l - 0.31 * l * l;
      cpl[l] = 1.5 + 0.25 * l;
    }
    return new DisperseParameters(5.0, 7.0, 3.0, 1.0, 0.07, 20.0, det, cpl);
  }

  static Stream<Arguments> cases() {
    return Stream.of(ModelKind.CIM_d, ModelKind.TPM_IF_d, ModelKind.TPM_d)
        .flatMap(k -> Stream.of(1, 2, 5).map(n -> Arguments.of(k, n)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void patternIsExactlyTheStructuralNonZeroSet(ModelKind kind, int n) {
    Model m = Models.disperse(kind, parameters(n));
    int dim = m.dimension();
    SparsityPattern pattern = m.sparsity();
    assertThat(pattern.n()).isEqualTo(dim);
    boolean[][] inPattern = new boolean[dim][dim];
    int[] start = pattern.rowStart();
    int[] cols = pattern.columns();
    for (int i = 0; i < dim; i++) {
      for (int k = start[i]; k < start[i + 1]; k++) {
        inPattern[i][cols[k]] = true;
      }
    }
    boolean[][] seen = new boolean[dim][dim];
    java.util.List<String> outside = new java.util.ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      double[] y = DisperseModelContractTest.randomState(dim, 100 * seed + n);
      double[] f = new double[dim];
      m.rhs(0, y, f);
      double scale = Math.max(1.0, DisperseModelContractTest.maxAbs(f));
      double[] fp = new double[dim];
      double[] fm = new double[dim];
      for (int j = 0; j < dim; j++) {
        double yj = y[j];
        y[j] = yj + STEP;
        m.rhs(0, y, fp);
        y[j] = yj - STEP;
        m.rhs(0, y, fm);
        y[j] = yj;
        for (int i = 0; i < dim; i++) {
          double dfdy = (fp[i] - fm[i]) / (2 * STEP);
          if (!inPattern[i][j]) {
            if (Math.abs(dfdy) > ZERO_TOLERANCE * scale) {
              outside.add("d f[" + label(m, i) + "] / d y[" + label(m, j) + "] = " + dfdy);
            }
          } else if (Math.abs(dfdy) > NON_ZERO_THRESHOLD * scale) {
            seen[i][j] = true;
          }
        }
      }
    }
    java.util.List<String> spurious = new java.util.ArrayList<>();
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        if (inPattern[i][j] && !seen[i][j]) {
          spurious.add("d f[" + label(m, i) + "] / d y[" + label(m, j) + "]");
        }
      }
    }
    assertThat(outside).as("%s N=%d: non-zero derivatives outside the pattern", kind, n).isEmpty();
    assertThat(spurious).as("%s N=%d: pattern entries never non-zero", kind, n).isEmpty();
  }

  @Test
  void patternIsBuiltOnceAndSharedByPumpCopies() {
    Model m = new TpmDisperseModel(parameters(3));
    assertThat(m.sparsity()).isSameAs(m.sparsity());
    assertThat(m.withPump(1.0).sparsity()).isSameAs(m.sparsity());
    // The pattern depends on the kind and N only, not on detunings or couplings.
    assertThat(new TpmDisperseModel(DisperseModelContractTest.generic(3)).sparsity()).isSameAs(m.sparsity());
    assertThat(new TpmIfDisperseModel(parameters(3)).sparsity()).isNotSameAs(m.sparsity());
  }

  @Test
  void tpmDPatternAtFiftyDotsIsSparse() {
    SparsityPattern p = new TpmDisperseModel(DisperseModelContractTest.generic(50)).sparsity();
    assertThat(p.n()).isEqualTo(17_605);
    // Pair rows couple a pair block to its transpose and to two dots (~20 entries); dot rows add
    // the N - 1 pair terms of their sums: far from the 3.1e8 entries of a dense Jacobian.
    assertThat(p.nonZeros()).isBetween(300_000, 400_000);
  }

  /** "Vc[2].im" style label of a real component, for failure messages. */
  static String label(Model m, int index) {
    for (Field f : m.layout().fields()) {
      if (index >= f.offset() && index < f.offset() + f.size()) {
        return f.name() + (f.complex() ? (index == f.offset() ? ".re" : ".im") : "");
      }
    }
    return "#" + index;
  }
}
