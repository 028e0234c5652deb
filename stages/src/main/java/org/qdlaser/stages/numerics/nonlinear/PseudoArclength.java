package org.qdlaser.stages.numerics.nonlinear;

import org.qdlaser.stages.numerics.jacobian.FiniteDifferences;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;

/**
 * Pseudo-arclength continuation of a branch of solutions of F(x; p) = 0 (Keller): predictor along
 * the tangent, Newton corrector on F = 0 plus the arclength condition t . (y - y_pred) = 0 with
 * y = (x / scale, p). Folds in p are regular points here; they show as sign changes of dp/ds and
 * are reported to the caller through the {@link BranchObserver}. Dense Jacobians by central
 * differences: meant for the small identical-dot systems.
 */
public final class PseudoArclength {
  /** LU pivots below this are singular (the bordered Jacobian is regular at folds). */
  private static final double SINGULARITY_THRESHOLD = 1e-300;
  /** Corrector converging in at most this many iterations lets the step grow. */
  private static final int FAST_CONVERGENCE = 3;
  private static final double GROW = 1.5;
  private static final double SHRINK = 0.5;

  private final ContinuationSettings settings;

  public PseudoArclength(ContinuationSettings settings) {
    this.settings = settings;
  }

  /** One point of a branch: unknowns x (copy), parameter p, unit tangent dp/ds in scaled variables. */
  public record Point(double[] x, double p, double dpds) {
    public Point {
      x = x.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }
  }

  /** Sees each accepted point; returns false to stop the continuation there. */
  @FunctionalInterface
  public interface BranchObserver {
    boolean accept(Point point);
  }

  /**
   * Continues from a solution (x0, p0) in the direction of decreasing p if {@code downwards}.
   *
   * @param scale positive typical magnitude of each unknown (the arclength metric), length n
   * @return the accepted points in order (the start included)
   */
  public List<Point> continueBranch(
      ParametrizedSystem system, double[] x0, double p0, double[] scale, boolean downwards, BranchObserver observer) {
    int n = system.dimension();
    double[] y = new double[n + 1];
    for (int i = 0; i < n; i++) {
      y[i] = x0[i] / scale[i];
    }
    y[n] = p0;
    double[] t = tangent(system, y, scale, null);
    if (t == null) {
      throw new IllegalStateException("singular Jacobian at the start of the continuation (p = " + p0 + ")");
    }
    if ((t[n] > 0) == downwards) {
      negate(t);
    }
    List<Point> out = new ArrayList<>();
    Point first = point(y, t, scale);
    out.add(first);
    if (!observer.accept(first)) {
      return out;
    }
    double ds = settings.initialStep();
    double[] pred = new double[n + 1];
    while (out.size() < settings.maxPoints()) {
      for (int i = 0; i <= n; i++) {
        pred[i] = y[i] + ds * t[i];
      }
      int[] iterations = {0};
      double[] corrected = correct(system, pred, t, scale, iterations);
      if (corrected == null) {
        ds *= SHRINK;
        if (ds < settings.minStep()) {
          break;
        }
        continue;
      }
      double[] tNew = tangent(system, corrected, scale, t);
      if (tNew == null) {
        ds *= SHRINK;
        if (ds < settings.minStep()) {
          break;
        }
        continue;
      }
      y = corrected;
      t = tNew;
      Point pt = point(y, t, scale);
      out.add(pt);
      if (!observer.accept(pt)) {
        break;
      }
      if (iterations[0] <= FAST_CONVERGENCE) {
        ds = Math.min(ds * GROW, settings.maxStep());
      }
    }
    return out;
  }

  /**
   * Solves F(x; p) = 0 and t . (y - pred) = 0 from the predictor; null if Newton fails.
   *
   * @param iterations output: iterations used (element 0)
   */
  public double[] correct(ParametrizedSystem system, double[] pred, double[] t, double[] scale, int[] iterations) {
    int n = system.dimension();
    NonlinearSystem bordered = new NonlinearSystem() {
      final double[] x = new double[n];
      final double[] f = new double[n];

      @Override
      public int dimension() {
        return n + 1;
      }

      @Override
      public void residual(double[] yy, double[] out) {
        for (int i = 0; i < n; i++) {
          x[i] = yy[i] * scale[i];
        }
        system.residual(x, yy[n], f);
        // Residuals scaled like the unknowns keep the max-norm meaningful across magnitudes.
        for (int i = 0; i < n; i++) {
          out[i] = f[i] / scale[i];
        }
        double s = 0;
        for (int i = 0; i <= n; i++) {
          s += t[i] * (yy[i] - pred[i]);
        }
        out[n] = s;
      }
    };
    NewtonResult r = new NewtonSolver(new NewtonSettings(settings.newtonTolerance(), 1e-12, settings.maxNewtonIterations()))
        .solve(bordered, pred);
    iterations[0] = r.iterations();
    return r.converged() ? r.x() : null;
  }

  /** Unit tangent of the branch at y (scaled), oriented like {@code previous} if given; null if singular. */
  private double[] tangent(ParametrizedSystem system, double[] y, double[] scale, double[] previous) {
    int n = system.dimension();
    double[][] a = new double[n + 1][n + 1];
    NonlinearSystem f = new NonlinearSystem() {
      final double[] x = new double[n];
      final double[] out = new double[n];

      @Override
      public int dimension() {
        return n + 1;
      }

      @Override
      public void residual(double[] yy, double[] res) {
        for (int i = 0; i < n; i++) {
          x[i] = yy[i] * scale[i];
        }
        system.residual(x, yy[n], out);
        for (int i = 0; i < n; i++) {
          res[i] = out[i] / scale[i];
        }
        res[n] = 0;
      }
    };
    FiniteDifferences.jacobianCentral(f, y, 1e-12, a);
    // Border row: previous tangent (or e_p at the start) fixes the null vector's normalisation.
    double[] border = previous != null ? previous : unit(n + 1, n);
    System.arraycopy(border, 0, a[n], 0, n + 1);
    double[] rhs = new double[n + 1];
    rhs[n] = 1;
    double[] t;
    try {
      DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(a, false), SINGULARITY_THRESHOLD).getSolver();
      t = lu.solve(new ArrayRealVector(rhs, false)).toArray();
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      return null;
    }
    double norm = 0;
    for (double v : t) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i <= n; i++) {
      t[i] /= norm;
    }
    if (previous != null && dot(t, previous) < 0) {
      negate(t);
    }
    return t;
  }

  private static Point point(double[] y, double[] t, double[] scale) {
    int n = scale.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = y[i] * scale[i];
    }
    return new Point(x, y[n], t[n]);
  }

  private static double[] unit(int size, int k) {
    double[] e = new double[size];
    e[k] = 1;
    return e;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void negate(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = -a[i];
    }
  }
}
