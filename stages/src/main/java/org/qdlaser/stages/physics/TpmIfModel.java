package org.qdlaser.stages.physics;

/**
 * TPM_IF for identical dots: Eqs. (C2a)-(C2h), obtained from the general (C1) with all dots equal.
 * State: b, Bb, bb, Cc, Vc, bCv, bCc, bVc (14 reals). g is real.
 */
public final class TpmIfModel extends AbstractIdenticalDotModel {
  static final StateLayout LAYOUT =
      StateLayout.of(
          "b", true, 1, "Bb", false, 0, "bb", true, 2, "Cc", false, 0, "Vc", true, 1,
          "bCv", true, 0, "bCc", true, 1, "bVc", true, 2);

  public TpmIfModel(LaserParameters p) {
    super(p);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.TPM_IF;
  }

  @Override
  public StateLayout layout() {
    return LAYOUT;
  }

  @Override
  public TpmIfModel withPump(double r) {
    return new TpmIfModel(p.withR(r));
  }

  @Override
  public void rhs(double t, double[] y, double[] d) {
    final double cc = y[5], vR = y[6], vI = y[7];
    // Two-dot correlations factorised: CVcv -> conj(Vc) Vc, VCcc -> Cc Vc, VVcc -> Vc Vc.
    TwoParticleCore.rhs(
        p, y, vR * vR + vI * vI, 0.0, cc * vR, cc * vI, vR * vR - vI * vI, 2 * vR * vI, d);
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    return TpmModel.factorised(LAYOUT, b, vc, cc);
  }
}
