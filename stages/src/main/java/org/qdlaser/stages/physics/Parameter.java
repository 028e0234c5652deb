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
  IDENTICAL_FRACTION("identical_fraction", Unit.DIMENSIONLESS, Sign.NON_NEGATIVE),
  /**
   * Sample option: the fraction of dots with the coupling g (the Reply's "identical QD coefficients"); the others
   * draw |g_n| from a standing-wave mode at random positions (SampleGenerator).
   */
  IDENTICAL_COUPLING_FRACTION("identical_coupling_fraction", Unit.DIMENSIONLESS, Sign.NON_NEGATIVE);

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

  /**
   * Largest magnitude of a rate, in units of gamma_nr: 1e21 s^-1 at Table I's gamma_nr, far beyond
   * any rate of an emitter or cavity (optical frequencies are ~1e15 s^-1). Beyond it the states
   * and rates overflow double precision (issue 16: r = 1e308 made the initial state infinite).
   */
  public static final double MAX_RATE = 1e12;
  /** Smallest positive rate, in units of gamma_nr (1 s^-1 at Table I's gamma_nr): below it a rate is 0 to the integrator. */
  public static final double MIN_POSITIVE_RATE = 1e-9;
  /** Largest phonon parameter mu and sample width w_qd (units of gamma): the paper's are below 0.2 and 5. */
  public static final double MAX_PLAIN = 1e6;
  /** Smallest beta: gamma_NL = gamma_l (1 - beta) / beta stays below {@link #MAX_RATE} at Table I's gamma_l. */
  public static final double MIN_BETA = 1e-12;
  /** Largest number of dots N (identical dots: a number in the equations; polydisperse: see Models.disperseDimension). */
  public static final int MAX_N = 100_000;

  /** The model parameters of manifests and {@code --set}, in the order error messages list them. */
  public static final List<Parameter> MODEL = List.of(GAMMA, GAMMA_C, GAMMA_NL, BETA, GAMMA_L, GAMMA_NR, G, MU, N, R, DELTA_NU);

  /** The sample options of the polydisperse models, in the order sample sets expand them. */
  public static final List<Parameter> SAMPLE = List.of(W_QD, SEED, TAIL, IDENTICAL_FRACTION, IDENTICAL_COUPLING_FRACTION);

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

  /** Smallest admissible value (normalised; w_qd in units of gamma), see {@link #MAX_RATE}. */
  public double min() {
    return switch (this) {
      case BETA -> MIN_BETA;
      case N -> 1;
      case SEED -> Long.MIN_VALUE;
      default -> switch (sign) {
        case POSITIVE -> unit == Unit.RATE ? MIN_POSITIVE_RATE : Double.MIN_VALUE;
        case NON_NEGATIVE -> 0;
        case ANY -> unit == Unit.RATE ? -MAX_RATE : -MAX_PLAIN;
      };
    };
  }

  /** Largest admissible value (normalised; w_qd in units of gamma), see {@link #MAX_RATE}. */
  public double max() {
    return switch (this) {
      case BETA, IDENTICAL_FRACTION, IDENTICAL_COUPLING_FRACTION -> 1;
      case N -> MAX_N;
      case TAIL -> MAX_N / 2.0;
      case SEED -> Long.MAX_VALUE;
      default -> unit == Unit.RATE ? MAX_RATE : MAX_PLAIN;
    };
  }

  /** Whether {@code v} is finite and in [{@link #min()}, {@link #max()}]. */
  public boolean admits(double v) {
    return Double.isFinite(v) && v >= min() && v <= max();
  }

  /**
   * What {@link #admits} allows and why, for messages: "in [1e-09, 1e+12] (units of gamma_nr; beyond,
   * no physical rate and the state overflows)".
   */
  public String allowed() {
    String unitText = switch (unit) {
      case RATE -> "units of gamma_nr, or s^-1 with /s";
      case GAMMA -> "units of gamma";
      case COUNT -> "an integer";
      case DIMENSIONLESS -> "dimensionless";
    };
    String why = switch (this) {
      case BETA -> "gamma_NL = gamma_l (1 - beta) / beta must stay a finite rate";
      case IDENTICAL_FRACTION, IDENTICAL_COUPLING_FRACTION -> "a fraction of the dots";
      case N, TAIL -> "the number of dots";
      case SEED -> "a 64-bit seed";
      case MU -> "the paper's values are 0 to 0.1";
      case W_QD -> "the paper's widths are below 5 gamma";
      default -> "beyond " + format(MAX_RATE) + " gamma_nr no emitter has such a rate and the state overflows"
          + (sign == Sign.POSITIVE ? "; below " + format(MIN_POSITIVE_RATE) + " a rate is 0 to the integrator" : "");
    };
    if (this == SEED) {
      return "any 64-bit integer, in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
    }
    return "in [" + format(min()) + ", " + format(max()) + "] (" + unitText + "; " + why + ")";
  }

  private static String format(double v) {
    if (v == Double.MIN_VALUE) {
      return "0 (exclusive)";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.0e", v);
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
