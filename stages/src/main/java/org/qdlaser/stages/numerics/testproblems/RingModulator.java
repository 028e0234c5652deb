package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The ring modulator (RINGMOD, ODE case with C_s = 2e-12) of the Test Set for IVP Solvers: a
 * circuit mixing a low-frequency input U_in1 = 0.5 sin(2000 pi t) with a high-frequency carrier
 * U_in2 = 2 sin(20000 pi t) through four diodes with currents q(U) = gamma (exp(delta U) - 1).
 * Unknowns (SI units, volts and amperes): y1..y7 node voltages U1, U2, U3, U4, U5, U6, U7 across
 * the capacitors C, C, C_s (4 of them) and C_p; y8..y15 currents through the inductances L_h (2),
 * L_s2, L_s3 (2 each) and L_s1 (2). Time in seconds, interval [0, 1e-3], y0 = 0.
 *
 * <p>Highly oscillatory and stiff (eigenvalues up to ~1e10/s from C_s); the exponentials overflow
 * for large diode voltages, which the integrator sees as a non-finite right-hand side and answers
 * with a smaller step. Analytic Jacobian. Immutable; allocation-free.
 */
public final class RingModulator implements OdeSystem {
  static final double C = 1.6e-8;
  static final double CS = 2e-12;
  static final double CP = 1e-8;
  static final double R = 25e3;
  static final double RP = 50;
  static final double LH = 4.45;
  static final double LS1 = 2e-3;
  static final double LS2 = 5e-4;
  static final double LS3 = 5e-4;
  static final double RG1 = 36.3;
  static final double RG2 = 17.3;
  static final double RG3 = 17.3;
  static final double RI = 50;
  static final double RC = 600;
  static final double GAMMA = 40.67286402e-9;
  static final double DELTA = 17.7493332;

