package org.qdlaser.stages.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdlaser.stages.numerics.eigen.ShiftInvertArnoldi;
import org.qdlaser.stages.numerics.linear.LinearSolver;
import org.qdlaser.stages.numerics.nonlinear.NewtonSolver;
import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.numerics.sparse.SparseLuSolver;
import org.qdlaser.stages.numerics.sparse.SparseMatrix;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Model;

/**
 * The sparse path of {@link StabilityAnalyzer} for models too large for dense eigenvalues: the
 * rightmost eigenvalue by shift-invert Arnoldi on the sparse Jacobian (exact when the model gives it,
 * else central differences; {@link org.qdlaser.stages.numerics.jacobian.SparseJacobianBuilder}), with the
 * same noise margin as the dense path ({@link StabilityAnalyzer#verdict}).
 */
final class SparseStability {
  private SparseStability() {}

  /** Eigenvalues nearest the origin resolved by the sparse path (the rightmost is among them). */
  static final int SPARSE_WANTED = 12;
  /** Krylov dimension limit of the sparse path (memory: this many state vectors). */
  static final int SPARSE_MAX_STEPS = 160;
  /** Relative residual of a converged Ritz value: ~1e-8 relative accuracy of the eigenvalue. */
  static final double SPARSE_RITZ_TOLERANCE = 1e-8;

  /**
   * The sparse path: eigenvalues by shift-invert Arnoldi ({@link ShiftInvertArnoldi}) on the
   * central-difference Jacobian, factorised by the sparse LU. For a lasing state the phase mode is
   * removed by the bordered pencil ([[J - omega A, -A z], [e_k^T, 0]], diag(I, 0)) — the Jacobian
   * of the rotating-frame Newton system — whose finite eigenvalues are those of J - omega A on
   * R^n / span(A z).
   *
   * <p>Two shifts: sigma = 0 resolves the {@link #SPARSE_WANTED} eigenvalues nearest the origin,
   * all with |lambda| &lt; R; then sigma = R resolves those nearest R, and every eigenvalue in the
   * disc |lambda - R| &lt; R lies in the right half-plane. An unstable eigenvalue is therefore found
   * if |lambda| &lt; R or |lambda - R| &lt; R; one outside both regions (|lambda|^2 &gt; 2 R Re
   * lambda: very weakly unstable at high frequency) could be missed. The dense path has no such
   * gap; the tests compare the two.
   */
  static StabilityAnalyzer.Spectrum analyse(Model model, double[] y, double omega, boolean lasing) {
    StabilityAnalyzer.Rightmost first = sparseRightmost(model, y, omega, lasing, 1.0);
    return StabilityAnalyzer.verdict(first, () -> sparseRightmost(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR));
  }

  /** The sparse path's rightmost eigenvalue from central differences with the increments times {@code stepFactor}. */
  private static StabilityAnalyzer.Rightmost sparseRightmost(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    return search(model, y, omega, lasing, stepFactor).rightmost();
  }

  /** The two-shift search's rightmost eigenvalue and every eigenvalue it resolved. */
  private record Search(StabilityAnalyzer.Rightmost rightmost, StabilityAnalyzer.Eigenvalues eigenvalues) {}

  /**
   * The two-shift search at this state, shared by the stability verdict and the relaxation analysis
   * of the same state ({@link SpectrumMemo}: one Jacobian, LU and Arnoldi run fewer per point).
   */
  private static Search search(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    return SpectrumMemo.get(model, y, omega, lasing, "sparse " + stepFactor, () -> {
      List<double[]> all = new ArrayList<>();
      StabilityAnalyzer.Rightmost r = sparseSearch(model, y, omega, lasing, stepFactor, all);
      double[] re = new double[all.size()];
      double[] im = new double[all.size()];
      for (int i = 0; i < re.length; i++) {
        re[i] = all.get(i)[0];
        im[i] = all.get(i)[1];
      }
      return new Search(r, new StabilityAnalyzer.Eigenvalues(re, im, r.norm()));
    });
  }

  /**
   * The eigenvalues the sparse path resolves (see {@link #analyse}: those nearest 0 and those
   * nearest R, converged Ritz values; duplicates between the two shifts are kept once), with the
   * balanced norm. Not the whole spectrum: the rightmost is among them, other eigenvalues may not be.
   */
  static StabilityAnalyzer.Eigenvalues eigenvalues(Model model, double[] y, double omega, boolean lasing, double stepFactor) {
    return search(model, y, omega, lasing, stepFactor).eigenvalues();
  }

