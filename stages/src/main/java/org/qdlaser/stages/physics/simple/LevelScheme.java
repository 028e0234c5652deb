package org.qdlaser.stages.physics.simple;

import java.util.List;

/**
 * The level schemes of the Simple Model (paper Sec. 3.1, Fig. 6a; spec 1a) and their cw rate
 * matrices. Levels are numbered from 0 (the ground state); rates are in units of gamma_X, the decay
 * rate of the upper laser level.
 *
 * <ul>
 *   <li>2LS, levels [ground, upper]: pump W both ways ground &lt;-&gt; upper; upper -&gt; ground at
 *       1. Laser upper -&gt; ground.
 *   <li>3LS, levels [ground, upper, pump_level]: pump W both ways ground &lt;-&gt; pump_level;
 *       pump_level -&gt; upper at kappa; upper -&gt; ground at 1. Laser upper -&gt; ground.
 *   <li>4LS, levels [ground, lower, upper, pump_level]: pump W both ways ground &lt;-&gt;
 *       pump_level; pump_level -&gt; upper at kappa; upper -&gt; lower at 1; lower -&gt; ground at
 *       kappa. Laser upper -&gt; lower.
 * </ul>
 *
 * In the 2LS and 3LS the ground state is also the lower laser level; in the 2LS the upper level is
 * also the pumped one.
 */
public enum LevelScheme {
  TWO_LEVEL(List.of("ground", "upper"), 1, 0, 0.0),
  THREE_LEVEL(List.of("ground", "upper", "pump_level"), 1, 0, 0.010),
  FOUR_LEVEL(List.of("ground", "lower", "upper", "pump_level"), 2, 1, 0.038);

  private final List<String> levelNames;
  private final int upper;
  private final int lower;
  private final double defaultStokes;

  LevelScheme(List<String> levelNames, int upper, int lower, double defaultStokes) {
    this.levelNames = levelNames;
    this.upper = upper;
    this.lower = lower;
    this.defaultStokes = defaultStokes;
  }

  /** Number of levels, 2..4. */
  public int levels() {
    return levelNames.size();
  }

  /** Names of the levels in state order (as in the {@code point} command's {@code populations}). */
  public List<String> levelNames() {
    return levelNames;
  }

  /** Index of the upper laser level. */
  public int upper() {
    return upper;
  }

  /** Index of the lower laser level (the ground state in the 2LS and 3LS). */
  public int lower() {
    return lower;
  }

  /** Index of the level the pump feeds (the last one). */
  public int pumped() {
    return levels() - 1;
  }

  /**
   * Default Stokes shift E_A - E_E of the spectral model, eV (spec section 2: 2LS 0; 3LS 0.010 and
   * 4LS 0.038, calibrated to the paper's no-ESA SE thresholds of about 1.0 and 0.5).
   */
  public double defaultStokes() {
    return defaultStokes;
  }

  /**
   * The rate matrix M of dN/dt = M N in row-major order, {@code m[i * n + j]} = rate from level j
   * into level i for i != j, and the diagonal minus the total rate out of level j.
   *
   * @param pump pump rate W (units of gamma_X), &gt;= 0
   * @param relax fast internal relaxation rate kappa (units of gamma_X), &gt; 0
   * @param m output of length n*n (caller-owned), overwritten
   */
  public void rateMatrix(double pump, double relax, double[] m) {
    int n = levels();
    java.util.Arrays.fill(m, 0, n * n, 0.0);
    int p = pumped();
    // Pump both ways between the ground state and the pumped level (absorption and stimulated
    // emission by the pump: a two-level pump transition cannot invert on its own).
    transfer(m, n, 0, p, pump);
    transfer(m, n, p, 0, pump);
    switch (this) {
      case TWO_LEVEL -> transfer(m, n, 1, 0, 1.0);
      case THREE_LEVEL -> {
        transfer(m, n, 2, 1, relax);
        transfer(m, n, 1, 0, 1.0);
      }
      case FOUR_LEVEL -> {
        transfer(m, n, 3, 2, relax);
        transfer(m, n, 2, 1, 1.0);
        transfer(m, n, 1, 0, relax);
      }
    }
  }

  /** Adds a transfer from level {@code from} to level {@code to} at {@code rate}. */
  private static void transfer(double[] m, int n, int from, int to, double rate) {
    m[to * n + from] += rate;
    m[from * n + from] -= rate;
  }
}
