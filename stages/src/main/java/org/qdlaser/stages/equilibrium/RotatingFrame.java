package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.numerics.nonlinear.NonlinearSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * The lasing state as a fixed point in the frame rotating at omega (DESIGN.md, "Phase symmetry").
 * Unknowns x = (state, omega); equations f(z) - omega A z = 0 and the phase condition Im b = 0.
 */
final class RotatingFrame implements NonlinearSystem {
  private final Model model;
  private final int n;
  private final int imB;
  private final double[] f;
  private final double[] az;

  RotatingFrame(Model model) {
    this.model = model;
    this.n = model.dimension();
    this.imB = model.layout().field("b").offset() + 1;
    this.f = new double[n];
    this.az = new double[n];
  }

  @Override
  public int dimension() {
    return n + 1;
  }

  /**
   * The model's pattern bordered by the omega column (rows of charged complex fields, where A z
   * can be non-zero) and the phase-condition row (Im b, and a structural diagonal entry), plus the
   * 2 x 2 rotation blocks of A; null if the model gives no pattern.
   */
  @Override
  public SparsityPattern sparsity() {
    return borderedPattern(model, null);
  }

  /**
   * The model's pattern (with every diagonal entry) bordered by the omega column n (rows of charged
   * complex fields, where A z can be non-zero, plus the 2 x 2 rotation blocks of A) and the phase
   * condition row n (Im b); with {@code pumpRows} also a pump column n + 1 in those rows and the
   * amplitude row n + 1 (Re b). Null if the model gives no pattern.
   */
  static SparsityPattern borderedPattern(Model model, boolean[] pumpRows) {
    SparsityPattern p = model.sparsity();
    if (p == null) {
      return null;
    }
    // Built once per base pattern (one per kind and N) and pump-row set: every Newton solve and
    // stability analysis asks for it, and at TPM_d N = 50 building it (sorted rows of ~17k rows)
    // costs more than a Newton iteration; the identical object also lets NewtonSolver's per-thread
    // workspace recognise the pattern by identity instead of comparing it element by element.
    BorderKey key = new BorderKey(p, pumpRows == null ? null : pumpRows.clone());
    synchronized (BORDERED) {
      SparsityPattern cached = BORDERED.get(key);
      if (cached != null) {
        return cached;
      }
    }
    SparsityPattern built = build(model, p, pumpRows);
    synchronized (BORDERED) {
      BORDERED.put(key, built);
    }
    return built;
  }

  /** Marks the unbordered pattern in the cache ({@link #steadyStatePattern}). */
  private static final boolean[] NO_BORDER = new boolean[0];

  /**
   * The model's pattern with every diagonal entry and the 2 x 2 rotation blocks of A: the leading
   * block of {@link #borderedPattern}, for the non-rotating steady state (the non-lasing state's
   * Newton system and stability). The extra entries are structural zeros there; with them the
   * lasing and non-lasing systems share the LU's fill-reducing order (one AMD run per model and N,
   * {@link org.qdlaser.stages.numerics.sparse.SparseOrdering#borderedMinimumDegree}). Null if the
   * model gives no pattern.
   */
  static SparsityPattern steadyStatePattern(Model model) {
    return borderedPattern(model, NO_BORDER);
  }

  /** Base pattern (by identity) and pump rows of a bordered pattern. */
  private static final class BorderKey {
    final SparsityPattern base;
    final boolean[] pumpRows;

    BorderKey(SparsityPattern base, boolean[] pumpRows) {
      this.base = base;
      this.pumpRows = pumpRows;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BorderKey k && k.base == base && java.util.Arrays.equals(k.pumpRows, pumpRows);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(base) + java.util.Arrays.hashCode(pumpRows);
    }
  }

  /** Most recently used bordered patterns; a handful covers a study's kinds and sizes. */
  private static final int CACHED_PATTERNS = 4;

