package org.qdlaser.stages.numerics.testproblems;

import java.util.List;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import java.util.Locale;

/**
 * The named test problems: the ODE (not DAE) problems of the Test Set for IVP Solvers (F. Mazzia,
 * C. Magherini et al., University of Bari, release 2.4) with their intervals, initial values,
 * discontinuities and published reference solutions ({@link TestSetReferences}), and BRUSS2D, the
 * 2-D Brusselator of {@link Brusselator2D} on a 100 x 100 grid (20,000 unknowns) over [0, 1]
 * before its inhomogeneity switches on (no reference solution).
 *
 * <p>Customary absolute tolerances: ROBER, HIRES, VDPOL and OREGO keep this project's ratios (every
 * reference component above atol); E5 and EMEP have fixed ones, the others atol = rtol, as in the
 * R package deTestSet (Soetaert, Cash, Mazzia), which carries the Test Set's problems with their
 * usual settings: E5 atol 1.11e-24, EMEP atol 0.1, POLLU, RINGMOD, PLEI, BEAM atol = rtol.
 */
public final class StiffTestProblems {
  private StiffTestProblems() {}

  /** Names accepted by {@link #get}. */
  public static final List<String> NAMES = List.of(
      "ROBER", "HIRES", "VDPOL", "OREGO", "E5", "POLLU", "RINGMOD", "PLEI", "VDPOLM", "BEAM", "MEDAKZO", "EMEP",
      "BRUSS2D");

  /** The problems with a reference solution (all of {@link #NAMES} but BRUSS2D). */
  public static final List<String> WITH_REFERENCE = NAMES.subList(0, NAMES.size() - 1);

  /** Grid of the named BRUSS2D problem: 2 * 100^2 = 20,000 unknowns. */
  public static final int BRUSS2D_GRID = 100;
  /** End time of the named BRUSS2D problem (before the inhomogeneity at 1.1). */
  public static final double BRUSS2D_END = 1.0;

  /** E5's absolute tolerance (deTestSet's default): y2 and y3 end at 80 times this. */
  public static final double E5_ATOL = 1.11e-24;
  /** EMEP's absolute tolerance in molecules/cm^3 (deTestSet's default); concentrations reach 3.5e13. */
  public static final double EMEP_ATOL = 0.1;
  /**
   * EMEP's O(3P) (component 36) is left out of the error: t1 falls on the 20:00 switch of the
   * photolysis rates, and this radical relaxes in 1e-5 s, so its value at t1 depends on which side
   * of the switch a method evaluates f in its last step (the reference's 3.73; scipy's Radau 6.35
   * and BDF 3.27 at rtol 1e-7 and 1e-5, while all other components agree to 7e-7 and 7e-5).
   */
  static final int[] EMEP_UNSCORED = {35};

  private static final double[] NONE = new double[0];
  private static final int[] ALL = new int[0];

  /**
   * The problem called {@code name} (case-insensitive); a new instance (some systems hold
   * workspaces and are not thread safe).
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static StiffTestProblem get(String name) {
    final String key = name.toUpperCase(Locale.ROOT);
    switch (key) {
      case "ROBER":
        return withReference(key, new Rober(), 0.0, 1e11, new double[] {1, 0, 0}, 1e-8, 0.0, NONE, TestSetReferences.ROBER);
      case "HIRES":
        return withReference(key, new Hires(), 0.0, 321.8122, new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057}, 1e-4, 0.0,
            NONE, TestSetReferences.HIRES);
      case "VDPOL":
        return withReference(key, new VanDerPol(VanDerPol.TEST_SET_EPSILON), 0.0, 2.0, new double[] {2, 0}, 1.0, 0.0,
            NONE, TestSetReferences.VDPOL);
      case "OREGO":
        return withReference(key, new Oregonator(), 0.0, 360.0, new double[] {1, 2, 3}, 1.0, 0.0, NONE,
            TestSetReferences.OREGO);
      case "E5":
        return withReference(key, new E5(), 0.0, 1e13, new double[] {1.76e-3, 0, 0, 0}, 1.0, E5_ATOL, NONE,
            TestSetReferences.E5);
      case "POLLU":
        return withReference(key, new Pollution(), 0.0, 60.0, polluInitialState(), 1.0, 0.0, NONE,
            TestSetReferences.POLLU);
      case "RINGMOD":
        return withReference(key, new RingModulator(), 0.0, 1e-3, new double[15], 1.0, 0.0, NONE,
            TestSetReferences.RINGMOD);
      case "PLEI":
        return withReference(key, new Pleiades(), 0.0, 3.0, pleiadesInitialState(), 1.0, 0.0, NONE,
            TestSetReferences.PLEI);
      case "VDPOLM":
        return withReference(key, new VanDerPolModified(), 0.0, 2000.0, new double[] {2, 0}, 1.0, 0.0, NONE,
            TestSetReferences.VDPOLM);
      case "BEAM":
        return withReference(key, new Beam(), 0.0, 5.0, new double[2 * Beam.SEGMENTS], 1.0, 0.0, NONE,
            TestSetReferences.BEAM);
      case "MEDAKZO":
        return withReference(key, new MedicalAkzo(), 0.0, 20.0, medakzoInitialState(), 1.0, 0.0,
            new double[] {MedicalAkzo.SWITCH_OFF}, TestSetReferences.MEDAKZO);
      case "EMEP":
        return new StiffTestProblem(key, new Emep(), Emep.T0, Emep.T1, Emep.initialState(), 1.0, EMEP_ATOL,
            Emep.BREAKPOINTS, TestSetReferences.EMEP, TestSetReferences.source(key), EMEP_UNSCORED);
      case "BRUSS2D":
        Brusselator2D b = new Brusselator2D(BRUSS2D_GRID);
        return new StiffTestProblem("BRUSS2D", b, 0.0, BRUSS2D_END, b.initialState(), 1.0);
      default:
        throw new IllegalArgumentException("unknown test problem '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }

  private static StiffTestProblem withReference(
      String name, OdeSystem system, double t0, double t1, double[] y0,
      double atolPerRtol, double fixedAtol, double[] breakpoints, double[] reference) {
    return new StiffTestProblem(name, system, t0, t1, y0, atolPerRtol, fixedAtol, breakpoints, reference,
        TestSetReferences.source(name), ALL);
  }

  /** POLLU at t = 0 (ppm): NO 0.2, O3 0.04, HCHO 0.1, CO 0.3, ALD 0.01, SO2 0.007, the rest 0. */
  private static double[] polluInitialState() {
    double[] y = new double[20];
    y[1] = 0.2;
    y[3] = 0.04;
    y[6] = 0.1;
    y[7] = 0.3;
    y[8] = 0.01;
    y[16] = 0.007;
    return y;
  }

  /** PLEI at t = 0: positions (x_i, y_i) and velocities of the seven bodies (Hairer, Norsett, Wanner I, II.10). */
  private static double[] pleiadesInitialState() {
    return new double[] {
      3, 3, -1, -3, 2, -2, 2,
      3, -3, 2, 0, 0, -4, 4,
      0, 0, 0, 0, 0, 1.75, -1.5,
      0, 0, 0, -1.25, 1, 0, 0};
  }

  /** MEDAKZO at t = 0: no antibody (u = 0), all antigen free (v = 1). */
  private static double[] medakzoInitialState() {
    double[] y = new double[2 * MedicalAkzo.POINTS];
    for (int j = 0; j < MedicalAkzo.POINTS; j++) {
      y[2 * j + 1] = 1.0;
    }
    return y;
  }
}
