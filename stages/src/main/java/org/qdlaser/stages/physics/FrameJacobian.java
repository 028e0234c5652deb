package org.qdlaser.stages.physics;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * The exact Jacobian of a model's equations in a rotating frame, df/dz - omega A (A the phase
 * generator of the layout: a complex field of charge q has (A z)_re = -q z_im, (A z)_im = q z_re),
 * on a larger pattern that holds the model's {@link Model#sparsity()} and the 2 x 2 rotation blocks:
 * the co-rotating integration ({@code CoRotatingFrame}, {@code PumpStep}) and, with the omega column
 * -A z, the bordered Newton systems of the lasing state. Entries of the target pattern that are not
 * written here (a phase-condition row, a parameter column) are left at zero for the caller.
 *
 * <p>Thread safe; {@link #fill} allocates nothing after its first call on a thread (the model's values
 * go through a per-thread scratch array). One instance per (model pattern, target pattern, omega
 * column), cached.
 */
public final class FrameJacobian {
  private final SparsityPattern modelPattern;
  private final SparsityPattern target;
  /** CSR position in the target of each model entry. */
  private final int[] scatter;
  /** Per charged complex field: offset of its real part, charge, positions (re, im), (im, re), (re, w), (im, w). */
  private final int[] offsets;
  private final double[] charges;
  private final int[] reIm;
  private final int[] imRe;
  private final int[] reW;
  private final int[] imW;
  private final int nonZeros;

  private FrameJacobian(Model model, SparsityPattern target, int omegaColumn) {
    this.modelPattern = model.sparsity();
    this.target = target;
    this.scatter = modelPattern.positionsIn(target);
    List<Field> charged = new ArrayList<>();
    for (Field f : model.layout().fields()) {
      if (f.complex() && f.charge() != 0) {
        charged.add(f);
      }
    }
    int m = charged.size();
    offsets = new int[m];
    charges = new double[m];
    reIm = new int[m];
    imRe = new int[m];
    reW = new int[m];
    imW = new int[m];
    for (int k = 0; k < m; k++) {
      int o = charged.get(k).offset();
      offsets[k] = o;
      charges[k] = charged.get(k).charge();
      // Absent only where omega is always 0 (the caller's pattern has no rotation blocks).
      reIm[k] = target.position(o, o + 1);
      imRe[k] = target.position(o + 1, o);
      reW[k] = omegaColumn < 0 ? -1 : require(target, o, omegaColumn);
      imW[k] = omegaColumn < 0 ? -1 : require(target, o + 1, omegaColumn);
    }
    this.nonZeros = target.nonZeros();
    final int nm = modelPattern.nonZeros();
    this.scratch = ThreadLocal.withInitial(() -> new double[nm]);
  }

  private static int require(SparsityPattern p, int row, int col) {
    int k = p.position(row, col);
    if (k < 0) {
      throw new IllegalArgumentException("the frame's pattern lacks entry (" + row + ", " + col + ")");
    }
    return k;
  }

  /**
   * The frame Jacobian of {@code model} on {@code target}, with the omega column at {@code
   * omegaColumn} (-1: none, omega is fixed). Cached by the patterns' identities.
   */
  public static FrameJacobian of(Model model, SparsityPattern target, int omegaColumn) {
    Key key = new Key(model.sparsity(), target, omegaColumn);
    synchronized (CACHE) {
      FrameJacobian f = CACHE.get(key);
      if (f == null) {
        f = new FrameJacobian(model, target, omegaColumn);
        CACHE.put(key, f);
      }
      return f;
    }
  }

  /** The model's values of the last fill on this thread (its pattern's CSR order). */
  private final ThreadLocal<double[]> scratch;

  /**
   * Writes df/dz - omega A at z into {@code values} (the target's CSR order, every entry overwritten:
   * those not of this form are zero) and, if this frame has an omega column, -A z into it.
   *
   * @param model a model with {@link Model#hasSparseJacobian()} on this frame's model pattern
   * @param z state, read only (only its first {@code model.dimension()} entries are read)
   * @param values output, length of the target's non-zeros, caller-owned
   */
  public void fill(Model model, double[] z, double omega, double[] values) {
    if (values.length != nonZeros) {
      throw new IllegalArgumentException("values have length " + values.length + ", the frame's pattern " + nonZeros);
    }
    if (model.sparsity() != modelPattern) {
      throw new IllegalArgumentException("the model's pattern is not this frame's");
    }
    final int nm = scatter.length;
    final double[] mv = scratch.get();
    model.sparseJacobian(0.0, z, mv);
    java.util.Arrays.fill(values, 0.0);
    for (int k = 0; k < nm; k++) {
      values[scatter[k]] = mv[k];
    }
    for (int k = 0; k < offsets.length; k++) {
      final double q = charges[k];
      final int o = offsets[k];
      // -omega A: row re gains +q omega z_im, row im gains -q omega z_re.
      if (omega != 0) {
        if (reIm[k] < 0 || imRe[k] < 0) {
          throw new IllegalArgumentException("the frame's pattern lacks the rotation block of offset " + o);
        }
        values[reIm[k]] += q * omega;
        values[imRe[k]] -= q * omega;
      }
      if (reW[k] >= 0) {
        values[reW[k]] = q * z[o + 1]; // d/d omega of -omega (A z)_re = q z_im
        values[imW[k]] = -q * z[o]; // d/d omega of -omega (A z)_im = -q z_re
      }
    }
  }

  private record Key(SparsityPattern model, SparsityPattern target, int omegaColumn) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.model == model && k.target == target && k.omegaColumn == omegaColumn;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(model) + System.identityHashCode(target)) + omegaColumn;
    }
  }

  /** Most recently used frames; a handful covers a run's kinds, sizes and wrappers. */
  private static final java.util.Map<Key, FrameJacobian> CACHE =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Key, FrameJacobian> eldest) {
          return size() > 8;
        }
      };
}
