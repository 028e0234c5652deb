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
    final double sVR = st.coupledSum(g, y, DisperseStructure.V);
    final double sVI = st.coupledSum(g, y, DisperseStructure.V + 1);
    final double sPR = st.coupledSum(g, y, DisperseStructure.P);
    final double sSR = st.coupledSum(g, y, DisperseStructure.S);
    final double sSI = st.coupledSum(g, y, DisperseStructure.S + 1);
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

  /**
   * Adds the partial derivatives of {@link #rhs} (the rows of b, Bb, bb and the dot blocks) into
   * {@code v}; with {@code factorised} those of the factorised two-dot sums too, else (TPM_d) the
   * pair-block columns of the sums are left to the caller.
   */
  static void jacobian(DisperseParameters p, DisperseStructure st, double[] det, double[] g, double[] y, double[] v,
      JacobianEntries e, boolean factorised) {
    final int n = st.n;
    final int base = st.dotBase;
    final int stride = st.dotStride;
    final double gc = p.gammaC();
    final double k = p.gamma() + gc;
    final double kq = gc + p.gammaNr();
    final double sVR = st.coupledSum(g, y, DisperseStructure.V);
    final double sVI = st.coupledSum(g, y, DisperseStructure.V + 1);
    // (a), (d), (h)
    e.add(v, 0, 0, -gc);
    e.add(v, 1, 1, -gc);
    e.add(v, 2, 2, -2 * gc);
    e.add(v, 3, 3, -2 * gc);
    e.add(v, 4, 4, -2 * gc);
    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      e.add(v, 0, o, gl);
      e.add(v, 1, o + 1, gl);
      e.add(v, 2, o + 3, 2 * gl);
      e.add(v, 3, o + 7, 2 * gl);
      e.add(v, 4, o + 8, 2 * gl);
    }
    for (int l = 0, o = base; l < n; l++, o += stride) {
      final double gl = g[l];
      final double dn = det[l];
      vcRows(p, y, v, e, o, gl, dn, k);
      bccRows(y, v, e, o, gl, kq, p.r(), p.gammaNl());
      bvcRows(y, v, e, o, gl, k, dn);
      if (factorised) {
        factorisedRows(y, v, e, o, l, n, base, stride, g, sVR - gl * y[o], sVI - gl * y[o + 1]);
      }
    }
  }

  /** (b), (c), (e) rows of the dot at {@code o} (without the two-dot sum of (e)). */
  private static void vcRows(DisperseParameters p, double[] y, double[] v, JacobianEntries e, int o, double gl,
      double dn, double k) {
    final double ga = p.gamma();
    final double bR = y[0], bI = y[1], nb = y[2];
    final double b2 = bR * bR + bI * bI;
    final double cc = y[o + 2], qR = y[o + 5], qI = y[o + 6];
    final int oV = o, oC = o + 2, oP = o + 3, oQ = o + 5;
    // (b) d Vc = -(gamma - i dnu) Vc + g (2 bCc - b)
    e.add(v, oV, oV, -ga);
    e.add(v, oV, oV + 1, -dn);
    e.add(v, oV, oQ, 2 * gl);
    e.add(v, oV, 0, -gl);
    e.add(v, oV + 1, oV + 1, -ga);
    e.add(v, oV + 1, oV, dn);
    e.add(v, oV + 1, oQ + 1, 2 * gl);
    e.add(v, oV + 1, 1, -gl);
    // (c) d Cc = r (1 - Cc) - (gNL + gnr) Cc - 2 g Re(bCv)
    e.add(v, oC, oC, -(p.r() + p.gammaNl() + p.gammaNr()));
    e.add(v, oC, oP, -2 * gl);
    // (e) re: -k pR + dn pI + g [Cc - Bb (1 - 2Cc) - 4|b|^2 Cc + 4 (bR qR + bI qI)]; im: -k pI - dn pR
    e.add(v, oP, oP, -k);
    e.add(v, oP, oP + 1, dn);
    e.add(v, oP, oC, gl * (1 + 2 * nb - 4 * b2));
    e.add(v, oP, 2, -gl * (1 - 2 * cc));
    e.add(v, oP, 0, gl * (4 * qR - 8 * bR * cc));
    e.add(v, oP, 1, gl * (4 * qI - 8 * bI * cc));
    e.add(v, oP, oQ, 4 * gl * bR);
    e.add(v, oP, oQ + 1, 4 * gl * bI);
    e.add(v, oP + 1, oP + 1, -k);
    e.add(v, oP + 1, oP, -dn);
  }

  /**
   * (f) rows of the dot at {@code o}: d bCc = -kq bCc - g T + gain b, T = t1 + t2 + t3 + Bb Vc + t4 of
   * {@link TwoParticleCore#bccRate}, gain = r (1 - Cc) - gNL Cc; each partial of T enters with -g.
   */
  private static void bccRows(double[] y, double[] v, JacobianEntries e, int o, double gl, double kq, double r,
      double gnl) {
    final double bR = y[0], bI = y[1], nb = y[2], bbR = y[3], bbI = y[4];
    final double b2 = bR * bR + bI * bI;
    final double vR = y[o], vI = y[o + 1], cc = y[o + 2], pR = y[o + 3], pI = y[o + 4];
    final double sR = y[o + 7], sI = y[o + 8];
    final int oV = o, oC = o + 2, oP = o + 3, oQ = o + 5, oS = o + 7;
    final double uR = pR - (bR * vR + bI * vI);
    final double uI = pI - (bI * vR - bR * vI);
    final double wR = sR - 2 * (bR * vR - bI * vI);
    final double wI = sI - 2 * (bR * vI + bI * vR);
    final double gain = r * (1 - cc) - gnl * cc;
    final double mg = -gl;
    // re row: t1R = 2 (bR uR - bI uI), t2R = bbR vR + bbI vI, t3R = bR wR + bI wI, Bb vR, t4R = bR pR + bI pI
    e.add(v, oQ, oQ, -kq);
    e.add(v, oQ, 0, mg * (2 * (uR - bR * vR - bI * vI) + (wR - 2 * bR * vR - 2 * bI * vI) + pR) + gain);
    e.add(v, oQ, 1, mg * (2 * (-bR * vI - uI + bI * vR) + (wI + 2 * bR * vI - 2 * bI * vR) + pI));
    e.add(v, oQ, oP, mg * (2 * bR + bR));
    e.add(v, oQ, oP + 1, mg * (-2 * bI + bI));
    e.add(v, oQ, oV, mg * (2 * (bI * bI - bR * bR) + bbR - 2 * b2 + nb));
    e.add(v, oQ, oV + 1, mg * (-4 * bR * bI + bbI));
    e.add(v, oQ, 3, mg * vR);
    e.add(v, oQ, 4, mg * vI);
    e.add(v, oQ, oS, mg * bR);
    e.add(v, oQ, oS + 1, mg * bI);
    e.add(v, oQ, 2, mg * vR);
    e.add(v, oQ, oC, -(r + gnl) * bR);
    // im row: t1I = 2 (bR uI + bI uR), t2I = bbI vR - bbR vI, t3I = bR wI - bI wR, Bb vI, t4I = bI pR - bR pI
    e.add(v, oQ + 1, oQ + 1, -kq);
    e.add(v, oQ + 1, 0, mg * (2 * (uI + bR * vI - bI * vR) + (wI - 2 * bR * vI + 2 * bI * vR) - pI));
    e.add(v, oQ + 1, 1, mg * (2 * (uR - bR * vR - bI * vI) + (-2 * bR * vR - wR - 2 * bI * vI) + pR) + gain);
    e.add(v, oQ + 1, oP, mg * (2 * bI + bI));
    e.add(v, oQ + 1, oP + 1, mg * (2 * bR - bR));
    e.add(v, oQ + 1, oV, mg * (-4 * bR * bI + bbI));
    e.add(v, oQ + 1, oV + 1, mg * (2 * (bR * bR - bI * bI) - bbR - 2 * b2 + nb));
    e.add(v, oQ + 1, 4, mg * vR);
    e.add(v, oQ + 1, 3, mg * -vI);
    e.add(v, oQ + 1, oS + 1, mg * bR);
    e.add(v, oQ + 1, oS, mg * -bI);
    e.add(v, oQ + 1, 2, mg * vI);
    e.add(v, oQ + 1, oC, -(r + gnl) * bI);
  }

  /** (g) rows of the dot at {@code o}: d bVc = -(k - i dn) bVc + g [-bb (1 - 2Cc) + 4 b a], a = bCc - b Cc. */
  private static void bvcRows(double[] y, double[] v, JacobianEntries e, int o, double gl, double k, double dn) {
    final double bR = y[0], bI = y[1], bbR = y[3], bbI = y[4];
    final double cc = y[o + 2], qR = y[o + 5], qI = y[o + 6];
    final int oC = o + 2, oQ = o + 5, oS = o + 7;
    final double aR = qR - bR * cc;
    final double aI = qI - bI * cc;
    final double one2c = 1 - 2 * cc;
    e.add(v, oS, oS, -k);
    e.add(v, oS, oS + 1, -dn);
    e.add(v, oS, 3, -gl * one2c);
    e.add(v, oS, oC, gl * (2 * bbR - 4 * (bR * bR - bI * bI)));
    e.add(v, oS, oQ, 4 * gl * bR);
    e.add(v, oS, oQ + 1, -4 * gl * bI);
    e.add(v, oS, 0, 4 * gl * (aR - bR * cc));
    e.add(v, oS, 1, 4 * gl * (-aI + bI * cc));
    e.add(v, oS + 1, oS + 1, -k);
    e.add(v, oS + 1, oS, dn);
    e.add(v, oS + 1, 4, -gl * one2c);
    e.add(v, oS + 1, oC, gl * (2 * bbI - 8 * bR * bI));
    e.add(v, oS + 1, oQ + 1, 4 * gl * bR);
    e.add(v, oS + 1, oQ, 4 * gl * bI);
    e.add(v, oS + 1, 0, 4 * gl * (aI - bI * cc));
    e.add(v, oS + 1, 1, 4 * gl * (aR - bR * cc));
  }

  /**
   * The factorised two-dot sums of (C1e)-(C1g) in the rows of dot l at {@code o}: x = conj(Vc_l) t,
   * y = Cc_l t, z = Vc_l t with t = (tR, tI) = sum_{m != l} g_m Vc_m (independent of Vc_l).
   */
  private static void factorisedRows(double[] y, double[] v, JacobianEntries e, int o, int l, int n, int base,
      int stride, double[] g, double tR, double tI) {
    final double vR = y[o], vI = y[o + 1], cc = y[o + 2];
    final int oV = o, oC = o + 2, oP = o + 3, oQ = o + 5, oS = o + 7;
    e.add(v, oP, oV, tR);
    e.add(v, oP, oV + 1, tI);
    e.add(v, oP + 1, oV, tI);
    e.add(v, oP + 1, oV + 1, -tR);
    e.add(v, oQ, oC, tR);
    e.add(v, oQ + 1, oC, tI);
    e.add(v, oS, oV, tR);
    e.add(v, oS, oV + 1, -tI);
    e.add(v, oS + 1, oV, tI);
    e.add(v, oS + 1, oV + 1, tR);
    for (int m = 0, om = base; m < n; m++, om += stride) {
      if (m != l) {
        final double gm = g[m];
        e.add(v, oP, om, vR * gm);
        e.add(v, oP, om + 1, vI * gm);
        e.add(v, oP + 1, om + 1, vR * gm);
        e.add(v, oP + 1, om, -vI * gm);
        e.add(v, oQ, om, cc * gm);
        e.add(v, oQ + 1, om + 1, cc * gm);
        e.add(v, oS, om, vR * gm);
        e.add(v, oS, om + 1, -vI * gm);
        e.add(v, oS + 1, om, vI * gm);
        e.add(v, oS + 1, om + 1, vR * gm);
      }
    }
  }
}
