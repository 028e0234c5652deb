package org.qdlaser.stages.equilibrium;

/**
 * A transient that ended on a periodic oscillation of |&lt;b&gt;| (self-pulsing, verdict {@link
 * Verdict#SELF_PULSING}): the field rotates and its modulus pulses with one period, neither
 * settling nor decaying.
 *
 * @param period period of |&lt;b&gt;| (1/gamma_nr), the mean interval between its maxima
 * @param meanPhotons &lt;b^+ b&gt; averaged over whole periods
 * @param bAbsMin smallest |&lt;b&gt;| over those periods
 * @param bAbsMax largest |&lt;b&gt;| over those periods
 * @param omega mean rotation frequency of &lt;b&gt; over those periods (units of gamma_nr)
 * @param cycles number of whole periods measured
 * @param from start of the measured periods (1/gamma_nr since the start of the transient)
 */
public record SelfPulsing(double period, double meanPhotons, double bAbsMin, double bAbsMax, double omega, int cycles,
    double from) {
  public SelfPulsing {
    if (!(period > 0) || !Double.isFinite(period)) {
      throw new IllegalArgumentException("self-pulsing period must be positive and finite, got " + period);
    }
    if (!(bAbsMax >= bAbsMin) || !(bAbsMin >= 0)) {
      throw new IllegalArgumentException("self-pulsing needs 0 <= min |b| <= max |b|, got " + bAbsMin + ", " + bAbsMax);
    }
    if (cycles < 1) {
      throw new IllegalArgumentException("self-pulsing needs at least one measured period, got " + cycles);
    }
  }
}
