package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * {@link Equilibria#pointByFate}: a sample undecided at the budget's time gets the budget's end read
 * off its co-rotating transient, and that end is the one the lab-frame budget (the route it replaces)
 * records on the same start, to the lab frame's own error. The sample: TPM_d, N = 10, g = 160 (N g^2
 * near Table I's at N = 50), w_QD = 2 gamma, seed 1, which drifts for thousands of time units before
 * its field collapses (the CLI tests' drifting sample).
 */
class PointByFateTest {
  /**
   * |b| at the budget's end, lab frame (rtol 1e-6) against co-rotating: the lab frame's BDF2 error in
   * |b|, measured <= 2.6e-3 relative over 28 units (CoRotatingLabFrameTest's LAB_AMPLITUDE).
   */
  static final double LAB_AMPLITUDE = 4e-3;
  /** The rotation frequency over the drift window: the lab frame's error, <= 8e-6 measured (LAB_OMEGA there). */
  static final double LAB_OMEGA = 3e-5;

  @Test
  void anUndecidedSampleCarriesTheBudgetEndTheLabFrameBudgetWouldHaveRecorded() {
    LaserParameters p = LaserParameters.tableI().withN(10).withG(160);
    Sample s = SampleGenerator.generate(new SampleSpec(10, 2.0, p.gamma(), 1, 0, 0, p.g()));
    Model m = Models.disperse(ModelKind.TPM_d, DisperseParameters.withDetunings(p, s.detunings()));
    TransientBudget budget = TransientBudget.of(12);

    Equilibria.Fate f = Equilibria.defaults().pointByFate(m, budget, 40, Double.NaN, 0);
    assertThat(f.equilibrium().verdict()).isEqualTo(Verdict.UNSETTLED);
    assertThat(f.timeIntegrated()).isCloseTo(40.0, offset(1e-9));
    Unsettled end = f.budgetEnd();
    assertThat(end).as("undecided at the budget's time").isNotNull();
    assertThat(end.time()).isEqualTo(12.0);
    assertThat(end.driftWindowStart()).isEqualTo(12.0 * (1 - budget.driftFraction()));

    Equilibrium lab = Equilibria.defaults().point(m, budget);
    Unsettled labEnd = lab.unsettled();
    assertThat(labEnd).as("the lab-frame budget leaves it unsettled too").isNotNull();
    // measured 2026-12-05: co-rotating |b| 90.117634, drift -2.652e-4, omega 2.3656010; lab 90.097752, -2.831e-4, 2.3656219
    assertThat(end.bAbsEnd()).isCloseTo(labEnd.bAbsEnd(), offset(LAB_AMPLITUDE * labEnd.bAbsEnd()));
    assertThat(end.omega()).isCloseTo(labEnd.omega(), offset(LAB_OMEGA * Math.abs(labEnd.omega())));
    // the drift: the lab frame's |b| error spread over the drift window bounds the difference of the slopes
    double window = end.time() - end.driftWindowStart();
    assertThat(end.driftRate()).isNegative().isCloseTo(labEnd.driftRate(), offset(LAB_AMPLITUDE / window));
  }
}
