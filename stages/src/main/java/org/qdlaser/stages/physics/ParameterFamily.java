package org.qdlaser.stages.physics;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A one-parameter family of models for continuation: the parameter's name, its value in the base
 * model, whether it is a positive rate (continued in its logarithm) and the model at any value.
 *
 * <p>Parameters (normalised units as everywhere): {@code r}, {@code g}, {@code gamma_c}, {@code
 * gamma_nl}, {@code gamma} (positive rates, logarithmic) and {@code mu} (in [0, 1], linear) for all
 * models; {@code delta_nu} for identical dots; {@code w_qd} (width in units of gamma, linear) for
 * polydisperse dots, which scales the sample's detunings so that their standard deviation about 0
 * is w_qd gamma — the same draw widened or narrowed. For polydisperse dots {@code g} scales every
 * coupling so that their mean is g.
 *
 * @param name parameter name as in manifests and {@code --set}
 * @param base value in the base model
 * @param logarithmic continued in ln(value) (a positive rate), else linearly
 * @param lowerBound smallest admissible value (exclusive for logarithmic parameters)
 */
public record ParameterFamily(String name, double base, boolean logarithmic, double lowerBound, DoubleFunction<Model> models) {
  public ParameterFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(models, "models");
    if (!Double.isFinite(base)) {
      throw new IllegalArgumentException("base value of " + name + " must be finite, got " + base);
    }
  }

  /** The model at parameter value {@code v}. */
  public Model at(double v) {
    return models.apply(v);
  }

  /** Whether {@code v} is in the parameter's admissible range. */
  public boolean admissible(double v) {
    return Double.isFinite(v) && (logarithmic ? v > lowerBound : v >= lowerBound);
  }

  /** Parameters a family can be built for (identical and polydisperse models). */
  public static final String NAMES = "r, g, gamma_c, gamma_nl, gamma, mu, delta_nu (identical dots), w_qd (polydisperse dots)";

  /** The pump family of any model. */
  public static ParameterFamily pump(Model m) {
    return new ParameterFamily("r", m.pump(), true, 0.0, m::withPump);
  }

  /** A family of identical-dot models. */
  public static ParameterFamily identical(String name, ModelKind kind, LaserParameters p) {
    LaserParameters q = p;
    return switch (name) {
      case "r" -> new ParameterFamily(name, p.r(), true, 0, v -> Models.identical(kind, q.withR(v)));
      case "g" -> new ParameterFamily(name, p.g(), true, 0, v -> Models.identical(kind,
          new LaserParameters(q.gamma(), q.gammaC(), q.gammaNl(), q.gammaNr(), v, q.mu(), q.n(), q.r(), q.deltaNu())));
      case "gamma_c" -> new ParameterFamily(name, p.gammaC(), true, 0, v -> Models.identical(kind,
          new LaserParameters(q.gamma(), v, q.gammaNl(), q.gammaNr(), q.g(), q.mu(), q.n(), q.r(), q.deltaNu())));
      case "gamma_nl" -> new ParameterFamily(name, p.gammaNl(), true, 0, v -> Models.identical(kind,
          new LaserParameters(q.gamma(), q.gammaC(), v, q.gammaNr(), q.g(), q.mu(), q.n(), q.r(), q.deltaNu())));
      case "gamma" -> new ParameterFamily(name, p.gamma(), true, 0, v -> Models.identical(kind,
          new LaserParameters(v, q.gammaC(), q.gammaNl(), q.gammaNr(), q.g(), q.mu(), q.n(), q.r(), q.deltaNu())));
      case "mu" -> new ParameterFamily(name, p.mu(), false, 0, v -> Models.identical(kind, q.withMu(v)));
      case "delta_nu" -> new ParameterFamily(name, p.deltaNu(), false, Double.NEGATIVE_INFINITY,
          v -> Models.identical(kind, q.withDeltaNu(v)));
      default -> throw new IllegalArgumentException(
          "no continuation in '" + name + "' for identical dots; allowed: " + NAMES);
    };
  }

  /**
   * The width family of a sample (at its pump) measured in its nominal width: the sample's detunings scaled by w /
   * {@code nominalWidth}, so that w is the nominal width of the sample's draw (manifest option
   * w_qd) and the model at w = nominalWidth is the sample itself ({@link #disperse} measures the width
   * as the detunings' RMS about 0, which differs from the nominal width by the draw's scatter); the
   * family's base is {@code from}, where a continuation starts.
   */
  public static ParameterFamily nominalWidth(Model sample, double nominalWidth, double from) {
    ParameterFamily rms = disperse("w_qd", sample.kind(), Models.disperseParameters(sample).orElseThrow(
        () -> new IllegalArgumentException("a width family needs a polydisperse model, got " + sample.kind())));
    double perNominal = rms.base() / nominalWidth;
    return new ParameterFamily("w_qd", from, false, 0.0, v -> rms.at(v * perNominal));
  }

  /** A family of polydisperse models (see the class comment for g and w_qd). */
  public static ParameterFamily disperse(String name, ModelKind kind, DisperseParameters p) {
    DisperseParameters q = p;
    double[] det = p.detunings();
    double[] cpl = p.couplings();
    return switch (name) {
      case "r" -> new ParameterFamily(name, p.r(), true, 0, v -> Models.disperse(kind, q.withR(v)));
      case "mu" -> new ParameterFamily(name, p.mu(), false, 0, v -> Models.disperse(kind, q.withMu(v)));
      case "gamma_c" -> new ParameterFamily(name, p.gammaC(), true, 0, v -> Models.disperse(kind,
          new DisperseParameters(q.gamma(), v, q.gammaNl(), q.gammaNr(), q.mu(), q.r(), det, cpl)));
      case "gamma_nl" -> new ParameterFamily(name, p.gammaNl(), true, 0, v -> Models.disperse(kind,
          new DisperseParameters(q.gamma(), q.gammaC(), v, q.gammaNr(), q.mu(), q.r(), det, cpl)));
      case "gamma" -> new ParameterFamily(name, p.gamma(), true, 0, v -> Models.disperse(kind,
          new DisperseParameters(v, q.gammaC(), q.gammaNl(), q.gammaNr(), q.mu(), q.r(), det, cpl)));
      case "g" -> {
        double mean = Arrays.stream(cpl).average().orElseThrow();
        if (!(mean > 0)) {
          throw new IllegalArgumentException("continuation in g needs couplings of positive mean, got " + mean);
        }
        yield new ParameterFamily(name, mean, true, 0, v -> Models.disperse(kind,
            new DisperseParameters(q.gamma(), q.gammaC(), q.gammaNl(), q.gammaNr(), q.mu(), q.r(), det,
                Arrays.stream(cpl).map(c -> c * v / mean).toArray())));
      }
      case "w_qd" -> {
        double w0 = Math.sqrt(Arrays.stream(det).map(d -> d * d).average().orElseThrow()) / p.gamma();
        if (!(w0 > 0)) {
          throw new IllegalArgumentException("continuation in w_qd needs a sample with non-zero detunings");
        }
        yield new ParameterFamily(name, w0, false, 0, v -> Models.disperse(kind,
            new DisperseParameters(q.gamma(), q.gammaC(), q.gammaNl(), q.gammaNr(), q.mu(), q.r(),
                Arrays.stream(det).map(d -> d * v / w0).toArray(), cpl)));
      }
      default -> throw new IllegalArgumentException(
          "no continuation in '" + name + "' for polydisperse dots; allowed: " + NAMES);
    };
  }
}
