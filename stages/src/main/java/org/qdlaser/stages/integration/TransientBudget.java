package org.qdlaser.stages.integration;

/**
 * How long a transient may run, in model time units (1/gamma_nr), when Newton from its start does
 * not give a stable steady state, and which part of it measures the drift of |&lt;b&gt;| at its end.
 * A transient that by then has neither met the App. A criterion nor decayed ends {@code unsettled}
 * (see {@code org.qdlaser.stages.equilibrium.Unsettled}): it still lases, but not at a steady state.
 *
 * @param time the budget in model time units (1/gamma_nr); {@code +Infinity}: unbounded (the
 *     transient runs to the relaxation settings' max time, as before the budget existed)
 * @param driftFraction the last fraction of the integrated time over which the relative drift
 *     rate d ln|b| / dt and the rotation frequency of &lt;b&gt; are fitted, in (0, 1]
 */
public record TransientBudget(double time, double driftFraction) {
  /**
   * Default budget: 28 time units = the first three transient windows (4 + 8 + 16) of
   * PointSolver, i.e. three Newton attempts. Measured on TPM_d N = 50, r = 2e14 s^-1 (2026-12-02):
   * the strongly detuned samples without a steady state (S7 at w_QD = 2 gamma) still lase after 30
   * units with |b| drifting by -4.5e-4 per unit, two orders slower than the relaxation of the
   * transient (its oscillations have died out by t ~ 10), while the samples that settle do so by
   * Newton after the first 4-unit window. A cost bound short enough for a nightly
   * (docs/benchmarks.md), not the paper's procedure: App. A integrated each TPM_d sample for at
   * least 100 time units (nearly 500 for S3) and fitted Eq. (A2) over growing windows
   * ({@code org.qdlaser.stages.equilibrium.PaperProcedure}; LongTimeFate follows the transients
   * in the co-rotating frame to their end).
   */
  public static final double DEFAULT_TIME = 28.0;

  /**
   * Default drift window: the last half of the integrated time (for the default budget t in [14,
   * 28], the whole last transient window after the relaxation oscillations of the first have died
   * out); a least-squares slope over it averages out what remains of them.
   */
  public static final double DEFAULT_DRIFT_FRACTION = 0.5;

  public TransientBudget {
    if (!(time > 0)) {
      throw new IllegalArgumentException("transient budget time must be > 0 (1/gamma_nr, or +Infinity), got " + time);
    }
    if (!(driftFraction > 0 && driftFraction <= 1)) {
      throw new IllegalArgumentException("transient budget drift fraction must be in (0, 1], got " + driftFraction);
    }
  }

  public static TransientBudget defaults() {
    return new TransientBudget(DEFAULT_TIME, DEFAULT_DRIFT_FRACTION);
  }

  /** No budget: the transient runs to the relaxation settings' max time. */
  public static TransientBudget unbounded() {
    return new TransientBudget(Double.POSITIVE_INFINITY, DEFAULT_DRIFT_FRACTION);
  }

  public static TransientBudget of(double time) {
    return new TransientBudget(time, DEFAULT_DRIFT_FRACTION);
  }

  public boolean bounded() {
    return time < Double.POSITIVE_INFINITY;
  }
}
