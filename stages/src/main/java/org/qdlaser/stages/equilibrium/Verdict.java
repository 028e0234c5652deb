package org.qdlaser.stages.equilibrium;

import java.util.Locale;

/**
 * What a solve concluded at one parameter point: a steady lasing state, the non-lasing state, or
 * neither within the transient budget ({@link Unsettled}).
 */
public enum Verdict {
  /** A steady rotating lasing state (Newton-polished; its stability is in {@link Equilibrium#stable()}). */
  LASING,
  /** A steady state without coherent field (its stability is in {@link Equilibrium#stable()}). */
  NON_LASING,
  /** Still lasing at the end of the transient budget, but not at a steady state. */
  UNSETTLED;

  /** The verdict of an equilibrium. */
  public static Verdict of(Equilibrium e) {
    if (e.unsettled() != null) {
      return UNSETTLED;
    }
    return e.lasing() ? LASING : NON_LASING;
  }

  /** Name in JSON and tables: lasing, non_lasing, unsettled. */
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
    throw new IllegalArgumentException("unknown verdict '" + name + "', allowed: lasing, non_lasing, unsettled");
  }
}
