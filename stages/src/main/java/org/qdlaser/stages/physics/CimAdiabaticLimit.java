package org.qdlaser.stages.physics;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;

/**
 * The CIM's rate-equation limit and its small-signal analysis, in closed form: an analytic check of
 * the relaxation oscillations computed from the full CIM's Jacobian (docs/decisions.md, "CIM
 * adiabatic limit").
 *
 * <p>Identical resonant dots (D2, Delta nu = 0, real g; b, V = {@code <v+c>}, P = Re {@code <b c+ v>}
 * real). When the dephasing gamma exceeds every other rate, the polarisations follow the slow
 * variables: V = g b D / gamma from (D2b) and P = (g / kappa)[C + n D + (N - 1) V^2] from (D2e),
 * with D = 2C - 1, kappa = gamma + gamma_c, C = {@code <c+c>}, n = {@code <b+b>}. With G = N g^2 /
 * gamma, a = g^2 / kappa, rho = (N - 1) g^2 / gamma^2 and S = g P = a[C + n D + rho b^2 D^2]:
 *
 * <pre>
 *   db/dt = (G D - gamma_c) b
 *   dn/dt = -2 gamma_c n + 2 N S
 *   dC/dt = r (1 - C) - Gamma_p C - 2 S,          Gamma_p = gamma_nr + gamma_NL.
 * </pre>
 *
 * Its steady states are the CIM's exactly (V and P are algebraic there): lasing with D0 = gamma_c /
 * G (the CIM threshold population), S0 = [r (1 - C0) - Gamma_p C0] / 2, n0 = N S0 / gamma_c, b0^2 =
 * (S0 / a - C0 - n0 D0) / (rho D0^2); non-lasing with b = 0 and C the root in [0, r / (r + Gamma_p)]
 * of a quadratic. The linearisation in (b, n, C) at the lasing state has the characteristic
 * polynomial
 *
 * <pre>
 *   lambda^3 + (p + q) lambda^2 + (2 u s_b + q p + 4 N a D0 s_C) lambda + 4 gamma_c u s_b,
 *   u = 2 G b0, s_b = 2 a rho b0 D0^2, s_C = a (1 + 2 n0 + 4 rho b0^2 D0),
 *   q = 2 gamma_c - 2 N a D0 = 2 gamma_c^2 / kappa, p = r + Gamma_p + 2 s_C,
 * </pre>
 *
 * and at the non-lasing state b decouples (lambda_b = G D - gamma_c, twice: re and im) from the (n,
 * C) block [[-2 gamma_c + 2 N a D, 2 N a (1 + 2 n)], [-2 a D, -(r + Gamma_p) - 2 a (1 + 2 n)]].
 *
 * <p>Validity: the eliminated variables relax at gamma and kappa; for a mode e^{lambda t} the exact
 * response of V and P carries 1 / (gamma + lambda) where the limit has 1 / gamma, and the b row an
 * extra -gamma_c lambda / gamma (from -gamma_c + N g^2 D0 / (gamma + lambda)). Each coupling is
 * therefore off by a relative O(eps), eps = max(|lambda|, gamma_c, p) / gamma, and the eigenvalue by
 * O(eps |lambda|) ({@link Mode#smallParameter}). The limit holds where eps << 1; at Table I it does
 * not (r_th = 2.3e3 gamma_nr against gamma = 1e4: eps ~ 1 on the lasing branch).
 */
public final class CimAdiabaticLimit {
  private final LaserParameters p;
  // The rates of the limit (units of gamma_nr): gamma, gamma_c, Gamma_p = gamma_nr + gamma_NL, r,
  // G = N g^2 / gamma, a = g^2 / kappa, rho = (N - 1) g^2 / gamma^2.
  private final double gamma;
  private final double gc;
  private final double gp;
  private final double r;
  private final int nDots;
  private final double bigG;
  private final double a;
  private final double rho;

  public CimAdiabaticLimit(LaserParameters p) {
    if (p.deltaNu() != 0) {
      throw new IllegalArgumentException("the CIM adiabatic limit is derived for resonant dots (delta_nu = 0), got " + p.deltaNu());
    }
    this.p = p;
    this.gamma = p.gamma();
    this.gc = p.gammaC();
    this.gp = p.gammaNr() + p.gammaNl();
    this.r = p.r();
    this.nDots = p.n();
    double g2 = p.g() * p.g();
    this.bigG = nDots * g2 / gamma;
    this.a = g2 / (gamma + gc);
    this.rho = (nDots - 1) * g2 / (gamma * gamma);
  }

  /**
   * A steady state of the rate equations and its small-signal spectrum.
   *
   * @param lasing whether b0 > 0
   * @param b coherent amplitude |b| (>= 0)
   * @param photons n = {@code <b+b>}
   * @param upperPopulation C = {@code <c+c>}
   * @param re real parts of the small-signal eigenvalues (units of gamma_nr; copy)
   * @param im imaginary parts (copy)
   */
  public record State(boolean lasing, double b, double photons, double upperPopulation, double[] re, double[] im) {
    public State {
      re = re.clone();
      im = im.clone();
    }

    @Override public double[] re() { return re.clone(); }
    @Override public double[] im() { return im.clone(); }

