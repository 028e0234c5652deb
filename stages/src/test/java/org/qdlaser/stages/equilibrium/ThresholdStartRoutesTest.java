package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.physics.DisperseParameters;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

/**
 * The start routes of a detuned-dot threshold search ({@link ThresholdStart}) on two threads give the
 * one-thread search's result exactly: the same state (bit for bit) and the same record of what was
 * tried, in the same order; a route's failure ends the search with its exception on any number of threads.
 */
class ThresholdStartRoutesTest {
  /** Small enough for a unit test (TPM_d: 5 + 9N + 7N(N - 1) = 269 unknowns). */
  static final int N = 6;
  /** Coupling (normalised, 2.5e11 s^-1): at 120 (AmplitudeHomotopyTest's N = 12) this N = 6 sample lases nowhere. */
  static final double G = 250;
  /**
   * Start pumps (normalised): far below threshold (no seed, no identical-dot lasing state: Newton, the
   * homotopy routes and the transient at the first pump fail, each leaving its record), then Table I's
   * pump (lases by Newton from the seed) and one above it (a speculative route on two threads, discarded).
   */
  static final double[] PUMPS = {1e2, 2e5, 2e6};

  private static Model sample() {
    LaserParameters t = LaserParameters.tableI();
    LaserParameters p = new LaserParameters(t.gamma(), t.gammaC(), t.gammaNl(), t.gammaNr(), G, 0.5, N, t.r(), 0.0);
    double[] d = new double[N];
    for (int i = 0; i < N; i++) {
      d[i] = (i - 2.5) * 0.1 * t.gamma();
    }
    return Models.disperse(ModelKind.TPM_d, DisperseParameters.withDetunings(p, d));
  }

  private static PointSolver pointSolver() {
    RelaxationSettings rot = RelaxationSettings.rotating();
    return new PointSolver(new Relaxer(Integrators.bdf(rot), rot), new EquilibriumSolver());
  }

  private static ThresholdStart start(int threads, java.util.function.Supplier<PointSolver> routeSolvers) {
    return new ThresholdStart(pointSolver(), new EquilibriumSolver(ThresholdFinder.branchNewton()),
        LongTimeFate.Settings.DEFAULT_LONG_TIME_LIMIT, threads, routeSolvers);
  }

  @Test
  void twoThreadsFindExactlyWhatOneFinds() {
    Model m = sample();
    ThresholdStart one = start(1, ThresholdStartRoutesTest::pointSolver);
    Optional<Equilibrium> e1 = one.find(m, PUMPS);
    ThresholdStart two = start(2, ThresholdStartRoutesTest::pointSolver);
    Optional<Equilibrium> e2 = two.find(m, PUMPS);

    assertThat(e1).isPresent();
    assertThat(one.tried()).hasSize(4); // Newton, the two homotopies and the transient at the first pump
    assertThat(two.tried()).isEqualTo(one.tried());
    assertThat(e2.orElseThrow().pump()).isEqualTo(e1.get().pump());
    assertThat(e2.get().omega()).isEqualTo(e1.get().omega());
    assertThat(e2.get().state()).isEqualTo(e1.get().state());
    assertThat(e2.get().rightmostEigenvalue()).isEqualTo(e1.get().rightmostEigenvalue());
  }

  @Test
  void aRouteThatFailsEndsTheSearchWithItsException() {
    for (int threads = 2; threads <= 3; threads++) {
      ThresholdStart broken = start(threads, () -> {
        throw new IllegalStateException("no point solver for this route");
      });
      assertThatThrownBy(() -> broken.find(sample(), PUMPS)).isInstanceOf(IllegalStateException.class)
          .hasMessage("no point solver for this route");
    }
  }
}
