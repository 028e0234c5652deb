package org.qdlaser.stages.equilibrium;

/**
 * Diagnostics of a transient that, within its time budget, neither met the App. A equilibrium
 * criterion, nor decayed, nor reached a stable steady state by Newton: the field still rotates and
 * lases at the end but drifts (docs/decisions.md, "TPM^(d) samples without a steady lasing
 * state"). The paper, which reads lasing off short transients, would count such a sample as lasing.
 *
 * @param bAbsEnd |&lt;b&gt;| at the end of the transient
 * @param driftRate relative drift rate d ln|b| / dt over the drift window (per unit time 1/gamma_nr;
 *     negative: decaying)
 * @param omega rotation frequency of &lt;b&gt; over the drift window (d arg b / dt, units of gamma_nr)
 * @param time time integrated (1/gamma_nr)
 * @param driftWindowStart start of the drift window (1/gamma_nr, in [0, time))
 */
public record Unsettled(double bAbsEnd, double driftRate, double omega, double time, double driftWindowStart) {
  public Unsettled {
    if (!(bAbsEnd > 0) || !Double.isFinite(bAbsEnd)) {
      throw new IllegalArgumentException("unsettled transient needs a finite field |b| > 0 at its end, got " + bAbsEnd);
    }
    if (!Double.isFinite(driftRate) || !Double.isFinite(omega)) {
      throw new IllegalArgumentException(
          "unsettled transient needs finite drift rate and omega, got " + driftRate + ", " + omega);
    }
    if (!(time > 0) || !Double.isFinite(time) || !(driftWindowStart >= 0 && driftWindowStart < time)) {
      throw new IllegalArgumentException(
          "unsettled transient needs 0 <= drift window start < time, got " + driftWindowStart + ", " + time);
    }
  }

  /** Time over which |b| would change by a factor e at the present drift, 1 / |d ln|b| / dt|. */
  public double driftTimeScale() {
    return 1.0 / Math.abs(driftRate);
  }
}
