package org.qdlaser.stages.physics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six models of the paper, by their CLI names. */
public enum ModelKind {
  CIM(false),
  TPM_IF(false),
  TPM(false),
  CIM_d(true),
  TPM_IF_d(true),
  TPM_d(true);

  private final boolean polydisperse;

  ModelKind(boolean polydisperse) {
    this.polydisperse = polydisperse;
  }

  /** True for the {@code _d} models with per-dot detunings and couplings. */
  public boolean polydisperse() {
    return polydisperse;
  }

  /** Parses a model name exactly as the CLI contract spells it. */
  public static ModelKind parse(String name) {
    for (ModelKind k : values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown model '" + name + "', allowed: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return name().toUpperCase(Locale.ROOT).equals(name()) ? name() : name();
  }
}
