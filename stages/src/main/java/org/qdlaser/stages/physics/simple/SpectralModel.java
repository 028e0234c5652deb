package org.qdlaser.stages.physics.simple;

import java.util.Objects;

/**
 * The pulsed spectral model of one Simple Model (spec 1b; paper Sec. 3.3, Fig. 8): per-state
 * absorbances a0, a1, a2 of a dot holding 0, 1 or 2 relaxed excitons, in units of the unpumped peak
 * absorbance OD_0, and the non-linear absorbance OD_NL(E, &lt;N&gt;)/OD_0 = P0 a0 + P1 a1 + P2 a2.
 *
 * <ul>
 *   <li>no ESA (two uncorrelated excitons): a0 = A, a1 = (A - S)/2, a2 = -S;
 *   <li>with ESA ({@code _XX}): a0 = A, a1 = (a B - S)/2, a2 = -c S2,
 * </ul>
 *
 * with A = G(E; E_A, w_abs) (0 -&gt; X_A), S = G(E; E_E, w_em) (X_E -&gt; 0), B = G(E; E_A -
 * Delta_XXA2, w_esa) (X_E -&gt; XX_A2) and S2 = G(E; E_E - Delta^E_XX, w_xxem) (XX_E -&gt; X_E).
 * Immutable. {@link #stateAbsorbances} and {@link #stateAbsorbanceDerivatives} fill caller-owned
 * arrays and allocate nothing; the scalar conveniences ({@link #odNl}, {@link #thresholdOccupancy})
 * use two small temporary arrays.
 */
public final class SpectralModel {
  private final boolean esa;
  private final SpectralParameters p;
  private final Gaussian absorption;
  private final Gaussian emission;
  private final Gaussian esaLine;
  private final Gaussian xxEmission;
  private final Gaussian unrelaxedEsaLine;

  public SpectralModel(boolean esa, SpectralParameters parameters) {
    this.esa = esa;
    this.p = Objects.requireNonNull(parameters, "parameters");
    absorption = new Gaussian(p.eAbs(), p.fwhmAbs());
    emission = new Gaussian(p.eEm(), p.fwhmEm());
    esaLine = new Gaussian(p.eAbs() - p.xxAbsBinding(), p.fwhmEsa());
    xxEmission = new Gaussian(p.eEm() - p.xxEmBinding(), p.fwhmXxEm());
    unrelaxedEsaLine = new Gaussian(p.eAbs() - p.xxAbs1Binding(), p.fwhmEsa());
  }

  /** The spectral model of a Simple Model. */
  public static SpectralModel of(SimpleParameters p) {
    return new SpectralModel(p.kind().esa(), p.spectral());
  }

  public boolean esa() {
    return esa;
  }

  public SpectralParameters parameters() {
    return p;
  }

  public Statistics statistics() {
    return p.statistics();
  }

  /**
   * Per-state absorbances a0, a1, a2 at photon energy {@code e} (eV) into {@code out[0..2]}
   * (caller-owned), units of OD_0.
   */
  public void stateAbsorbances(double e, double[] out) {
    double a = absorption.value(e);
    double s = emission.value(e);
    out[0] = a;
    if (esa) {
      out[1] = 0.5 * (p.esaStrength() * esaLine.value(e) - s);
      out[2] = -p.xxEmStrength() * xxEmission.value(e);
    } else {
      out[1] = 0.5 * (a - s);
      out[2] = -s;
    }
  }

  /** d/dE of a0, a1, a2 at {@code e} into {@code out[0..2]} (caller-owned), units of OD_0 per eV. */
  public void stateAbsorbanceDerivatives(double e, double[] out) {
    double a = absorption.derivative(e);
    double s = emission.derivative(e);
    out[0] = a;
    if (esa) {
      out[1] = 0.5 * (p.esaStrength() * esaLine.derivative(e) - s);
      out[2] = -p.xxEmStrength() * xxEmission.derivative(e);
    } else {
      out[1] = 0.5 * (a - s);
      out[2] = -s;
    }
  }

  /** OD_NL(E, &lt;N&gt;) / OD_0. {@code n} in [0, n_max]. */
  public double odNl(double e, double n) {
    double[] pr = new double[3];
    double[] a = new double[3];
    p.statistics().occupations(n, pr);
    stateAbsorbances(e, a);
    return pr[0] * a[0] + pr[1] * a[1] + pr[2] * a[2];
  }

