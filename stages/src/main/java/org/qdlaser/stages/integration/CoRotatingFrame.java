package org.qdlaser.stages.integration;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;

/**
 * A model's equations in the frame rotating at a fixed angular frequency omega (units of gamma_nr):
 * g(z) = f(z) - omega A z, A the phase generator of the model's layout (a complex field of charge q
 * is rotated at q omega). If z(t) solves g, then exp(Omega(t) A) z(t) with Omega(t) = Omega_0 +
 * omega t solves the model's own equations f (the lab frame): the models are equivariant, f(exp(theta
 * A) z) = exp(theta A) f(z) (DESIGN.md, "Phase symmetry"), and A commutes with exp(theta A). A lasing
 * state that rotates at omega is a fixed point of g, so a transient close to it varies on the time
 * scale of its slow envelope instead of the rotation period.
 *
 * <p>Immutable; {@link #rhs} allocates nothing. The sparsity is the model's plus the 2 x 2 blocks of
 * the rotated fields, cached per base pattern (one object per model size, so that an integrator
 * reuses its symbolic factorisation across frames of different omega).
 */
public final class CoRotatingFrame implements OdeSystem {
  private final Model model;
  private final double omega;
  /** Offsets of the real parts of the charged complex fields, and omega times their charge. */
  private final int[] offsets;
  private final double[] rates;

  public CoRotatingFrame(Model model, double omega) {
    if (!Double.isFinite(omega)) {
      throw new IllegalArgumentException("frame frequency omega must be finite, got " + omega);
    }
    this.model = model;
    this.omega = omega;
    List<Field> charged = new ArrayList<>();
    for (Field f : model.layout().fields()) {
      if (f.complex() && f.charge() != 0) {
        charged.add(f);
      }
    }
    offsets = new int[charged.size()];
    rates = new double[charged.size()];
    for (int k = 0; k < offsets.length; k++) {
      offsets[k] = charged.get(k).offset();
      rates[k] = omega * charged.get(k).charge();
    }
  }

  public Model model() {
    return model;
  }

  /** The frame's angular frequency (units of gamma_nr). */
  public double omega() {
    return omega;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public void rhs(double t, double[] y, double[] yDot) {
    model.rhs(t, y, yDot);
    // -omega A z: (re, im) of charge q gains (q omega im, -q omega re)
    for (int k = 0; k < offsets.length; k++) {
      int o = offsets[k];
      double w = rates[k];
      yDot[o] += w * y[o + 1];
      yDot[o + 1] -= w * y[o];
    }
  }

  /** Exact when the model's Jacobian is ({@link org.qdlaser.stages.physics.FrameJacobian}). */
  @Override
  public boolean hasSparseJacobian() {
    return model.hasSparseJacobian() && model.sparsity() != null;
  }

  /** dg/dz = df/dz - omega A on {@link #sparsity()}. */
  @Override
  public void sparseJacobian(double t, double[] y, double[] values) {
    org.qdlaser.stages.physics.FrameJacobian.of(model, sparsity(), -1).fill(model, y, omega, values);
  }

  @Override
  public SparsityPattern sparsity() {
    SparsityPattern p = model.sparsity();
    if (p == null) {
      return null;
    }
    synchronized (PATTERNS) {
      SparsityPattern cached = PATTERNS.get(p);
      if (cached == null) {
        cached = withRotationBlocks(p, offsets);
        PATTERNS.put(p, cached);
      }
      return cached;
    }
  }

  /** The base pattern (same object if nothing is missing) with the 2 x 2 blocks at {@code offsets}. */
  private static SparsityPattern withRotationBlocks(SparsityPattern p, int[] offsets) {
    int n = p.n();
    int[] rs = p.rowStart();
    int[] cs = p.columns();
    boolean[] rotated = new boolean[n];
    for (int o : offsets) {
      rotated[o] = true;
    }
    boolean complete = true;
    for (int o : offsets) {
      complete &= has(rs, cs, o, o + 1) && has(rs, cs, o + 1, o);
    }
    if (complete) {
      return p;
    }
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      int len = rs[i + 1] - rs[i];
      int partner = rotated[i] ? i + 1 : (i > 0 && rotated[i - 1] ? i - 1 : -1);
      int[] row = new int[len + (partner >= 0 ? 1 : 0)];
      System.arraycopy(cs, rs[i], row, 0, len);
      if (partner >= 0) {
        row[len] = partner;
      }
      rows[i] = row;
    }
    return SparsityPattern.fromRows(rows);
  }

  private static boolean has(int[] rs, int[] cs, int row, int col) {
    return java.util.Arrays.binarySearch(cs, rs[row], rs[row + 1], col) >= 0;
  }

  /** Co-rotating patterns by base pattern (identity): a handful covers a run's model sizes. */
  private static final java.util.Map<SparsityPattern, SparsityPattern> PATTERNS =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<SparsityPattern, SparsityPattern> eldest) {
          return size() > 4;
        }
      };
}
