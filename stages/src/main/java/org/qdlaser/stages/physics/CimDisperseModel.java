package org.qdlaser.stages.physics;

/**
 * CIM^(d) for polydisperse dots, Eqs. (D1a)-(D1e) (with the per-dot index of (D1c) restored, see
 * docs/errata.md), per-dot detunings Delta_nu_l and real couplings g_l. Rates in units of
 * gamma_nr, time in 1/gamma_nr.
 *
 * <p>State, 3 + 5N reals: "b" (complex), "Bb" (real), then for each dot l = 0..N-1 contiguously
 * "Vc[l]" (complex), "Cc[l]" (real), "bCv[l]" (complex). Names follow shared/reference/README.md
 * with 0-based dot indices in brackets. Phase charges: b, Vc: 1; Bb, Cc, bCv: 0.
 *
 * <p>The RHS is O(N): the sum over n != l in (D1e) is sum_n g_n Vc_n - g_l Vc_l.
 *
 * <p>Immutable and thread safe; {@link #rhs} allocates nothing. {@link #sparsity()} is the exact
 * structural pattern of df/dy for generic parameters, built once per kind and N and shared by all
 * such models. Arrays returned by the state methods are new and owned by the caller.
 */
public final class CimDisperseModel extends DisperseModelBase {

  public CimDisperseModel(DisperseParameters p) {
    super(ModelKind.CIM_d, p);
  }

  @Override
  public CimDisperseModel withPump(double r) {
    return new CimDisperseModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    final double gc = p.gammaC();
    final double ga = p.gamma();
    final double loss = p.gammaNl() + p.gammaNr();
    final double r = p.r();
    final double k = ga + gc;
    final double bR = y[0], bI = y[1], nb = y[2];
    final int base = st.dotBase;
    final int stride = st.dotStride;

    // sum_n g_n Vc_n and sum_n g_n Re(bCv_n), shared by (D1a), (D1d) and every (D1e).
    final double sVR = st.coupledSum(g, y, DisperseStructure.V);
    final double sVI = st.coupledSum(g, y, DisperseStructure.V + 1);
    final double sPR = st.coupledSum(g, y, DisperseStructure.P);
    // (D1a)
    d[0] = -gc * bR + sVR;
    d[1] = -gc * bI + sVI;
    // (D1d)
    d[2] = -2 * gc * nb + 2 * sPR;

    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      final double dn = det[l];
      final double vR = y[o], vI = y[o + 1], cc = y[o + 2], pR = y[o + 3], pI = y[o + 4];
      final double inv = 2 * cc - 1;
      // (D1b): -(gamma - i dnu_l) Vc_l + g_l b (2 Cc_l - 1)
      d[o] = -ga * vR - dn * vI + gl * bR * inv;
      d[o + 1] = -ga * vI + dn * vR + gl * bI * inv;
      // (D1c): r (1 - Cc_l) - (gNL + gnr) Cc_l - 2 g_l Re(bCv_l)
      d[o + 2] = r * (1 - cc) - loss * cc - 2 * gl * pR;
      // (D1e): -(gamma + gc + i dnu_l) bCv_l + g_l [Cc_l + (2Cc_l - 1) Bb]
      //        + conj(Vc_l) sum_{n != l} g_n Vc_n
      final double tR = sVR - gl * vR;
      final double tI = sVI - gl * vI;
      d[o + 3] = -k * pR + dn * pI + gl * (cc + inv * nb) + (vR * tR + vI * tI);
      d[o + 4] = -k * pI - dn * pR + (vR * tI - vI * tR);
    }
  }

  /** The partial derivatives of {@link #rhs}, term by term. */
  @Override
  void addJacobian(double[] y, double[] v, JacobianEntries e) {
    final double gc = p.gammaC();
    final double ga = p.gamma();
    final double loss = p.gammaNl() + p.gammaNr();
    final double r = p.r();
    final double k = ga + gc;
    final double bR = y[0], bI = y[1], nb = y[2];
    final int base = st.dotBase;
    final int stride = st.dotStride;
    final double sVR = st.coupledSum(g, y, DisperseStructure.V);
    final double sVI = st.coupledSum(g, y, DisperseStructure.V + 1);
    // (D1a), (D1d)
    e.add(v, 0, 0, -gc);
    e.add(v, 1, 1, -gc);
    e.add(v, 2, 2, -2 * gc);
    for (int l = 0, o = base; l < n; l++, o += stride) {
      e.add(v, 0, o, g[l]);
      e.add(v, 1, o + 1, g[l]);
      e.add(v, 2, o + 3, 2 * g[l]);
    }
    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      final double dn = det[l];
      final double vR = y[o], vI = y[o + 1], cc = y[o + 2];
      final double inv = 2 * cc - 1;
      // (D1b)
      e.add(v, o, o, -ga);
      e.add(v, o, o + 1, -dn);
      e.add(v, o, 0, gl * inv);
      e.add(v, o, o + 2, 2 * gl * bR);
      e.add(v, o + 1, o + 1, -ga);
      e.add(v, o + 1, o, dn);
      e.add(v, o + 1, 1, gl * inv);
      e.add(v, o + 1, o + 2, 2 * gl * bI);
      // (D1c)
      e.add(v, o + 2, o + 2, -r - loss);
      e.add(v, o + 2, o + 3, -2 * gl);
      // (D1e): t = sum_{m != l} g_m Vc_m does not depend on Vc_l.
      final double tR = sVR - gl * vR;
      final double tI = sVI - gl * vI;
      e.add(v, o + 3, o + 3, -k);
      e.add(v, o + 3, o + 4, dn);
      e.add(v, o + 3, o + 2, gl * (1 + 2 * nb));
      e.add(v, o + 3, 2, gl * inv);
      e.add(v, o + 3, o, tR);
      e.add(v, o + 3, o + 1, tI);
      e.add(v, o + 4, o + 4, -k);
      e.add(v, o + 4, o + 3, -dn);
      e.add(v, o + 4, o, tI);
      e.add(v, o + 4, o + 1, -tR);
      for (int m = 0, om = base; m < n; m++, om += stride) {
        if (m != l) {
          final double gm = g[m];
          e.add(v, o + 3, om, vR * gm);
          e.add(v, o + 3, om + 1, vI * gm);
          e.add(v, o + 4, om + 1, vR * gm);
          e.add(v, o + 4, om, -vI * gm);
        }
      }
    }
  }
}
