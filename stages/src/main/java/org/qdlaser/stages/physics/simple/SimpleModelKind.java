package org.qdlaser.stages.physics.simple;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The six Simple Models by their CLI names: a level scheme, without or with excited-state
 * absorption into the biexciton ({@code _XX}, paper Sec. 3.2 and Figs. 7b, 8e-f, 9b, 9d).
 */
public enum SimpleModelKind {
  SIMPLE_2LS(LevelScheme.TWO_LEVEL, false),
  SIMPLE_3LS(LevelScheme.THREE_LEVEL, false),
  SIMPLE_4LS(LevelScheme.FOUR_LEVEL, false),
  SIMPLE_2LS_XX(LevelScheme.TWO_LEVEL, true),
  SIMPLE_3LS_XX(LevelScheme.THREE_LEVEL, true),
  SIMPLE_4LS_XX(LevelScheme.FOUR_LEVEL, true);

  private final LevelScheme scheme;
  private final boolean esa;

  SimpleModelKind(LevelScheme scheme, boolean esa) {
    this.scheme = scheme;
    this.esa = esa;
  }

  public LevelScheme scheme() {
    return scheme;
  }

  /** True for the {@code _XX} models: excited-state absorption into, and emission from, the biexciton. */
  public boolean esa() {
    return esa;
  }

  /** The model of the same scheme without ESA (itself for the no-ESA models). */
  public SimpleModelKind withoutEsa() {
    return of(scheme, false);
  }

  /** The model of a scheme with or without ESA. */
  public static SimpleModelKind of(LevelScheme scheme, boolean esa) {
    for (SimpleModelKind k : values()) {
      if (k.scheme == scheme && k.esa == esa) {
        return k;
      }
    }
    throw new AssertionError("every scheme has both variants");
  }

  /** The kind of that exact name, or empty. */
  public static Optional<SimpleModelKind> find(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }

  /** Parses a model name exactly as the CLI spells it; IllegalArgumentException naming the allowed ones. */
  public static SimpleModelKind parse(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown Simple Model '" + name + "', allowed: " + names()));
  }

  /** The allowed names, comma separated. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