  private static final java.util.Map<BorderKey, SparsityPattern> BORDERED =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<BorderKey, SparsityPattern> eldest) {
          return size() > CACHED_PATTERNS;
        }
      };

  private static SparsityPattern build(Model model, SparsityPattern p, boolean[] pumpRows) {
    int n = model.dimension();
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    int[] realPart = new int[n]; // offset of the rotating field a component belongs to, or -1
    java.util.Arrays.fill(realPart, -1);
    for (Field fl : model.layout().fields()) {
      if (fl.complex() && fl.charge() != 0) {
        realPart[fl.offset()] = fl.offset();
        realPart[fl.offset() + 1] = fl.offset();
      }
    }
    boolean border = pumpRows != NO_BORDER;
    int extra = pumpRows == null ? 1 : border ? 2 : 0;
    int[][] rows = new int[n + extra][];
    for (int i = 0; i < n; i++) {
      // Plain arrays (SparsityPattern.fromRows sorts and removes duplicates): a TreeSet per row
      // took 2.7 s at TPM_d N = 100.
      int len = rs[i + 1] - rs[i];
      int[] row = java.util.Arrays.copyOfRange(cs, rs[i], rs[i] + len + 5);
      row[len++] = i;
      if (realPart[i] >= 0) {
        row[len++] = realPart[i];
        row[len++] = realPart[i] + 1;
        if (border) {
          row[len++] = n;
        }
      }
      if (pumpRows != null && border && pumpRows[i]) {
        row[len++] = n + 1;
      }
      rows[i] = java.util.Arrays.copyOf(row, len);
    }
    if (!border) {
      return SparsityPattern.fromRows(rows);
    }
    int reB = model.layout().field("b").offset();
    rows[n] = new int[] {reB + 1, n};
    if (pumpRows != null) {
      rows[n + 1] = reB < n + 1 ? new int[] {reB, n + 1} : new int[] {n + 1};
    }
    return SparsityPattern.fromRows(rows);
  }

  /** Exact when the model's Jacobian is ({@link org.qdlaser.stages.physics.FrameJacobian}). */
  @Override
  public boolean hasSparseJacobian() {
    return model.hasSparseJacobian() && model.sparsity() != null;
  }

  /**
   * [[df/dz - omega A, -A z], [e_{Im b}^T, 0]] on {@link #sparsity()}: the model's exact Jacobian in the
   * frame, the omega column, and the phase condition's row.
   */
  @Override
  public void sparseJacobian(double[] x, double[] values) {
    SparsityPattern p = sparsity();
    org.qdlaser.stages.physics.FrameJacobian.of(model, p, n).fill(model, x, x[n], values);
    values[p.position(n, imB)] = 1.0;
  }

  /** A frame of the same model with its own work arrays (the models' right-hand sides keep no state). */
  @Override
  public NonlinearSystem concurrentCopy() {
    return new RotatingFrame(model);
  }

  @Override
  public void residual(double[] x, double[] out) {
    double omega = x[n];
    model.rhs(0.0, x, f);
    model.layout().applyRotationGenerator(x, az);
    for (int i = 0; i < n; i++) {
      out[i] = f[i] - omega * az[i];
    }
    out[n] = x[imB];
  }

  /**
   * Rotates a state by the phase that makes b real and positive: every complex field of charge q is
   * multiplied by e^{-i q theta}, theta = arg b. Returns a new array.
   */
  static double[] gauge(StateLayout layout, double[] y) {
    Field b = layout.field("b");
    double theta = Math.atan2(y[b.offset() + 1], y[b.offset()]);
    double[] out = y.clone();
    for (Field fl : layout.fields()) {
      if (fl.complex() && fl.charge() != 0) {
        double a = -fl.charge() * theta;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double re = y[fl.offset()];
        double im = y[fl.offset() + 1];
        out[fl.offset()] = c * re - s * im;
        out[fl.offset() + 1] = s * re + c * im;
      }
    }
    out[b.offset() + 1] = 0.0;
    return out;
  }

  /** Instantaneous rotation frequency Im(conj(b) db/dt)/|b|^2 of a state with derivative yDot. */
  static double instantaneousFrequency(StateLayout layout, double[] y, double[] yDot) {
    int o = layout.field("b").offset();
    double b2 = y[o] * y[o] + y[o + 1] * y[o + 1];
    if (b2 == 0) {
      return 0.0;
    }
    return (y[o] * yDot[o + 1] - y[o + 1] * yDot[o]) / b2;
  }
}