  /** The two-shift search; every converged eigenvalue is added to {@code all} unless null. */
  private static StabilityAnalyzer.Rightmost sparseSearch(
      Model model, double[] y, double omega, boolean lasing, double stepFactor, List<double[]> all) {
    int n = model.dimension();
    NonlinearSystem system;
    double[] x;
    if (lasing) {
      system = new RotatingFrame(model);
      x = Arrays.copyOf(y, n + 1);
      x[n] = omega;
    } else {
      system = EquilibriumSolver.steadyState(model);
      x = y.clone();
    }
    int dim = system.dimension();
    SparsityPattern pattern = withDiagonal(system.sparsity());
    // Newton's workspace of this thread: the same bordered pattern right after a polish, so the
    // colouring and the LU's ordering are reused.
    NewtonSolver.SparseWorkspace ws = NewtonSolver.SparseWorkspace.forPattern(pattern);
    SparseMatrix jac = ws.jacobian();
    ws.jacobianBuilder().central(system.asOde(), NewtonSolver.concurrentOde(system), 0.0, x, StabilityAnalyzer.FD_FLOOR,
        stepFactor, jac, new double[dim]);
    // The same margin as the dense path: relative to the balanced norm of J - omega A (the model's
    // rows and columns without Im b, as the quotient, and without the omega border).
    double norm = balancedNorm(jac, n, lasing ? model.layout().field("b").offset() + 1 : -1);
    double[] best = {Double.NEGATIVE_INFINITY, 0.0};
    double radius = nearestEigenvalues(model, jac, ws.lu(), n, lasing, 0.0, best, all);
    if (radius > 0) {
      nearestEigenvalues(model, jac, ws.lu(), n, lasing, radius, best, all);
    }
    return new StabilityAnalyzer.Rightmost(best[0], best[1], norm);
  }

  /**
   * Shift-invert Arnoldi at real shift sigma on the pencil (M, B), B = I or diag(I, 0) for the
   * bordered lasing system. Updates {@code best} = (Re, Im) of the rightmost converged eigenvalue
   * and returns the largest |lambda - sigma| among the converged ones (0 if the shifted matrix is
   * singular: sigma is then an eigenvalue, recorded in best). Every converged eigenvalue not yet in
   * {@code all} (to 1e-9 relative) is added to it unless it is null.
   */
  private static double nearestEigenvalues(
      Model model, SparseMatrix jac, SparseLuSolver lu, int n, boolean lasing, double sigma, double[] best,
      List<double[]> all) {
    int dim = jac.dimension();
    SparseMatrix shifted = jac;
    if (sigma != 0) {
      shifted = new SparseMatrix(jac.pattern());
      System.arraycopy(jac.values(), 0, shifted.values(), 0, jac.values().length);
      for (int i = 0; i < n; i++) {
        shifted.set(i, i, jac.get(i, i) - sigma);
      }
    }
    try {
      lu.factor(shifted);
    } catch (LinearSolver.SingularMatrixException e) {
      if (sigma > best[0]) {
        best[0] = sigma; // exactly singular: sigma is an eigenvalue (a bifurcation point if 0)
        best[1] = 0.0;
      }
      if (all != null) {
        all.add(new double[] {sigma, 0.0});
      }
      return 0.0;
    }
    // (M - sigma B)^-1 B with B = diag(I, 0) for the bordered lasing pencil.
    ShiftInvertArnoldi.Operator op = ShiftInvertArnoldi.Operator.inverse(dim, v -> {
      if (lasing) {
        v[n] = 0.0;
      }
      lu.solve(v);
    });
    ShiftInvertArnoldi.Result res = ShiftInvertArnoldi.largest(op, SPARSE_WANTED, SPARSE_MAX_STEPS, SPARSE_RITZ_TOLERANCE);
    double radius = 0;
    int used = 0;
    for (ShiftInvertArnoldi.Ritz r : res.converged()) {
      double m2 = r.re() * r.re() + r.im() * r.im();
      if (m2 == 0) {
        continue; // infinite eigenvalue of the bordered pencil
      }
      used++;
      double re = sigma + r.re() / m2; // lambda = sigma + 1/theta
      double im = -r.im() / m2;
      radius = Math.max(radius, 1 / Math.sqrt(m2));
      if (re > best[0]) {
        best[0] = re;
        best[1] = im;
      }
      if (all != null && all.stream().noneMatch(e -> Math.hypot(e[0] - re, e[1] - im) <= 1e-9 * Math.hypot(re, im))) {
        all.add(new double[] {re, im});
      }
    }
    if (used == 0) {
      throw new EquilibriumException("no eigenvalue of the " + model.kind() + " Jacobian (n = " + n + ") at r = "
          + model.pump() + " near " + sigma + " converged in " + res.steps() + " Arnoldi steps");
    }
    return radius;
  }

