package org.qdlaser.stages.physics;

/**
 * TPM for identical dots with phonon dephasing mu: the general Eqs. (B5a)-(B5l) with all dots equal
 * (sums over n != l become (N - 1) times one term), consistent with (B7). State: b, Bb, bb, Cc, Vc,
 * bCv, bCc, bVc, CVcv, VCcc, VVcc, CCcc (21 reals). g is real.
 */
public final class TpmModel extends AbstractIdenticalDotModel {
  static final StateLayout LAYOUT =
      StateLayout.of(
          "b", true, 1, "Bb", false, 0, "bb", true, 2, "Cc", false, 0, "Vc", true, 1,
          "bCv", true, 0, "bCc", true, 1, "bVc", true, 2, "CVcv", true, 0, "VCcc", true, 1,
          "VVcc", true, 2, "CCcc", false, 0);

  public TpmModel(LaserParameters p) {
    super(p);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.TPM;
  }

  @Override
  public StateLayout layout() {
    return LAYOUT;
  }

  @Override
  public TpmModel withPump(double r) {
    return new TpmModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    final double xR = y[14], xI = y[15], yR = y[16], yI = y[17], zR = y[18], zI = y[19], w = y[20];
    TwoParticleCore.rhs(p, y, xR, xI, yR, yI, zR, zI, d);

    final double ga = p.gamma();
    final double gnr = p.gammaNr();
    final double gnl = p.gammaNl();
    final double dn = p.deltaNu();
    final double g = p.g();
    final double r = p.r();
    final double mu1 = 1 + p.mu();
    final double bR = y[0], bI = y[1], cc = y[5], vR = y[6], vI = y[7], pR = y[8], pI = y[9];
    final double qR = y[10], qI = y[11], sR = y[12], sI = y[13];
    final double one2c = 1 - 2 * cc;
    final double v2 = vR * vR + vI * vI;

    // (B5i) d X = -2 gamma (1 + mu) X - g A - g conj(A),
    // A = -2 conj(b) Y + conj(bCv)(1 - 2Cc) - 2 Vc conj(bCc) + 4 conj(b) Cc Vc
    final double aR = -2 * (bR * yR + bI * yI) + pR * one2c - 2 * (vR * qR + vI * qI) + 4 * cc * (bR * vR + bI * vI);
    d[14] = -2 * ga * mu1 * xR - 2 * g * aR;
    d[15] = -2 * ga * mu1 * xI;

    // (B5j) d Y = -[gamma (1 + mu) + gnr - i dn] Y - g [-2 b W + 4 b Cc^2 - 4 Cc bCc + bCc]
    //   + g [-b X + 2 b |Vc|^2 - Vc bCv - conj(Vc) bVc]
    //   + g [-conj(b) Z + 2 conj(b) Vc^2 - 2 Vc conj(bCv)] + r Vc (1 - Cc) - gNL Vc Cc
    final double ky = ga * mu1 + gnr;
    final double f1 = -2 * w + 4 * cc * cc;
    final double c1R = bR * f1 - 4 * cc * qR + qR;
    final double c1I = bI * f1 - 4 * cc * qI + qI;
    final double c2R = -(bR * xR - bI * xI) + 2 * bR * v2 - (vR * pR - vI * pI) - (vR * sR + vI * sI);
    final double c2I = -(bR * xI + bI * xR) + 2 * bI * v2 - (vR * pI + vI * pR) - (vR * sI - vI * sR);
    final double vsqR = vR * vR - vI * vI;
    final double vsqI = 2 * vR * vI;
    final double c3R = -(bR * zR + bI * zI) + 2 * (bR * vsqR + bI * vsqI) - 2 * (vR * pR + vI * pI);
    final double c3I = -(bR * zI - bI * zR) + 2 * (bR * vsqI - bI * vsqR) - 2 * (vI * pR - vR * pI);
    final double gain = r * (1 - cc) - gnl * cc;
    d[16] = -ky * yR - dn * yI - g * c1R + g * c2R + g * c3R + gain * vR;
    d[17] = -ky * yI + dn * yR - g * c1I + g * c2I + g * c3I + gain * vI;

    // (B5k) d Z = -2 [gamma (1 + mu) - i dn] Z - 2 g [-2 b Y + 4 b Cc Vc + bVc (1 - 2Cc) - 2 Vc bCc]
    final double e1R = -2 * (bR * yR - bI * yI) + 4 * cc * (bR * vR - bI * vI) + sR * one2c - 2 * (vR * qR - vI * qI);
    final double e1I = -2 * (bR * yI + bI * yR) + 4 * cc * (bR * vI + bI * vR) + sI * one2c - 2 * (vR * qI + vI * qR);
    d[18] = -2 * ga * mu1 * zR - 2 * dn * zI - 2 * g * e1R;
    d[19] = -2 * ga * mu1 * zI + 2 * dn * zR - 2 * g * e1I;

    // (B5l) d W = -2 gnr W + 4 g Re[-b conj(Y) + 2 b Cc conj(Vc) - Cc bCv - conj(Vc) bCc]
    //   + 2 r Cc (1 - Cc) - 2 gNL Cc^2
    final double hR = -(bR * yR + bI * yI) + 2 * cc * (bR * vR + bI * vI) - cc * pR - (vR * qR + vI * qI);
    d[20] = -2 * gnr * w + 4 * g * hR + 2 * r * cc * (1 - cc) - 2 * gnl * cc * cc;
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    return factorised(LAYOUT, b, vc, cc);
  }

  /** Factorised state on any two-particle layout (real b, Vc): products of single values. */
  static double[] factorised(StateLayout layout, double b, double vc, double cc) {
    double[] y = new double[layout.dimension()];
    String[] names = {"b", "Bb", "bb", "Cc", "Vc", "bCv", "bCc", "bVc", "CVcv", "VCcc", "VVcc", "CCcc"};
    double[] values = {b, b * b, b * b, cc, vc, b * vc, b * cc, b * vc, vc * vc, cc * vc, vc * vc, cc * cc};
    for (int i = 0; i < names.length; i++) {
      if (layout.has(names[i])) {
        y[layout.field(names[i]).offset()] = values[i];
      }
    }
    return y;
  }
}
