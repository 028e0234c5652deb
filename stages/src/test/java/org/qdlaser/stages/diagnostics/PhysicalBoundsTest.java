package org.qdlaser.stages.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/** The two-level and incoherent-photon bounds (docs/decisions.md, "Physical bounds"). */
class PhysicalBoundsTest {
  /** Pure two-level state a|c> + b|v>: n = |a|^2, |<v+c>|^2 = |a|^2 |b|^2 = n (1 - n), exactly at the bound. */
  @Test
  void aPureTwoLevelStateSitsOnTheBoundAndDoesNotViolateIt() {
    double n = 0.3;
    PhysicalBounds b = PhysicalBounds.of(5.0, new double[] {n * (1 - n)}, new double[] {n}, 1);
    assertThat(b.dotsViolating()).isZero();
    assertThat(b.worstRatio()).isCloseTo(1.0, offset(1e-15));
    assertThat(b.satisfied()).isTrue();
  }

  @Test
  void countsViolatingDotsAndTheWorstRatio() {
    PhysicalBounds b = PhysicalBounds.of(-1.0,
        new double[] {0.1, 0.3, 0.05, 0.2}, new double[] {0.5, 0.5, 0.9, 1.2}, 1);
    // dot 0: 0.1/0.25 = 0.4; dot 1: 0.3/0.25 = 1.2; dot 2: 0.05/0.09 = 0.56; dot 3: population outside [0, 1].
    assertThat(b.dotsViolating()).isEqualTo(2);
    assertThat(b.populationsOutsideUnitInterval()).isEqualTo(1);
    assertThat(b.worstRatio()).isInfinite();
    assertThat(b.worstDot()).isEqualTo(3);
    assertThat(b.satisfied()).isFalse();
    assertThat(PhysicalBounds.of(0, new double[] {0.1, 0.3}, new double[] {0.5, 0.5}, 1).worstRatio())
        .isCloseTo(1.2, offset(1e-12));
  }

  /**
   * CIM at Table I: the lasing state clamps the inversion at the threshold value n_th = (1 + gamma
   * gamma_c / (N g^2)) / 2 and (D1a) gives |<v+c>| = gamma_c |b| / (N g), so |<v+c>|^2 = 1.218 while
   * n_th (1 - n_th) = 0.208: all 50 dots violate the bound, by 5.85 (the 1.22 &gt; 1/4).
   */
  @Test
  void cimAtTableIViolatesTheTwoLevelBoundOnEveryDot() {
    LaserParameters p = LaserParameters.tableI();
    Model m = new CimModel(p);
    Equilibrium e = DiagnosticStates.solve(m);
    assertThat(e.lasing()).isTrue();
    PhysicalBounds b = PhysicalBounds.of(m, e.state());
    double nTh = 0.5 * (1 + p.gamma() * p.gammaC() / (p.n() * p.g() * p.g()));
    double act = Math.pow(p.gammaC() * e.bAbs() / (p.n() * p.g()), 2);
    assertThat(b.dots()).isEqualTo(50);
    assertThat(b.dotsViolating()).isEqualTo(50);
    assertThat(b.worstRatio()).isCloseTo(act / (nTh * (1 - nTh)), offset(1e-6 * b.worstRatio()));
    assertThat(act).isCloseTo(1.218, offset(1e-3));
    // docs/decisions.md: <b+b> - |<b>|^2 = -1259.3 for the CIM at Table I.
    assertThat(b.incoherentPhotons()).isCloseTo(-1259.3, offset(0.1));
  }

  /** A CIM_d state evaluated through the layout's per-dot fields: its per-dot ratios are the activation over n (1 - n). */
  @Test
  void polydisperseStatesAreReadPerDot() {
    Model m = DiagnosticStates.disperse(ModelKind.CIM_d, 1, 3, 5);
    Equilibrium e = DiagnosticStates.solve(m);
    PhysicalBounds b = PhysicalBounds.of(m, e.state());
    double[] act = e.activation();
    double worst = 0;
    int violating = 0;
    for (int l = 0; l < m.dots(); l++) {
      double n = e.state()[m.layout().field("Cc[" + l + "]").offset()];
      worst = Math.max(worst, act[l] / (n * (1 - n)));
      violating += act[l] > n * (1 - n) ? 1 : 0;
    }
    assertThat(b.dots()).isEqualTo(50);
    assertThat(b.dotsViolating()).isEqualTo(violating);
    assertThat(b.worstRatio()).isCloseTo(worst, offset(1e-12 * worst));
    assertThat(b.incoherentPhotons()).isCloseTo(e.incoherentPhotons(), offset(1e-9 * e.photons()));
  }

  @Test
  void rejectsMismatchedArrays() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> PhysicalBounds.of(0, new double[2], new double[3], 1)).isInstanceOf(IllegalArgumentException.class);
  }

}
