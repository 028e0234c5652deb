package org.qdlaser.stages.physics;

import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * State layout and index arithmetic shared by the polydisperse models, and their lazily built,
 * cached sparsity pattern. Depends only on the model kind and N (not on rates, detunings or
 * couplings), so all models of one kind and N share one instance through {@link #of}: a sweep over
 * pumps or detuning samples builds the 17,605-field layout and the pattern of TPM_d (N = 50) once.
 *
 * <p>Real state vector, dot-major so that one dot's unknowns are contiguous:
 *
 * <ul>
 *   <li>boson sector: b (re, im), Bb, and for TPM_IF_d / TPM_d bb (re, im);
 *   <li>per dot l = 0..N-1 at {@link #dot(int)}: Vc[l] (2), Cc[l] (1), bCv[l] (2), and for the
 *       two-particle models bCc[l] (2), bVc[l] (2);
 *   <li>TPM_d only, per ordered pair (i, j), i != j, at {@link #pair(int, int)}: CVcv[i][j] (2),
 *       VCcc[i][j] (2), VVcc[i][j] (2), CCcc[i][j] (1), with the index meaning of
 *       shared/reference/README.md. Pairs are ordered by i, then j skipping j = i.
 * </ul>
 */
final class DisperseStructure {
  // Offsets inside the boson sector.
  static final int B = 0;
  static final int BB_NUM = 2;
  static final int BB = 3;
  // Offsets inside one dot's block.
  static final int V = 0;
  static final int C = 2;
  static final int P = 3; // bCv
  static final int Q = 5; // bCc
  static final int S = 7; // bVc
  // Offsets inside one pair's block.
  static final int X = 0; // CVcv
  static final int Y = 2; // VCcc
  static final int Z = 4; // VVcc
  static final int W = 6; // CCcc
  static final int PAIR_STRIDE = 7;

  final ModelKind kind;
  final int n;
  /** Offset of dot 0; the boson sector occupies [0, dotBase). */
  final int dotBase;
  /** Reals per dot: 5 (CIM_d) or 9. */
  final int dotStride;
  /** Offset of the first pair block (the end of the dot blocks). */
  final int pairBase;
  final StateLayout layout;
  private volatile SparsityPattern pattern;
  private volatile JacobianEntries entries;

  /** One instance per (kind, N) and process; a handful of N values are used in practice. */
  private static final java.util.concurrent.ConcurrentMap<String, DisperseStructure> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The shared structure of a polydisperse kind with n dots. */
  static DisperseStructure of(ModelKind kind, int n) {
    return CACHE.computeIfAbsent(kind.name() + "/" + n, key -> new DisperseStructure(kind, n));
  }

  private DisperseStructure(ModelKind kind, int n) {
    if (!kind.polydisperse()) {
      throw new IllegalArgumentException("not a polydisperse model: " + kind);
    }
    this.kind = kind;
    this.n = n;
    boolean cim = kind == ModelKind.CIM_d;
    this.dotBase = cim ? 3 : 5;
    this.dotStride = cim ? 5 : 9;
    this.pairBase = dotBase + dotStride * n;
    this.layout = buildLayout();
    int expected = pairBase + (kind == ModelKind.TPM_d ? PAIR_STRIDE * n * (n - 1) : 0);
    if (layout.dimension() != expected) {
      throw new IllegalStateException("layout of " + kind + " has " + layout.dimension() + " reals, expected " + expected);
    }
  }

  boolean twoParticle() {
    return kind != ModelKind.CIM_d;
  }

  boolean pairs() {
    return kind == ModelKind.TPM_d;
  }

  int dimension() {
    return layout.dimension();
  }

  /** Offset of dot l's block. */
  int dot(int l) {
    return dotBase + dotStride * l;
  }

  /** Offset of the block of the ordered pair (i, j), i != j (TPM_d only). */
  int pair(int i, int j) {
    return pairBase + PAIR_STRIDE * (i * (n - 1) + (j < i ? j : j - 1));
  }

  /**
   * The coupling sum over dots sum_l g_l y[dotBase + l dotStride + field], e.g. sum_l g_l Vc_l for
   * {@code field} V (real part) and V + 1 (imaginary), shared by the field equations, their
   * Jacobians and every (e) equation. Summed in dot order, so the RHS and the Jacobian agree bit for bit.
   *
   * @param g couplings per dot (gamma_nr units), read only
   * @param y state, read only
   */
  double coupledSum(double[] g, double[] y, int field) {
    double s = 0;
    for (int l = 0, o = dotBase + field; l < n; l++, o += dotStride) {
      s += g[l] * y[o];
    }
    return s;
  }

  /** Name of a per-dot field, e.g. "Vc[3]". */
  static String dotName(String field, int l) {
    return field + "[" + l + "]";
  }

  /** Name of a two-dot field with its matrix indices, e.g. "CVcv[2][5]". */
  static String pairName(String field, int i, int j) {
    return field + "[" + i + "][" + j + "]";
  }

  /** The cached pattern, built on first use (thread safe). */
  SparsityPattern pattern() {
    SparsityPattern p = pattern;
    if (p == null) {
      synchronized (this) {
        p = pattern;
        if (p == null) {
          p = DispersePatterns.build(this);
          pattern = p;
        }
      }
    }
    return p;
  }

  /** Position lookup on {@link #pattern()} for the exact Jacobians, built on first use (thread safe). */
  JacobianEntries entries() {
    JacobianEntries e = entries;
    if (e == null) {
      e = new JacobianEntries(pattern());
      entries = e;
    }
    return e;
  }

  private StateLayout buildLayout() {
    StateLayout.Builder b = StateLayout.builder().add("b", true, 1).add("Bb", false, 0);
    if (twoParticle()) {
      b.add("bb", true, 2);
    }
    for (int l = 0; l < n; l++) {
      b.add(dotName("Vc", l), true, 1).add(dotName("Cc", l), false, 0).add(dotName("bCv", l), true, 0);
      if (twoParticle()) {
        b.add(dotName("bCc", l), true, 1).add(dotName("bVc", l), true, 2);
      }
    }
    if (pairs()) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i != j) {
            b.add(pairName("CVcv", i, j), true, 0)
                .add(pairName("VCcc", i, j), true, 1)
                .add(pairName("VVcc", i, j), true, 2)
                .add(pairName("CCcc", i, j), false, 0);
          }
        }
      }
    }
    return b.build();
  }
}
