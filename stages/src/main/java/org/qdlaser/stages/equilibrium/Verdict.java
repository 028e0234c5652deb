package org.qdlaser.stages.equilibrium;

import java.util.Locale;

/**
 * What a solve concluded at one parameter point: a steady lasing state, the non-lasing state, a
 * periodic pulsation of the field ({@link SelfPulsing}), or none of these within the time
 * integrated ({@link Unsettled}).
 */
public enum Verdict {
  /** A steady rotating lasing state (Newton-polished; its stability is in {@link Equilibrium#stable()}). */
  LASING,
  /** A steady state without coherent field (its stability is in {@link Equilibrium#stable()}). */
  NON_LASING,
  /** The field rotates and |b| oscillates periodically: no steady state, not decaying ({@link SelfPulsing}). */
  SELF_PULSING,
  /** Still lasing at the end of the transient budget, but not at a steady state. */
  UNSETTLED;

  /** The verdict of an equilibrium. */
  public static Verdict of(Equilibrium e) {
    if (e.unsettled() != null) {
      return UNSETTLED;
    }
    if (e.selfPulsing() != null) {
      return SELF_PULSING;
    }
    return e.lasing() ? LASING : NON_LASING;
  }

  /** Name in JSON and tables: lasing, non_lasing, self_pulsing, unsettled. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verdict of a {@link #jsonName()}. */
  public static Verdict ofJsonName(String name) {
    for (Verdict v : values()) {
      if (v.jsonName().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict '" + name + "', allowed: lasing, non_lasing, self_pulsing, unsettled");
  }
}
