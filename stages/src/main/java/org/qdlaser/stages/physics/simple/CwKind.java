package org.qdlaser.stages.physics.simple;

import java.util.Locale;

/** How a level scheme reaches cw gain (paper Fig. 6d, after Siegman). */
public enum CwKind {
  /** No pump gives positive small-signal gain. */
  NEVER,
  /** Gain above a finite pump rate. */
  FINITE,
  /** Gain at every positive pump rate. */
  THRESHOLDLESS;

  /** The name the {@code threshold} command prints: {@code never}, {@code finite}, {@code thresholdless}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
