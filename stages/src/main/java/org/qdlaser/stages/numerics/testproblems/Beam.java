package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The elastic beam (BEAM) of the Test Set for IVP Solvers (from Hairer and Wanner, "Solving ODEs
 * II", sec. IV.10): an inextensible beam of N = 40 segments, clamped at one end, whose free end is
 * pulled by a force F = (-1.5 sin^2 t, 1.5 sin^2 t) for t <= pi and released afterwards. Unknowns:
 * the segment angles theta_1..theta_N and their time derivatives (80 equations), over [0, 5] from
 * rest. The accelerations solve a tridiagonal system C(theta) w = D(theta) v + theta'^2 at each
 * evaluation; the stiffness comes from the N^4 = 2.56e6 bending stiffness (undamped, so the
 * eigenvalues are nearly imaginary). No analytic Jacobian (the Test Set's is numerical too).
 *
 * <p>Not thread safe: {@link #rhs} uses per-instance workspaces (allocation-free).
 * {@link StiffTestProblems#get} returns a new instance per call.
 */
public final class Beam implements OdeSystem {
  /** Segments of the Test Set's beam. */
  public static final int SEGMENTS = 40;
  /** The force acts for t <= this time (pi). */
  public static final double FORCE_OFF = Math.PI;

  private static final int N = SEGMENTS;
  private static final double N2 = (double) N * N;
  private static final double N4 = N2 * N2;

  // Workspaces, index 1..N as in the formulas (slot 0 unused).
  private final double[] sth = new double[N + 1];
  private final double[] cth = new double[N + 1];
  private final double[] v = new double[N + 1];
  private final double[] w = new double[N + 1];
  private final double[] alpha = new double[N + 1];

  @Override
  public int dimension() {
    return 2 * N;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    // theta_i = y[i-1], theta_i' = y[N+i-1]; sth_i, cth_i of theta_i - theta_(i-1), i = 2..N.
    for (int i = 2; i <= N; i++) {
      final double d = y[i - 1] - y[i - 2];
      sth[i] = Math.sin(d);
      cth[i] = Math.cos(d);
    }
    // v: bending moments (N^4 times the discrete second difference, clamped and free ends) plus the
    // force's moment while it acts.
    v[1] = (-3 * y[0] + y[1]) * N4;
    for (int i = 2; i < N; i++) {
      v[i] = (y[i - 2] - 2 * y[i - 1] + y[i]) * N4;
    }
    v[N] = (y[N - 2] - y[N - 1]) * N4;
    if (t <= FORCE_OFF) {
      final double fy = 1.5 * Math.sin(t) * Math.sin(t);
      final double fx = -fy;
      for (int i = 1; i <= N; i++) {
        v[i] += N2 * (fy * Math.cos(y[i - 1]) - fx * Math.sin(y[i - 1]));
      }
    }
    // w = D v + theta'^2, with D the antisymmetric matrix of the sines.
    w[1] = sth[2] * v[2];
    for (int i = 2; i < N; i++) {
      w[i] = -sth[i] * v[i - 1] + sth[i + 1] * v[i + 1];
    }
    w[N] = -sth[N] * v[N - 1];
    for (int i = 1; i <= N; i++) {
      final double om = y[N + i - 1];
      w[i] += om * om;
    }
    // Solve C w = w in place: C symmetric tridiagonal, diagonal (1, 2, ..., 2, 3), off-diagonal
    // C_(i,i+1) = -cth_(i+1). Elimination from the bottom, then substitution from the top.
    alpha[1] = 1.0;
    for (int i = 2; i < N; i++) {
      alpha[i] = 2.0;
    }
    alpha[N] = 3.0;
    for (int i = N - 1; i >= 1; i--) {
      final double beta = -cth[i + 1];
      final double q = beta / alpha[i + 1];
      w[i] -= w[i + 1] * q;
      alpha[i] -= beta * q;
    }
    w[1] /= alpha[1];
    for (int i = 2; i <= N; i++) {
      w[i] = (w[i] + cth[i] * w[i - 1]) / alpha[i];
    }
    // Angular accelerations u = C v + D w.
    f[N] = v[1] - cth[2] * v[2] + sth[2] * w[2];
    for (int i = 2; i < N; i++) {
      f[N + i - 1] = 2 * v[i] - cth[i] * v[i - 1] - cth[i + 1] * v[i + 1] - sth[i] * w[i - 1] + sth[i + 1] * w[i + 1];
    }
    f[2 * N - 1] = 3 * v[N] - cth[N] * v[N - 1] - sth[N] * w[N - 1];
    System.arraycopy(y, N, f, 0, N);
  }
}
