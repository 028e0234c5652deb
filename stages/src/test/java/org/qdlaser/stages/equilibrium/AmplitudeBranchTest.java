package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.numerics.nonlinear.NewtonSettings;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The fold of a branch as the minimum of r(|b|), located from an amplitude interval that does not
 * contain it: TPM (mu = 0), Fig. 2(a) at gamma_c = 2.475e8 s^-1 (beta = 1, N = 50, Table I otherwise),
 * where the threshold search once handed over such an interval (its last stable state lay 0.05 % below
 * the fold's amplitude) and the fold came out at the interval's end, 1.1e-6 too high.
 */
class AmplitudeBranchTest {
  static final double GAMMA_C = 0.24752627487255607;
  /** A pump ~9 % above the fold (r_fold ~ 2.02e6): the transient lands on the upper, stable branch. */
  static final double PUMP = 2.2e6;
  /** Amplitude offset of the wrong intervals from the fold, relative: r is ~4e-6 higher at their ends. */
  static final double OFFSET = 1e-3;
  /**
   * Agreement of the fold pumps, relative: r(|b|) scatters by 2.5e-8 between neighbouring Newton
   * solves near this ill-conditioned fold (measured), so 1e-7; an end of a wrong interval is 4e-6 off.
   */
  static final double PUMP_AGREEMENT = 1e-7;
  static final double BRENT_RELATIVE = 1e-7;

  static Model model;
  static AmplitudeBranch branch;
  static AmplitudeBranch.Point upper;
  static AmplitudeBranch.Point fold;

  @BeforeAll
  static void foldFromAnIntervalThatContainsIt() {
    model = Models.identical(ModelKind.TPM, new LaserParameters(1e4, GAMMA_C, 0.0, 1.0, 70, 0.0, 50, PUMP, 0.0));
    Equilibrium e = Equilibria.defaults().point(model);
    assertThat(e.lasing()).isTrue();
    branch = new AmplitudeBranch(model, new NewtonSolver(NewtonSettings.defaults()));
    upper = branch.from(e);
    fold = branch.extremum(upper, 0.8 * e.bAbs(), e.bAbs(), true, BRENT_RELATIVE).orElseThrow();
    assertThat(amplitude(fold)).isStrictlyBetween(0.8 * e.bAbs(), e.bAbs());
  }

  static double amplitude(AmplitudeBranch.Point p) {
    return model.fieldAmplitude(p.state());
  }

  @Test
  void foldIsFoundAboveAnIntervalThatEndsBelowIt() {
    double a = amplitude(fold);
    AmplitudeBranch.Point p = branch.extremum(upper, 0.98 * a, (1 - OFFSET) * a, true, BRENT_RELATIVE).orElseThrow();
    assertThat(p.pump()).isCloseTo(fold.pump(), within(PUMP_AGREEMENT * fold.pump()));
    assertThat(amplitude(p)).isGreaterThan((1 - OFFSET) * a);
  }
}
