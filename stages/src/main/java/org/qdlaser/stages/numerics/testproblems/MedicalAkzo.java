package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The Medical Akzo Nobel problem (MEDAKZO) of the Test Set for IVP Solvers: the penetration of
 * radio-labelled antibodies into tissue infected by a tumour, a reaction-diffusion system on
 * zeta in (0, inf) mapped to [0, 1] and discretised by central differences on N = 200 points:
 * u_j (antibody) and v_j (bound antigen) at zeta_j = j/N,
 *
 * <pre>
 *   u_j' = beta_j (u_(j-1) - 2 u_j + u_(j+1)) / dzeta^2 + alpha_j (u_(j+1) - u_(j-1)) / (2 dzeta) - k u_j v_j
 *   v_j' = -k u_j v_j
 * </pre>
 *
 * with alpha_j = 2 (zeta_j - 1)^3 / c^2, beta_j = (zeta_j - 1)^4 / c^2, k = 100, c = 4, the boundary
 * value u_0 = phi(t) = 2 for t <= 5 and 0 afterwards, and at j = N only the reaction term (as in the
 * Test Set's code). Unknowns interleaved, u_j at 2(j-1), v_j at 2(j-1) + 1: 400 equations over
 * [0, 20] from u = 0, v = 1. The boundary value switches off at t = 5: integrate up to
 * {@link #SWITCH_OFF} and restart there ({@link StiffTestProblem#breakpoints()}).
 *
 * <p>Analytic Jacobian and its pentadiagonal sparsity pattern. Immutable; allocation-free.
 */
public final class MedicalAkzo implements OdeSystem {
  /** Grid points of the Test Set's discretisation. */
  public static final int POINTS = 200;
  /** The boundary concentration phi is 2 for t <= this time and 0 after it. */
  public static final double SWITCH_OFF = 5.0;

  private static final double K = 100.0;
  private static final double C = 4.0;
  private static final double DZETA = 1.0 / POINTS;

  private final SparsityPattern pattern;

  public MedicalAkzo() {
    int[][] rows = new int[2 * POINTS][];
    for (int j = 1; j <= POINTS; j++) {
      final int u = 2 * (j - 1);
      if (j == POINTS) {
        rows[u] = new int[] {u, u + 1};
      } else if (j == 1) {
        rows[u] = new int[] {u, u + 1, u + 2};
      } else {
        rows[u] = new int[] {u - 2, u, u + 1, u + 2};
      }
      rows[u + 1] = new int[] {u, u + 1};
    }
    this.pattern = SparsityPattern.fromRows(rows);
  }

  @Override
  public int dimension() {
    return 2 * POINTS;
  }

  private static double alpha(int j) {
    final double z = j * DZETA - 1.0;
    return 2.0 * z * (z * z / C) / C;
  }

  private static double beta(int j) {
    final double z = j * DZETA - 1.0;
    final double dum = z * z / C;
    return dum * dum;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    final double phi = t <= SWITCH_OFF ? 2.0 : 0.0;
    final double dz2 = DZETA * DZETA;
    for (int j = 1; j < POINTS; j++) {
      final int u = 2 * (j - 1);
      final double left = j == 1 ? phi : y[u - 2];
      final double a = alpha(j);
      final double b = beta(j);
      final double reaction = K * y[u] * y[u + 1];
      f[u] = (left - 2.0 * y[u] + y[u + 2]) * (b / dz2) + a * (y[u + 2] - left) / (2.0 * DZETA) - reaction;
      f[u + 1] = -reaction;
    }
    final int u = 2 * (POINTS - 1);
    f[u] = -K * y[u] * y[u + 1];
    f[u + 1] = f[u];
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] jac) {
    final int n = 2 * POINTS;
    Arrays.fill(jac, 0, n * n, 0.0);
    final double dz2 = DZETA * DZETA;
    for (int j = 1; j <= POINTS; j++) {
      final int u = 2 * (j - 1);
      final double du = -K * y[u + 1];
      final double dv = -K * y[u];
      jac[u * n + u] = du;
      jac[u * n + u + 1] = dv;
      jac[(u + 1) * n + u] = du;
      jac[(u + 1) * n + u + 1] = dv;
      if (j < POINTS) {
        final double bz = beta(j) / dz2;
        final double ad = alpha(j) / (2.0 * DZETA);
        jac[u * n + u] -= 2.0 * bz;
        jac[u * n + u + 2] = bz + ad;
        if (j > 1) {
          jac[u * n + u - 2] = bz - ad;
        }
      }
    }
  }

  @Override
  public SparsityPattern sparsity() {
    return pattern;
  }
}
