package org.qdlaser.stages.physics;

/**
 * TPM_IF^(d) for polydisperse dots, Eqs. (C1a)-(C1h), with per-dot detunings Delta_nu_l and real
 * couplings g_l. Rates in units of gamma_nr, time in 1/gamma_nr. Equals (B5a)-(B5h) with the two-dot
 * correlations replaced by their factorisations, and reduces exactly to {@link TpmIfModel} for
 * equal dots (with the factor 1 of (C1f), not the 2 printed in (C2f); see docs/errata.md).
 *
 * <p>State, 5 + 9N reals (not the 3 + 9N printed in (A1)): "b" (complex), "Bb" (real), "bb"
 * (complex), then for each dot l = 0..N-1 contiguously "Vc[l]" (complex), "Cc[l]" (real),
 * "bCv[l]", "bCc[l]", "bVc[l]" (complex). Names follow shared/reference/README.md with 0-based dot
 * indices in brackets. Phase charges: b, Vc, bCc: 1; bb, bVc: 2; Bb, Cc, bCv: 0.
 *
 * <p>The RHS is O(N): the sums over n != l use sum_n g_n Vc_n - g_l Vc_l.
 *
 * <p>Immutable and thread safe; {@link #rhs} allocates nothing. {@link #sparsity()} is the exact
 * structural pattern of df/dy for generic parameters, built once per kind and N and shared by all
 * such models. Arrays returned by the state methods are new and owned by the caller.
 */
public final class TpmIfDisperseModel extends DisperseModelBase {

  public TpmIfDisperseModel(DisperseParameters p) {
    super(ModelKind.TPM_IF_d, p);
  }

  @Override
  public TpmIfDisperseModel withPump(double r) {
    return new TpmIfDisperseModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    DisperseTwoParticleCore.rhs(p, st, det, g, y, d, true);
  }

  @Override
  void addJacobian(double[] y, double[] v, JacobianEntries e) {
    DisperseTwoParticleCore.jacobian(p, st, det, g, y, v, e, true);
  }
}
