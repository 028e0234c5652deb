package org.qdlaser.stages.numerics.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblem;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblems;

/**
 * BdfIntegrator on the Test Set problems added for issue 14, against their published reference
 * solutions, at the problems' customary absolute tolerances and one cheap rtol each (a few seconds
 * in all). RINGMOD (2e5 to 1e6 right-hand sides) and the full rtol sweeps are in
 * ci/bench-stiff-scipy; the error is {@link StiffTestProblem#maxRelativeError}.
 */
class TestSetProblemsIntegrationTest {
  /**
   * E5's y2 and y3 end at 80 atol, so whatever rtol is, they are under absolute control at atol and
   * the final relative error is a few atol over 8.9e-23: measured 1.8e-3..1.8e-2 over the 13 rtols
   * below (scipy's BDF, with the same analytic Jacobian: 4.6e-4..2.3e-2). 0.03 = 2.7 atol. Before
   * the Newton test was fixed (docs/decisions.md, "Newton error in the BDF") two of these runs
   * failed outright and one ended 7 % off.
   */
  static final double E5_MAX_ERROR = 0.03;
  /**
   * E5's invariant y2 - y3 - y4 = 0, in units of atol. It is undamped, so rounding accumulates in
   * it: while y2 ~ 1e-10 (t ~ 1e3) one rounding is 2e-26 = 0.02 atol. Measured at most 0.83 atol
   * over the 13 runs. The analytic Jacobian keeps it in every Newton correction; a finite-difference
   * Jacobian let 600 atol drift into it (the code before this issue, rtol 1e-5).
   */
  static final double E5_INVARIANT_TOL = 2.0;

  /**
   * Problem, rtol, bound on the error. The bounds are about 3x the errors measured at this commit
   * (in parentheses), which are those of a code working at its tolerance; a wrong term in a
   * transcribed right-hand side shows as an error of order one.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        // atol = rtol leaves components below ~1e-6 under absolute control: 4.0e-4 on N2O5 (5.7e-5).
        Arguments.of("POLLU", 1e-6, 1.5e-3),
        Arguments.of("POLLU", 1e-9, 6e-6), // (1.7e-6)
        Arguments.of("VDPOLM", 1e-6, 3e-4), // (8.3e-5)
        // PLEI is not stiff: BDF's error constants show (1.8e-3); it checks the seven-body equations.
        Arguments.of("PLEI", 1e-7, 6e-3),
        Arguments.of("BEAM", 1e-4, 0.1), // (2.7e-2) stiff and oscillatory, still cheap at 1e-4
        Arguments.of("MEDAKZO", 1e-7, 6e-3), // restart at t = 5
        Arguments.of("EMEP", 1e-4, 3e-3)); // (7.2e-4) restarts at the 8 sunrises and sunsets
  }

  @ParameterizedTest(name = "{0} rtol={1}")
  @MethodSource("cases")
  void meetsTheReferenceSolution(String name, double rtol, double bound) {
    StiffTestProblem p = StiffTestProblems.get(name);
    double atol = p.defaultAtol(rtol);
    IntegrationResult r = p.solve(new BdfIntegrator(BdfSettings.of(rtol, atol)));
    assertThat(r.t()).isEqualTo(p.t1());
    assertThat(p.maxRelativeError(r.y(), atol)).as("%s at rtol %s, %s", name, rtol, r.stats()).isLessThan(bound);
  }

  @Test
  void e5CompletesWithBoundedErrorFromRtol1e4To1e10() {
    StiffTestProblem p = StiffTestProblems.get("E5");
    List<String> worse = new ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      double rtol = Math.pow(10, -4 - 0.5 * i);
      double atol = p.defaultAtol(rtol);
      IntegrationResult r = p.solve(new BdfIntegrator(BdfSettings.of(rtol, atol)));
      double err = p.maxRelativeError(r.y(), atol);
      if (err > E5_MAX_ERROR) {
        worse.add(String.format("rtol %.1e: %.3g (%s)", rtol, err, r.stats()));
      }
      // The linear invariant y2 - y3 - y4 = 0 survives up to the rounding of the Newton solves.
      double[] y = r.y();
      assertThat(y[1] - y[2] - y[3]).as("E5 invariant at rtol %s", rtol).isCloseTo(0.0, within(E5_INVARIANT_TOL * atol));
    }
    assertThat(worse).as("E5 runs with error above %s", E5_MAX_ERROR).isEmpty();
  }
}
