package org.qdlaser.pipeline.tasks;

/**
 * gamma_nr in s^-1 in task keys: omitted when it is the default 1e9 s^-1 (every study so far), so
 * that keys written before it was hashed stay valid; any other value is in the key.
 */
public final class Units {
  /** Table I's gamma_nr, s^-1. */
  public static final double DEFAULT_GAMMA_NR_PER_SECOND = 1e9;

  private Units() {}

  /** Jackson value filter: true (omit) for the default gamma_nr. */
  public static final class DefaultGammaNr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Double d && d == DEFAULT_GAMMA_NR_PER_SECOND;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
