package org.qdlaser.stages.physics;

/**
 * The exact Jacobian of {@link TpmDisperseModel}: the partial derivatives of its right-hand side,
 * term by term, the dot rows through {@link DisperseTwoParticleCore#jacobian} and the pair rows
 * (B5i)-(B5l) through the gradients of A, B, E and of the (B5j) bracket, written from the same
 * expressions as the RHS (see the model's private helpers). Each helper adds coef * d(term)/dy into
 * one row; y is read, never written. Allocation-free.
 */
final class TpmDisperseJacobian {
  private TpmDisperseJacobian() {}

  /** Adds df/dy of TPM_d at y into {@code v} (zeroed by the caller). */
  static void add(DisperseParameters p, DisperseStructure st, double[] det, double[] g, double[] y, double[] v,
      JacobianEntries e) {
    DisperseTwoParticleCore.jacobian(p, st, det, g, y, v, e, false);
    final int n = st.n;
    final double ga1 = p.gamma() * (1 + p.mu());
    final double kx = 2 * ga1;
    final double ky = ga1 + p.gammaNr();
    final double kw = 2 * p.gammaNr();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairRows(p, st, det, g, y, v, e, i, j, kx, ky, kw);
      }
    }
  }

  /** The rows of the blocks (i, j) and (j, i), i &lt; j, and their columns in the dot rows' two-dot sums. */
  private static void pairRows(DisperseParameters p, DisperseStructure st, double[] det, double[] g, double[] y,
      double[] v, JacobianEntries e, int i, int j, double kx, double ky, double kw) {
    final double gnl = p.gammaNl();
    final double r = p.r();
    final int oi = st.dot(i);
    final int oj = st.dot(j);
    final double gi = g[i], di = det[i];
    final double gj = g[j], dj = det[j];
    final int u = st.pair(i, j);
    final int w = st.pair(j, i);
    final double sum = di + dj;

    cvcvRows(v, e, y, u, w, oi, oj, gi, gj, kx, di - dj);

    // (B5j) VCcc[i][j] (a = i, c = j) and VCcc[j][i] (a = j, c = i).
    vcccGrad(v, e, y, u + 2, u + 6, w, u + 4, oi, oj, gi, gj, dj, ky, r, gnl);
    vcccGrad(v, e, y, w + 2, w + 6, u, w + 4, oj, oi, gj, gi, di, ky, r, gnl);

    // (B5k) VVcc: -kx VVcc + i(dnu_i + dnu_j) VVcc - g_i B(i,j) - g_j B(j,i) in both blocks.
    for (int z = 0; z < 2; z++) {
      final int o = (z == 0 ? u : w) + 4;
      e.add(v, o, o, -kx);
      e.add(v, o, o + 1, -sum);
      bReGrad(v, e, o, -gi, y, u + 2, oi, oj);
      bReGrad(v, e, o, -gj, y, w + 2, oj, oi);
      e.add(v, o + 1, o + 1, -kx);
      e.add(v, o + 1, o, sum);
      bImGrad(v, e, o + 1, -gi, y, u + 2, oi, oj);
      bImGrad(v, e, o + 1, -gj, y, w + 2, oj, oi);
    }

    // (B5l) CCcc: -kw CCcc + 2 g_i Re E(j,i) + 2 g_j Re E(i,j) + pump and gamma_NL terms.
    final double ci = y[oi + 2], cj = y[oj + 2];
    for (int z = 0; z < 2; z++) {
      final int o = (z == 0 ? u : w) + 6;
      e.add(v, o, o, -kw);
      eReGrad(v, e, o, 2 * gi, y, w + 2, oj, oi);
      eReGrad(v, e, o, 2 * gj, y, u + 2, oi, oj);
      e.add(v, o, oi + 2, r * (1 - 2 * cj) - 2 * gnl * cj);
      e.add(v, o, oj + 2, r * (1 - 2 * ci) - 2 * gnl * ci);
    }

    // Two-dot sums of (B5e)-(B5g) in the dot rows: g_j CVcv[j][i], g_j VCcc[i][j], g_j VVcc[i][j]
    // into dot i, and g_i CVcv[i][j], g_i VCcc[j][i], g_i VVcc[j][i] into dot j.
    for (int q = 0; q < 2; q++) {
      e.add(v, oi + 3 + q, w + q, gj);
      e.add(v, oi + 5 + q, u + 2 + q, gj);
      e.add(v, oi + 7 + q, u + 4 + q, gj);
      e.add(v, oj + 3 + q, u + q, gi);
      e.add(v, oj + 5 + q, w + 2 + q, gi);
      e.add(v, oj + 7 + q, w + 4 + q, gi);
    }
  }

  /**
   * (B5i) CVcv[i][j] at u, CVcv[j][i] at w: -kx CVcv -+ i dij CVcv - g_c A(c, a) - g_a conj(A(a, c));
   * A(i, j) reads VCcc[i][j] (u + 2), A(j, i) VCcc[j][i] (w + 2); dij = dnu_i - dnu_j.
   */
  private static void cvcvRows(double[] v, JacobianEntries e, double[] y, int u, int w, int oi, int oj, double gi,
      double gj, double kx, double dij) {
    e.add(v, u, u, -kx);
    e.add(v, u, u + 1, -dij);
    aReGrad(v, e, u, -gj, y, w + 2, oj, oi);
    aReGrad(v, e, u, -gi, y, u + 2, oi, oj);
    e.add(v, u + 1, u + 1, -kx);
    e.add(v, u + 1, u, dij);
    aImGrad(v, e, u + 1, -gj, y, w + 2, oj, oi);
    aImGrad(v, e, u + 1, gi, y, u + 2, oi, oj);
    e.add(v, w, w, -kx);
    e.add(v, w, w + 1, dij);
    aReGrad(v, e, w, -gi, y, u + 2, oi, oj);
    aReGrad(v, e, w, -gj, y, w + 2, oj, oi);
    e.add(v, w + 1, w + 1, -kx);
    e.add(v, w + 1, w, -dij);
    aImGrad(v, e, w + 1, -gi, y, u + 2, oi, oj);
    aImGrad(v, e, w + 1, gj, y, w + 2, oj, oi);
  }

  /** coef * grad Re A(l, n) into {@code row}; {@code iy} = VCcc[l][n], {@code ol}, {@code on} the dots' blocks. */
  private static void aReGrad(double[] v, JacobianEntries e, int row, double coef, double[] y, int iy, int ol, int on) {
    final double bR = y[0], bI = y[1], yR = y[iy], yI = y[iy + 1];
    final double cl = y[ol + 2], qRl = y[ol + 5], qIl = y[ol + 6];
    final double vRn = y[on], vIn = y[on + 1], pRn = y[on + 3];
    e.add(v, row, 0, coef * (-2 * yR + 4 * cl * vRn));
    e.add(v, row, 1, coef * (-2 * yI + 4 * cl * vIn));
    e.add(v, row, iy, coef * (-2 * bR));
    e.add(v, row, iy + 1, coef * (-2 * bI));
    e.add(v, row, on + 3, coef * (1 - 2 * cl));
    e.add(v, row, ol + 2, coef * (-2 * pRn + 4 * (bR * vRn + bI * vIn)));
    e.add(v, row, on, coef * (-2 * qRl + 4 * cl * bR));
    e.add(v, row, on + 1, coef * (-2 * qIl + 4 * cl * bI));
    e.add(v, row, ol + 5, coef * (-2 * vRn));
    e.add(v, row, ol + 6, coef * (-2 * vIn));
  }

  /** coef * grad Im A(l, n) into {@code row} (see {@link #aReGrad}). */
  private static void aImGrad(double[] v, JacobianEntries e, int row, double coef, double[] y, int iy, int ol, int on) {
    final double bR = y[0], bI = y[1], yR = y[iy], yI = y[iy + 1];
    final double cl = y[ol + 2], qRl = y[ol + 5], qIl = y[ol + 6];
    final double vRn = y[on], vIn = y[on + 1], pIn = y[on + 4];
    e.add(v, row, 0, coef * (-2 * yI + 4 * cl * vIn));
    e.add(v, row, 1, coef * (2 * yR - 4 * cl * vRn));
    e.add(v, row, iy, coef * (2 * bI));
    e.add(v, row, iy + 1, coef * (-2 * bR));
    e.add(v, row, on + 4, coef * -(1 - 2 * cl));
    e.add(v, row, ol + 2, coef * (2 * pIn + 4 * (bR * vIn - bI * vRn)));
    e.add(v, row, on + 1, coef * (-2 * qRl + 4 * cl * bR));
    e.add(v, row, on, coef * (2 * qIl - 4 * cl * bI));
    e.add(v, row, ol + 5, coef * (-2 * vIn));
    e.add(v, row, ol + 6, coef * (2 * vRn));
  }

  /** coef * grad Re B(l, n) into {@code row}; {@code iy} = VCcc[l][n]. */
  private static void bReGrad(double[] v, JacobianEntries e, int row, double coef, double[] y, int iy, int ol, int on) {
    final double bR = y[0], bI = y[1], yR = y[iy], yI = y[iy + 1];
    final double cl = y[ol + 2], qRl = y[ol + 5], qIl = y[ol + 6];
    final double vRn = y[on], vIn = y[on + 1], sRn = y[on + 7];
    e.add(v, row, 0, coef * (-2 * yR + 4 * cl * vRn));
    e.add(v, row, 1, coef * (2 * yI - 4 * cl * vIn));
    e.add(v, row, iy, coef * (-2 * bR));
    e.add(v, row, iy + 1, coef * (2 * bI));
    e.add(v, row, ol + 2, coef * (4 * (bR * vRn - bI * vIn) - 2 * sRn));
    e.add(v, row, on, coef * (4 * cl * bR - 2 * qRl));
    e.add(v, row, on + 1, coef * (-4 * cl * bI + 2 * qIl));
    e.add(v, row, on + 7, coef * (1 - 2 * cl));
    e.add(v, row, ol + 5, coef * (-2 * vRn));
    e.add(v, row, ol + 6, coef * (2 * vIn));
  }

  /** coef * grad Im B(l, n) into {@code row} (see {@link #bReGrad}). */
  private static void bImGrad(double[] v, JacobianEntries e, int row, double coef, double[] y, int iy, int ol, int on) {
    final double bR = y[0], bI = y[1], yR = y[iy], yI = y[iy + 1];
    final double cl = y[ol + 2], qRl = y[ol + 5], qIl = y[ol + 6];
    final double vRn = y[on], vIn = y[on + 1], sIn = y[on + 8];
    e.add(v, row, 0, coef * (-2 * yI + 4 * cl * vIn));
    e.add(v, row, 1, coef * (-2 * yR + 4 * cl * vRn));
    e.add(v, row, iy, coef * (-2 * bI));
    e.add(v, row, iy + 1, coef * (-2 * bR));
    e.add(v, row, ol + 2, coef * (4 * (bR * vIn + bI * vRn) - 2 * sIn));
    e.add(v, row, on + 1, coef * (4 * cl * bR - 2 * qRl));
    e.add(v, row, on, coef * (4 * cl * bI - 2 * qIl));
    e.add(v, row, on + 8, coef * (1 - 2 * cl));
    e.add(v, row, ol + 6, coef * (-2 * vRn));
    e.add(v, row, ol + 5, coef * (-2 * vIn));
  }

  /** coef * grad Re E(l, n) into {@code row}; {@code iy} = VCcc[l][n]. */
  private static void eReGrad(double[] v, JacobianEntries e, int row, double coef, double[] y, int iy, int ol, int on) {
    final double bR = y[0], bI = y[1], yR = y[iy], yI = y[iy + 1];
    final double cl = y[ol + 2], qRl = y[ol + 5], qIl = y[ol + 6];
    final double vRn = y[on], vIn = y[on + 1], pRn = y[on + 3];
    e.add(v, row, 0, coef * (-yR + 2 * cl * vRn));
    e.add(v, row, 1, coef * (-yI + 2 * cl * vIn));
    e.add(v, row, iy, coef * -bR);
    e.add(v, row, iy + 1, coef * -bI);
    e.add(v, row, ol + 2, coef * (2 * (bR * vRn + bI * vIn) - pRn));
    e.add(v, row, on, coef * (2 * cl * bR - qRl));
    e.add(v, row, on + 1, coef * (2 * cl * bI - qIl));
    e.add(v, row, on + 3, coef * -cl);
    e.add(v, row, ol + 5, coef * -vRn);
    e.add(v, row, ol + 6, coef * -vIn);
  }

  /**
   * The rows of (B5j) for the block (a, c) (see {@link TpmDisperseModel} (B5j)): VCcc[a][c] at {@code iy}, CCcc[a][c] at
   * {@code iw}, CVcv[c][a] at {@code ix}, VVcc[a][c] at {@code iz}; dots' blocks {@code oa}, {@code oc}.
   */
  private static void vcccGrad(double[] v, JacobianEntries e, double[] y, int iy, int iw, int ix, int iz, int oa,
      int oc, double gA, double gC, double dnC, double ky, double r, double gnl) {
    final double bR = y[0], bI = y[1];
    final double wAc = y[iw], xR = y[ix], xI = y[ix + 1], zR = y[iz], zI = y[iz + 1];
    final double vRa = y[oa], vIa = y[oa + 1], ca = y[oa + 2], pRa = y[oa + 3], qRa = y[oa + 5], qIa = y[oa + 6];
    final double vRc = y[oc], vIc = y[oc + 1], cc = y[oc + 2], pRc = y[oc + 3], pIc = y[oc + 4];
    final double qRc = y[oc + 5], qIc = y[oc + 6], sRc = y[oc + 7], sIc = y[oc + 8];
    final double fb = 4 * ca * cc - 2 * wAc;
    final double one2cc = 1 - 2 * cc;
    final double onVc = gA * (4 * (bR * vRa + bI * vIa) - 2 * pRa) + r * (1 - ca) - gnl * ca;
    for (int q = 0; q < 2; q++) {
      final int row = iy + q;
      final double bq = q == 0 ? bR : bI; // b's component of this row
      final double vc = q == 0 ? vRc : vIc;
      e.add(v, row, iy + q, -ky);
      e.add(v, row, iy + 1 - q, q == 0 ? -dnC : dnC);
      // -g_c F, F = b fb + (1 - 2Cc_c) bCc_a - 2 Cc_a bCc_c (this component)
      e.add(v, row, q, -gC * fb);
      e.add(v, row, oa + 2, -gC * (4 * cc * bq - 2 * (q == 0 ? qRc : qIc)));
      e.add(v, row, oc + 2, -gC * (4 * ca * bq - 2 * (q == 0 ? qRa : qIa)));
      e.add(v, row, iw, -gC * (-2 * bq));
      e.add(v, row, oa + 5 + q, -gC * one2cc);
      e.add(v, row, oc + 5 + q, -gC * (-2 * ca));
      // onVc Vc_c: the coefficient's gradient times this component of Vc_c, and onVc itself.
      e.add(v, row, 0, 4 * gA * vRa * vc);
      e.add(v, row, 1, 4 * gA * vIa * vc);
      e.add(v, row, oa, 4 * gA * bR * vc);
      e.add(v, row, oa + 1, 4 * gA * bI * vc);
      e.add(v, row, oa + 3, -2 * gA * vc);
      e.add(v, row, oa + 2, -(r + gnl) * vc);
      e.add(v, row, oc + q, onVc);
    }
    // + g_a G, re row
    e.add(v, iy, 0, gA * (-xR - zR));
    e.add(v, iy, 1, gA * (xI - zI));
    e.add(v, iy, ix, gA * -bR);
    e.add(v, iy, ix + 1, gA * bI);
    e.add(v, iy, iz, gA * -bR);
    e.add(v, iy, iz + 1, gA * -bI);
    e.add(v, iy, oa, gA * (-sRc - pRc));
    e.add(v, iy, oa + 1, gA * (-sIc - pIc));
    e.add(v, iy, oc + 7, gA * -vRa);
    e.add(v, iy, oc + 8, gA * -vIa);
    e.add(v, iy, oc + 3, gA * -vRa);
    e.add(v, iy, oc + 4, gA * -vIa);
    // + g_a G, im row
    e.add(v, iy + 1, 0, gA * (-xI - zI));
    e.add(v, iy + 1, 1, gA * (-xR + zR));
    e.add(v, iy + 1, ix + 1, gA * -bR);
    e.add(v, iy + 1, ix, gA * -bI);
    e.add(v, iy + 1, iz + 1, gA * -bR);
    e.add(v, iy + 1, iz, gA * bI);
    e.add(v, iy + 1, oa, gA * (-sIc + pIc));
    e.add(v, iy + 1, oa + 1, gA * (sRc - pRc));
    e.add(v, iy + 1, oc + 8, gA * -vRa);
    e.add(v, iy + 1, oc + 7, gA * vIa);
    e.add(v, iy + 1, oc + 3, gA * -vIa);
    e.add(v, iy + 1, oc + 4, gA * vRa);
  }
}
