package org.qdlaser.stages.physics;

/**
 * The equations for b, Bb, bb, Cc, Vc, bCv, bCc, bVc shared by TPM (B5a-h reduced to identical
 * dots) and TPM_IF (C1a-h reduced), in the layout b, Bb, bb, Cc, Vc, bCv, bCc, bVc (14 reals).
 *
 * <p>The models differ only in the two-dot quantities X = CVcv, Y = VCcc, Z = VVcc entering (e),
 * (f), (g) with weight (N - 1) g: TPM carries them as unknowns, TPM_IF replaces them by their
 * factorisations |Vc|^2, Cc Vc and Vc^2. Following the general {@code _d} equations (C1f, B5f), the
 * term b <b^+ v^+ c> in (f) has factor 1, not the 2 printed in (C2f) (see docs/errata.md).
 */
final class TwoParticleCore {
  static final int DIM = 14;

  private TwoParticleCore() {}

  /** Writes d[0..13]; g is real. */
  static void rhs(
      LaserParameters p, double[] y, double xR, double xI, double yR, double yI, double zR, double zI,
      double[] d) {
    final double gc = p.gammaC();
    final double ga = p.gamma();
    final double gnr = p.gammaNr();
    final double gnl = p.gammaNl();
    final double dn = p.deltaNu();
    final double g = p.g();
    final double nDots = p.n();
    final double m1 = nDots - 1;
    final double r = p.r();

    final double bR = y[0], bI = y[1], nb = y[2], bbR = y[3], bbI = y[4], cc = y[5];
    final double vR = y[6], vI = y[7], pR = y[8], pI = y[9], qR = y[10], qI = y[11];
    final double sR = y[12], sI = y[13];
    final double b2 = bR * bR + bI * bI;

    // (a) d b = -gc b + N g Vc
    d[0] = -gc * bR + nDots * g * vR;
    d[1] = -gc * bI + nDots * g * vI;
    // (d) d Bb = -2 gc Bb + 2 N g Re(bCv)
    d[2] = -2 * gc * nb + 2 * nDots * g * pR;
    // (h) d bb = -2 gc bb + 2 N g bVc
    d[3] = -2 * gc * bbR + 2 * nDots * g * sR;
    d[4] = -2 * gc * bbI + 2 * nDots * g * sI;
    // (c) d Cc = r (1 - Cc) - (gNL + gnr) Cc - 2 g Re(bCv)
    d[5] = r * (1 - cc) - (gnl + gnr) * cc - 2 * g * pR;
    // (b) d Vc = -(gamma - i dn) Vc + g (2 bCc - b)
    d[6] = -ga * vR - dn * vI + g * (2 * qR - bR);
    d[7] = -ga * vI + dn * vR + g * (2 * qI - bI);
    // (e) d bCv = -(gamma + gc + i dn) bCv
    //     + g [Cc - Bb (1 - 2Cc) - 4 |b|^2 Cc + 4 Re(b conj(bCc))] + (N - 1) g X
    final double k = ga + gc;
    final double reBconjQ = bR * qR + bI * qI;
    d[8] = -k * pR + dn * pI + g * (cc - nb * (1 - 2 * cc) - 4 * b2 * cc + 4 * reBconjQ) + m1 * g * xR;
    d[9] = -k * pI - dn * pR + m1 * g * xI;
    // (f) d bCc with the two-dot term (N - 1) g Y
    bccRate(y, 6, 8, 10, 12, gc + gnr, g, r * (1 - cc) - gnl * cc, m1 * g * yR, m1 * g * yI, d, 10);
    // (g) d bVc with the two-dot term (N - 1) g Z
    bvcRate(y, 10, 12, cc, k, dn, g, m1 * g * zR, m1 * g * zI, d, 12);
  }

  /**
   * (f), the photon-assisted coherence bCc of one dot, shared with the polydisperse models:
   * d bCc = -(gc + gnr) bCc - gNL b Cc - g [2 b (bCv - b conj(Vc)) + bb conj(Vc)]
   * - g [conj(b) (bVc - 2 b Vc) + Bb Vc + b conj(bCv)] + r b (1 - Cc) + two-dot term,
   * with gain = r (1 - Cc) - gNL Cc. Reads b, Bb, bb at y[0..4] and the dot's Vc, bCv, bCc, bVc (re,
   * im) at y[v], y[p], y[q], y[s]; writes d[at], d[at + 1].
   */
  static void bccRate(double[] y, int v, int p, int q, int s, double kq, double g, double gain, double twoDotR,
      double twoDotI, double[] d, int at) {
    final double bR = y[0], bI = y[1], nb = y[2], bbR = y[3], bbI = y[4];
    final double vR = y[v], vI = y[v + 1], pR = y[p], pI = y[p + 1], qR = y[q], qI = y[q + 1];
    final double sR = y[s], sI = y[s + 1];
    final double bcvR = bR * vR + bI * vI; // b conj(Vc)
    final double bcvI = bI * vR - bR * vI;
    final double uR = pR - bcvR;
    final double uI = pI - bcvI;
    final double t1R = 2 * (bR * uR - bI * uI);
    final double t1I = 2 * (bR * uI + bI * uR);
    final double t2R = bbR * vR + bbI * vI; // bb conj(Vc)
    final double t2I = bbI * vR - bbR * vI;
    final double bvR = bR * vR - bI * vI; // b Vc
    final double bvI = bR * vI + bI * vR;
    final double wR = sR - 2 * bvR;
    final double wI = sI - 2 * bvI;
    final double t3R = bR * wR + bI * wI; // conj(b) w
    final double t3I = bR * wI - bI * wR;
    final double t4R = bR * pR + bI * pI; // b conj(bCv)
    final double t4I = bI * pR - bR * pI;
    d[at] = -kq * qR - g * (t1R + t2R) - g * (t3R + nb * vR + t4R) + gain * bR + twoDotR;
    d[at + 1] = -kq * qI - g * (t1I + t2I) - g * (t3I + nb * vI + t4I) + gain * bI + twoDotI;
  }

  /**
   * (g), the photon-assisted coherence bVc of one dot, shared with the polydisperse models:
   * d bVc = -(gc + gamma - i dn) bVc + g [-bb (1 - 2Cc) + 4 b (bCc - b Cc)] + two-dot term, with
   * k = gamma + gc. Reads b, bb at y[0..1], y[3..4] and the dot's bCc, bVc (re, im) at y[q], y[s];
   * writes d[at], d[at + 1].
   */
  static void bvcRate(double[] y, int q, int s, double cc, double k, double dn, double g, double twoDotR,
      double twoDotI, double[] d, int at) {
    final double bR = y[0], bI = y[1], bbR = y[3], bbI = y[4];
    final double qR = y[q], qI = y[q + 1], sR = y[s], sI = y[s + 1];
    final double aR = qR - bR * cc;
    final double aI = qI - bI * cc;
    final double baR = bR * aR - bI * aI;
    final double baI = bR * aI + bI * aR;
    final double one2c = 1 - 2 * cc;
    d[at] = -k * sR - dn * sI + g * (-bbR * one2c + 4 * baR) + twoDotR;
    d[at + 1] = -k * sI + dn * sR + g * (-bbI * one2c + 4 * baI) + twoDotI;
  }
}
