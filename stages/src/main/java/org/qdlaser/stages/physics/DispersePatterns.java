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

import java.util.Arrays;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;

/**
 * Structural non-zeros of df/dy of the polydisperse models, at the level of real components,
 * written term by term from the same equations as the right-hand sides (see the model classes).
 *
 * <p>"Structural" means non-zero for generic parameters: an entry whose coefficient is a parameter
 * (a detuning, a detuning difference Delta_n - Delta_l, gamma_NL, r) is kept even if that
 * parameter happens to be zero, so one pattern serves every model of a kind and N. Couplings are
 * real, so a complex field multiplied by a real quantity couples re to re and im to im only.
 */
final class DispersePatterns {
  private DispersePatterns() {}

  static SparsityPattern build(DisperseStructure s) {
    Rows rows = new Rows(s.dimension());
    int n = s.n;

    photonRows(rows, s);
    for (int l = 0; l < n; l++) {
      dotRows(rows, s, l);
    }

    if (s.pairs()) {
      for (int a = 0; a < n; a++) {
        for (int c = 0; c < n; c++) {
          if (a != c) {
            pairRows(rows, s, a, c);
          }
        }
      }
    }
    return rows.build();
  }

  /** (a) b, (d) Bb, (h) bb: sums over all dots. */
  private static void photonRows(Rows rows, DisperseStructure s) {
    int n = s.n;
    boolean tp = s.twoParticle();
    rows.add(B, B);
    rows.add(B + 1, B + 1);
    rows.add(BB_NUM, BB_NUM);
    if (tp) {
      rows.add(BB, BB);
      rows.add(BB + 1, BB + 1);
    }
    for (int l = 0; l < n; l++) {
      int o = s.dot(l);
      rows.add(B, o + V);
      rows.add(B + 1, o + V + 1);
      rows.add(BB_NUM, o + P);
      if (tp) {
        rows.add(BB, o + S);
        rows.add(BB + 1, o + S + 1);
      }
    }
  }

  /** The rows of dot l: (b)-(c), (e)-(g) or their D1/C1 forms, with the two-dot sums. */
  private static void dotRows(Rows rows, DisperseStructure s, int l) {
    int n = s.n;
    boolean tp = s.twoParticle();
    int o = s.dot(l);
    int vR = o + V, vI = vR + 1, cc = o + C, pR = o + P, pI = pR + 1;
    // (c) Cc: decay and pump on Cc, Re(bCv).
    rows.add(cc, cc, pR);
    if (!tp) {
      // (D1b) Vc: -(gamma - i dnu) Vc + g b (2Cc - 1).
      rows.add(vR, vR, vI, B, cc);
      rows.add(vI, vI, vR, B + 1, cc);
      // (D1e) bCv: linear in bCv, g [Cc + (2Cc - 1) Bb], conj(Vc_l) sum_{n != l} g_n Vc_n.
      rows.add(pR, pR, pI, cc, BB_NUM);
      rows.add(pI, pI, pR);
      if (n > 1) {
        addAllVc(rows, s, pR);
        addAllVc(rows, s, pI);
      }
      return;
    }
    int qR = o + Q, qI = qR + 1, sR = o + S, sI = sR + 1;
    // (b) Vc: -(gamma - i dnu) Vc + g (2 bCc - b).
    rows.add(vR, vR, vI, qR, B);
    rows.add(vI, vI, vR, qI, B + 1);
    // (e) bCv: the real bracket g [Cc - Bb (1 - 2Cc) - 4|b|^2 Cc + 4 Re(b conj(bCc))] feeds re only.
    rows.add(pR, pR, pI, cc, BB_NUM, B, B + 1, qR, qI);
    rows.add(pI, pI, pR);
    // (f) bCc: every single-dot product is fully complex except the real-coefficient terms.
    rows.add(qR, qR, B, B + 1, cc, pR, pI, vR, vI, BB, BB + 1, sR, sI, BB_NUM);
    rows.add(qI, qI, B, B + 1, cc, pR, pI, vR, vI, BB, BB + 1, sR, sI, BB_NUM);
    // (g) bVc: -bb (1 - 2Cc) has a real coefficient, so re <- re(bb) only.
    rows.add(sR, sR, sI, BB, cc, B, B + 1, qR, qI);
    rows.add(sI, sI, sR, BB + 1, cc, B, B + 1, qR, qI);
    if (!s.pairs()) {
      // (C1e-g): conj(Vc_l), Cc_l, Vc_l times sum_{n != l} g_n Vc_n.
      if (n > 1) {
        addAllVc(rows, s, pR);
        addAllVc(rows, s, pI);
        addAllVc(rows, s, sR);
        addAllVc(rows, s, sI);
        for (int m = 0; m < n; m++) {
          if (m != l) {
            rows.add(qR, s.dot(m) + V);
            rows.add(qI, s.dot(m) + V + 1);
          }
        }
      }
      return;
    }
    // (B5e-g): sum_{n != l} g_n CVcv[n][l], g_n VCcc[l][n], g_n VVcc[l][n] (real g: re <- re).
    for (int m = 0; m < n; m++) {
      if (m != l) {
        rows.add(pR, s.pair(m, l) + X);
        rows.add(pI, s.pair(m, l) + X + 1);
        rows.add(qR, s.pair(l, m) + Y);
        rows.add(qI, s.pair(l, m) + Y + 1);
        rows.add(sR, s.pair(l, m) + Z);
        rows.add(sI, s.pair(l, m) + Z + 1);
      }
    }
  }

