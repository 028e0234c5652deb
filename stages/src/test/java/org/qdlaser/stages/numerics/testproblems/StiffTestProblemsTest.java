package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.IvpProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.testproblems.Brusselator2D;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblem;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblems;

class StiffTestProblemsTest {

  /** The homogeneous equilibrium (u, v) = (1, 3.4) is a root of every term: f vanishes to rounding. */
  static final double EQUILIBRIUM_TOL = 1e-12;

  @Test
  void intervalsAndInitialValuesMatchTheReferenceFile() throws IOException {
    for (String name : new String[] {"ROBER", "HIRES", "VDPOL", "OREGO"}) {
      IvpProblems.Problem ref = IvpProblems.load(name);
      StiffTestProblem p = StiffTestProblems.get(name.toLowerCase(java.util.Locale.ROOT));
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.t0()).isEqualTo(ref.t0());
      assertThat(p.t1()).isEqualTo(ref.t1());
      assertThat(p.y0()).containsExactly(ref.y0Copy());
      assertThat(p.system().dimension()).isEqualTo(ref.reference().length);
      // The built-in reference repeats the shared file's (one copy of the numbers for the bench).
      assertThat(p.reference()).containsExactly(ref.reference());
    }
    assertThatThrownBy(() -> StiffTestProblems.get("CHEMAKZO")).hasMessageContaining("known: ROBER");
  }

  @Test
  void brusselatorHasItsHomogeneousEquilibriumAndPattern() {
    Brusselator2D b = new Brusselator2D(7);
    int n = b.dimension();
    assertThat(n).isEqualTo(98);
    assertThat(b.sparsity().nonZeros()).isEqualTo(6 * n);
    double[] y = new double[n];
    for (int k = 0; k < n; k += 2) {
      y[k] = 1.0;
      y[k + 1] = 3.4;
    }
    double[] f = new double[n];
    b.rhs(0.5, y, f);
    assertThat(Arrays.stream(f).map(Math::abs).max().getAsDouble()).isLessThan(EQUILIBRIUM_TOL);
    // The inhomogeneity (+5 on u inside the disc) switches on at t = 1.1.
    b.rhs(Brusselator2D.FORCING_ONSET, y, f);
    long forced = Arrays.stream(f).filter(v -> Math.abs(v - 5.0) < EQUILIBRIUM_TOL).count();
    assertThat(forced).isPositive();
    assertThat(b.initialState()[0]).isCloseTo(0.0, Offset.offset(0.0)); // u(x, 0) = 0
  }
}
