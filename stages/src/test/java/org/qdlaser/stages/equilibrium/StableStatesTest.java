package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The point of issue 13: identical dots, N = 12, g = 300 (normalised), where TPM reports the
 * non-lasing state and TPM_d with zero detunings (the same equations, DESIGN.md's exact reduction)
 * reported a lasing state |b| = 229.93 at the end of its 28-unit transient budget. The TPM fold of
 * these parameters lies at r = 2.6008e5 (`qdlaser threshold --model TPM --set N=12 --set g=300`), so
 * at r = 2e5 there is no lasing steady state: the TPM_d transient is the slow passage past the
 * vanished saddle-node and decays after ~2,300 time units. Above the fold (r = 3e5) both states are
 * stable, and both models find both, lasing first.
 */
class StableStatesTest {
  static final LaserParameters P = LaserParameters.tableI().withN(12).withG(300);

  static PointSolver pointSolver(RelaxationSettings rs) {
    return new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver());
  }

  @Test
  void belowTheFoldTheNonLasingStateIsTheOnlyStableStateOfBothModels() {
    Model tpm = Models.identical(ModelKind.TPM, P.withR(2e5));
    Model twin = Models.disperseTwin(tpm).orElseThrow();
    PointSolver ps = pointSolver(RelaxationSettings.defaults());
    List<Equilibrium> a = new StableStates(ps, new EquilibriumSolver()).find(tpm, ps.solve(tpm));

    PointSolver rot = pointSolver(RelaxationSettings.rotating());
    PointSolver.Start s = rot.start(twin);
    assertThat(s.seeded()).as("TPM_IF_d lases here: the twin starts from its lifted state").isTrue();
    LongTimeFate.Result fate = new LongTimeFate(LongTimeFate.Settings.defaults()).follow(twin, s.state(), s.omega());
    assertThat(fate.verdict()).isEqualTo(Verdict.NON_LASING);
    // the "lasing state": |b| = 229.93 after 28 units; the field is still up at 1,000 units and gone by 3,000
    assertThat(fate.record().bAbsAt(28)).isCloseTo(229.93, offset(0.1));
    assertThat(fate.record().bAbsAt(1000)).isGreaterThan(100);
    assertThat(fate.time()).isBetween(1000.0, 3000.0);
    List<Equilibrium> b = new StableStates(rot, new EquilibriumSolver()).find(twin, fate.equilibrium());

    for (List<Equilibrium> states : List.of(a, b)) {
      assertThat(states).hasSize(1);
      assertThat(states.get(0).verdict()).isEqualTo(Verdict.NON_LASING);
      assertThat(states.get(0).stable()).isTrue();
      // the non-lasing photon number, 54,444.26
      assertThat(states.get(0).photons()).isCloseTo(54444.26, offset(0.005));
    }
  }

  @Test
  void aboveTheFoldBothModelsFindTheSameTwoStableStatesLasingFirst() {
    Model tpm = Models.identical(ModelKind.TPM, P.withR(3e5));
    Model twin = Models.disperseTwin(tpm).orElseThrow();
    PointSolver ps = pointSolver(RelaxationSettings.defaults());
    List<Equilibrium> a = new StableStates(ps, new EquilibriumSolver()).find(tpm, ps.solve(tpm));
    PointSolver rot = pointSolver(RelaxationSettings.rotating());
    PointSolver.Start s = rot.start(twin);
    Equilibrium seeded = new EquilibriumSolver().polishLasing(twin, s.state(), s.omega()).orElseThrow();
    List<Equilibrium> b = new StableStates(rot, new EquilibriumSolver()).find(twin, seeded);
    for (List<Equilibrium> states : List.of(a, b)) {
      assertThat(states).hasSize(2);
      assertThat(states.get(0).verdict()).isEqualTo(Verdict.LASING);
      assertThat(states.get(1).verdict()).isEqualTo(Verdict.NON_LASING);
      assertThat(states).allMatch(Equilibrium::stable);
    }
    // the same states in both representations (Newton-polished, far below 1e-8)
    for (int k = 0; k < 2; k++) {
      assertThat(b.get(k).bAbs()).isCloseTo(a.get(k).bAbs(), offset(1e-8 * Math.max(1, a.get(k).bAbs())));
      assertThat(b.get(k).photons()).isCloseTo(a.get(k).photons(), offset(1e-8 * a.get(k).photons()));
    }
  }
}