  /** The pattern with every diagonal entry structural (for shifts). */
  private static SparsityPattern withDiagonal(SparsityPattern p) {
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    int[][] rows = new int[p.n()][];
    for (int i = 0; i < p.n(); i++) {
      int[] r = Arrays.copyOfRange(cs, rs[i], rs[i + 1]);
      if (Arrays.binarySearch(r, i) < 0) {
        r = Arrays.copyOf(r, r.length + 1);
        r[r.length - 1] = i;
        Arrays.sort(r);
      }
      rows[i] = r;
    }
    return SparsityPattern.fromRows(rows);
  }

  /**
   * Max-row-sum norm of the leading n x n block of a sparse matrix without row and column {@code
   * skip} (the Im b of a lasing state, which the dense path's quotient removes; -1 for none) after
   * Parlett-Reinsch balancing (powers of 2, as {@link StabilityAnalyzer#balance}), without changing the matrix.
   *
   * <p>The sweeps are Jacobi-style (all sums from the same scaling, then every index rescaled), at
   * most {@link #BALANCING_SWEEPS}. Such a sweep is a deterministic map of the scaling d, and on
   * TPM_d's Jacobians it falls into a 2-cycle after a few sweeps (N = 50: from sweep 6 on, d
   * alternates between two vectors and the sweeps never end by themselves; measured). Once d
   * equals its value two sweeps before, the scaling after the last sweep is known (the one of the
   * same parity), so the remaining sweeps are skipped: the norm is bit for bit that of all of them.
   */
  static double balancedNorm(SparseMatrix a, int n, int skip) {
    var p = a.pattern();
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    double[] v = a.values();
    // The off-diagonal entries of the block without skip, row by row in storage order (the sums
    // below add them in the same order as a pass over the matrix would).
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cs[k];
        if (j < n && j != i && i != skip && j != skip) {
          count++;
        }
      }
    }
    int[] rowEnd = new int[n];
    int[] col = new int[count];
    double[] mag = new double[count];
    count = 0;
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cs[k];
        if (j < n && j != i && i != skip && j != skip) {
          col[count] = j;
          mag[count++] = Math.abs(v[k]);
        }
      }
      rowEnd[i] = count;
    }
    double[] d = new double[n];
    Arrays.fill(d, 1.0);
    double[] previous = new double[n];
    double[] beforePrevious = new double[n];
    double[] rowSum = new double[n];
    double[] colSum = new double[n];
    boolean done = false;
    for (int sweep = 0; sweep < BALANCING_SWEEPS && !done; sweep++) {
      done = true;
      System.arraycopy(previous, 0, beforePrevious, 0, n);
      System.arraycopy(d, 0, previous, 0, n);
      // One Jacobi-style sweep: all row and column sums of D^-1 A D, then every index rescaled.
      Arrays.fill(rowSum, 0.0);
      Arrays.fill(colSum, 0.0);
      for (int i = 0, q = 0; i < n; i++) {
        double di = d[i];
        double r = 0.0;
        for (; q < rowEnd[i]; q++) {
          int j = col[q];
          double e = mag[q] * d[j] / di;
          r += e;
          colSum[j] += e;
        }
        rowSum[i] = r;
      }
      done = rescale(rowSum, colSum, d);
      if (!done && sweep >= 1 && Arrays.equals(d, beforePrevious)) {
        // 2-cycle: d after sweep m is d (now, after this sweep) for m - sweep even, else previous.
        if ((BALANCING_SWEEPS - 1 - sweep) % 2 != 0) {
          System.arraycopy(previous, 0, d, 0, n);
        }
        break;
      }
    }
    return scaledNorm(a, n, skip, d);
  }

  /**
   * Parlett-Reinsch rescaling of every index from its row and column sums (powers of 2); true if no
   * scale changed.
   */
  private static boolean rescale(double[] rowSum, double[] colSum, double[] d) {
    boolean done = true;
    for (int i = 0; i < d.length; i++) {
      double c = colSum[i];
      double r = rowSum[i];
      if (c == 0 || r == 0) {
        continue;
      }
      double f = 1;
      double sum = c + r;
      while (c < r / 2) {
        f *= 2;
        c *= 2;
        r /= 2;
      }
      while (c > r * 2) {
        f /= 2;
        c /= 2;
        r *= 2;
      }
      if ((c + r) < 0.95 * sum) {
        d[i] *= f;
        done = false;
      }
    }
    return done;
  }

  /** Max-row-sum norm of D^-1 A D on the leading n x n block without row and column skip. */
  private static double scaledNorm(SparseMatrix a, int n, int skip, double[] d) {
    var p = a.pattern();
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    double[] v = a.values();
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cs[k];
        if (j < n && i != skip && j != skip) {
          sum += Math.abs(v[k]) * d[j] / d[i];
        }
      }
      norm = Math.max(norm, sum);
    }
    return norm;
  }

  /** Balancing sweeps of {@link #balancedNorm} at most (the sweeps end earlier once no scale changes). */
  static final int BALANCING_SWEEPS = 100;
}
