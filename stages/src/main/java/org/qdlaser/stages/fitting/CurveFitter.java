package org.qdlaser.stages.fitting;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/** Levenberg–Marquardt fits (Hipparchus) of the paper's two model functions, Eq. (2) and Eq. (A2). */
public final class CurveFitter {
  /** Covariance inversion threshold (singular directions are reported as infinite uncertainty). */
  private static final double COVARIANCE_THRESHOLD = 1e-14;
  private static final int MAX_EVALUATIONS = 10_000;

  private CurveFitter() {}

  /** A model function with its analytic gradient in the parameters. */
  interface Model {
    double value(double x, double[] p);

    void gradient(double x, double[] p, double[] out);
  }

  /**
   * Lorentzian activation curve, Eq. (2): f(x) = a_L / (1 + (x / w_L)^2).
   *
   * @param x detunings (any unit; w_L comes out in it)
   * @param y activations (e.g. |<v^+ c>|^2 scaled to [0, 1])
   * @return parameters {a_L, w_L}
   */
  public static FitResult lorentzian(double[] x, double[] y) {
    double a0 = 0;
    for (double v : y) {
      a0 = Math.max(a0, v);
    }
    // Initial width: the |x| where y first falls to half of its maximum (or the spread of x).
    double w0 = 0;
    for (int i = 0; i < x.length; i++) {
      if (y[i] >= 0.5 * a0) {
        w0 = Math.max(w0, Math.abs(x[i]));
      }
    }
    if (w0 == 0) {
      w0 = 1;
    }
    Model m = new Model() {
      @Override
      public double value(double xx, double[] p) {
        double u = xx / p[1];
        return p[0] / (1 + u * u);
      }

      @Override
      public void gradient(double xx, double[] p, double[] g) {
        double u = xx / p[1];
        double d = 1 + u * u;
        g[0] = 1 / d;
        g[1] = p[0] * 2 * u * u / (p[1] * d * d);
      }
    };
    FitResult r = fit(m, x, y, new double[] {a0, w0});
    double[] p = r.parameters();
    p[1] = Math.abs(p[1]); // the model is even in w_L
    return new FitResult(p, r.standardErrors(), r.rms(), r.rSquared(), r.evaluations());
  }

  /**
   * Decaying sinusoid, Eq. (A2): f(t) = (a_inf + b e^{-c t}) cos(omega t + phi).
   *
   * @param guess {a_inf, b, c, omega, phi}
   * @return parameters {a_inf, b, c, omega, phi}
   */
  public static FitResult decayingSinusoid(double[] t, double[] y, double[] guess) {
    Model m = new Model() {
      @Override
      public double value(double tt, double[] p) {
        return (p[0] + p[1] * Math.exp(-p[2] * tt)) * Math.cos(p[3] * tt + p[4]);
      }

      @Override
      public void gradient(double tt, double[] p, double[] g) {
        double e = Math.exp(-p[2] * tt);
        double c = Math.cos(p[3] * tt + p[4]);
        double s = Math.sin(p[3] * tt + p[4]);
        double amp = p[0] + p[1] * e;
        g[0] = c;
        g[1] = e * c;
        g[2] = -tt * p[1] * e * c;
        g[3] = -amp * s * tt;
        g[4] = -amp * s;
      }
    };
    return fit(m, t, y, guess);
  }

  static FitResult fit(Model m, double[] x, double[] y, double[] start) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y must have equal lengths, got " + x.length + " and " + y.length);
    }
    int n = x.length;
    int k = start.length;
    if (n <= k) {
      throw new IllegalArgumentException("need more data points (" + n + ") than parameters (" + k + ")");
    }
    double[] grad = new double[k];
    LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
        .model(point -> {
          double[] p = point.toArray();
          RealVector v = new ArrayRealVector(n);
          RealMatrix j = new Array2DRowRealMatrix(n, k);
          for (int i = 0; i < n; i++) {
            v.setEntry(i, m.value(x[i], p));
            m.gradient(x[i], p, grad);
            for (int c = 0; c < k; c++) {
              j.setEntry(i, c, grad[c]);
            }
          }
          return new Pair<>(v, j);
        })
        .target(y)
        .start(start)
        .maxEvaluations(MAX_EVALUATIONS)
        .maxIterations(MAX_EVALUATIONS)
        .build());
    double[] p = opt.getPoint().toArray();
    double rss = 0;
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - m.value(x[i], p);
      rss += r * r;
      tss += (y[i] - mean) * (y[i] - mean);
    }
    double sigma2 = rss / (n - k);
    double[] se = new double[k];
    try {
      RealMatrix cov = opt.getCovariances(COVARIANCE_THRESHOLD);
      for (int c = 0; c < k; c++) {
        se[c] = Math.sqrt(Math.max(0, cov.getEntry(c, c) * sigma2));
      }
    } catch (org.hipparchus.exception.MathIllegalArgumentException singular) {
      java.util.Arrays.fill(se, Double.POSITIVE_INFINITY);
    }
    return new FitResult(p, se, Math.sqrt(rss / n), tss > 0 ? 1 - rss / tss : Double.NaN, opt.getEvaluations());
  }
}
