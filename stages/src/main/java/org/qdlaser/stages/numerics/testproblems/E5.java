package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * Problem E5 of the Test Set for IVP Solvers (from stiff DETEST, Enright and Pryce), a chemical
 * pyrolysis with rate constants A = 7.89e-10, B = 1.1e7, CM = 1.13e9, C = 1.13e3:
 *
 * <pre>
 *   y1' = -A y1 - B y1 y3
 *   y2' =  A y1 - CM y2 y3
 *   y4' =  B y1 y3 - C y4
 *   y3' =  y2' - y4'
 * </pre>
 *
 * over [0, 1e13] from (1.76e-3, 0, 0, 0). The components span from 1.8e-3 to 1e-290 at t1, where
 * y2 and y3 have decayed to 9e-23 as 1/(CM t): a problem for absolute tolerances near 1e-24.
 * Linear invariant y2 - y3 - y4 = 0 (the analytic Jacobian's rows keep it exactly). Analytic
 * Jacobian (the Test Set's). Immutable; allocation-free.
 */
public final class E5 implements OdeSystem {
  static final double A = 7.89e-10;
  static final double B = 1.1e7;
  static final double CM = 1.13e9;
  static final double C = 1.13e3;

  @Override
  public int dimension() {
    return 4;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    final double p1 = A * y[0];
    final double p2 = B * y[0] * y[2];
    final double p3 = CM * y[1] * y[2];
    final double p4 = C * y[3];
    f[0] = -p1 - p2;
    f[1] = p1 - p3;
    f[3] = p2 - p4;
    f[2] = f[1] - f[3];
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] j) {
    j[0] = -A - B * y[2];
    j[1] = 0.0;
    j[2] = -B * y[0];
    j[3] = 0.0;
    j[4] = A;
    j[5] = -CM * y[2];
    j[6] = -CM * y[1];
    j[7] = 0.0;
    j[8] = A - B * y[2];
    j[9] = -CM * y[2];
    j[10] = -B * y[0] - CM * y[1];
    j[11] = C;
    j[12] = B * y[2];
    j[13] = 0.0;
    j[14] = B * y[0];
    j[15] = -C;
  }
}