  /** Rows of the block (a, c): CVcv[a][c], VCcc[a][c], VVcc[a][c], CCcc[a][c] (B5i-l). */
  private static void pairRows(Rows rows, DisperseStructure s, int a, int c) {
    int o = s.pair(a, c);
    int t = s.pair(c, a);
    int da = s.dot(a), dc = s.dot(c);
    int vRa = da + V, vIa = vRa + 1, ca = da + C, pRa = da + P, pIa = pRa + 1, qRa = da + Q, qIa = qRa + 1;
    int sRa = da + S, sIa = sRa + 1;
    int vRc = dc + V, vIc = vRc + 1, cc = dc + C, pRc = dc + P, pIc = pRc + 1, qRc = dc + Q, qIc = qRc + 1;
    int sRc = dc + S, sIc = sRc + 1;

    // (B5i) CVcv[a][c] = -[2 gamma (1+mu) - i(dnu_a - dnu_c)] CVcv - g_c A(c,a) - g_a conj(A(a,c)),
    // A(l,n) = -2 conj(b) VCcc[l][n] + conj(bCv_n)(1 - 2Cc_l) - 2 Vc_n conj(bCc_l) + 4 conj(b) Cc_l Vc_n:
    // bCv_n enters with a real coefficient, so re rows see re(bCv), im rows im(bCv).
    int[] common = {
        B, B + 1, t + Y, t + Y + 1, ca, cc, vRa, vIa, vRc, vIc, qRc, qIc, qRa, qIa, o + Y, o + Y + 1};
    rows.add(o + X, common);
    rows.add(o + X, o + X, o + X + 1, pRa, pRc);
    rows.add(o + X + 1, common);
    rows.add(o + X + 1, o + X + 1, o + X, pIa, pIc);

    // (B5j) VCcc[a][c] (l = a, n = c): -[gamma(1+mu) + gnr - i dnu_c] VCcc - g_c F + g_a G + gain Vc_c,
    // F = b (4 Cc_a Cc_c - 2 CCcc[a][c]) + (1 - 2Cc_c) bCc_a - 2 Cc_a bCc_c (real coefficients on bCc),
    // G = -b CVcv[c][a] - conj(b) VVcc[a][c] - conj(Vc_a) bVc_c - Vc_a conj(bCv_c)
    //     + [4 Re(b conj(Vc_a)) - 2 Re(bCv_a)] Vc_c: Vc_c only with a real coefficient.
    int[] yCommon = {
        o + Y, o + Y + 1, o + W, B, B + 1, ca, cc, t + X, t + X + 1, vRa, vIa, sRc, sIc,
        o + Z, o + Z + 1, pRc, pIc, pRa};
    rows.add(o + Y, yCommon);
    rows.add(o + Y, qRa, qRc, vRc);
    rows.add(o + Y + 1, yCommon);
    rows.add(o + Y + 1, qIa, qIc, vIc);

    // (B5k) VVcc[a][c]: -[2 gamma(1+mu) - i(dnu_a + dnu_c)] VVcc - g_a B(a,c) - g_c B(c,a),
    // B(l,n) = -2b VCcc[l][n] + 4b Cc_l Vc_n + bVc_n (1 - 2Cc_l) - 2 Vc_n bCc_l.
    int[] zCommon = {
        o + Z, o + Z + 1, B, B + 1, o + Y, o + Y + 1, t + Y, t + Y + 1, ca, cc, vRa, vIa, vRc, vIc,
        qRa, qIa, qRc, qIc};
    rows.add(o + Z, zCommon);
    rows.add(o + Z, sRa, sRc);
    rows.add(o + Z + 1, zCommon);
    rows.add(o + Z + 1, sIa, sIc);

    // (B5l) CCcc[a][c]: -2 gnr CCcc + 2 Re[g_a E(c,a) + g_c E(a,c)] + pump and gamma_NL terms,
    // E(l,n) = -b conj(VCcc[l][n]) + 2b Cc_l conj(Vc_n) - Cc_l bCv_n - conj(Vc_n) bCc_l.
    rows.add(o + W, o + W, B, B + 1, o + Y, o + Y + 1, t + Y, t + Y + 1, ca, cc, vRa, vIa, vRc, vIc,
        pRa, pRc, qRa, qIa, qRc, qIc);
  }

  private static void addAllVc(Rows rows, DisperseStructure s, int row) {
    for (int m = 0; m < s.n; m++) {
      rows.add(row, s.dot(m) + V, s.dot(m) + V + 1);
    }
  }

  /** Growable column lists per row; duplicates are removed by {@link SparsityPattern#fromRows}. */
  private static final class Rows {
    private final int[][] cols;
    private final int[] count;

    Rows(int n) {
      cols = new int[n][8];
      count = new int[n];
    }

    void add(int row, int... columns) {
      int k = count[row];
      if (k + columns.length > cols[row].length) {
        cols[row] = Arrays.copyOf(cols[row], Math.max(2 * cols[row].length, k + columns.length));
      }
      System.arraycopy(columns, 0, cols[row], k, columns.length);
      count[row] = k + columns.length;
    }

    SparsityPattern build() {
      int[][] trimmed = new int[cols.length][];
      for (int i = 0; i < cols.length; i++) {
        trimmed[i] = Arrays.copyOf(cols[i], count[i]);
      }
      return SparsityPattern.fromRows(trimmed);
    }
  }
}
