package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;

/** Issue 14: the seed chain of a point is solved once for the point and its other stable states. */
class SeedChainTest {
  @Test
  void computesOncePerModelAndAgainForAnother() {
    Model a = SparseStabilityTest.model(ModelKind.CIM_d, 5, 1.0, 2e5);
    Model b = a.withPump(3e5);
    SeedChain chain = new SeedChain();
    AtomicInteger starts = new AtomicInteger();
    AtomicInteger polishes = new AtomicInteger();
    PointSolver.Start s = new PointSolver.Start(new double[] {1, 2}, 0.5, true);
    assertThat(chain.start(a, () -> { starts.incrementAndGet(); return s; })).isSameAs(s);
    assertThat(chain.start(a, () -> { starts.incrementAndGet(); return s; })).isSameAs(s);
    assertThat(chain.polished(a, () -> { polishes.incrementAndGet(); return Optional.empty(); })).isEmpty();
    assertThat(chain.polished(a, () -> { polishes.incrementAndGet(); return Optional.empty(); })).isEmpty();
    assertThat(starts).hasValue(1);
    assertThat(polishes).hasValue(1);
    chain.start(b, () -> { starts.incrementAndGet(); return s; });
    chain.polished(b, () -> { polishes.incrementAndGet(); return Optional.empty(); });
    assertThat(starts).hasValue(2);
    assertThat(polishes).hasValue(2);
  }

