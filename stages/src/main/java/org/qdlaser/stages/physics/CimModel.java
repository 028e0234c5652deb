package org.qdlaser.stages.physics;

/**
 * CIM for identical dots, Eqs. (D2a)-(D2e). State: b, Bb, Cc, Vc, bCv (8 reals). g is real.
 */
public final class CimModel extends AbstractIdenticalDotModel {
  static final StateLayout LAYOUT =
      StateLayout.of("b", true, 1, "Bb", false, 0, "Cc", false, 0, "Vc", true, 1, "bCv", true, 0);

  public CimModel(LaserParameters p) {
    super(p);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.CIM;
  }

  @Override
  public StateLayout layout() {
    return LAYOUT;
  }

  @Override
  public CimModel withPump(double r) {
    return new CimModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    final double gc = p.gammaC();
    final double ga = p.gamma();
    final double dn = p.deltaNu();
    final double g = p.g();
    final double nDots = p.n();
    final double r = p.r();
    final double bR = y[0], bI = y[1], bb = y[2], cc = y[3], vR = y[4], vI = y[5], pR = y[6], pI = y[7];
    // (D2a)
    d[0] = -gc * bR + nDots * g * vR;
    d[1] = -gc * bI + nDots * g * vI;
    // (D2d)
    d[2] = -2 * gc * bb + 2 * nDots * g * pR;
    // (D2c)
    d[3] = -(p.gammaNr() + p.gammaNl()) * cc - 2 * g * pR + r * (1 - cc);
    // (D2b): -(gamma - i dn) Vc + g b (2 Cc - 1)
    final double inv = 2 * cc - 1;
    d[4] = -ga * vR - dn * vI + g * bR * inv;
    d[5] = -ga * vI + dn * vR + g * bI * inv;
    // (D2e): -(gamma + gamma_c + i dn) bCv + g [Cc + Bb (2Cc - 1)] + (N - 1) g |Vc|^2
    final double k = ga + gc;
    d[6] = -k * pR + dn * pI + g * (cc + bb * inv) + (nDots - 1) * g * (vR * vR + vI * vI);
    d[7] = -k * pI - dn * pR;
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    double[] y = new double[LAYOUT.dimension()];
    set(y, "b", b, 0);
    set(y, "Bb", b * b, 0);
    set(y, "Cc", cc, 0);
    set(y, "Vc", vc, 0);
    set(y, "bCv", b * vc, 0);
    return y;
  }
}
