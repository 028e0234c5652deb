package org.qdlaser.stages.fitting;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * A relaxation oscillation read off a transient: the deviation y(t) = x(t) - x_final of an
 * observable (|b|, the photon number, the population) from its final value, over a window [t0, t1]
 * after the fast modes have died out, fitted by Levenberg-Marquardt ({@link CurveFitter}, the
 * machinery of the Eq. (A2) fit) with
 *
 * <pre>
 *   y(t) = B e^{-damping tau} cos(frequency tau + phase) + A e^{-slowRate tau},   tau = t - t0:
 * </pre>
 *
 * a decaying sinusoid, as (A2) with a_inf = 0 (the field relaxes to x_final instead of rotating),
 * plus one real exponential for the slow monotonic mode that these lasers have next to the
 * oscillation (docs/decisions.md, "Relaxation oscillations"). The start values come from the data
 * alone, by Prony's linear prediction of order 3 (the three exponents are the roots of the
 * prediction polynomial), never from the Jacobian the result is compared with.
 *
 * @param frequency fitted angular frequency (1/time unit of t)
 * @param damping fitted decay rate of the oscillation
 * @param slowRate fitted rate of the real exponential
 * @param amplitude B (units of the observable)
 * @param slowAmplitude A
 * @param phase phase (rad)
 * @param standardErrors one-sigma errors of {B, damping, frequency, phase, A, slowRate} (copy)
 * @param rms rms residual of the fit (units of the observable)
 * @param relativeRms rms / max |y| over the window
 * @param samples number of samples fitted
 */
