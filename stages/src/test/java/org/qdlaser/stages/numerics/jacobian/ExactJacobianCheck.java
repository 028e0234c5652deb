package org.qdlaser.stages.numerics.jacobian;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The independent truth for exact sparse Jacobians: every entry (i, j) of the dense n x n matrix,
 * the system's {@link OdeSystem#sparseJacobian} (zero outside its pattern) against the central
 * difference (f(y + h e_j) - f(y - h e_j)) / 2h of its right-hand side. An entry the pattern lacks
 * but the right-hand side has therefore shows up as a mismatch.
 */
public final class ExactJacobianCheck {
  private ExactJacobianCheck() {}

  /**
   * Rounding of the central difference: (f+ - f-) / 2h carries ~eps |f| / h per evaluation, summed
   * over the O(100) terms of a row; 4096 eps / h relative to the scale (max |f|, max |J|, 1) leaves
   * room for that and is still ~1e-12 at h = 0.5, far below any derivative of O(1) states and rates.
   */
  public static double tolerance(double step) {
    return 4096 * Math.ulp(1.0) / step;
  }

  /**
   * The mismatching entries ("(i, j): exact a, difference d"), empty if all agree within
   * {@link #tolerance}(step) times the scale. The right-hand side must be at most quadratic in each
   * single unknown (true of the laser models and their frames), so that the central difference has
   * no truncation error for any step.
   */
  public static List<String> mismatches(OdeSystem system, double t, double[] y, double step) {
    int n = system.dimension();
    SparsityPattern p = system.sparsity();
    double[] values = new double[p.nonZeros()];
    system.sparseJacobian(t, y, values);
    double[][] exact = new double[n][n];
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    double scale = 1.0;
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        exact[i][cs[k]] = values[k];
        scale = Math.max(scale, Math.abs(values[k]));
      }
    }
    double[] yw = y.clone();
    double[] fp = new double[n];
    double[] fm = new double[n];
    double[][] diff = new double[n][n];
    for (int j = 0; j < n; j++) {
      yw[j] = y[j] + step;
      system.rhs(t, yw, fp);
      yw[j] = y[j] - step;
      system.rhs(t, yw, fm);
      yw[j] = y[j];
      for (int i = 0; i < n; i++) {
        diff[i][j] = (fp[i] - fm[i]) / (2 * step);
        scale = Math.max(scale, Math.max(Math.abs(fp[i]), Math.abs(fm[i])));
      }
    }
    double tol = tolerance(step) * scale;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!(Math.abs(exact[i][j] - diff[i][j]) <= tol)) {
          out.add("(" + i + ", " + j + "): exact " + exact[i][j] + ", difference " + diff[i][j]);
        }
      }
    }
    return out;
  }
}
