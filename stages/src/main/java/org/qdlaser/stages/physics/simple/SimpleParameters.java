package org.qdlaser.stages.physics.simple;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * All parameters of one Simple Model: its kind and the cw, spectral and ASE parameter groups (spec
 * section 2). Build with {@link #builder}, which supplies the defaults of the kind and resolves the
 * tied ones.
 */
public record SimpleParameters(SimpleModelKind kind, CwParameters cw, SpectralParameters spectral, AseParameters ase) {

  /** Name of the statistics choice in {@code --set} and manifests. */
  public static final String STATISTICS = "statistics";
  /** Name of the fluence-map choice in {@code --set} and manifests. */
  public static final String FLUENCE_MAP = "fluence_map";

  /** kappa = 1000 gamma_X: relaxation in 0.5-2 ps (paper Sec. 3.1) against a ns exciton lifetime (ours). */
  public static final double DEFAULT_RELAX = 1000;
  /**
   * gamma_X = 1 / (20 ns), s^-1: the order of a CdSe band-edge exciton's radiative lifetime at
   * room temperature. Ours: the paper gives no lifetime; it only converts {@code /s} inputs.
   */
  public static final double DEFAULT_GAMMA_X = 5e7;

  public SimpleParameters {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cw, "cw");
    Objects.requireNonNull(spectral, "spectral");
    Objects.requireNonNull(ase, "ase");
  }

  /** The defaults of a model (spec section 2). */
  public static SimpleParameters defaults(SimpleModelKind kind) {
    return builder(kind).build();
  }

  public static Builder builder(SimpleModelKind kind) {
    return new Builder(kind);
  }

  /** A copy at another cw pump rate W (units of gamma_X). */
  public SimpleParameters withPump(double w) {
    return new SimpleParameters(kind, cw.withPump(w), spectral, ase);
  }

  /**
   * Every parameter by its name in canonical units (eV, gamma_X, s^-1, mJ/cm^2), the choices as
   * their labels, in the order of {@link SimpleParameter} then the choices: what the {@code point},
   * {@code threshold} and {@code spectrum} commands print as {@code parameters}.
   *
   * @return a new map
   */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (SimpleParameter p : SimpleParameter.values()) {
      m.put(p.label(), value(p));
    }
    m.put(STATISTICS, spectral.statistics().label());
    m.put(FLUENCE_MAP, ase.fluenceMap().label());
    return m;
  }

  /** The canonical value of a numeric parameter. */
  public double value(SimpleParameter p) {
    SpectralParameters s = spectral;
    return switch (p) {
      case PUMP -> cw.pump();
      case RELAX -> cw.relax();
      case ESA_RATIO -> cw.esaRatio();
      case GAMMA_X -> cw.gammaX();
      case E_ABS -> s.eAbs();
      case FWHM_ABS -> s.fwhmAbs();
      case FWHM_EM -> s.fwhmEm();
      case STOKES -> s.stokes();
      case XX_ABS_BINDING -> s.xxAbsBinding();
      case ESA_STRENGTH -> s.esaStrength();
      case XX_EM_BINDING -> s.xxEmBinding();
      case XX_EM_STRENGTH -> s.xxEmStrength();
      case FWHM_ESA -> s.fwhmEsa();
      case FWHM_XX_EM -> s.fwhmXxEm();
      case XX_ABS1_BINDING -> s.xxAbs1Binding();
      case N_MAX -> s.nMax();
      case ASE_G0 -> ase.g0();
      case ASE_GAIN_LENGTH -> ase.gainLength();
      case SATURATION_FLUENCE -> ase.saturationFluence();
    };
  }

  /**
   * Collects explicit settings and builds validated parameters: defaults of the kind for the rest
   * (spec section 2: stokes 0 / 0.010 / 0.038 eV for the 2/3/4LS, esa_ratio 0 or 1 for the {@code
   * _XX} models), {@code fwhm_esa} = {@code fwhm_abs}, {@code fwhm_xx_em} = {@code fwhm_em} and
   * {@code xx_abs1_binding} = {@code xx_abs_binding} unless set themselves, and rates given in
   * s^-1 converted with the final gamma_X. Not thread safe.
   */
  public static final class Builder {
    private final SimpleModelKind kind;
    private final Map<SimpleParameter, Double> values = new EnumMap<>(SimpleParameter.class);
    private final Map<SimpleParameter, Double> perSecond = new EnumMap<>(SimpleParameter.class);
    private Statistics statistics = Statistics.BINOMIAL;
    private FluenceMap fluenceMap = FluenceMap.RABI;

    private Builder(SimpleModelKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Sets a parameter in its canonical unit (replacing an earlier setting of it). */
    public Builder set(SimpleParameter p, double value) {
      perSecond.remove(p);
      values.put(p, value);
      return this;
    }

    /**
     * Sets a rate (a {@link SimpleParameter.Unit#GAMMA_X_RATE} parameter) in s^-1, converted with
     * gamma_X when built.
     */
    public Builder setPerSecond(SimpleParameter p, double valuePerSecond) {
      if (p.unit() != SimpleParameter.Unit.GAMMA_X_RATE) {
        throw new IllegalArgumentException(p.label() + " is not a rate in gamma_X units; a /s suffix applies to "
            + "pump and relax only (gamma_x itself is in 1/s)");
      }
      values.remove(p);
      perSecond.put(p, valuePerSecond);
      return this;
    }

    public Builder statistics(Statistics s) {
      this.statistics = Objects.requireNonNull(s, "statistics");
      return this;
    }

    public Builder fluenceMap(FluenceMap f) {
      this.fluenceMap = Objects.requireNonNull(f, "fluence map");
      return this;
    }

    /** An independent builder with the same kind and settings. */
    public Builder copy() {
      Builder b = new Builder(kind);
      b.values.putAll(values);
      b.perSecond.putAll(perSecond);
      b.statistics = statistics;
      b.fluenceMap = fluenceMap;
      return b;
    }

    /** Whether the parameter was set explicitly. */
    public boolean isSet(SimpleParameter p) {
      return values.containsKey(p) || perSecond.containsKey(p);
    }

    /**
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public SimpleParameters build() {
      double gammaX = get(SimpleParameter.GAMMA_X, DEFAULT_GAMMA_X);
      SimpleParameter.GAMMA_X.check(gammaX);
      double fwhmAbs = get(SimpleParameter.FWHM_ABS, 0.100);
      double fwhmEm = get(SimpleParameter.FWHM_EM, 0.080);
      double xxAbs = get(SimpleParameter.XX_ABS_BINDING, 0.020);
      CwParameters cw = new CwParameters(
          rate(SimpleParameter.PUMP, 0.0, gammaX),
          rate(SimpleParameter.RELAX, DEFAULT_RELAX, gammaX),
          get(SimpleParameter.ESA_RATIO, kind.esa() ? 1.0 : 0.0),
          gammaX);
      SpectralParameters spectral = new SpectralParameters(
          get(SimpleParameter.E_ABS, 2.100),
          fwhmAbs,
          fwhmEm,
          get(SimpleParameter.STOKES, kind.scheme().defaultStokes()),
          xxAbs,
          get(SimpleParameter.ESA_STRENGTH, 1.5),
          get(SimpleParameter.XX_EM_BINDING, 0.020),
          get(SimpleParameter.XX_EM_STRENGTH, 0.3),
          get(SimpleParameter.FWHM_ESA, fwhmAbs),
          get(SimpleParameter.FWHM_XX_EM, fwhmEm),
          get(SimpleParameter.XX_ABS1_BINDING, xxAbs),
          statistics,
          get(SimpleParameter.N_MAX, 2.0));
      AseParameters ase = new AseParameters(
          get(SimpleParameter.ASE_G0, 100.0),
          get(SimpleParameter.ASE_GAIN_LENGTH, 1.0),
          fluenceMap,
          get(SimpleParameter.SATURATION_FLUENCE, 0.20));
      return new SimpleParameters(kind, cw, spectral, ase);
    }

    private double get(SimpleParameter p, double fallback) {
      return values.getOrDefault(p, fallback);
    }

    private double rate(SimpleParameter p, double fallback, double gammaX) {
      Double s = perSecond.get(p);
      return s != null ? s / gammaX : get(p, fallback);
    }
  }
}
