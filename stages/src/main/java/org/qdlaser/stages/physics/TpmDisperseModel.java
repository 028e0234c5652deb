package org.qdlaser.stages.physics;

/**
 * TPM^(d) for polydisperse dots with phonon dephasing mu, Eqs. (B5a)-(B5l) exactly as printed
 * (including the complex conjugates of the factorised terms and the detuning
 * -[2 gamma (1+mu) - i(Delta_nu_n + Delta_nu_l)] of (B5k); the decay term of (B5l) acts on the
 * field itself, see docs/errata.md), per-dot detunings Delta_nu_l and real couplings g_l. Rates in
 * units of gamma_nr, time in 1/gamma_nr. Reduces exactly to {@link TpmModel} for equal dots.
 *
 * <p>State, 5 + 9N + 7N(N-1) reals (not the 3 + ... printed in (A1); 17,605 for N = 50):
 *
 * <ul>
 *   <li>"b" (complex), "Bb" (real), "bb" (complex);
 *   <li>for each dot l = 0..N-1 contiguously: "Vc[l]" (complex), "Cc[l]" (real), "bCv[l]",
 *       "bCc[l]", "bVc[l]" (complex);
 *   <li>for each ordered pair (i, j), i != j (i major, j minor), contiguously: "CVcv[i][j]",
 *       "VCcc[i][j]", "VVcc[i][j]" (complex), "CCcc[i][j]" (real), where the bracketed indices are
 *       the matrix indices of shared/reference/README.md: CVcv[n][l] = &lt;c_l^+ v_n^+ c_n v_l&gt;,
 *       VCcc[l][n] = &lt;v_n^+ c_l^+ c_l c_n&gt;, VVcc[l][n] = &lt;v_n^+ v_l^+ c_l c_n&gt;,
 *       CCcc[n][l] = &lt;c_n^+ c_l^+ c_l c_n&gt;. Both orders of a pair are unknowns: the flow
 *       preserves CVcv[l][n] = conj(CVcv[n][l]) and the symmetry of VVcc and CCcc but does not
 *       impose it.
 * </ul>
 *
 * <p>Phase charges: b, Vc, bCc, VCcc: 1; bb, bVc, VVcc: 2; Bb, Cc, bCv, CVcv, CCcc: 0.
 *
 * <p>The RHS costs O(N^2) and allocates nothing: one pass over unordered pairs {i, j} evaluates
 * both blocks (i, j) and (j, i), sharing the factorised terms that appear in both, and adds the
 * two-dot sums of (B5e)-(B5g) to the dot blocks as it goes.
 *
 * <p>Immutable and thread safe; {@link #rhs} allocates nothing. {@link #sparsity()} is the exact
 * structural pattern of df/dy for generic parameters, built once per kind and N and shared by all
 * such models. Arrays returned by the state methods are new and owned by the caller.
 */
public final class TpmDisperseModel extends DisperseModelBase {

  public TpmDisperseModel(DisperseParameters p) {
    super(ModelKind.TPM_d, p);
  }

