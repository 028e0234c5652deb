package org.qdlaser.stages.physics;

/**
 * One named expectation value in a model's real state vector.
 *
 * @param name reference-data name (b, Bb, bb, Cc, Vc, bCv, bCc, bVc, CVcv, VCcc, VVcc, CCcc)
 * @param offset index of the real part (or the real value) in the state array
 * @param complex whether the field takes two reals (re at offset, im at offset + 1)
 * @param charge phase charge under b -> b e^{i phi} (0 for phase-invariant fields)
 */
public record Field(String name, int offset, boolean complex, int charge) {
  public Field {
    if (offset < 0) {
      throw new IllegalArgumentException("field offset must be >= 0, got " + offset);
    }
    if (!complex && charge != 0) {
      throw new IllegalArgumentException("a real field must have charge 0, got " + charge + " for " + name);
    }
  }

  /** Number of reals the field occupies. */
  public int size() {
    return complex ? 2 : 1;
  }
}
