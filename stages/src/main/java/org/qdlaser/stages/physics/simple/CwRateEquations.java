package org.qdlaser.stages.physics.simple;

import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The cw rate equations dN/dt = M(W, kappa) N of one level scheme (spec 1a; paper Figs. 6d, 7b):
 * populations N_i as fractions of the dots, time in 1/gamma_X. Immutable; {@link #rhs} and {@link
 * #jacobian} allocate nothing.
 */
public final class CwRateEquations implements OdeSystem {
  private final LevelScheme scheme;
  private final CwParameters parameters;
  private final int n;
  /** Rate matrix, row-major, m[i * n + j] = d(dN_i/dt)/dN_j. */
  private final double[] m;

  public CwRateEquations(LevelScheme scheme, CwParameters parameters) {
    this.scheme = java.util.Objects.requireNonNull(scheme, "scheme");
    this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
    this.n = scheme.levels();
    this.m = new double[n * n];
    scheme.rateMatrix(parameters.pump(), parameters.relax(), m);
  }

  public LevelScheme scheme() {
    return scheme;
  }

  public CwParameters parameters() {
    return parameters;
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public void rhs(double t, double[] y, double[] yDot) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        s += m[row + j] * y[j];
      }
      yDot[i] = s;
    }
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] jac) {
    System.arraycopy(m, 0, jac, 0, n * n);
  }

  /** A copy of the rate matrix, row-major. */
  public double[] rateMatrix() {
    return m.clone();
  }

  /** The state with every dot in its ground state (the cw transients' start); a new array. */
  public double[] groundState() {
    double[] y = new double[n];
    y[0] = 1.0;
    return y;
  }

  /**
   * Small-signal gain g = N_u - N_l - r N_u of populations {@code y}, in units of sigma_SE times
   * the number of dots: stimulated emission of the upper laser level minus absorption of the lower
   * one minus the probe's excited-state absorption from the upper level (a loss only, spec A7).
   */
  public double gain(double[] y) {
    double u = y[scheme.upper()];
    return u - y[scheme.lower()] - parameters.esaRatio() * u;
  }

  /** Population inversion N_u - N_l. */
  public double inversion(double[] y) {
    return y[scheme.upper()] - y[scheme.lower()];
  }

  /**
   * The steady state: the stationary distribution of the rate matrix by the Grassmann-Taksar-Heyman
   * state reduction, which uses no subtractions and so gives every population to a few ulps however
   * different the rates (kappa = 1000 against 1); its gain, residual max|M N| and the slowest
   * relaxation rate (the rightmost non-zero eigenvalue of M, from the matrix reduced by the
   * conservation law sum N = 1).
   */
  public CwSteadyState steadyState() {
    double[] q = new double[n * n]; // q[i * n + j] = rate i -> j (off-diagonal only)
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          q[i * n + j] = m[j * n + i];
        }
      }
    }
    for (int k = n - 1; k >= 1; k--) {
      double s = 0;
      for (int j = 0; j < k; j++) {
        s += q[k * n + j];
      }
      if (!(s > 0)) {
        // Every level above the ground state decays into a lower one (rates 1 and kappa > 0).
        throw new IllegalStateException("level " + k + " of the " + scheme + " has no decay to lower levels");
      }
      for (int i = 0; i < k; i++) {
        q[i * n + k] /= s;
      }
      for (int i = 0; i < k; i++) {
        double qik = q[i * n + k];
        if (qik != 0) {
          for (int j = 0; j < k; j++) {
            if (i != j) {
              q[i * n + j] += qik * q[k * n + j];
            }
          }
        }
      }
    }
    double[] p = new double[n];
    p[0] = 1.0;
    double total = 1.0;
    for (int k = 1; k < n; k++) {
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += p[i] * q[i * n + k];
      }
      p[k] = s;
      total += s;
    }
    for (int k = 0; k < n; k++) {
      p[k] /= total;
    }
    double[] r = new double[n];
    rhs(0, p, r);
    double residual = 0;
    for (double v : r) {
      residual = Math.max(residual, Math.abs(v));
    }
    return new CwSteadyState(p, gain(p), inversion(p), residual, slowestRelaxationRate());
  }

  /**
   * -max Re(lambda) over the n - 1 eigenvalues of M on the plane sum N = 0 (eliminating N_0 =
   * 1 - sum of the others: R_ij = M_ij - M_i0 for i, j &gt;= 1). Positive: the steady state attracts.
   */
  public double slowestRelaxationRate() {
    RealMatrix r = MatrixUtils.createRealMatrix(n - 1, n - 1);
    for (int i = 1; i < n; i++) {
      for (int j = 1; j < n; j++) {
        r.setEntry(i - 1, j - 1, m[i * n + j] - m[i * n]);
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (var ev : new EigenDecompositionNonSymmetric(r).getEigenvalues()) {
      max = Math.max(max, ev.getReal());
    }
    return -max;
  }
}
