package org.qdlaser.stages.physics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named inputs of the models and their samples, as written in manifests, {@code --set} and
 * table columns: the one definition of each name's unit and sign. Rates are normalised to gamma_nr
 * (or given in s^-1 with a {@code /s} suffix); the others are plain numbers and refuse the suffix.
 */
public enum Parameter {
  GAMMA("gamma", Unit.RATE, Sign.POSITIVE),
  GAMMA_C("gamma_c", Unit.RATE, Sign.POSITIVE),
  GAMMA_NL("gamma_nl", Unit.RATE, Sign.NON_NEGATIVE),
  /** gamma_NL given as the spontaneous-emission factor beta = gamma_l / (gamma_l + gamma_NL), in (0, 1]. */
  BETA("beta", Unit.DIMENSIONLESS, Sign.POSITIVE),
  /** The radiative rate that goes with beta. */
  GAMMA_L("gamma_l", Unit.RATE, Sign.NON_NEGATIVE),
  GAMMA_NR("gamma_nr", Unit.RATE, Sign.POSITIVE),
  G("g", Unit.RATE, Sign.POSITIVE),
  MU("mu", Unit.DIMENSIONLESS, Sign.NON_NEGATIVE),
  N("N", Unit.COUNT, Sign.POSITIVE),
  /** The pump per emitter. */
  R("r", Unit.RATE, Sign.NON_NEGATIVE),
  /** Detuning of identical dots from the cavity: a signed rate. */
  DELTA_NU("delta_nu", Unit.RATE, Sign.ANY),
  /** Sample option: the width of the detunings' distribution, in units of gamma. */
  W_QD("w_qd", Unit.GAMMA, Sign.NON_NEGATIVE),
  /** Sample option: the seed of the draw. */
  SEED("seed", Unit.COUNT, Sign.ANY),
  /** Sample option: the number of App. F tail dots on each side. */
  TAIL("tail", Unit.COUNT, Sign.NON_NEGATIVE),
  /** Sample option: the fraction of dots at zero detuning (the Reply). */
  IDENTICAL_FRACTION("identical_fraction", Unit.DIMENSIONLESS, Sign.NON_NEGATIVE);

  /** How a value is measured. */
  public enum Unit {
    /** A rate, normalised to gamma_nr; s^-1 with the /s suffix. */
    RATE,
    /** A pure number. */
    DIMENSIONLESS,
    /** An integer count. */
    COUNT,
    /** A width in units of the dots' dephasing rate gamma. */
    GAMMA
  }

  /** Which values are admissible. */
  public enum Sign {
    POSITIVE,
    NON_NEGATIVE,
    ANY
  }

  /** The model parameters of manifests and {@code --set}, in the order error messages list them. */
  public static final List<Parameter> MODEL = List.of(GAMMA, GAMMA_C, GAMMA_NL, BETA, GAMMA_L, GAMMA_NR, G, MU, N, R, DELTA_NU);

  /** The sample options of the polydisperse models, in the order sample sets expand them. */
  public static final List<Parameter> SAMPLE = List.of(W_QD, SEED, TAIL, IDENTICAL_FRACTION);

  private final String key;
  private final Unit unit;
  private final Sign sign;

  Parameter(String key, Unit unit, Sign sign) {
    this.key = key;
    this.unit = unit;
    this.sign = sign;
  }

  /** The name in manifests, {@code --set} and tables. */
  public String key() {
    return key;
  }

  public Unit unit() {
    return unit;
  }

  public Sign sign() {
    return sign;
  }

  /** Whether the value is a rate (normalised; converted to s^-1 with gamma_nr). */
  public boolean rate() {
    return unit == Unit.RATE;
  }

  /** Whether the value is an integer. */
  public boolean integer() {
    return unit == Unit.COUNT;
  }

  /**
   * Whether the value is a positive quantity spanning decades: continued in its logarithm and drawn
   * on a logarithmic axis (the rates except the signed detuning).
   */
  public boolean logarithmic() {
    return unit == Unit.RATE && sign != Sign.ANY;
  }

  /** The parameter of a name, if it is one. */
  public static Optional<Parameter> named(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  /** The parameter of a name that is known to be one (IllegalArgumentException otherwise). */
  public static Parameter of(String key) {
    return named(key).orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + key + "'"));
  }

  @Override
  public String toString() {
    return key;
  }
}
