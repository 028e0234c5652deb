package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.CimModel;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.TpmIfModel;

/** Relaxation oscillations and g2 across threshold (RelaxationSweep) at Table I. */
class RelaxationSweepTest {
  static RelaxationSweep sweeper() {
    RelaxationSettings rs = RelaxationSettings.defaults();
    EquilibriumSolver solver = new EquilibriumSolver();
    return new RelaxationSweep(new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver), solver);
  }

  static List<RelaxationSweep.Point> branch(RelaxationSweep.Result res, RelaxationSweep.Branch b) {
    return res.points().stream().filter(p -> p.branch() == b).toList();
  }

  @Test
  void cimAcrossItsPitchfork() {
    LaserParameters p = LaserParameters.tableI();
    RelaxationSweep.Result res = sweeper().sweep(new CimModel(p), 1e3, 3e5, 6, 40);
    assertThat(res.notes()).isEmpty();
    double gc = p.gammaC();
    double cth = (1 + p.gamma() * gc / (p.n() * p.g() * p.g())) / 2;
    double rth = cth * (p.gammaNr() + p.gammaNl() + 2 * p.g() * p.g() / gc) / (1 - cth); // DESIGN.md
    List<RelaxationSweep.Point> off = branch(res, RelaxationSweep.Branch.NON_LASING);
    List<RelaxationSweep.Point> on = branch(res, RelaxationSweep.Branch.LASING);
    assertThat(off).hasSize(6);
    for (RelaxationSweep.Point pt : off) {
      // thermal at the models' order, exactly; stable below the pitchfork only
      assertThat(pt.statistics().g2()).isEqualTo(2.0);
      assertThat(pt.stable()).isEqualTo(pt.pump() < rth);
      if (!pt.stable()) {
        assertThat(pt.relaxation()).isNull(); // no relaxation to an unstable state
      }
    }
    assertThat(on).hasSize(40);
    RelaxationSweep.Point last = on.get(on.size() - 1);
    // the branch ends at the pitchfork: |b| -> 0 as r -> r_th, g2 -> 2 continuously
    assertThat(last.pump()).isCloseTo(rth, within(1e-3 * rth));
    assertThat(last.statistics().g2()).isCloseTo(2.0, within(1e-5));
    for (RelaxationSweep.Point pt : on) {
      assertThat(pt.stable()).isTrue();
      // the CIM's g2 = 2 - |b|^4/<b+b>^2 is below 1 exactly where <b+b> < |b|^2
      assertThat(pt.statistics().g2() < 1).isEqualTo(pt.statistics().incoherentPhotons() < 0);
      assertThat(pt.statistics().physical()).isEqualTo(pt.statistics().incoherentPhotons() >= 0);
    }
    // At the top the CIM is overdamped (no complex pair); near threshold its pair is the population's
    // oscillation with <b c+ v>, damped at ~0.6 gamma.
    assertThat(on.get(0).relaxation()).isNull();
    assertThat(last.relaxation()).isNotNull();
    assertThat(last.relaxation().damping()).isBetween(0.5 * p.gamma(), 0.7 * p.gamma());
  }

  @Test
  void tpmIfIsBistableAndItsG2JumpsAtTheFold() {
    LaserParameters p = LaserParameters.tableI();
    RelaxationSweep.Result res = sweeper().sweep(new TpmIfModel(p), 1e3, 1e5, 8, 60);
    List<RelaxationSweep.Point> off = branch(res, RelaxationSweep.Branch.NON_LASING);
    List<RelaxationSweep.Point> on = branch(res, RelaxationSweep.Branch.LASING);
    // the stable non-lasing branch reaches the top pump: bistable above the fold (4576.58, README)
    assertThat(off).allMatch(RelaxationSweep.Point::stable);
    double fold = on.stream().mapToDouble(RelaxationSweep.Point::pump).min().orElseThrow();
    assertThat(fold).isCloseTo(4576.58, within(0.01 * 4576.58));
    RelaxationSweep.Point lowestStable = on.stream().filter(RelaxationSweep.Point::stable)
        .min(java.util.Comparator.comparingDouble(RelaxationSweep.Point::pump)).orElseThrow();
    assertThat(on).anyMatch(pt -> !pt.stable());
    // at the lowest stable lasing point g2 lies well below the coexisting thermal value 2
    assertThat(lowestStable.statistics().g2()).isBetween(1.1, 1.6);
    // unstable points have no relaxation oscillation; stable ones the Rabi pair, damped at gamma / 2
    for (RelaxationSweep.Point pt : on) {
      if (!pt.stable()) {
        assertThat(pt.relaxation()).isNull();
      } else {
        assertThat(pt.relaxation().damping()).isCloseTo(p.gamma() / 2, within(1e-3 * p.gamma()));
        assertThat(pt.relaxation().leading()).isFalse();
      }
    }
  }
}
