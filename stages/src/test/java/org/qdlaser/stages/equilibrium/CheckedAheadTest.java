package org.qdlaser.stages.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CheckedAheadTest {
  /** The walk of the classifier: check each point one behind, stop at the first reported failure. */
  private static Optional<Integer> walk(List<Integer> points, CheckedAhead<Integer> checks) {
    for (int p : points) {
      Optional<Integer> failed = checks.thenCheck(p);
      if (failed.isPresent()) {
        return failed;
      }
    }
    return checks.failed();
  }

  @Test
  void theFirstFailingPointInTheWalksOrderIsReportedAsByCheckingEachBeforeTheNext() {
    // fails at 3 and 5: sequential checking reports 3
    assertThat(walk(List.of(1, 2, 3, 4, 5, 6), new CheckedAhead<>("t", p -> p != 3 && p != 5))).contains(3);
    // the last point's failure is found by failed() after the walk
    assertThat(walk(List.of(1, 2, 3), new CheckedAhead<>("t", p -> p != 3))).contains(3);
    assertThat(walk(List.of(1, 2, 3), new CheckedAhead<>("t", p -> true))).isEmpty();
    assertThat(new CheckedAhead<Integer>("t", p -> false).failed()).as("nothing checked yet").isEmpty();
  }

  @Test
  void checksRunOnOtherThreadsAndAtMostOnePointIsComputedPastAFailure() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
    CheckedAhead<Integer> checks = new CheckedAhead<>("qdlaser-test-check", p -> {
      threads.add(Thread.currentThread().getName());
      checked.add(p);
      return p != 2;
    });
    assertThat(walk(List.of(1, 2, 3, 4, 5), checks)).contains(2);
    assertThat(threads).containsOnly("qdlaser-test-check");
    assertThat(checked).containsExactly(1, 2); // 3 was computed by the walk but never checked
  }

  @Test
  void aFailingCheckIsRethrownNotSwallowed() {
    CheckedAhead<Integer> checks = new CheckedAhead<>("t", p -> {
      throw new EquilibriumException("spectrum failed at " + p);
    });
    checks.thenCheck(1);
    assertThatThrownBy(() -> checks.thenCheck(2)).isInstanceOf(EquilibriumException.class).hasMessageContaining("at 1");
  }
}
