package org.qdlaser.stages.physics;

/** Factory of models by kind. */
public final class Models {
  private Models() {}

  /** An identical-dot model; IllegalArgumentException for the {@code _d} kinds. */
  public static Model identical(ModelKind kind, LaserParameters p) {
    return switch (kind) {
      case CIM -> new CimModel(p);
      case TPM_IF -> new TpmIfModel(p);
      case TPM -> new TpmModel(p);
      default -> throw new IllegalArgumentException(
          "model " + kind + " needs per-dot detunings; identical-dot models are CIM, TPM_IF, TPM");
    };
  }

  /** A polydisperse model; IllegalArgumentException for the identical-dot kinds. */
  public static Model disperse(ModelKind kind, DisperseParameters p) {
    return switch (kind) {
      case CIM_d -> new CimDisperseModel(p);
      case TPM_IF_d -> new TpmIfDisperseModel(p);
      case TPM_d -> new TpmDisperseModel(p);
      default -> throw new IllegalArgumentException(
          "model " + kind + " is an identical-dot model; polydisperse models are CIM_d, TPM_IF_d, TPM_d");
    };
  }
}
