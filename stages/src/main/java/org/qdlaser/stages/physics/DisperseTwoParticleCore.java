package org.qdlaser.stages.physics;

/**
 * Equations (B5a)-(B5h) = (C1a)-(C1h) for b, Bb, bb and the per-dot Vc, Cc, bCv, bCc, bVc of the
 * polydisperse two-particle models, with real couplings g_l.
 *
 * <p>The models differ only in the two-dot sums entering (e), (f), (g):
 * sum_{n != l} g_n CVcv[n][l], sum_{n != l} g_n VCcc[l][n], sum_{n != l} g_n VVcc[l][n]. TPM_IF^(d)
 * replaces the correlations by their factorisations conj(Vc_l) Vc_n, Cc_l Vc_n, Vc_l Vc_n
 * ({@code factorised = true}, O(N) via sum_n g_n Vc_n - g_l Vc_l); TPM^(d) adds the sums afterwards
 * from its pair blocks ({@code factorised = false}).
 */
final class DisperseTwoParticleCore {
  private DisperseTwoParticleCore() {}

  /** Overwrites d over the boson sector and all dot blocks; leaves the pair blocks untouched. */
  static void rhs(
      DisperseParameters p, DisperseStructure st, double[] det, double[] g, double[] y, double[] d,
      boolean factorised) {
    final int n = st.n;
    final int base = st.dotBase;
    final int stride = st.dotStride;
    final double gc = p.gammaC();
    final double ga = p.gamma();
    final double gnr = p.gammaNr();
    final double gnl = p.gammaNl();
    final double r = p.r();
    final double k = ga + gc;
    final double kq = gc + gnr;

    final double bR = y[0], bI = y[1], nb = y[2], bbR = y[3], bbI = y[4];
    final double b2 = bR * bR + bI * bI;

    // sum_n g_n Vc_n, sum_n g_n Re(bCv_n), sum_n g_n bVc_n.
    double sVR = 0, sVI = 0, sPR = 0, sSR = 0, sSI = 0;
    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      sVR += gl * y[o];
      sVI += gl * y[o + 1];
      sPR += gl * y[o + 3];
      sSR += gl * y[o + 7];
      sSI += gl * y[o + 8];
    }
    // (a) d b = -gc b + sum_n g_n Vc_n
    d[0] = -gc * bR + sVR;
    d[1] = -gc * bI + sVI;
    // (d) d Bb = -2 gc Bb + 2 sum_n g_n Re(bCv_n)
    d[2] = -2 * gc * nb + 2 * sPR;
    // (h) d bb = -2 gc bb + 2 sum_n g_n bVc_n
    d[3] = -2 * gc * bbR + 2 * sSR;
    d[4] = -2 * gc * bbI + 2 * sSI;

    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      final double dn = det[l];
      final double vR = y[o], vI = y[o + 1], cc = y[o + 2], pR = y[o + 3], pI = y[o + 4];
      final double qR = y[o + 5], qI = y[o + 6];

      // Two-dot sums; zero for TPM_d, whose pair loop adds them.
      double xR = 0, xI = 0, yR = 0, yI = 0, zR = 0, zI = 0;
      if (factorised) {
        final double tR = sVR - gl * vR; // sum_{n != l} g_n Vc_n
        final double tI = sVI - gl * vI;
        xR = vR * tR + vI * tI; // conj(Vc_l) t
        xI = vR * tI - vI * tR;
        yR = cc * tR; // Cc_l t
        yI = cc * tI;
        zR = vR * tR - vI * tI; // Vc_l t
        zI = vR * tI + vI * tR;
      }

      // (b) d Vc = -(gamma - i dnu) Vc + g (2 bCc - b)
      d[o] = -ga * vR - dn * vI + gl * (2 * qR - bR);
      d[o + 1] = -ga * vI + dn * vR + gl * (2 * qI - bI);
      // (c) d Cc = r (1 - Cc) - (gNL + gnr) Cc - 2 g Re(bCv)
      d[o + 2] = r * (1 - cc) - (gnl + gnr) * cc - 2 * gl * pR;
      // (e) d bCv = -(gamma + gc + i dnu) bCv
      //     + g [Cc - Bb (1 - 2Cc) - 4 |b|^2 Cc + 4 Re(b conj(bCc))] + sum_{n != l} g_n CVcv[n][l]
      final double reBconjQ = bR * qR + bI * qI;
      d[o + 3] = -k * pR + dn * pI + gl * (cc - nb * (1 - 2 * cc) - 4 * b2 * cc + 4 * reBconjQ) + xR;
      d[o + 4] = -k * pI - dn * pR + xI;
      // (f) d bCc with the two-dot term sum_{n != l} g_n VCcc[l][n]
      TwoParticleCore.bccRate(y, o, o + 3, o + 5, o + 7, kq, gl, r * (1 - cc) - gnl * cc, yR, yI, d, o + 5);
      // (g) d bVc with the two-dot term sum_{n != l} g_n VVcc[l][n]
      TwoParticleCore.bvcRate(y, o + 5, o + 7, cc, k, dn, gl, zR, zI, d, o + 7);
    }
  }
}