  @Override
  public TpmDisperseModel withPump(double r) {
    return new TpmDisperseModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    // (B5a)-(B5h) without the two-dot sums, which the pair loop adds.
    DisperseTwoParticleCore.rhs(p, st, det, g, y, d, false);

    final double ga1 = p.gamma() * (1 + p.mu());
    final double kx = 2 * ga1; // decay of CVcv and VVcc
    final double ky = ga1 + p.gammaNr(); // decay of VCcc
    final double kw = 2 * p.gammaNr(); // decay of CCcc
    final double gnl = p.gammaNl();
    final double r = p.r();
    final double bR = y[0], bI = y[1];

    for (int i = 0; i < n; i++) {
      final int oi = st.dot(i);
      final double gi = g[i], di = det[i];
      final double vRi = y[oi], vIi = y[oi + 1], ci = y[oi + 2], pRi = y[oi + 3], pIi = y[oi + 4];
      final double qRi = y[oi + 5], qIi = y[oi + 6], sRi = y[oi + 7], sIi = y[oi + 8];
      final double one2ci = 1 - 2 * ci;
      // Accumulated two-dot sums of dot i over j > i (the j < i part was added in earlier rows).
      double accPR = 0, accPI = 0, accQR = 0, accQI = 0, accSR = 0, accSI = 0;

      for (int j = i + 1; j < n; j++) {
        final int oj = st.dot(j);
        final double gj = g[j], dj = det[j];
        final double vRj = y[oj], vIj = y[oj + 1], cj = y[oj + 2], pRj = y[oj + 3], pIj = y[oj + 4];
        final double qRj = y[oj + 5], qIj = y[oj + 6], sRj = y[oj + 7], sIj = y[oj + 8];
        final double one2cj = 1 - 2 * cj;

        final int u = st.pair(i, j);
        final int w = st.pair(j, i);
        final double xRij = y[u], xIij = y[u + 1], yRij = y[u + 2], yIij = y[u + 3];
        final double zRij = y[u + 4], zIij = y[u + 5], wij = y[u + 6];
        final double xRji = y[w], xIji = y[w + 1], yRji = y[w + 2], yIji = y[w + 3];
        final double zRji = y[w + 4], zIji = y[w + 5], wji = y[w + 6];

        // (B5i), with A(l, n) of aRe and aIm.
        final double aijR = aRe(bR, bI, yRij, yIij, pRj, one2ci, vRj, vIj, qRi, qIi, ci);
        final double aijI = aIm(bR, bI, yRij, yIij, pIj, one2ci, vRj, vIj, qRi, qIi, ci);
        final double ajiR = aRe(bR, bI, yRji, yIji, pRi, one2cj, vRi, vIi, qRj, qIj, cj);
        final double ajiI = aIm(bR, bI, yRji, yIji, pIi, one2cj, vRi, vIi, qRj, qIj, cj);
        cvcv(d, u, w, kx, di - dj, gi, gj, xRij, xIij, xRji, xIji, aijR, aijI, ajiR, ajiI);

        // (B5j) for VCcc[i][j] (l = i, n = j) and VCcc[j][i] (l = j, n = i).
        vccc(d, u + 2, yRij, yIij, wij, xRji, xIji, zRij, zIij, vRi, vIi, ci, pRi, qRi, qIi,
            vRj, vIj, cj, pRj, pIj, qRj, qIj, sRj, sIj, gi, gj, dj, bR, bI, ky, r, gnl);
        vccc(d, w + 2, yRji, yIji, wji, xRij, xIij, zRji, zIji, vRj, vIj, cj, pRj, qRj, qIj,
            vRi, vIi, ci, pRi, pIi, qRi, qIi, sRi, sIi, gj, gi, di, bR, bI, ky, r, gnl);

        // (B5k), with B(l, n) of bRe and bIm.
        final double bijR = bRe(bR, bI, yRij, yIij, ci, vRj, vIj, sRj, one2ci, qRi, qIi);
        final double bijI = bIm(bR, bI, yRij, yIij, ci, vRj, vIj, sIj, one2ci, qRi, qIi);
        final double bjiR = bRe(bR, bI, yRji, yIji, cj, vRi, vIi, sRi, one2cj, qRj, qIj);
        final double bjiI = bIm(bR, bI, yRji, yIji, cj, vRi, vIi, sIi, one2cj, qRj, qIj);
        vvcc(d, u, w, kx, di + dj, gi, gj, zRij, zIij, zRji, zIji, bijR, bijI, bjiR, bjiI);

        // (B5l), with Re E(l, n) of eRe.
        final double eijR = eRe(bR, bI, yRij, yIij, ci, vRj, vIj, pRj, qRi, qIi);
        final double ejiR = eRe(bR, bI, yRji, yIji, cj, vRi, vIi, pRi, qRj, qIj);
        cccc(d, u, w, kw, wij, wji, gi, gj, eijR, ejiR, r, gnl, ci, cj);

        // Two-dot sums of (B5e)-(B5g): sum_{n != l} g_n CVcv[n][l], g_n VCcc[l][n], g_n VVcc[l][n].
        accPR += gj * xRji;
        accPI += gj * xIji;
        accQR += gj * yRij;
        accQI += gj * yIij;
        accSR += gj * zRij;
        accSI += gj * zIij;
        addToDot(d, oj, gi, xRij, xIij, yRji, yIji, zRji, zIji);
      }
      d[oi + 3] += accPR;
      d[oi + 4] += accPI;
      d[oi + 5] += accQR;
      d[oi + 6] += accQI;
      d[oi + 7] += accSR;
      d[oi + 8] += accSI;
    }
  }

  // The terms of the pair blocks, small enough for the JIT to inline into the pair loop (under
  // FreqInlineSize, 325 bytes of bytecode; checked with -XX:+PrintInlining). The operations are
  // those of the loop, in the same order, so the sums are bit for bit what they were.

