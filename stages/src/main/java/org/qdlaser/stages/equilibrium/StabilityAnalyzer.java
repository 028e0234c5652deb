package org.qdlaser.stages.equilibrium;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.qdlaser.stages.numerics.FiniteDifferences;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * Linear stability of a steady state in the rotating frame: eigenvalues of J - omega A, where J is
 * the Jacobian of the model's right-hand side. For a lasing state the phase mode (eigenvector A z,
 * eigenvalue exactly 0 by symmetry) is removed by passing to the quotient space R^n / span(A z),
 * so a fold's small eigenvalue is never confused with it.
 */
public final class StabilityAnalyzer {
  /**
   * Eigenvalues with real part below this fraction of the balanced Jacobian's max-norm count as
   * negative: central differences give the Jacobian to ~1e-10 relative.
   */
  static final double RELATIVE_STABILITY_MARGIN = 1e-10;

  /**
   * Largest state dimension for the dense Jacobian and eigenvalue path: a dense n x n eigenproblem
   * costs ~10 n^3 flops and 8 n^2 bytes (n = 2000: ~1e11 flops, 32 MB), beyond which the sparse
   * path is needed (TPM_d with N = 25 dots has 4,375 unknowns, N = 20 has 2,845).
   */
  public static final int MAX_DENSE_DIMENSION = 3_000;

  /** Floor of the finite-difference step scale, in state units. */
  private static final double FD_FLOOR = 1e-8;

  private StabilityAnalyzer() {}

  /** Result: rightmost real part and whether the state is stable. */
  public record Spectrum(double rightmostReal, double rightmostImag, double jacobianNorm, boolean stable) {}

  public static Spectrum analyse(Model model, double[] y, double omega, boolean lasing) {
    int n = model.dimension();
    double[][] j = new double[n][n];
    FiniteDifferences.jacobianCentral(model, 0.0, y, FD_FLOOR, j);
    StateLayout layout = model.layout();
    double[] az = new double[n];
    layout.applyRotationGenerator(y, az);
    // J_rot = J - omega A; A is block diagonal with [[0, -q], [q, 0]] on each complex field.
    for (var f : layout.fields()) {
      if (f.complex() && f.charge() != 0) {
        j[f.offset()][f.offset() + 1] += omega * f.charge();
        j[f.offset() + 1][f.offset()] -= omega * f.charge();
      }
    }
    double[][] m = j;
    if (lasing) {
      int k = layout.field("b").offset() + 1; // Im b: (A z)_k = charge(b) * Re b = |b| != 0
      double azk = az[k];
      double[][] q = new double[n - 1][n - 1];
      for (int r = 0, rr = 0; r < n; r++) {
        if (r == k) {
          continue;
        }
        for (int c = 0, cc = 0; c < n; c++) {
          if (c == k) {
            continue;
          }
          q[rr][cc] = j[r][c] - az[r] * j[k][c] / azk;
          cc++;
        }
        rr++;
      }
      m = q;
    }
    double[][] unbalanced = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      unbalanced[i] = m[i].clone();
    }
    balance(m);
    // The noise of a central-difference Jacobian is relative to the balanced matrix: its norm sets
    // the scale below which an eigenvalue's sign is not resolved.
    double norm = 0;
    for (double[] row : m) {
      double s = 0;
      for (double v : row) {
        s += Math.abs(v);
      }
      norm = Math.max(norm, s);
    }
    double[] re;
    double[] im;
    // EJML's dense eigenvalue solver (Francis double-shift QR with deflation) is the primary one:
    // Hipparchus's Schur iteration fails to converge on some of the larger polydisperse Jacobians.
    org.ejml.data.DMatrixRMaj mat = new org.ejml.data.DMatrixRMaj(m);
    org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
        org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m.length, false);
    if (eig.decompose(mat)) {
      re = new double[m.length];
      im = new double[m.length];
      for (int i = 0; i < m.length; i++) {
        org.ejml.data.Complex_F64 c = eig.getEigenvalue(i);
        re[i] = c.real;
        im[i] = c.imaginary;
      }
    } else {
      Complex[] ev;
      try {
        ev = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(unbalanced, false)).getEigenvalues();
      } catch (org.hipparchus.exception.MathIllegalStateException e) {
        throw new EquilibriumException("eigenvalues of the " + model.kind() + " Jacobian at r = " + model.pump()
            + " did not converge (EJML and Hipparchus QR): " + e.getMessage());
      }
      re = new double[ev.length];
      im = new double[ev.length];
      for (int i = 0; i < ev.length; i++) {
        re[i] = ev[i].getReal();
        im[i] = ev[i].getImaginary();
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    double bestIm = 0;
    for (int i = 0; i < re.length; i++) {
      if (re[i] > best) {
        best = re[i];
        bestIm = im[i];
      }
    }
    // Within the finite-difference noise of zero the state is marginal; we call it stable.
    boolean stable = best < RELATIVE_STABILITY_MARGIN * norm;
    return new Spectrum(best, bestIm, norm, stable);
  }

  /**
   * Balances a matrix in place by a diagonal similarity with powers of 2 (Parlett and Reinsch), so
   * that row and column norms are comparable. The laser Jacobians mix entries from 1e-4 to 1e7;
   * unbalanced, the QR iteration can fail to converge or lose the small eigenvalues.
   */
  static void balance(double[][] a) {
    int n = a.length;
    boolean done = false;
    while (!done) {
      done = true;
      for (int i = 0; i < n; i++) {
        double c = 0;
        double r = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            c += Math.abs(a[j][i]);
            r += Math.abs(a[i][j]);
          }
        }
        if (c == 0 || r == 0) {
          continue;
        }
        double s = c + r;
        double f = 1;
        double g = r / 2;
        while (c < g) {
          f *= 2;
          c *= 4;
        }
        g = r * 2;
        while (c > g) {
          f /= 2;
          c /= 4;
        }
        if ((c + r) / f < 0.95 * s) {
          done = false;
          for (int j = 0; j < n; j++) {
            a[i][j] /= f;
            a[j][i] *= f;
          }
        }
      }
    }
  }
}