  /** The stimulated-emission spectrum SE(E, &lt;N&gt;) = max(0, -OD_NL) / OD_0 (the negative part of OD_NL). */
  public double se(double e, double n) {
    return Math.max(0.0, -odNl(e, n));
  }

  /**
   * Spontaneous emission I_sp(E) = P1 S/2 + P2 c S2 at occupations {@code pr} (spec 1c; c = 1 and
   * S2 = S without ESA): the seed the ASE amplifies, arbitrary units.
   */
  public double spontaneousEmission(double e, double[] pr) {
    double s = emission.value(e);
    double xx = esa ? p.xxEmStrength() * xxEmission.value(e) : s;
    return 0.5 * pr[1] * s + pr[2] * xx;
  }

  /**
   * The smallest &lt;N&gt; in (0, n_max] with OD_NL(E, &lt;N&gt;) &lt;= 0, the SE threshold at energy
   * {@code e} (spec 1b: N0(E)); +infinity if there is none, or if the unpumped sample does not
   * absorb at {@code e} (A underflowed to 0: no threshold is defined there).
   *
   * <p>Binomial: OD_NL is a quadratic alpha q^2 + beta q + a0 in q = &lt;N&gt;/2 with alpha = a0 -
   * 2a1 + a2 and beta = 2(a1 - a0); as a0 &gt; 0 its smallest positive root is 2 a0 / (-beta +
   * sqrt(beta^2 - 4 alpha a0)), a form that stays exact when alpha vanishes (no ESA: OD_NL is
   * linear). Poisson: OD_NL = a2 + e^-N (a0 - a2 + N (a1 - a2)) has one stationary point at most,
   * N* = (a1 - a0)/(a1 - a2), so the first sign change is bracketed on [0, N*] or [N*, n_max].
   */
  public double thresholdOccupancy(double e) {
    double[] a = new double[3];
    stateAbsorbances(e, a);
    return thresholdOccupancy(a);
  }

  double thresholdOccupancy(double[] a) {
    double a0 = a[0];
    double a1 = a[1];
    double a2 = a[2];
    if (!(a0 > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double nMax = p.nMax();
    if (p.statistics() == Statistics.BINOMIAL) {
      double alpha = a0 - 2 * a1 + a2;
      double beta = 2 * (a1 - a0);
      double disc = beta * beta - 4 * alpha * a0;
      if (disc < 0) {
        return Double.POSITIVE_INFINITY;
      }
      double d = -beta + Math.sqrt(disc);
      if (!(d > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      double n = 2 * (2 * a0 / d);
      return n <= nMax ? n : Double.POSITIVE_INFINITY;
    }
    java.util.function.DoubleUnaryOperator f = n -> a2 + Math.exp(-n) * (a0 - a2 + n * (a1 - a2));
    double lo = 0;
    double hi = nMax;
    if (a1 != a2) {
      double stationary = (a1 - a0) / (a1 - a2);
      if (stationary > 0 && stationary < nMax) {
        if (f.applyAsDouble(stationary) <= 0) {
          hi = stationary;
        } else {
          lo = stationary;
        }
      }
    }
    if (f.applyAsDouble(hi) > 0) {
      return Double.POSITIVE_INFINITY;
    }
    return new org.hipparchus.analysis.solvers.BrentSolver(1e-15, Double.MIN_NORMAL, 0.0)
        .solve(200, f::applyAsDouble, lo, hi);
  }

  /** Named transitions of Fig. 8a, each a peak-scaled Gaussian: see {@link Transition}. */
  public double transition(Transition t, double e) {
    return switch (t) {
      case A_X -> absorption.value(e);
      case A_XX1 -> p.esaStrength() * unrelaxedEsaLine.value(e);
      case PL_X -> emission.value(e);
      case A_XX2 -> p.esaStrength() * esaLine.value(e);
      case PL_XX -> p.xxEmStrength() * xxEmission.value(e);
    };
  }

  /** The five transitions of the paper's Fig. 8a (peak heights in units of OD_0). */
  public enum Transition {
    /** 0 -&gt; X_A, linear absorption (peak 1). */
    A_X,
    /** X_A -&gt; XX_A1, ESA before relaxation (display only, spec A6; peak a). */
    A_XX1,
    /** X_E -&gt; 0, exciton emission (peak 1). */
    PL_X,
    /** X_E -&gt; XX_A2, ESA after relaxation (peak a). */
    A_XX2,
    /** XX_E -&gt; X_E, biexciton emission (peak c). */
    PL_XX
  }
}