  /** Re A(l, n) of (B5i), A(l,n) = -2 conj(b) VCcc[l][n] + conj(bCv_n)(1 - 2Cc_l) - 2 Vc_n conj(bCc_l) + 4 conj(b) Cc_l Vc_n. */
  private static double aRe(double bR, double bI, double yR, double yI, double pRn, double one2cl, double vRn, double vIn,
      double qRl, double qIl, double cl) {
    return -2 * (bR * yR + bI * yI) + pRn * one2cl - 2 * (vRn * qRl + vIn * qIl) + 4 * cl * (bR * vRn + bI * vIn);
  }

  /** Im A(l, n) of (B5i), see {@link #aRe}. */
  private static double aIm(double bR, double bI, double yR, double yI, double pIn, double one2cl, double vRn, double vIn,
      double qRl, double qIl, double cl) {
    return -2 * (bR * yI - bI * yR) - pIn * one2cl - 2 * (vIn * qRl - vRn * qIl) + 4 * cl * (bR * vIn - bI * vRn);
  }

  /**
   * (B5i) d CVcv[a][c] = -[2 gamma (1+mu) - i(dnu_a - dnu_c)] CVcv[a][c] - g_c A(c,a) - g_a conj(A(a,c))
   * (the g_n^* and g_l brackets of (B5i) are A and conj(A)) for the blocks (i, j) at {@code u} and
   * (j, i) at {@code w}; {@code dij} = dnu_i - dnu_j.
   */
  private static void cvcv(double[] d, int u, int w, double kx, double dij, double gi, double gj, double xRij,
      double xIij, double xRji, double xIji, double aijR, double aijI, double ajiR, double ajiI) {
    d[u] = -kx * xRij - dij * xIij - gj * ajiR - gi * aijR;
    d[u + 1] = -kx * xIij + dij * xRij - gj * ajiI + gi * aijI;
    d[w] = -kx * xRji + dij * xIji - gi * aijR - gj * ajiR;
    d[w + 1] = -kx * xIji - dij * xRji - gi * aijI + gj * ajiI;
  }

  /** Re B(l, n) of (B5k), B(l,n) = -2b VCcc[l][n] + 4b Cc_l Vc_n + bVc_n (1 - 2Cc_l) - 2 Vc_n bCc_l. */
  private static double bRe(double bR, double bI, double yR, double yI, double cl, double vRn, double vIn, double sRn,
      double one2cl, double qRl, double qIl) {
    return -2 * (bR * yR - bI * yI) + 4 * cl * (bR * vRn - bI * vIn) + sRn * one2cl - 2 * (vRn * qRl - vIn * qIl);
  }

  /** Im B(l, n) of (B5k), see {@link #bRe}. */
  private static double bIm(double bR, double bI, double yR, double yI, double cl, double vRn, double vIn, double sIn,
      double one2cl, double qRl, double qIl) {
    return -2 * (bR * yI + bI * yR) + 4 * cl * (bR * vIn + bI * vRn) + sIn * one2cl - 2 * (vRn * qIl + vIn * qRl);
  }

  /**
   * (B5k) d VVcc[a][c] = -[2 gamma (1+mu) - i(dnu_a + dnu_c)] VVcc[a][c] - H, with the pair-symmetric
   * H = g_i B(i,j) + g_j B(j,i), for the blocks (i, j) at {@code u} and (j, i) at {@code w};
   * {@code sum} = dnu_i + dnu_j.
   */
  private static void vvcc(double[] d, int u, int w, double kx, double sum, double gi, double gj, double zRij,
      double zIij, double zRji, double zIji, double bijR, double bijI, double bjiR, double bjiI) {
    final double hR = gi * bijR + gj * bjiR;
    final double hI = gi * bijI + gj * bjiI;
    d[u + 4] = -kx * zRij - sum * zIij - hR;
    d[u + 5] = -kx * zIij + sum * zRij - hI;
    d[w + 4] = -kx * zRji - sum * zIji - hR;
    d[w + 5] = -kx * zIji + sum * zRji - hI;
  }

  /** Re E(l, n) of (B5l), E(l,n) = -b conj(VCcc[l][n]) + 2b Cc_l conj(Vc_n) - Cc_l bCv_n - conj(Vc_n) bCc_l. */
  private static double eRe(double bR, double bI, double yR, double yI, double cl, double vRn, double vIn, double pRn,
      double qRl, double qIl) {
    return -(bR * yR + bI * yI) + 2 * cl * (bR * vRn + bI * vIn) - cl * pRn - (vRn * qRl + vIn * qIl);
  }

