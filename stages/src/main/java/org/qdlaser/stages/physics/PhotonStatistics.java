package org.qdlaser.stages.physics;

/**
 * The equal-time second-order photon correlation g2(0) = {@code <b+ b+ b b> / <b+ b>^2} of a model
 * state, with the four-photon moment from the cluster expansion at the models' own order
 * (docs/decisions.md, "Photon statistics: g2(0) from the cluster expansion").
 *
 * <p>App. B's expansion (B1)-(B4) of {@code <b+ b+ b b>} with the four-particle correlation dropped,
 * and its three-particle moments {@code <b+ b+ b>}, {@code <b+ b b>} expanded by (B1)-(B2) with the
 * three-particle correlation dropped (the truncation that defines the TPM family), leaves
 *
 * <pre>
 *   <b+ b+ b b> = |beta|^4 + 4 |beta|^2 dn + 2 Re(conj(beta)^2 dm) + 2 dn^2 + |dm|^2
 *               = 2 <b+b>^2 + |<bb>|^2 - 2 |<b>|^4,
 * </pre>
 *
 * beta = {@code <b>}, dn = {@code <b+b> - |<b>|^2} (incoherent photons), dm = {@code <bb> - <b>^2}
 * (anomalous cumulant): the moment of a Gaussian state. Hence g2 = 2 + (|<bb>|^2 - 2 |<b>|^4) /
 * {@code <b+b>^2}: 2 for a thermal field (beta = 0, {@code <bb>} = 0), 1 for a coherent one (dn = 0,
 * dm = 0).
 *
 * <p>TPM, TPM_IF and their {@code _d} forms carry {@code <bb>}. The CIM does not: it keeps only the
 * phase-invariant two-particle moments, and its equations are TPM_IF's with every phase-charged
 * two-particle cumulant set to zero ({@code <b c+c> = <b><c+c>}, {@code <b v+c> = <b><v+c>}), so its
 * own-order {@code <bb>} is {@code <b>^2} (dm = 0), and g2 = 2 - |<b>|^4 / {@code <b+b>^2}
 * ({@link Closure#CIM_NO_ANOMALOUS}). What the CIM cannot give is any phase-sensitive (squeezing)
 * part of the photon statistics.
 *
 * <p>Either way g2 = 2 exactly in every non-lasing state (beta = 0, {@code <bb>} = 0): at this order
 * the field below threshold is thermal by construction; a deviation would need the four-photon
 * correlation the models drop.
 *
 * @param g2 {@code <b+ b+ b b> / <b+ b>^2}; NaN without photons
 * @param photons {@code <b+ b>}
 * @param coherentIntensity {@code |<b>|^2}
 * @param incoherentPhotons dn = {@code <b+b> - |<b>|^2}
 * @param anomalousCumulant |dm| = {@code |<bb> - <b>^2|} (0 by closure for the CIM)
 * @param closure how the four-photon moment was obtained
 */
public record PhotonStatistics(
    double g2, double photons, double coherentIntensity, double incoherentPhotons, double anomalousCumulant,
    Closure closure) {

  /** How {@code <b+ b+ b b>} follows from a model's variables. */
  public enum Closure {
    /** Three- and four-particle photon correlations dropped; {@code <b>, <b+b>, <bb>} from the model. */
    GAUSSIAN,
    /** As {@link #GAUSSIAN} with the CIM's own {@code <bb> = <b>^2} (no anomalous cumulant). */
    CIM_NO_ANOMALOUS
  }

  /**
   * Whether the moments belong to a quantum (Gaussian) state: dn >= 0 and |dm|^2 <= dn (dn + 1),
   * i.e. a positive covariance matrix obeying the uncertainty relation. The closures do not
   * enforce either; a violating state gives a g2 that no field has (it may be below 1, or below 0).
   */
  public boolean physical() {
    return incoherentPhotons >= 0
        && anomalousCumulant * anomalousCumulant <= incoherentPhotons * (incoherentPhotons + 1) * (1 + ROUNDING_SLACK);
  }

  /**
   * Relative slack on the uncertainty bound: a pure Gaussian state (squeezed vacuum) sits exactly on
   * it and comes out a few ulps above in double precision; 1e-12 is far above that and far below
   * any violation that matters.
   */
  public static final double ROUNDING_SLACK = 1e-12;

  /** g2 of a state of {@code model} (any of the six; the CIM family by {@link Closure#CIM_NO_ANOMALOUS}). */
  public static PhotonStatistics of(Model model, double[] y) {
    StateLayout layout = model.layout();
    Field b = layout.field("b");
    double bR = y[b.offset()];
    double bI = y[b.offset() + 1];
    double n = y[layout.field("Bb").offset()];
    if (layout.has("bb")) {
      Field bb = layout.field("bb");
      return gaussian(bR, bI, n, y[bb.offset()], y[bb.offset() + 1]);
    }
    PhotonStatistics s = gaussian(bR, bI, n, bR * bR - bI * bI, 2 * bR * bI);
    return new PhotonStatistics(s.g2, s.photons, s.coherentIntensity, s.incoherentPhotons, 0.0, Closure.CIM_NO_ANOMALOUS);
  }

  /**
   * The Gaussian closure from the moments: {@code <b>} = bR + i bI, {@code <b+b>} = n, {@code <bb>}
   * = bbR + i bbI. Written as g2 = 2 (1 - (|beta|^2 / n)^2) + |<bb>|^2 / n^2 so that the thermal and
   * coherent limits come out exactly 2 and 1 in floating point.
   */
  public static PhotonStatistics gaussian(double bR, double bI, double n, double bbR, double bbI) {
    double coherent = bR * bR + bI * bI;
    double dmR = bbR - (bR * bR - bI * bI);
    double dmI = bbI - 2 * bR * bI;
    double g2 = Double.NaN;
    if (n != 0) {
      double f = coherent / n;
      double m = (bbR * bbR + bbI * bbI) / (n * n);
      g2 = 2 * (1 - f * f) + m;
    }
    return new PhotonStatistics(g2, n, coherent, n - coherent, Math.hypot(dmR, dmI), Closure.GAUSSIAN);
  }
}
