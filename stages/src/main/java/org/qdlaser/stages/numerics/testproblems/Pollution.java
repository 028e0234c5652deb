package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * The pollution problem (POLLU) of the Test Set for IVP Solvers: the chemistry of the air pollution
 * model of the Dutch RIVM (Verwer 1994), 20 species (concentrations in ppm) in 25 reactions with rate
 * constants from 3.5e-4 to 4.44e11 per minute, over [0, 60] minutes. Written as a reaction network:
 * reaction k has rate K_k times the product of its reactants, and changes species i by its
 * stoichiometric coefficient; right-hand side and analytic Jacobian follow from the same tables.
 * Immutable; allocation-free.
 */
public final class Pollution implements OdeSystem {
  private static final int SPECIES = 20;

  /** Rate constants k1..k25 of the Test Set (1/min, or 1/(ppm min) for bimolecular reactions). */
  private static final double[] K = {
    0.35, 26.6, 1.23e4, 8.6e-4, 8.2e-4, 1.5e4, 1.3e-4, 2.4e4, 1.65e4, 9e3,
    2.2e-2, 1.2e4, 1.88, 1.63e4, 4.8e6, 3.5e-4, 1.75e-2, 1e8, 4.44e11, 1240,
    2.1, 5.78, 4.74e-2, 1780, 3.12};

  /** Reactants of each reaction (species numbers 1..20, as in the Test Set). */
  private static final int[][] REACTANTS = {
    {1}, {2, 4}, {5, 2}, {7}, {7}, {7, 6}, {9}, {9, 6}, {11, 2}, {11, 1},
    {13}, {10, 2}, {14}, {1, 6}, {3}, {4}, {4}, {16}, {16}, {17, 6},
    {19}, {19}, {1, 4}, {19, 1}, {20}};

  /** Stoichiometry of each reaction: pairs (species 1..20, change per reaction event). */
  private static final int[][] CHANGES = {
    {1, -1, 2, 1, 3, 1},
    {1, 1, 2, -1, 4, -1},
    {1, 1, 2, -1, 5, -1, 6, 1},
    {5, 2, 7, -1, 8, 1},
    {7, -1, 8, 1},
    {5, 1, 6, -1, 7, -1, 8, 1},
    {5, 1, 8, 1, 9, -1, 10, 1},
    {6, -1, 9, -1, 11, 1},
    {1, 1, 2, -1, 10, 1, 11, -1, 12, 1},
    {1, -1, 11, -1, 13, 1},
    {1, 1, 11, 1, 13, -1},
    {1, 1, 2, -1, 10, -1, 14, 1},
    {5, 1, 7, 1, 14, -1},
    {1, -1, 6, -1, 15, 1},
    {3, -1, 4, 1},
    {4, -1, 16, 1},
    {3, 1, 4, -1},
    {6, 2, 16, -1},
    {3, 1, 16, -1},
    {5, 1, 6, -1, 17, -1, 18, 1},
    {2, 1, 19, -1},
    {1, 1, 3, 1, 19, -1},
    {1, -1, 4, -1, 19, 1},
    {1, -1, 19, -1, 20, 1},
    {1, 1, 19, 1, 20, -1}};

  @Override
  public int dimension() {
    return SPECIES;
  }

  @Override
  public void rhs(double t, double[] y, double[] f) {
    Arrays.fill(f, 0, SPECIES, 0.0);
    for (int k = 0; k < K.length; k++) {
      double r = K[k];
      for (int s : REACTANTS[k]) {
        r *= y[s - 1];
      }
      final int[] c = CHANGES[k];
      for (int p = 0; p < c.length; p += 2) {
        f[c[p] - 1] += c[p + 1] * r;
      }
    }
  }

  @Override
  public boolean hasJacobian() {
    return true;
  }

  @Override
  public void jacobian(double t, double[] y, double[] jac) {
    final int n = SPECIES;
    Arrays.fill(jac, 0, n * n, 0.0);
    for (int k = 0; k < K.length; k++) {
      final int[] in = REACTANTS[k];
      for (int a = 0; a < in.length; a++) {
        // d r_k / d y_(in[a]): the rate constant times the other reactants.
        double dr = K[k];
        for (int b = 0; b < in.length; b++) {
          if (b != a) {
            dr *= y[in[b] - 1];
          }
        }
        final int col = in[a] - 1;
        final int[] c = CHANGES[k];
        for (int p = 0; p < c.length; p += 2) {
          jac[(c[p] - 1) * n + col] += c[p + 1] * dr;
        }
      }
    }
  }
}
