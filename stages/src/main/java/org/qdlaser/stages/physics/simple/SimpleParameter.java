package org.qdlaser.stages.physics.simple;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The numeric parameters of the Simple Model by their {@code --set} and manifest names (spec
 * section 2), with unit and admissible range. The two choices ({@code statistics}, {@code
 * fluence_map}) are {@link Statistics} and {@link FluenceMap}.
 */
public enum SimpleParameter {
  PUMP("pump", Unit.GAMMA_X_RATE, Range.NON_NEGATIVE),
  RELAX("relax", Unit.GAMMA_X_RATE, Range.POSITIVE),
  ESA_RATIO("esa_ratio", Unit.DIMENSIONLESS, Range.NON_NEGATIVE),
  GAMMA_X("gamma_x", Unit.PER_SECOND, Range.POSITIVE),
  E_ABS("e_abs", Unit.ELECTRON_VOLT, Range.POSITIVE),
  FWHM_ABS("fwhm_abs", Unit.ELECTRON_VOLT, Range.POSITIVE),
  FWHM_EM("fwhm_em", Unit.ELECTRON_VOLT, Range.POSITIVE),
  STOKES("stokes", Unit.ELECTRON_VOLT, Range.FINITE),
  XX_ABS_BINDING("xx_abs_binding", Unit.ELECTRON_VOLT, Range.FINITE),
  ESA_STRENGTH("esa_strength", Unit.DIMENSIONLESS, Range.NON_NEGATIVE),
  XX_EM_BINDING("xx_em_binding", Unit.ELECTRON_VOLT, Range.FINITE),
  XX_EM_STRENGTH("xx_em_strength", Unit.DIMENSIONLESS, Range.NON_NEGATIVE),
  FWHM_ESA("fwhm_esa", Unit.ELECTRON_VOLT, Range.POSITIVE),
  FWHM_XX_EM("fwhm_xx_em", Unit.ELECTRON_VOLT, Range.POSITIVE),
  XX_ABS1_BINDING("xx_abs1_binding", Unit.ELECTRON_VOLT, Range.FINITE),
  N_MAX("n_max", Unit.DIMENSIONLESS, Range.POSITIVE),
  ASE_G0("ase_g0", Unit.DIMENSIONLESS, Range.POSITIVE),
  ASE_GAIN_LENGTH("ase_gain_length", Unit.DIMENSIONLESS, Range.POSITIVE),
  SATURATION_FLUENCE("saturation_fluence", Unit.MILLIJOULE_PER_CM2, Range.POSITIVE);

  /** Unit of a parameter's canonical value (what the records hold). */
  public enum Unit {
    /** A rate in units of gamma_X; inputs may also be in s^-1 with a {@code /s} suffix. */
    GAMMA_X_RATE("gamma_X"),
    /** s^-1. */
    PER_SECOND("1/s"),
    /** eV; inputs may also be in meV with a {@code meV} suffix. */
    ELECTRON_VOLT("eV"),
    MILLIJOULE_PER_CM2("mJ/cm^2"),
    DIMENSIONLESS("");

    private final String symbol;

    Unit(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** Admissible range of a parameter's value. */
  public enum Range {
    POSITIVE("positive and finite"),
    NON_NEGATIVE("finite and >= 0"),
    FINITE("finite");

    private final String text;

    Range(String text) {
      this.text = text;
    }

    boolean admits(double v) {
      return switch (this) {
        case POSITIVE -> v > 0 && v < Double.POSITIVE_INFINITY;
        case NON_NEGATIVE -> v >= 0 && v < Double.POSITIVE_INFINITY;
        case FINITE -> Double.isFinite(v);
      };
    }
  }

  private final String label;
  private final Unit unit;
  private final Range range;

  SimpleParameter(String label, Unit unit, Range range) {
    this.label = label;
    this.unit = unit;
    this.range = range;
  }

  /** The name as {@code --set} and manifests spell it. */
  public String label() {
    return label;
  }

  public Unit unit() {
    return unit;
  }

  public Range range() {
    return range;
  }

  /**
   * Checks a canonical value against the range.
   *
   * @return the value
   * @throws IllegalArgumentException naming the parameter, the value with its unit and the range
   */
  public double check(double v) {
    if (!range.admits(v)) {
      String u = unit.symbol().isEmpty() ? "" : " " + unit.symbol();
      throw new IllegalArgumentException(label + " must be " + range.text + ", got " + v + u);
    }
    return v;
  }

  /** The parameter of that name, or empty. */
  public static Optional<SimpleParameter> find(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }

  /** All names (numeric parameters and the two choices), comma separated. */
  public static String names() {
    return Arrays.stream(values()).map(SimpleParameter::label).collect(Collectors.joining(", "))
        + ", " + SimpleParameters.STATISTICS + ", " + SimpleParameters.FLUENCE_MAP;
  }
}
