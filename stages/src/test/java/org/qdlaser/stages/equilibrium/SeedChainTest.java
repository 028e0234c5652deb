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
}