  @Override
  public int dimension() {
    return 15;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    final double uin1 = 0.5 * Math.sin(2e3 * Math.PI * t);
    final double uin2 = 2 * Math.sin(2e4 * Math.PI * t);
    final double ud1 = y[2] - y[4] - y[6] - uin2;
    final double ud2 = -y[3] + y[5] - y[6] - uin2;
    final double ud3 = y[3] + y[4] + y[6] + uin2;
    final double ud4 = -y[2] - y[5] + y[6] + uin2;
    final double q1 = GAMMA * Math.expm1(DELTA * ud1);
    final double q2 = GAMMA * Math.expm1(DELTA * ud2);
    final double q3 = GAMMA * Math.expm1(DELTA * ud3);
    final double q4 = GAMMA * Math.expm1(DELTA * ud4);
    f[0] = (y[7] - 0.5 * y[9] + 0.5 * y[10] + y[13] - y[0] / R) / C;
    f[1] = (y[8] - 0.5 * y[11] + 0.5 * y[12] + y[14] - y[1] / R) / C;
    f[2] = (y[9] - q1 + q4) / CS;
    f[3] = (-y[10] + q2 - q3) / CS;
    f[4] = (y[11] + q1 - q3) / CS;
    f[5] = (-y[12] - q2 + q4) / CS;
    f[6] = (-y[6] / RP + q1 + q2 - q3 - q4) / CP;
    f[7] = -y[0] / LH;
    f[8] = -y[1] / LH;
    f[9] = (0.5 * y[0] - y[2] - RG2 * y[9]) / LS2;
    f[10] = (-0.5 * y[0] + y[3] - RG3 * y[10]) / LS3;
    f[11] = (0.5 * y[1] - y[4] - RG2 * y[11]) / LS2;
    f[12] = (-0.5 * y[1] + y[5] - RG3 * y[12]) / LS3;
    f[13] = (-y[0] + uin1 - (RI + RG1) * y[13]) / LS1;
    f[14] = (-y[1] - (RC + RG1) * y[14]) / LS1;
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] jac) {
    final int n = 15;
    Arrays.fill(jac, 0, n * n, 0.0);
    final double uin2 = 2 * Math.sin(2e4 * Math.PI * t);
    final double g1 = GAMMA * DELTA * Math.exp(DELTA * (y[2] - y[4] - y[6] - uin2));
    final double g2 = GAMMA * DELTA * Math.exp(DELTA * (-y[3] + y[5] - y[6] - uin2));
    final double g3 = GAMMA * DELTA * Math.exp(DELTA * (y[3] + y[4] + y[6] + uin2));
    final double g4 = GAMMA * DELTA * Math.exp(DELTA * (-y[2] - y[5] + y[6] + uin2));
    // d ud_k / d y: ud1 = y3 - y5 - y7, ud2 = -y4 + y6 - y7, ud3 = y4 + y5 + y7, ud4 = -y3 - y6 + y7.
    set(jac, 0, 0, -1 / (C * R));
    set(jac, 0, 7, 1 / C);
    set(jac, 0, 9, -0.5 / C);
    set(jac, 0, 10, 0.5 / C);
    set(jac, 0, 13, 1 / C);
    set(jac, 1, 1, -1 / (C * R));
    set(jac, 1, 8, 1 / C);
    set(jac, 1, 11, -0.5 / C);
    set(jac, 1, 12, 0.5 / C);
    set(jac, 1, 14, 1 / C);
    // f3 = (y10 - q1 + q4)/CS
    set(jac, 2, 2, (-g1 - g4) / CS);
    set(jac, 2, 4, g1 / CS);
    set(jac, 2, 5, -g4 / CS);
    set(jac, 2, 6, (g1 + g4) / CS);
    set(jac, 2, 9, 1 / CS);
    // f4 = (-y11 + q2 - q3)/CS
    set(jac, 3, 3, (-g2 - g3) / CS);
    set(jac, 3, 4, -g3 / CS);
    set(jac, 3, 5, g2 / CS);
    set(jac, 3, 6, (-g2 - g3) / CS);
    set(jac, 3, 10, -1 / CS);
    // f5 = (y12 + q1 - q3)/CS
    set(jac, 4, 2, g1 / CS);
    set(jac, 4, 3, -g3 / CS);
    set(jac, 4, 4, (-g1 - g3) / CS);
    set(jac, 4, 6, (-g1 - g3) / CS);
    set(jac, 4, 11, 1 / CS);
    // f6 = (-y13 - q2 + q4)/CS
    set(jac, 5, 2, -g4 / CS);
    set(jac, 5, 3, g2 / CS);
    set(jac, 5, 5, (-g2 - g4) / CS);
    set(jac, 5, 6, (g2 + g4) / CS);
    set(jac, 5, 12, -1 / CS);
    // f7 = (-y7/RP + q1 + q2 - q3 - q4)/CP
    set(jac, 6, 2, (g1 + g4) / CP);
    set(jac, 6, 3, (-g2 - g3) / CP);
    set(jac, 6, 4, (-g1 - g3) / CP);
    set(jac, 6, 5, (g2 + g4) / CP);
    set(jac, 6, 6, (-g1 - g2 - g3 - g4 - 1 / RP) / CP);
    set(jac, 7, 0, -1 / LH);
    set(jac, 8, 1, -1 / LH);
    set(jac, 9, 0, 0.5 / LS2);
    set(jac, 9, 2, -1 / LS2);
    set(jac, 9, 9, -RG2 / LS2);
    set(jac, 10, 0, -0.5 / LS3);
    set(jac, 10, 3, 1 / LS3);
    set(jac, 10, 10, -RG3 / LS3);
    set(jac, 11, 1, 0.5 / LS2);
    set(jac, 11, 4, -1 / LS2);
    set(jac, 11, 11, -RG2 / LS2);
    set(jac, 12, 1, -0.5 / LS3);
    set(jac, 12, 5, 1 / LS3);
    set(jac, 12, 12, -RG3 / LS3);
    set(jac, 13, 0, -1 / LS1);
    set(jac, 13, 13, -(RI + RG1) / LS1);
    set(jac, 14, 1, -1 / LS1);
    set(jac, 14, 14, -(RC + RG1) / LS1);
  }

  private static void set(double[] jac, int i, int j, double v) {
    jac[i * 15 + j] = v;
  }
}