public record RelaxationFit(
    double frequency, double damping, double slowRate, double amplitude, double slowAmplitude, double phase,
    double[] standardErrors, double rms, double relativeRms, int samples) {

  public RelaxationFit {
    standardErrors = standardErrors.clone();
  }

  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /** Samples used for Prony's start values: the window is decimated to about this many points. */
  static final int PRONY_POINTS = 60;

  /**
   * Fits the window t0 <= t <= t1 of (t, x) (caller-owned, read only).
   *
   * @param xFinal the observable's final (steady) value, subtracted from x
   * @throws IllegalArgumentException if the window holds fewer than 12 samples or the data show no
   *     oscillation (Prony finds no complex pair)
   */
  public static RelaxationFit fit(double[] t, double[] x, double xFinal, double t0, double t1) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < t.length; i++) {
      if (t[i] >= t0 && t[i] <= t1) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    int n = first < 0 ? 0 : last - first + 1;
    if (n < 12) {
      throw new IllegalArgumentException("relaxation fit needs >= 12 samples in [" + t0 + ", " + t1 + "], got " + n);
    }
    double[] tau = new double[n];
    double[] y = new double[n];
    double ymax = 0;
    for (int i = 0; i < n; i++) {
      tau[i] = t[first + i] - t[first];
      y[i] = x[first + i] - xFinal;
      ymax = Math.max(ymax, Math.abs(y[i]));
    }
    double[] start = pronyStart(tau, y);
    CurveFitter.Model model = new CurveFitter.Model() {
      @Override
      public double value(double s, double[] p) {
        return p[0] * Math.exp(-p[1] * s) * Math.cos(p[2] * s + p[3]) + p[4] * Math.exp(-p[5] * s);
      }

      @Override
      public void gradient(double s, double[] p, double[] g) {
        double e = Math.exp(-p[1] * s);
        double c = Math.cos(p[2] * s + p[3]);
        double sn = Math.sin(p[2] * s + p[3]);
        double e2 = Math.exp(-p[5] * s);
        g[0] = e * c;
        g[1] = -s * p[0] * e * c;
        g[2] = -s * p[0] * e * sn;
        g[3] = -p[0] * e * sn;
        g[4] = e2;
        g[5] = -s * p[4] * e2;
      }
    };
    FitResult r = CurveFitter.fit(model, tau, y, start);
    double[] p = r.parameters();
    double amp = p[0];
    double phase = p[3];
    double freq = p[2];
    if (freq < 0) { // cos(-w t + phi) = cos(w t - phi)
      freq = -freq;
      phase = -phase;
    }
    if (amp < 0) {
      amp = -amp;
      phase += Math.PI;
    }
    return new RelaxationFit(freq, p[1], p[5], amp, p[4], phase, r.standardErrors(), r.rms(),
        ymax > 0 ? r.rms() / ymax : Double.NaN, n);
  }

  /**
   * Start values {B, damping, frequency, phase, A, slowRate} by Prony's method: on a decimated
   * uniform grid, y_{k+3} = a1 y_{k+2} + a2 y_{k+1} + a3 y_k by least squares; the roots z of z^3 -
   * a1 z^2 - a2 z - a3 are e^{lambda h}; the amplitudes follow by linear least squares.
   */
  static double[] pronyStart(double[] tau, double[] y) {
    int n = tau.length;
    int stride = Math.max(1, (n - 1) / (PRONY_POINTS - 1));
    int m = (n - 1) / stride + 1;
    double h = tau[stride] - tau[0];
    double[] ys = new double[m];
    for (int k = 0; k < m; k++) {
      ys[k] = y[k * stride];
    }
    double[][] a = new double[m - 3][3];
    double[] rhs = new double[m - 3];
    for (int k = 0; k < m - 3; k++) {
      a[k][0] = ys[k + 2];
      a[k][1] = ys[k + 1];
      a[k][2] = ys[k];
      rhs[k] = ys[k + 3];
    }
    RealVector coef = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(rhs, false));
    // z^3 - a1 z^2 - a2 z - a3, coefficients in increasing order for Hipparchus.
    double[] poly = {-coef.getEntry(2), -coef.getEntry(1), -coef.getEntry(0), 1.0};
    Complex[] z = new LaguerreSolver().solveAllComplex(poly, 0.5);
    Complex pair = null;
    double realRoot = Double.NaN;
    for (Complex zi : z) {
      if (Math.abs(zi.getImaginary()) > 1e-9 * zi.norm()) {
        if (zi.getImaginary() > 0) {
          pair = zi;
        }
      } else {
        realRoot = zi.getReal();
      }
    }
    if (pair == null) {
      throw new IllegalArgumentException("no decaying oscillation in the data: Prony roots " + java.util.Arrays.toString(z));
    }
    double damping = -Math.log(pair.norm()) / h;
    double frequency = Math.atan2(pair.getImaginary(), pair.getReal()) / h;
    // A real root in (0, 1) is a decaying exponential; otherwise the slow mode is too weak in this
    // observable for the prediction to see it (its root fits noise): start it at half the damping.
    double slow = realRoot > 0 && realRoot < 1 ? -Math.log(realRoot) / h : 0.5 * damping;
    // Amplitudes: y ~ c1 e^{-d t} cos(w t) + c2 e^{-d t} sin(w t) + c3 e^{-s t}.
    double[][] basis = new double[n][3];
    for (int i = 0; i < n; i++) {
      double e = Math.exp(-damping * tau[i]);
      basis[i][0] = e * Math.cos(frequency * tau[i]);
      basis[i][1] = e * Math.sin(frequency * tau[i]);
      basis[i][2] = Math.exp(-slow * tau[i]);
    }
    RealVector c = new QRDecomposition(new Array2DRowRealMatrix(basis, false)).getSolver().solve(new ArrayRealVector(y, false));
    // c1 cos + c2 sin = B cos(w t + phi) with B cos phi = c1, -B sin phi = c2.
    double amp = Math.hypot(c.getEntry(0), c.getEntry(1));
    double phase = Math.atan2(-c.getEntry(1), c.getEntry(0));
    return new double[] {amp, damping, frequency, phase, c.getEntry(2), slow};
  }
}
