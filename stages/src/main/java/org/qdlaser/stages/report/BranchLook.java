package org.qdlaser.stages.report;

import java.awt.Color;
import java.util.Objects;

/**
 * How one model's branch is drawn when the paper's caption names it (Fig. 7): its colour and the line of its stable
 * part; its unstable part is then a thin dotted line in the same colour, so that the caption's per-model line styles
 * and the stability stay readable together.
 *
 * @param colour the branch's colour
 * @param line the stable part's line
 */
public record BranchLook(Color colour, Line line) {
  /** Line patterns the paper's captions name. */
  public enum Line {
    SOLID,
    DASHED,
    DOT_DASHED
  }

  public BranchLook {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(line, "line");
  }

  /**
   * The look of a model in the paper's Fig. 7 caption: "CIM (solid blue line), the TPM (dot-dashed lines, purple,
   * yellow, and red for mu = [0.0, 0.05, 0.1] respectively), and the TPM_IF (dashed green line)"; null for a model
   * or mu the caption does not name. Yellow is drawn dark (gold) to stay readable on white.
   *
   * @param model the model's name (CIM, TPM_IF, TPM)
   * @param mu the TPM's phonon parameter (ignored for the other models)
   */
  public static BranchLook paperFig7(String model, double mu) {
    return switch (model) {
      case "CIM" -> new BranchLook(new Color(0x1F5FBF), Line.SOLID);
      case "TPM_IF" -> new BranchLook(new Color(0x1B9E3B), Line.DASHED);
      case "TPM" -> mu == 0 ? new BranchLook(new Color(0x7B2D9B), Line.DOT_DASHED)
          : mu == 0.05 ? new BranchLook(new Color(0xC9A000), Line.DOT_DASHED)
          : mu == 0.1 ? new BranchLook(new Color(0xD7191C), Line.DOT_DASHED) : null;
      default -> null;
    };
  }
}