  /**
   * (B5l) d CCcc[a][c] = -2 gnr CCcc[a][c] + 2 Re[g_a E(c,a) + g_c E(a,c)] + r [Cc_c (1 - Cc_a) + Cc_a (1 - Cc_c)]
   * - 2 gNL Cc_a Cc_c, pair-symmetric except the decay, for the blocks (i, j) at {@code u} and (j, i) at {@code w}.
   */
  private static void cccc(double[] d, int u, int w, double kw, double wij, double wji, double gi, double gj,
      double eijR, double ejiR, double r, double gnl, double ci, double cj) {
    final double wCommon = 2 * (gi * ejiR + gj * eijR) + r * (cj * (1 - ci) + ci * (1 - cj))
        - 2 * gnl * ci * cj;
    d[u + 6] = -kw * wij + wCommon;
    d[w + 6] = -kw * wji + wCommon;
  }

  /** The pair (i, j)'s terms of dot j's two-dot sums in (B5e)-(B5g): g_i CVcv[i][j], g_i VCcc[j][i], g_i VVcc[j][i]. */
  private static void addToDot(double[] d, int oj, double gi, double xRij, double xIij, double yRji, double yIji,
      double zRji, double zIji) {
    d[oj + 3] += gi * xRij;
    d[oj + 4] += gi * xIij;
    d[oj + 5] += gi * yRji;
    d[oj + 6] += gi * yIji;
    d[oj + 7] += gi * zRji;
    d[oj + 8] += gi * zIji;
  }

  /**
   * (B5j) for the block (a, c), i.e. VCcc[a][c] = &lt;v_c^+ c_a^+ c_a c_c&gt; (l = a, n = c):
   * d VCcc = -[gamma (1+mu) + gnr - i dnu_c] VCcc - g_c F + g_a G + [r (1 - Cc_a) - gNL Cc_a] Vc_c,
   * F = b (4 Cc_a Cc_c - 2 CCcc[a][c]) + (1 - 2Cc_c) bCc_a - 2 Cc_a bCc_c,
   * G = -b CVcv[c][a] - conj(b) VVcc[a][c] - conj(Vc_a) bVc_c - Vc_a conj(bCv_c)
   *     + [4 Re(b conj(Vc_a)) - 2 Re(bCv_a)] Vc_c.
   *
   * <p>The last bracket collects 2b Vc_n conj(Vc_l) + 2 conj(b) Vc_n Vc_l and
   * -Vc_n bCv_l - Vc_n conj(bCv_l) of (B5j) (g real): a real factor times Vc_n, so re(VCcc) does not
   * depend on im(Vc_n), exactly, as the sparsity pattern states. The correlation
   * &lt;c_n^+ c_l^+ c_l c_n&gt; of (B5j) is the same operator as &lt;c_l^+ c_n^+ c_n c_l&gt;; of the two
   * stored entries the shared reference RHS reads CCcc[l][n], the one of the same pair block, and so
   * do we. Writes d[off] (re) and d[off + 1] (im).
   */
  private static void vccc(
      double[] d, int off, double yR, double yI, double wAc, double xRca, double xIca, double zRac,
      double zIac, double vRa, double vIa, double ca, double pRa, double qRa, double qIa,
      double vRc, double vIc, double cc, double pRc, double pIc, double qRc, double qIc, double sRc,
      double sIc, double gA, double gC, double dnC, double bR, double bI, double ky, double r,
      double gnl) {
    final double fb = 4 * ca * cc - 2 * wAc;
    final double one2cc = 1 - 2 * cc;
    final double fR = bR * fb + one2cc * qRa - 2 * ca * qRc;
    final double fI = bI * fb + one2cc * qIa - 2 * ca * qIc;

    final double gR = -(bR * xRca - bI * xIca) - (bR * zRac + bI * zIac)
        - (vRa * sRc + vIa * sIc) - (vRa * pRc + vIa * pIc);
    final double gI = -(bR * xIca + bI * xRca) - (bR * zIac - bI * zRac)
        - (vRa * sIc - vIa * sRc) - (vIa * pRc - vRa * pIc);
    // Real coefficient of Vc_c: g_a [4 Re(b conj(Vc_a)) - 2 Re(bCv_a)] + r (1 - Cc_a) - gNL Cc_a.
    final double onVc = gA * (4 * (bR * vRa + bI * vIa) - 2 * pRa) + r * (1 - ca) - gnl * ca;

    d[off] = -ky * yR - dnC * yI - gC * fR + gA * gR + onVc * vRc;
    d[off + 1] = -ky * yI + dnC * yR - gC * fI + gA * gI + onVc * vIc;
  }

  /** The partial derivatives of {@link #rhs}: {@link TpmDisperseJacobian}. */
  @Override
  void addJacobian(double[] y, double[] v, JacobianEntries e) {
    TpmDisperseJacobian.add(p, st, det, g, y, v, e);
  }
}
