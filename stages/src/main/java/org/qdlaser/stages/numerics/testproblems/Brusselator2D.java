package org.qdlaser.stages.numerics.testproblems;

import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The 2-D Brusselator with diffusion, BRUSS-2D of Hairer &amp; Wanner, "Solving ODEs II", sec. IV.10:
 *
 * <pre>
 *   u_t = 1 + u^2 v - 4.4 u + alpha (u_xx + u_yy) + f(x, y, t)
 *   v_t = 3.4 u - u^2 v     + alpha (v_xx + v_yy)
 * </pre>
 *
 * on the unit square with periodic boundary conditions, alpha = 0.1, initial values u = 22 y (1 -
 * y)^(3/2), v = 27 x (1 - x)^(3/2), and the inhomogeneity f = 5 inside the disc (x - 0.3)^2 + (y -
 * 0.6)^2 &lt;= 0.1^2 for t &gt;= 1.1 (0 otherwise). Discretised by the 5-point Laplacian on the
 * grid x_i = i/N, y_j = j/N (i, j = 0..N-1): 2 N^2 unknowns, interleaved, u_ij at 2(iN + j) and v_ij
 * at 2(iN + j) + 1. Each row of the Jacobian has 6 non-zeros; the stiffness (largest eigenvalue
 * modulus) is about 8 alpha N^2. Dimensionless time and concentrations.
 *
 * <p>Supplies {@link #sparsity()}, no analytic Jacobian. Immutable; {@link #rhs} allocates nothing.
 */
public final class Brusselator2D implements OdeSystem {
  /** Diffusion coefficient of the textbook problem. */
  public static final double ALPHA = 0.1;
  /** The inhomogeneity switches on at this time; integrate across it only with a stop there. */
  public static final double FORCING_ONSET = 1.1;

  private final int grid;
  private final double diffusion; // alpha / dx^2
  /** Grid points inside the disc of the inhomogeneity (owned). */
  private final boolean[] forced;
  private final SparsityPattern pattern;

  /** @param grid points per direction N, at least 3 (2 N^2 unknowns) */
  public Brusselator2D(int grid) {
    if (grid < 3 || grid > 10_000) {
      throw new IllegalArgumentException("grid must be in 3..10000, got " + grid);
    }
    this.grid = grid;
    this.diffusion = ALPHA * grid * (double) grid;
    this.forced = new boolean[grid * grid];
    for (int i = 0; i < grid; i++) {
      for (int j = 0; j < grid; j++) {
        double x = (double) i / grid;
        double y = (double) j / grid;
        forced[i * grid + j] = (x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6) <= 0.1 * 0.1;
      }
    }
    int[][] rows = new int[2 * grid * grid][];
    for (int i = 0; i < grid; i++) {
      for (int j = 0; j < grid; j++) {
        int k = i * grid + j;
        int[] nb = {k, index(i + 1, j), index(i - 1, j), index(i, j + 1), index(i, j - 1)};
        for (int s = 0; s < 2; s++) {
          int[] r = new int[6];
          for (int q = 0; q < 5; q++) {
            r[q] = 2 * nb[q] + s;
          }
          r[5] = 2 * k + (1 - s);
          rows[2 * k + s] = r;
        }
      }
    }
    this.pattern = SparsityPattern.fromRows(rows);
  }

  private int index(int i, int j) {
    return Math.floorMod(i, grid) * grid + Math.floorMod(j, grid);
  }

  /** Points per direction N. */
  public int grid() {
    return grid;
  }

  @Override
  public int dimension() {
    return 2 * grid * grid;
  }

  /** The textbook initial state, a new array. */
  public double[] initialState() {
    double[] y = new double[dimension()];
    for (int i = 0; i < grid; i++) {
      for (int j = 0; j < grid; j++) {
        double x = (double) i / grid;
        double yy = (double) j / grid;
        int k = 2 * (i * grid + j);
        y[k] = 22 * yy * Math.pow(1 - yy, 1.5);
        y[k + 1] = 27 * x * Math.pow(1 - x, 1.5);
      }
    }
    return y;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    final int n = grid;
    final double d = diffusion;
    final boolean on = t >= FORCING_ONSET;
    for (int i = 0; i < n; i++) {
      final int im = (i == 0 ? n - 1 : i - 1) * n;
      final int ip = (i == n - 1 ? 0 : i + 1) * n;
      final int ic = i * n;
      for (int j = 0; j < n; j++) {
        final int jm = j == 0 ? n - 1 : j - 1;
        final int jp = j == n - 1 ? 0 : j + 1;
        final int k = 2 * (ic + j);
        final double u = y[k];
        final double v = y[k + 1];
        final int a = 2 * (ip + j);
        final int b = 2 * (im + j);
        final int c = 2 * (ic + jp);
        final int e = 2 * (ic + jm);
        final double lapU = y[a] + y[b] + y[c] + y[e] - 4 * u;
        final double lapV = y[a + 1] + y[b + 1] + y[c + 1] + y[e + 1] - 4 * v;
        final double uuv = u * u * v;
        f[k] = 1 + uuv - 4.4 * u + d * lapU + (on && forced[ic + j] ? 5.0 : 0.0);
        f[k + 1] = 3.4 * u - uuv + d * lapV;
      }
    }
  }

  @Override
  public SparsityPattern sparsity() {
    return pattern;
  }
}
