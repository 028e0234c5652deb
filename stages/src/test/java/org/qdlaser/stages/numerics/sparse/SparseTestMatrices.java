package org.qdlaser.stages.numerics.sparse;

import org.qdlaser.stages.numerics.linear.DenseLuSolver;

import java.util.Random;

/** Reproducible sparse test matrices and a dense reference solve. */
public final class SparseTestMatrices {
  private SparseTestMatrices() {}

  /**
   * Random n x n matrix with about {@code perRow} off-diagonal entries per row in N(0, 1), plus a
   * diagonal of size {@code diagonal} (0 leaves the diagonal structurally absent), row-major.
   */
  public static double[] random(int n, int perRow, double diagonal, long seed) {
    Random rnd = new Random(seed);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < perRow; q++) {
        int j = rnd.nextInt(n);
        if (j != i) {
          a[i * n + j] = rnd.nextGaussian();
        }
      }
      a[i * n + i] = diagonal == 0 ? 0.0 : diagonal * (1 + rnd.nextDouble());
    }
    return a;
  }

  /** The periodic 2-D 5-point Laplacian on an m x m grid, scaled by s, plus the identity: I - s L. */
  public static double[] shiftedLaplacian(int m, double s) {
    int n = m * m;
    double[] a = new double[n * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        int k = i * m + j;
        a[k * n + k] = 1 + 4 * s;
        int[] nb = {Math.floorMod(i + 1, m) * m + j, Math.floorMod(i - 1, m) * m + j,
            i * m + Math.floorMod(j + 1, m), i * m + Math.floorMod(j - 1, m)};
        for (int q : nb) {
          a[k * n + q] -= s;
        }
      }
    }
    return a;
  }

  /** x with A x = b by the dense solver (a and b unchanged). */
  public static double[] denseSolve(double[] a, int n, double[] b) {
    DenseLuSolver lu = new DenseLuSolver();
    lu.factor(a.clone(), n);
    double[] x = b.clone();
    lu.solve(x);
    return x;
  }

  public static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  /** Bytes allocated by the current thread while running r (-1 if the JVM cannot tell). */
  public static long allocatedBytes(Runnable r) {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean)) {
      return -1;
    }
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    if (!mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
      return -1;
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    r.run();
    return mx.getThreadAllocatedBytes(tid) - before;
  }
}
