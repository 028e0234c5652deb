package org.qdlaser.stages.physics;

import static org.qdlaser.stages.physics.DisperseStructure.B;
import static org.qdlaser.stages.physics.DisperseStructure.BB;
import static org.qdlaser.stages.physics.DisperseStructure.BB_NUM;
import static org.qdlaser.stages.physics.DisperseStructure.C;
import static org.qdlaser.stages.physics.DisperseStructure.P;
import static org.qdlaser.stages.physics.DisperseStructure.Q;
import static org.qdlaser.stages.physics.DisperseStructure.S;
import static org.qdlaser.stages.physics.DisperseStructure.V;
import static org.qdlaser.stages.physics.DisperseStructure.W;
import static org.qdlaser.stages.physics.DisperseStructure.X;
import static org.qdlaser.stages.physics.DisperseStructure.Y;
import static org.qdlaser.stages.physics.DisperseStructure.Z;

import java.util.Objects;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * Parameter handling, layout access and the non-RHS {@link Model} methods of the polydisperse
 * models. Subclasses read the per-dot detunings and couplings from the private copies {@link #det}
 * and {@link #g} (never from the parameter accessors, which copy).
 *
 * <p>Models are immutable and thread safe; {@code rhs} allocates nothing and keeps no reference to
 * the caller's arrays. Methods returning arrays return new arrays owned by the caller.
 */
abstract class DisperseModelBase implements Model {
  protected final DisperseParameters p;
  protected final DisperseStructure st;
  /** Per-dot detunings, owned by this model (not shared with the caller). */
  protected final double[] det;
  /** Per-dot real couplings, owned by this model. */
  protected final double[] g;
  protected final int n;

  DisperseModelBase(ModelKind kind, DisperseParameters p) {
    this.p = Objects.requireNonNull(p, "parameters");
    this.st = DisperseStructure.of(kind, p.n());
    this.det = p.detunings();
    this.g = p.couplings();
    this.n = p.n();
  }

  public DisperseParameters parameters() {
    return p;
  }

  /**
   * A state of this model built from a state {@code y} of another polydisperse model of the same
   * dots: its field, per-dot polarisations Vc_l and upper populations Cc_l, every higher
   * expectation value factorised ({@link #factorised}). Used to start TPM_d from the TPM_IF_d
   * lasing state. Returns a new array.
   */
  double[] liftedFrom(DisperseModelBase from, double[] y) {
    if (from.n != n) {
      throw new IllegalArgumentException("cannot lift a state of " + from.n + " dots to " + n + " dots");
    }
    double[] vRe = new double[n];
    double[] vIm = new double[n];
    double[] cc = new double[n];
    for (int l = 0; l < n; l++) {
      int o = from.st.dot(l);
      vRe[l] = y[o + DisperseStructure.V];
      vIm[l] = y[o + DisperseStructure.V + 1];
      cc[l] = y[o + DisperseStructure.C];
    }
    return factorised(y[DisperseStructure.B], y[DisperseStructure.B + 1], vRe, vIm, cc);
  }

  @Override
  public ModelKind kind() {
    return st.kind;
  }

  @Override
  public StateLayout layout() {
    return st.layout;
  }

  @Override
  public int dimension() {
    return st.dimension();
  }

  @Override
  public int dots() {
    return n;
  }

  @Override
  public double pump() {
    return p.r();
  }

  /** Exact structural non-zeros of df/dy for generic parameters; built once per kind and N. */
  @Override
  public SparsityPattern sparsity() {
    return st.pattern();
  }

  /** The polydisperse models give df/dy exactly on {@link #sparsity()} (docs/decisions.md, "Exact sparse Jacobians"). */
  @Override
  public boolean hasSparseJacobian() {
    return true;
  }

  /**
   * df/dy at y on {@link #sparsity()}, each entry the partial derivative of the RHS as written
   * (polynomial in y), not a difference quotient. Allocation-free, O(nnz).
   *
   * @param y state, read only (its first {@link #dimension()} entries: a bordered system's unknowns may follow)
   * @param values output in the pattern's CSR order, length {@code sparsity().nonZeros()}, caller-owned, overwritten
   */
  @Override
  public void sparseJacobian(double t, double[] y, double[] values) {
    JacobianEntries e = st.entries();
    if (values.length != e.nonZeros() || y.length < st.dimension()) {
      throw new IllegalArgumentException("Jacobian values have length " + values.length + " (expected "
          + e.nonZeros() + "), state " + y.length + " (expected " + st.dimension() + ")");
    }
    java.util.Arrays.fill(values, 0.0);
    addJacobian(y, values, e);
  }

  /** Adds df/dy at y into {@code values} (zeroed by the caller) through {@code e}. */
  abstract void addJacobian(double[] y, double[] values, JacobianEntries e);

  @Override
  public double upperPopulationMean(double[] y) {
    double s = 0;
    for (int l = 0; l < n; l++) {
      s += y[st.dot(l) + C];
    }
    return s / n;
  }

  @Override
  public double[] activation(double[] y) {
    double[] a = new double[n];
    for (int l = 0; l < n; l++) {
      int o = st.dot(l) + V;
      a[l] = y[o] * y[o] + y[o + 1] * y[o + 1];
    }
    return a;
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    double[] vRe = new double[n];
    double[] vIm = new double[n];
    double[] c = new double[n];
    java.util.Arrays.fill(vRe, vc);
    java.util.Arrays.fill(c, cc);
    return factorised(b, 0.0, vRe, vIm, c);
  }

  /**
   * The uncorrelated state with complex field b and per-dot complex polarisation Vc_l and upper
   * population Cc_l: every higher expectation value is the product of single ones, following the
   * operator order of each field (e.g. bCv_l = b conj(Vc_l), CVcv[n][l] = conj(Vc_l) Vc_n,
   * VCcc[l][n] = Cc_l Vc_n, VVcc[l][n] = Vc_l Vc_n, CCcc[n][l] = Cc_n Cc_l).
   *
   * @param vRe real parts of Vc_l, length N (read only)
   * @param vIm imaginary parts of Vc_l, length N (read only)
   * @param cc Cc_l, length N (read only)
   * @return a new state array
   */
  double[] factorised(double bR, double bI, double[] vRe, double[] vIm, double[] cc) {
    double[] y = new double[dimension()];
    y[B] = bR;
    y[B + 1] = bI;
    y[BB_NUM] = bR * bR + bI * bI;
    if (st.twoParticle()) {
      y[BB] = bR * bR - bI * bI;
      y[BB + 1] = 2 * bR * bI;
    }
    for (int l = 0; l < n; l++) {
      int o = st.dot(l);
      double vR = vRe[l], vI = vIm[l], c = cc[l];
      y[o + V] = vR;
      y[o + V + 1] = vI;
      y[o + C] = c;
      y[o + P] = bR * vR + bI * vI; // b conj(Vc)
      y[o + P + 1] = bI * vR - bR * vI;
      if (st.twoParticle()) {
        y[o + Q] = bR * c;
        y[o + Q + 1] = bI * c;
        y[o + S] = bR * vR - bI * vI;
        y[o + S + 1] = bR * vI + bI * vR;
      }
    }
    if (st.pairs()) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i == j) {
            continue;
          }
          int o = st.pair(i, j);
          // CVcv[i][j] = <c_j^+ v_i^+ c_i v_j> -> conj(Vc_j) Vc_i
          y[o + X] = vRe[j] * vRe[i] + vIm[j] * vIm[i];
          y[o + X + 1] = vRe[j] * vIm[i] - vIm[j] * vRe[i];
          // VCcc[i][j] = <v_j^+ c_i^+ c_i c_j> -> Cc_i Vc_j
          y[o + Y] = cc[i] * vRe[j];
          y[o + Y + 1] = cc[i] * vIm[j];
          // VVcc[i][j] = <v_j^+ v_i^+ c_i c_j> -> Vc_i Vc_j
          y[o + Z] = vRe[i] * vRe[j] - vIm[i] * vIm[j];
          y[o + Z + 1] = vRe[i] * vIm[j] + vIm[i] * vRe[j];
          // CCcc[i][j] -> Cc_i Cc_j
          y[o + W] = cc[i] * cc[j];
        }
      }
    }
    return y;
  }

  /**
   * As for identical dots, with g replaced by the mean coupling: field sqrt(N r / (2 gamma_c)) (at
   * least 1), half-filled upper levels and the common real polarisation that makes d<b>/dt = 0.
   */
  @Override
  public double[] lasingInitialState() {
    double b0 = Math.max(1.0, Math.sqrt(n * Math.max(p.r(), 1.0) / (2 * p.gammaC())));
    double gMean = p.meanCoupling();
    double vc = gMean == 0 ? 0.0 : p.gammaC() * b0 / (n * gMean);
    return factorisedState(b0, vc, 0.5);
  }

  @Override
  public double[] noFieldState() {
    return factorisedState(0.0, 0.0, p.r() / (p.r() + p.gammaNr() + p.gammaNl()));
  }
}