  /** Two point solvers sharing a chain (a point and its other stable states) give the same start and lasing state. */
  @Test
  void pointSolversOfOneFacadeShareTheSeededStartAndItsPolish() {
    Model m = SparseStabilityTest.model(ModelKind.TPM_IF_d, 50, 1.0, 2e5);
    RelaxationSettings rs = RelaxationSettings.rotating();
    SeedChain chain = new SeedChain();
    EquilibriumSolver solver = new EquilibriumSolver();
    PointSolver first = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver, TransientBudget.defaults(), chain);
    PointSolver second = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), solver, TransientBudget.defaults(), chain);
    Equilibrium e = first.solve(m);
    PointSolver.Start s = first.start(m);
    assertThat(s.seeded()).isTrue();
    assertThat(second.start(m)).isSameAs(s);
    Optional<Equilibrium> again = second.seededLasing(m);
    assertThat(again).containsSame(first.seededLasing(m).orElseThrow());
    // and what an unshared solver computes from scratch
    PointSolver alone = new PointSolver(new Relaxer(Integrators.bdf(rs), rs), new EquilibriumSolver(), TransientBudget.defaults());
    Equilibrium fresh = alone.solve(m);
    assertThat(fresh.bAbs()).isEqualTo(e.bAbs());
    assertThat(fresh.omega()).isEqualTo(e.omega());
  }

  /**
   * The relaxation analysis' second-step spectrum is computed beside the stability verdict only for the
   * point's own lasing state, not for the seed chain's (whose relaxation nobody reads: at TPM_d N = 100
   * the seeds' discarded spectra were a fifth of the point's CPU), and the point is the same bit for bit.
   * TPM_IF_d N = 50: its seed CIM_d (253 unknowns) and the point (454 after the quotient) are both above
   * {@link SecondStepSpectrum#MIN_DIMENSION}.
   */
  @Test
  void theSeedChainComputesNoSecondStepSpectrum() {
    Model m = SparseStabilityTest.model(ModelKind.TPM_IF_d, 50, 1.0, 2e5);
    assertThat(org.qdlaser.stages.physics.Models.seedModel(m).orElseThrow().dimension())
        .isGreaterThanOrEqualTo(SecondStepSpectrum.MIN_DIMENSION);
    long before = SecondStepSpectrum.started();
    Equilibrium e = Equilibria.defaults().withRelaxationSpectra().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT).equilibrium();
    assertThat(SecondStepSpectrum.started() - before).as("second-step spectra started").isEqualTo(1);
    SpectrumMemo.clear();
    Equilibrium plain = Equilibria.defaults().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT).equilibrium();
    assertThat(e.lasing()).isTrue();
    assertThat(e.bAbs()).isEqualTo(plain.bAbs());
    assertThat(e.omega()).isEqualTo(plain.omega());
    assertThat(e.rightmostEigenvalue()).isEqualTo(plain.rightmostEigenvalue());
    assertThat(e.stable()).isEqualTo(plain.stable());
  }

  /**
   * TPM_d's seed (TPM_IF_d, Newton-polished from CIM_d) has its stability computed beside TPM_d's Newton
   * (on in {@link Equilibria#withRelaxationSpectra}, qdlaser point's facade): the point is the one computed
   * one step after the other, bit for bit. N = 20 dots of S1 at w_QD = 0.5 gamma with stronger couplings (so that the small sample lases):
   * at 3 g and r = 3e5 the seed is stable, the overlap runs and TPM_d lases by Newton from it; at 1.5 g and
   * r = 1.2e4 the seed's Newton from CIM_d fails (found by a scan of r), and the seed's own transient
   * decides as before (TPM_d non-lasing).
   */
  @Test
  void theSeedVerdictBesideTheNextNewtonChangesNothing() {
    for (double[] kr : new double[][] {{3, 3e5}, {1.5, 1.2e4}}) {
      double r = kr[1];
      Model m = strongSample(ModelKind.TPM_d, kr[0], r);
      long before = SeedVerdicts.STARTED.get();
      Equilibria.Fate beside = Equilibria.defaults().withRelaxationSpectra().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT);
      long overlapped = SeedVerdicts.STARTED.get() - before;
      Equilibria.Fate plain = Equilibria.defaults().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT);
      assertThat(overlapped).as("seed verdicts beside at r = " + r).isEqualTo(r == 3e5 ? 1 : 0);
      assertSamePoint(beside, plain);
      if (r == 3e5) { // TPM_d lases by Newton from the lifted seed state (no transient)
        assertThat(beside.equilibrium().lasing()).isTrue();
        assertThat(beside.timeIntegrated()).isZero();
      }
    }
  }

  /**
   * The non-lasing polish from TPM_d's lasing state, started beside that state's stability verdict
   * ({@link Equilibria#withRelaxationSpectra}, qdlaser point), is the one {@link StableStates} takes, and
   * the other stable states are those the plain facade finds one step after the other: the same list,
   * states bit for bit. S1 at 3 g, r = 3e5 (above: TPM_d lases by Newton from the lifted seed).
   */
  @Test
  void theNonLasingPolishStartedAheadIsTakenAndChangesNothing() {
    Model m = strongSample(ModelKind.TPM_d, 3, 3e5);
    long started = NonLasingAhead.STARTED.get();
    long taken = NonLasingAhead.TAKEN.get();
    Equilibria ahead = Equilibria.defaults().withRelaxationSpectra();
    Equilibrium e = ahead.pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT).equilibrium();
    java.util.List<Equilibrium> found = ahead.stableStates(m, e).get();
    assertThat(NonLasingAhead.STARTED.get() - started).as("started ahead").isEqualTo(1);
    assertThat(NonLasingAhead.TAKEN.get() - taken).as("taken").isEqualTo(1);
    Equilibria plainFacade = Equilibria.defaults();
    Equilibrium p = plainFacade.pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT).equilibrium();
    java.util.List<Equilibrium> plain = plainFacade.stableStates(m, p).get();
    assertThat(NonLasingAhead.STARTED.get() - started).as("not in the plain facade").isEqualTo(1);
    assertThat(e.lasing()).isTrue();
    assertThat(found).hasSize(plain.size());
    assertThat(found.stream().anyMatch(x -> !x.lasing())).as("a stable non-lasing state among them").isTrue();
    for (int i = 0; i < found.size(); i++) {
      Equilibrium a = found.get(i);
      Equilibrium b = plain.get(i);
      assertThat(a.verdict()).isEqualTo(b.verdict());
      assertThat(a.state()).isEqualTo(b.state());
      assertThat(a.rightmostEigenvalue()).isEqualTo(b.rightmostEigenvalue());
      assertThat(a.stable()).isEqualTo(b.stable());
      assertThat(a.residual()).isEqualTo(b.residual());
    }
  }

  /**
   * TPM_IF_d's seed (CIM_d, found by its long-time fate: transient, then Newton) has the stability of each
   * lasing Newton polish computed beside TPM_IF_d's Newton from it (qdlaser point's facade): the point is
   * the one computed one step after the other, bit for bit, whether the seed lases (3 g, r = 3e5: TPM_IF_d
   * lases by Newton from the lifted seed state) or not (1.5 g, r = 1.2e4).
   */
  @Test
  void theFateSeedVerdictBesideTheNextNewtonChangesNothing() {
    for (double[] kr : new double[][] {{3, 3e5}, {1.5, 1.2e4}}) {
      double r = kr[1];
      Model m = strongSample(ModelKind.TPM_IF_d, kr[0], r);
      long before = SeedVerdicts.STARTED.get();
      Equilibria.Fate beside = Equilibria.defaults().withRelaxationSpectra().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT);
      long overlapped = SeedVerdicts.STARTED.get() - before;
      SpectrumMemo.clear();
      Equilibria.Fate plain = Equilibria.defaults().pointWithFate(m, Equilibria.DEFAULT_LONG_TIME_LIMIT);
      if (r == 3e5) {
        assertThat(overlapped).as("seed verdicts beside at r = " + r).isPositive();
        assertThat(beside.equilibrium().lasing()).isTrue();
        assertThat(beside.timeIntegrated()).isZero(); // by Newton from the lifted seed state
      }
      assertSamePoint(beside, plain);
    }
  }

  /** The overlapped point is the one computed one step after the other, bit for bit. */
  private static void assertSamePoint(Equilibria.Fate beside, Equilibria.Fate plain) {
    Equilibrium e = beside.equilibrium();
    Equilibrium p = plain.equilibrium();
    assertThat(e.verdict()).isEqualTo(p.verdict());
    assertThat(e.bAbs()).isEqualTo(p.bAbs());
    assertThat(e.omega()).isEqualTo(p.omega());
    assertThat(e.rightmostEigenvalue()).isEqualTo(p.rightmostEigenvalue());
    assertThat(e.stable()).isEqualTo(p.stable());
    assertThat(e.state()).isEqualTo(p.state());
    assertThat(beside.timeIntegrated()).isEqualTo(plain.timeIntegrated());
  }

  /** S1 (N = 20, w_QD = 0.5 gamma, seed 1) with couplings k times g, at pump r (gamma_nr units). */
  private static Model strongSample(ModelKind kind, double k, double r) {
    var p = SparseStabilityTest.P;
    var s = org.qdlaser.stages.sampling.SampleGenerator.generate(
        new org.qdlaser.stages.sampling.SampleSpec(20, 0.5, p.gamma(), 1, 0, 0, p.g()));
    double[] g = java.util.Arrays.stream(s.couplings()).map(c -> k * c).toArray();
    return org.qdlaser.stages.physics.Models.disperse(kind, new org.qdlaser.stages.physics.DisperseParameters(
        p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), r, s.detunings(), g));
  }
}
