package org.qdlaser.stages.numerics.testproblems;

import java.util.List;
import java.util.Locale;

/**
 * The named test problems. Intervals and initial values of ROBER, HIRES, VDPOL and OREGO are those
 * of the Test Set for IVP Solvers (as in shared/reference/ivp-testset.json, which holds the
 * reference solutions at t1); BRUSS2D is {@link Brusselator2D} on a 100 x 100 grid (20,000
 * unknowns) over [0, 1], before the inhomogeneity switches on (no reference solution).
 */
public final class StiffTestProblems {
  private StiffTestProblems() {}

  /** Names accepted by {@link #get}. */
  public static final List<String> NAMES = List.of("ROBER", "HIRES", "VDPOL", "OREGO", "BRUSS2D");

  /** Grid of the named BRUSS2D problem: 2 * 100^2 = 20,000 unknowns. */
  public static final int BRUSS2D_GRID = 100;
  /** End time of the named BRUSS2D problem (before the inhomogeneity at 1.1). */
  public static final double BRUSS2D_END = 1.0;

  /**
   * The problem called {@code name} (case-insensitive); a new instance.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static StiffTestProblem get(String name) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "ROBER":
        return new StiffTestProblem("ROBER", new Rober(), 0.0, 1e11, new double[] {1, 0, 0}, 1e-8);
      case "HIRES":
        return new StiffTestProblem(
            "HIRES", new Hires(), 0.0, 321.8122, new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057}, 1e-4);
      case "VDPOL":
        return new StiffTestProblem(
            "VDPOL", new VanDerPol(VanDerPol.TEST_SET_EPSILON), 0.0, 2.0, new double[] {2, 0}, 1.0);
      case "OREGO":
        return new StiffTestProblem("OREGO", new Oregonator(), 0.0, 360.0, new double[] {1, 2, 3}, 1.0);
      case "BRUSS2D":
        Brusselator2D b = new Brusselator2D(BRUSS2D_GRID);
        return new StiffTestProblem("BRUSS2D", b, 0.0, BRUSS2D_END, b.initialState(), 1.0);
      default:
        throw new IllegalArgumentException("unknown test problem '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }
}
