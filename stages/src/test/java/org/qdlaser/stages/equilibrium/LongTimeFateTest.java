package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.StateLayout;

/**
 * The four long-time fates on phase-equivariant toys whose fate is known analytically: a rotating
 * Stuart-Landau field (steady lasing state, or decay), the same field with its gain modulated by an
 * internal limit cycle (self-pulsing), and a slowly decaying field (unsettled within a short limit).
 */
class LongTimeFateTest {
  /**
   * Field b (charge 1), photon number Bb relaxing to |b|^2 (charge 0), and an internal oscillator p
   * (complex, charge 0), p' = (1 + i nu - |p|^2) p: a limit cycle |p| = 1 rotating at nu; b' = (mu (1 -
   * |b|^2 / a^2) + kappa Re p + i (omega0 - beta |b|^2 / a^2)) b. With kappa != 0, |b| is driven
   * periodically at the period 2 pi / nu. With kappa = 0 (b does not feel p) the oscillator is
   * switched off instead, p' = (-1 + i nu - |p|^2) p, p -> 0: then the steady rotating state |b| = a,
   * omega = omega0 - beta is stable for mu > 0, and for mu < 0 the field decays.
   */
  record Toy(double mu, double a, double omega0, double beta, double kappa, double nu) implements Model {
    static final StateLayout LAYOUT =
        StateLayout.builder().add("b", true, 1).add("Bb", false, 0).add("p", true, 0).build();

    @Override
    public void rhs(double t, double[] y, double[] yDot) {
      double re = y[0];
      double im = y[1];
      double s = (re * re + im * im) / (a * a);
      double g = mu * (1 - s) + kappa * y[3];
      double w = omega0 - beta * s;
      yDot[0] = g * re - w * im;
      yDot[1] = g * im + w * re;
      yDot[2] = (re * re + im * im) - y[2];
      double pr = y[3];
      double pi = y[4];
      double q = (kappa != 0 ? 1 : -1) - (pr * pr + pi * pi);
      yDot[3] = q * pr - nu * pi;
      yDot[4] = q * pi + nu * pr;
    }

    @Override
    public ModelKind kind() {
      return ModelKind.CIM_d;
    }

    @Override
    public StateLayout layout() {
      return LAYOUT;
    }

    @Override
    public int dots() {
      return 1;
    }

    @Override
    public double pump() {
      return 1.0;
    }

    @Override
    public Model withPump(double r) {
      return this;
    }

    @Override
    public double upperPopulationMean(double[] y) {
      return 0.5;
    }

    @Override
    public double[] activation(double[] y) {
      return new double[] {y[0] * y[0] + y[1] * y[1]};
    }

    @Override
    public double[] factorisedState(double b, double vc, double cc) {
      return new double[] {b, 0, b * b, 1, 0};
    }

    @Override
    public double[] lasingInitialState() {
      return factorisedState(0.5 * a, 0, 0);
    }

    @Override
    public double[] noFieldState() {
      return new double[] {0, 0, 0, 1, 0};
    }
  }

  static LongTimeFate fate(double limit) {
    return new LongTimeFate(LongTimeFate.Settings.defaults().withLongTimeLimit(limit));
  }

  @Test
  void aTransientToAStableRotatingStateEndsLasingAtThatStateByNewton() {
    Toy m = new Toy(0.05, 100, 1.9, 0.2, 0.0, 0.0);
    LongTimeFate.Result r = fate(1e4).follow(m, m.lasingInitialState(), 1.0);
    assertThat(r.verdict()).isEqualTo(Verdict.LASING);
    Equilibrium e = r.equilibrium();
    assertThat(e.stable()).isTrue();
    assertThat(e.bAbs()).isCloseTo(100, offset(1e-8));
    assertThat(e.omega()).isCloseTo(1.9 - 0.2, offset(1e-10));
    // relaxation at rate 2 mu = 0.1: Newton succeeds long before the limit
    assertThat(r.time()).isLessThan(200);
  }

  @Test
  void aDecayingFieldEndsNonLasing() {
    Toy m = new Toy(-0.05, 100, 1.9, 0.2, 0.0, 0.0);
    LongTimeFate.Result r = fate(1e4).follow(m, m.lasingInitialState(), 1.9);
    assertThat(r.verdict()).isEqualTo(Verdict.NON_LASING);
    assertThat(r.equilibrium().bAbs()).isEqualTo(0.0);
    assertThat(r.equilibrium().stable()).isTrue();
    // |b| falls at rate >= 0.05 from 50: below 1e-3 of its start after ln(1e3) / 0.05 ~ 140 units, checked at 256
    assertThat(r.time()).isBetween(100.0, 300.0);
  }

  @Test
  void aFieldWhoseGainIsModulatedByALimitCycleIsSelfPulsingWithThatPeriod() {
    double nu = 0.5;
    Toy m = new Toy(0.05, 100, 1.9, 0.2, 0.02, nu);
    LongTimeFate.Result r = fate(1e4).follow(m, m.lasingInitialState(), 1.9);
    assertThat(r.verdict()).isEqualTo(Verdict.SELF_PULSING);
    SelfPulsing p = r.equilibrium().selfPulsing();
    assertThat(p.period()).isCloseTo(2 * Math.PI / nu, offset(1e-3 * 2 * Math.PI / nu));
    // |b| oscillates about a = 100 (the gain's mean is mu (1 - |b|^2 / a^2)): a few per cent deep
    assertThat(p.bAbsMin()).isLessThan(100).isGreaterThan(90);
    assertThat(p.bAbsMax()).isGreaterThan(100).isLessThan(110);
    // photons follow |b|^2 (relaxing at rate 1): their mean lies between the extremes of |b|^2
    assertThat(p.meanPhotons()).isBetween(p.bAbsMin() * p.bAbsMin(), p.bAbsMax() * p.bAbsMax());
    // the rotation frequency is omega0 - beta <|b|^2> / a^2, close to 1.7
    assertThat(p.omega()).isCloseTo(1.7, offset(0.01));
    assertThat(r.equilibrium().lasing()).isFalse();
    assertThat(r.equilibrium().stable()).isFalse();
  }

  @Test
  void aFieldStillDriftingAtTheLimitIsUnsettledWithItsDrift() {
    // |b| = 10 << a: the field decays at ~mu = -1e-3 per unit, reaching 1e-3 of its start only after ~6,900 units
    Toy m = new Toy(-1e-3, 1e6, 1.9, 0.0, 0.0, 0.0);
    LongTimeFate.Result r = fate(500).follow(m, m.factorisedState(10, 0, 0), 1.9);
    assertThat(r.verdict()).isEqualTo(Verdict.UNSETTLED);
    Unsettled u = r.equilibrium().unsettled();
    assertThat(u.time()).isEqualTo(500.0);
    assertThat(u.driftWindowStart()).isCloseTo(450.0, offset(1e-9));
    assertThat(u.driftRate()).isCloseTo(-1e-3, offset(1e-7));
    assertThat(u.omega()).isCloseTo(1.9, offset(1e-6));
    assertThat(u.bAbsEnd()).isCloseTo(10 * Math.exp(-0.5), offset(1e-4));
  }
}
