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
}