    /** The complex pair with positive imaginary part and the largest real part, or null if all are real. */
    public Mode oscillation() {
      int best = -1;
      for (int i = 0; i < re.length; i++) {
        if (im[i] > 0 && (best < 0 || re[i] > re[best])) {
          best = i;
        }
      }
      return best < 0 ? null : new Mode(im[best], -re[best]);
    }
  }

  /** An oscillatory mode: angular frequency and damping (units of gamma_nr). */
  public record Mode(double frequency, double damping) {
    /** |lambda|. */
    public double modulus() {
      return Math.hypot(frequency, damping);
    }
  }

  /** The CIM lasing threshold population D0 = gamma gamma_c / (N g^2) as C0 = (1 + D0) / 2. */
  public double thresholdPopulation() {
    return (1 + p.gamma() * p.gammaC() / (p.n() * p.g() * p.g())) / 2;
  }

  /** The stable steady state at the pump of the parameters: lasing above threshold, else non-lasing. */
  public State steadyState() {
    State lasing = lasingState();
    return lasing != null ? lasing : nonLasingState();
  }

  /** The lasing steady state, or null below threshold (b0^2 <= 0 or D0 >= 1). */
  public State lasingState() {
    double d0 = gc / bigG;
    if (!(d0 < 1) || rho == 0) {
      return null;
    }
    double c0 = (1 + d0) / 2;
    double s0 = (r * (1 - c0) - gp * c0) / 2;
    double n0 = nDots * s0 / gc;
    double b2 = (s0 / a - c0 - n0 * d0) / (rho * d0 * d0);
    if (!(b2 > 0)) {
      return null;
    }
    double b0 = Math.sqrt(b2);
    double u = 2 * bigG * b0;
    double sb = 2 * a * rho * b0 * d0 * d0;
    double sc = a * (1 + 2 * n0 + 4 * rho * b2 * d0);
    double q = 2 * gc - 2 * nDots * a * d0;
    double pp = r + gp + 2 * sc;
    double c2 = pp + q;
    double c1 = 2 * u * sb + q * pp + 4 * nDots * a * d0 * sc;
    double cz = 4 * gc * u * sb;
    Complex[] roots = new LaguerreSolver(1e-14, 1e-14).solveAllComplex(new double[] {cz, c1, c2, 1.0}, -c2 / 3);
    double[] re = new double[3];
    double[] im = new double[3];
    for (int i = 0; i < 3; i++) {
      re[i] = roots[i].getReal();
      // A real root comes back with a rounding-level imaginary part: zero it below 1e-12 |lambda|.
      im[i] = Math.abs(roots[i].getImaginary()) > 1e-12 * roots[i].norm() ? roots[i].getImaginary() : 0.0;
    }
    return new State(true, b0, n0, c0, re, im);
  }

  /** The non-lasing steady state (b = 0) and its small-signal spectrum (b, twice; then the (n, C) pair). */
  public State nonLasingState() {
    double bigR = r + gp;
    // From dn/dt = 0 and dC/dt = 0 with b = 0: n = N (r - R C) / (2 gamma_c) and
    // -2 a N R C^2 + (2 gamma_c a + a N (2 r + R) + gamma_c R) C - r (a N + gamma_c) = 0.
    double qa = -2 * a * nDots * bigR;
    double qb = 2 * gc * a + a * nDots * (2 * r + bigR) + gc * bigR;
    double qc = -r * (a * nDots + gc);
    double c;
    if (r == 0) {
      c = 0;
    } else {
      double disc = Math.sqrt(qb * qb - 4 * qa * qc);
      // qa < 0: the root with n >= 0 (C <= r / R) is the smaller one, (-qb + disc) / (2 qa) ... in
      // the stable form 2 qc / (-qb - disc), free of cancellation.
      c = 2 * qc / (-qb - disc);
    }
    double n = nDots * (r - bigR * c) / (2 * gc);
    double d = 2 * c - 1;
    double lambdaB = bigG * d - gc;
    double j11 = -2 * gc + 2 * nDots * a * d;
    double j12 = 2 * nDots * a * (1 + 2 * n);
    double j21 = -2 * a * d;
    double j22 = -bigR - 2 * a * (1 + 2 * n);
    double tr = j11 + j22;
    double det = j11 * j22 - j12 * j21;
    double dsc = tr * tr / 4 - det;
    double[] re;
    double[] im;
    if (dsc < 0) {
      double w = Math.sqrt(-dsc);
      re = new double[] {lambdaB, lambdaB, tr / 2, tr / 2};
      im = new double[] {0, 0, w, -w};
    } else {
      double s = Math.sqrt(dsc);
      re = new double[] {lambdaB, lambdaB, tr / 2 + s, tr / 2 - s};
      im = new double[4];
    }
    return new State(false, 0.0, n, c, re, im);
  }

  /**
   * The small parameter of the limit for a mode of the state: eps = max(|lambda|, gamma_c, p) /
   * gamma with p the population's total relaxation rate r + Gamma_p + 2 s_C; the eigenvalue of the
   * full CIM lies within ~eps |lambda| of the limit's.
   */
  public double smallParameter(State s, Mode m) {
    double d = 2 * s.upperPopulation() - 1;
    double sc = a * (1 + 2 * s.photons() + 4 * rho * s.b() * s.b() * d);
    double pop = r + gp + 2 * sc;
    return Math.max(Math.max(m.modulus(), gc), pop) / gamma;
  }
}
